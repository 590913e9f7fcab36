using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Kernels.Benchmarks;

/// <summary>
/// The fixed-seed inputs of the <see cref="Measures"/> comparisons at one size: a pair of strictly positive probability
/// vectors, two (mean, log-variance) pairs, a joint table of positive weights (not normalized: the measures divide by
/// the total) and integer counts with about 5% zeros. Every input of the vector measures has <see cref="Length"/>
/// elements; the table has <see cref="TableRows"/> × <see cref="TableColumns"/>.
/// </summary>
internal sealed class MeasuresWorkload<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public MeasuresWorkload(int n, int tableRows, int tableColumns)
    {
        (P, Q) = Probabilities.Pair<T>(n);
        var random = new Random(Probabilities.Seed + 2);
        Mean1 = Uniform(random, n, -2.0, 2.0);
        LogVariance1 = Uniform(random, n, -2.0, 2.0);
        Mean2 = Uniform(random, n, -2.0, 2.0);
        LogVariance2 = Uniform(random, n, -2.0, 2.0);
        Joint = Uniform(random, tableRows * tableColumns, 0.0, 1.0).Select(x => T.One - x).ToArray();
        Counts = Enumerable.Range(0, n).Select(_ => T.CreateTruncating(random.Next(0, 20))).ToArray();
        TableRows = tableRows;
        TableColumns = tableColumns;
    }

    /// <summary>n elements, and a square table of about n entries (side = round(√n)).</summary>
    public static MeasuresWorkload<T> OfSize(int n)
    {
        int side = (int)Math.Round(Math.Sqrt(n));
        return new MeasuresWorkload<T>(n, side, side);
    }

    public int Length => P.Length;

    public T[] P { get; }

    public T[] Q { get; }

    public T[] Mean1 { get; }

    public T[] LogVariance1 { get; }

    public T[] Mean2 { get; }

    public T[] LogVariance2 { get; }

    /// <summary>Row-major, <see cref="TableRows"/> × <see cref="TableColumns"/>, entries in (0, 1].</summary>
    public T[] Joint { get; }

    public int TableRows { get; }

    public int TableColumns { get; }

    /// <summary>Integers 0 to 19.</summary>
    public T[] Counts { get; }

    private static T[] Uniform(Random random, int n, double low, double high) =>
        Enumerable.Range(0, n).Select(_ => T.CreateTruncating(low + ((high - low) * random.NextDouble()))).ToArray();
}

/// <summary>One comparison: our <see cref="Measures"/> call against the scalar loop a user would otherwise write.
/// <paramref name="Order"/> is α for the Rényi and Tsallis measures, else empty; <paramref name="Table"/> marks the
/// joint-table measures (timed per table entry).</summary>
internal sealed record MeasurePair<T>(string Measure, string Order, bool Table, Func<MeasuresWorkload<T>, double> Ours, Func<MeasuresWorkload<T>, double> Naive)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public string Name => Order.Length == 0 ? Measure : $"{Measure} α={Order}";

    /// <summary>Elements read per call: the table's entries or the vector length.</summary>
    public int Elements(MeasuresWorkload<T> workload) => Table ? workload.TableRows * workload.TableColumns : workload.Length;
}

/// <summary>Every new measure paired with its naive loop (<see cref="NaiveMeasures"/>), in the order of
/// <see cref="Measures"/>; the Rényi and Tsallis measures at α = 0.5, 2 and 7.5 (the power) and at the limits α = 1
/// (Shannon, KL) and α = ∞ (min-entropy, log max ratio), which route to other code.</summary>
internal static class MeasurePairs
{
    private static readonly double[] Orders = [0.5, 2.0, 7.5, 1.0, double.PositiveInfinity];

