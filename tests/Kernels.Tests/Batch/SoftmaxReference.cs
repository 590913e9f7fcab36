using System;
using System.Linq;

namespace Kernels.Tests;

/// <summary>
/// An independent reference for the logit measures, in double-double (about 106 bits): the softmax of a row from its
/// maximum, e^d by range reduction and a Taylor series, log Σe^d, then the measure straight from its definition
/// (−Σ p·log p, −Σ t·log p). Nothing here shares code or formulas with the library's log-sum-exp folds.
/// </summary>
internal static class SoftmaxReference
{
    /// <summary>A value to about 1e-30 relative and Σ|term| of its definition (the scale of the accuracy bound).</summary>
    public readonly record struct Result(double Value, double AbsoluteTermSum);

    /// <summary>e^x for x ≤ 0 (−∞ gives 0), to about 1e-31 relative.</summary>
    public static DoubleDouble Exp(DoubleDouble x)
    {
        if (x.Hi == double.NegativeInfinity || x.Hi < -1100.0)
        {
            return 0.0;
        }

        double k = Math.Round(x.Hi / DoubleDouble.Ln2.Hi);
        DoubleDouble r = x - (DoubleDouble.Ln2 * k); // |r| ≤ 0.35
        DoubleDouble sum = 1.0, term = 1.0;
        for (int n = 1; n < 40; n++)
        {
            term = term * r / n;
            sum += term;
            if (Math.Abs(term.Hi) < 1e-36)
            {
                break;
            }
        }

        return new DoubleDouble(Math.ScaleB(sum.Hi, (int)k), Math.ScaleB(sum.Lo, (int)k));
    }

    /// <summary>ln a for a positive double-double: the log of the leading part plus log1p(Lo/Hi) ≈ Lo/Hi (|Lo/Hi| ≤ 2^-53).</summary>
    public static DoubleDouble Log(DoubleDouble a) => DoubleDouble.LogRatio(a.Hi, 1.0) + (a.Lo / a.Hi);

    /// <summary>log softmax(z) of one row (−∞ where z is −∞), or null when the row has no finite maximum (all −∞, a
    /// NaN or +∞): the measures of such a row are NaN.</summary>
    public static DoubleDouble[]? LogSoftmax(double[] z)
    {
        if (z.Any(double.IsNaN) || z.Any(double.IsPositiveInfinity))
        {
            return null;
        }

        double m = z.Max();
        if (double.IsNegativeInfinity(m))
        {
            return null;
        }

        DoubleDouble[] d = z.Select(x => double.IsNegativeInfinity(x) ? new DoubleDouble(double.NegativeInfinity, 0.0) : (DoubleDouble)x - m).ToArray();
        DoubleDouble total = 0.0;
        foreach (DoubleDouble di in d)
        {
            total += Exp(di);
        }

        DoubleDouble logTotal = Log(total);
        return d.Select(di => double.IsNegativeInfinity(di.Hi) ? di : di - logTotal).ToArray();
    }

    /// <summary>H(softmax z) = −Σ p·log p, every term ≥ 0.</summary>
    public static Result Entropy(double[] z)
    {
        DoubleDouble[]? logP = LogSoftmax(z);
        if (logP is null)
        {
            return new Result(double.NaN, double.NaN);
        }

        DoubleDouble h = 0.0;
        foreach (DoubleDouble lp in logP)
        {
            if (!double.IsNegativeInfinity(lp.Hi))
            {
                h -= Exp(lp) * lp;
            }
        }

        return new Result(h.Value, Math.Abs(h.Value));
    }

    /// <summary>−Σ tⱼ·log softmax(z)ⱼ for target weights t: tⱼ = 0 contributes 0, tⱼ ≠ 0 on a −∞ logit gives ±∞.</summary>
    public static Result CrossEntropy(double[] t, double[] z)
    {
        if (t.Any(double.IsNaN))
        {
            return new Result(double.NaN, double.NaN);
        }

        DoubleDouble[]? logP = LogSoftmax(z);
        if (logP is null)
        {
            return new Result(double.NaN, double.NaN);
        }

        DoubleDouble total = 0.0;
        double scale = 0.0, special = 0.0;
        for (int j = 0; j < t.Length; j++)
        {
            if (t[j] == 0.0)
            {
                continue;
            }

            if (double.IsNegativeInfinity(logP[j].Hi))
            {
                special += t[j] > 0 ? double.PositiveInfinity : double.NegativeInfinity;
                continue;
            }

            DoubleDouble term = -((DoubleDouble)t[j] * logP[j]);
            total += term;
            scale += Math.Abs(term.Value);
        }

        return special != 0.0 || double.IsNaN(special) ? new Result(special, double.NaN) : new Result(total.Value, scale);
    }

    /// <summary>Cross-entropy of a class index with label smoothing ε: 1 − ε on the class, ε/k on each of the k classes.</summary>
    public static Result ClassCrossEntropy(double[] z, int target, double smoothing)
    {
        Result hard = smoothing < 1.0 ? CrossEntropy(OneHot(z.Length, target, 1.0 - smoothing), z) : new Result(0.0, 0.0);
        Result soft = smoothing > 0.0 ? CrossEntropy(Enumerable.Repeat(smoothing / z.Length, z.Length).ToArray(), z) : new Result(0.0, 0.0);
        return Add(hard, soft);
    }

    /// <summary>Cross-entropy of target probabilities p (scaled to sum 1 first when <paramref name="normalize"/>) with
    /// label smoothing: target (1 − ε)·p + ε/k.</summary>
    public static Result TargetCrossEntropy(double[] p, double[] z, double smoothing, bool normalize)
    {
        double[] target = p;
        if (normalize)
        {
            DoubleDouble total = 0.0;
            foreach (double x in p)
            {
                total += x;
            }

            if (total.Hi == 0.0 || !double.IsFinite(total.Hi))
            {
                return new Result(double.NaN, double.NaN);
            }

            target = p.Select(x => ((DoubleDouble)x / total).Value).ToArray();
        }

        Result hard = smoothing < 1.0 ? CrossEntropy(target.Select(x => x * (1.0 - smoothing)).ToArray(), z) : new Result(0.0, 0.0);
        Result soft = smoothing > 0.0 ? CrossEntropy(Enumerable.Repeat(smoothing / z.Length, z.Length).ToArray(), z) : new Result(0.0, 0.0);
        return Add(hard, soft);
    }

    // The 1 − ε part and the ε/k part are summed as two cross-entropies (their targets are then exact doubles).
    private static Result Add(Result a, Result b) => new(a.Value + b.Value, a.AbsoluteTermSum + b.AbsoluteTermSum);

    private static double[] OneHot(int length, int index, double value)
    {
        double[] t = new double[length];
        t[index] = value;
        return t;
    }
}