    public static IReadOnlyList<MeasurePair<T>> All<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var pairs = new List<MeasurePair<T>>
        {
            new("Hellinger", "", false,
                w => Two(w.P, w.Q, static (p, q) => Measures.Hellinger(p, q), static (p, q) => Measures.Hellinger(p, q)),
                w => NaiveMeasures.Hellinger<T>(w.P, w.Q)),
            new("TotalVariation", "", false,
                w => Two(w.P, w.Q, static (p, q) => Measures.TotalVariation(p, q), static (p, q) => Measures.TotalVariation(p, q)),
                w => NaiveMeasures.TotalVariation<T>(w.P, w.Q)),
            new("PearsonChiSquare", "", false,
                w => Two(w.P, w.Q, static (p, q) => Measures.PearsonChiSquare(p, q), static (p, q) => Measures.PearsonChiSquare(p, q)),
                w => NaiveMeasures.PearsonChiSquare<T>(w.P, w.Q)),
            new("NeymanChiSquare", "", false,
                w => Two(w.P, w.Q, static (p, q) => Measures.NeymanChiSquare(p, q), static (p, q) => Measures.NeymanChiSquare(p, q)),
                w => NaiveMeasures.NeymanChiSquare<T>(w.P, w.Q)),
            new("BhattacharyyaCoefficient", "", false,
                w => Two(w.P, w.Q, static (p, q) => Measures.BhattacharyyaCoefficient(p, q), static (p, q) => Measures.BhattacharyyaCoefficient(p, q)),
                w => NaiveMeasures.BhattacharyyaCoefficient<T>(w.P, w.Q)),
            new("BhattacharyyaDistance", "", false,
                w => Two(w.P, w.Q, static (p, q) => Measures.BhattacharyyaDistance(p, q), static (p, q) => Measures.BhattacharyyaDistance(p, q)),
                w => NaiveMeasures.BhattacharyyaDistance<T>(w.P, w.Q)),
        };

        foreach (double alpha in Orders)
        {
            pairs.Add(new("RenyiEntropy", OrderName(alpha), false,
                w => One(w.P, p => Measures.RenyiEntropy(p, alpha), p => Measures.RenyiEntropy(p, alpha)),
                w => NaiveMeasures.RenyiEntropy<T>(w.P, alpha)));
        }

        foreach (double alpha in Orders)
        {
            pairs.Add(new("RenyiDivergence", OrderName(alpha), false,
                w => Two(w.P, w.Q, (p, q) => Measures.RenyiDivergence(p, q, alpha), (p, q) => Measures.RenyiDivergence(p, q, alpha)),
                w => NaiveMeasures.RenyiDivergence<T>(w.P, w.Q, alpha)));
        }

        // Tsallis takes finite indices only.
        foreach (double alpha in Orders.Where(double.IsFinite))
        {
            pairs.Add(new("TsallisEntropy", OrderName(alpha), false,
                w => One(w.P, p => Measures.TsallisEntropy(p, alpha), p => Measures.TsallisEntropy(p, alpha)),
                w => NaiveMeasures.TsallisEntropy<T>(w.P, alpha)));
        }

        pairs.AddRange(
        [
            new("GaussianKL (μ, log σ²)", "", false,
                w => Two(w.Mean1, w.LogVariance1, static (m, v) => Measures.GaussianKullbackLeibler(m, v), static (m, v) => Measures.GaussianKullbackLeibler(m, v)),
                w => NaiveMeasures.GaussianKullbackLeibler<T>(w.Mean1, w.LogVariance1)),
            new("GaussianKL (μ₁, log σ₁², μ₂, log σ₂²)", "", false,
                w => typeof(T) == typeof(float)
                    ? Measures.GaussianKullbackLeibler(AsFloat(w.Mean1), AsFloat(w.LogVariance1), AsFloat(w.Mean2), AsFloat(w.LogVariance2))
                    : Measures.GaussianKullbackLeibler(AsDouble(w.Mean1), AsDouble(w.LogVariance1), AsDouble(w.Mean2), AsDouble(w.LogVariance2)),
                w => NaiveMeasures.GaussianKullbackLeibler<T>(w.Mean1, w.LogVariance1, w.Mean2, w.LogVariance2)),
            new("MutualInformation", "", true,
                w => typeof(T) == typeof(float)
                    ? Measures.MutualInformation(AsFloat(w.Joint), w.TableColumns)
                    : Measures.MutualInformation(AsDouble(w.Joint), w.TableColumns),
                w => NaiveMeasures.MutualInformation<T>(w.Joint, w.TableColumns)),
            new("ConditionalEntropy", "", true,
                w => typeof(T) == typeof(float)
                    ? Measures.ConditionalEntropy(AsFloat(w.Joint), w.TableColumns)
                    : Measures.ConditionalEntropy(AsDouble(w.Joint), w.TableColumns),
                w => NaiveMeasures.ConditionalEntropy<T>(w.Joint, w.TableColumns)),
            new("MillerMadowEntropy", "", false,
                w => typeof(T) == typeof(float) ? Measures.MillerMadowEntropy(AsFloat(w.Counts)) : Measures.MillerMadowEntropy(AsDouble(w.Counts)),
                w => NaiveMeasures.MillerMadowEntropy<T>(w.Counts)),
        ]);

        return pairs;
    }

    private static string OrderName(double alpha) => double.IsPositiveInfinity(alpha) ? "∞" : alpha.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    // The float overloads return float; it is widened here only to be summed into the checksum and compared.
    private static double One<T>(T[] x, Func<ReadOnlySpan<float>, float> single, Func<ReadOnlySpan<double>, double> dbl)
        where T : unmanaged =>
        typeof(T) == typeof(float) ? single(AsFloat(x)) : dbl(AsDouble(x));

    private static double Two<T>(T[] x, T[] y, Func<ReadOnlySpan<float>, ReadOnlySpan<float>, float> single, Func<ReadOnlySpan<double>, ReadOnlySpan<double>, double> dbl)
        where T : unmanaged =>
        typeof(T) == typeof(float) ? single(AsFloat(x), AsFloat(y)) : dbl(AsDouble(x), AsDouble(y));

    private static ReadOnlySpan<float> AsFloat<T>(T[] x)
        where T : unmanaged => MemoryMarshal.Cast<T, float>(x.AsSpan());

    private static ReadOnlySpan<double> AsDouble<T>(T[] x)
        where T : unmanaged => MemoryMarshal.Cast<T, double>(x.AsSpan());
}

/// <summary>
/// The loops a user would write without this library: the textbook formula element by element, each element widened to
/// double, Math.Sqrt/Math.Pow/Math.Log/Math.Exp, one plain double accumulator, zero entries skipped where the formula
/// has 0·log 0. Deliberately unoptimized (no SIMD, no compensation), but correct on the benchmark inputs.
/// </summary>
internal static class NaiveMeasures
{
    public static double Hellinger<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            double d = Math.Sqrt(double.CreateTruncating(p[i])) - Math.Sqrt(double.CreateTruncating(q[i]));
            sum += d * d;
        }

        return Math.Sqrt(0.5 * sum);
    }

    public static double TotalVariation<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            sum += Math.Abs(double.CreateTruncating(p[i]) - double.CreateTruncating(q[i]));
        }

        return 0.5 * sum;
    }

    public static double PearsonChiSquare<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            double qi = double.CreateTruncating(q[i]);
            double d = double.CreateTruncating(p[i]) - qi;
            sum += d * d / qi;
        }

        return sum;
    }

    public static double NeymanChiSquare<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            double pi = double.CreateTruncating(p[i]);
            double d = pi - double.CreateTruncating(q[i]);
            sum += d * d / pi;
        }

        return sum;
    }

    public static double BhattacharyyaCoefficient<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            sum += Math.Sqrt(double.CreateTruncating(p[i]) * double.CreateTruncating(q[i]));
        }

        return sum;
    }

    public static double BhattacharyyaDistance<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IFloatingPointIeee754<T> => -Math.Log(BhattacharyyaCoefficient(p, q));

    /// <summary>log(Σ p^α)/(1 − α); at α = 1 Shannon's entropy, at α = ∞ −log max p (the formula has no value there).</summary>
    public static double RenyiEntropy<T>(ReadOnlySpan<T> p, double alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (alpha == 1.0)
        {
            return Shannon(p);
        }

        if (double.IsPositiveInfinity(alpha))
        {
            double max = 0.0;
            for (int i = 0; i < p.Length; i++)
            {
                max = Math.Max(max, double.CreateTruncating(p[i]));
            }

            return -Math.Log(max);
        }

        return Math.Log(SumOfPowers(p, alpha)) / (1.0 - alpha);
    }

    /// <summary>log(Σ p^α q^(1−α))/(α − 1); at α = 1 KL, at α = ∞ log max p/q.</summary>
    public static double RenyiDivergence<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, double alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (alpha == 1.0)
        {
            double kl = 0.0;
            for (int i = 0; i < p.Length; i++)
            {
                double pi = double.CreateTruncating(p[i]);
                if (pi > 0.0)
                {
                    kl += pi * Math.Log(pi / double.CreateTruncating(q[i]));
                }
            }

            return kl;
        }

        if (double.IsPositiveInfinity(alpha))
        {
            double max = 0.0;
            for (int i = 0; i < p.Length; i++)
            {
                double pi = double.CreateTruncating(p[i]);
                if (pi > 0.0)
                {
                    max = Math.Max(max, pi / double.CreateTruncating(q[i]));
                }
            }

            return Math.Log(max);
        }

        double sum = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            double pi = double.CreateTruncating(p[i]);
            if (pi > 0.0)
            {
                sum += Math.Pow(pi, alpha) * Math.Pow(double.CreateTruncating(q[i]), 1.0 - alpha);
            }
        }

        return Math.Log(sum) / (alpha - 1.0);
    }

    /// <summary>(1 − Σ p^α)/(α − 1); at α = 1 Shannon's entropy.</summary>
    public static double TsallisEntropy<T>(ReadOnlySpan<T> p, double alpha)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        alpha == 1.0 ? Shannon(p) : (1.0 - SumOfPowers(p, alpha)) / (alpha - 1.0);

    /// <summary>½ Σ (μ² + e^v − 1 − v).</summary>
    public static double GaussianKullbackLeibler<T>(ReadOnlySpan<T> mean, ReadOnlySpan<T> logVariance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0.0;
        for (int i = 0; i < mean.Length; i++)
        {
            double m = double.CreateTruncating(mean[i]);
            double v = double.CreateTruncating(logVariance[i]);
            sum += (m * m) + Math.Exp(v) - 1.0 - v;
        }

        return 0.5 * sum;
    }

    /// <summary>½ Σ (σ₁²/σ₂² − 1 − log(σ₁²/σ₂²) + (μ₁ − μ₂)²/σ₂²) with σ² = e^v.</summary>
    public static double GaussianKullbackLeibler<T>(ReadOnlySpan<T> mean1, ReadOnlySpan<T> logVariance1, ReadOnlySpan<T> mean2, ReadOnlySpan<T> logVariance2)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0.0;
        for (int i = 0; i < mean1.Length; i++)
        {
            double v1 = double.CreateTruncating(logVariance1[i]);
            double v2 = double.CreateTruncating(logVariance2[i]);
            double dm = double.CreateTruncating(mean1[i]) - double.CreateTruncating(mean2[i]);
            sum += Math.Exp(v1 - v2) - 1.0 - (v1 - v2) + (dm * dm / Math.Exp(v2));
        }

        return 0.5 * sum;
    }

    /// <summary>Normalize by the total, take the marginals r (rows) and c (columns), then Σ p log(p/(r c)).</summary>
    public static double MutualInformation<T>(ReadOnlySpan<T> joint, int columns)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (double total, double[] rowSums, double[] columnSums) = Marginals(joint, columns);
        double sum = 0.0;
        for (int r = 0; r < rowSums.Length; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                double p = double.CreateTruncating(joint[(r * columns) + c]) / total;
                if (p > 0.0)
                {
                    sum += p * Math.Log(p / (rowSums[r] / total * (columnSums[c] / total)));
                }
            }
        }

        return sum;
    }

    /// <summary>H(Y | X) = −Σ p log(p/r) from the normalized table and its row marginal r.</summary>
    public static double ConditionalEntropy<T>(ReadOnlySpan<T> joint, int columns)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (double total, double[] rowSums, _) = Marginals(joint, columns);
        double sum = 0.0;
        for (int r = 0; r < rowSums.Length; r++)
        {
            double row = rowSums[r] / total;
            for (int c = 0; c < columns; c++)
            {
                double p = double.CreateTruncating(joint[(r * columns) + c]) / total;
                if (p > 0.0)
                {
                    sum -= p * Math.Log(p / row);
                }
            }
        }

        return sum;
    }

    /// <summary>The plug-in entropy of the frequencies c/N plus (K − 1)/(2N), K the number of nonzero counts.</summary>
    public static double MillerMadowEntropy<T>(ReadOnlySpan<T> counts)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double total = 0.0;
        int nonzero = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            double c = double.CreateTruncating(counts[i]);
            total += c;
            nonzero += c > 0.0 ? 1 : 0;
        }

        double entropy = 0.0;
        for (int i = 0; i < counts.Length; i++)
        {
            double c = double.CreateTruncating(counts[i]);
            if (c > 0.0)
            {
                double f = c / total;
                entropy -= f * Math.Log(f);
            }
        }

        return entropy + ((nonzero - 1) / (2.0 * total));
    }

    private static double Shannon<T>(ReadOnlySpan<T> p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            double pi = double.CreateTruncating(p[i]);
            if (pi > 0.0)
            {
                sum -= pi * Math.Log(pi);
            }
        }

        return sum;
    }

    private static double SumOfPowers<T>(ReadOnlySpan<T> p, double alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            double pi = double.CreateTruncating(p[i]);
            if (pi > 0.0)
            {
                sum += Math.Pow(pi, alpha);
            }
        }

        return sum;
    }

    private static (double Total, double[] RowSums, double[] ColumnSums) Marginals<T>(ReadOnlySpan<T> joint, int columns)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = joint.Length / columns;
        var rowSums = new double[rows];
        var columnSums = new double[columns];
        double total = 0.0;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                double x = double.CreateTruncating(joint[(r * columns) + c]);
                rowSums[r] += x;
                columnSums[c] += x;
                total += x;
            }
        }

        return (total, rowSums, columnSums);
    }
}
