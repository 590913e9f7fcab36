using System;
using System.Linq;
using Kernels.Verification;

namespace Kernels.Tests;

/// <summary>
/// The bounds every built-in kernel is held to against its scalar reference (the term folded in a plain compensated
/// loop in double), through <see cref="KernelCheck"/>, the helper users get:
/// <list type="bullet">
/// <item>A sum: |kernel − reference| ≤ 8ε·Σ S + n·floor, where S is the term's <see cref="TermKernel.ErrorScale"/>
/// (|term| for arithmetic and roots; |term|·(1 + |exponent|) where an exponential magnifies its argument's rounding,
/// which for Pow is VectorMath.Pow's documented (|y·ln x| + 4) ulp). ε = 2⁻⁵² for double inputs and for float inputs
/// folded in double (nothing is rounded to float), 2⁻²³ for float inputs whose term is computed in float. 8 covers
/// the vector term's own few ulp (Log within 2 ulp, Exp within 1.5), the reference's one ulp and the compensated
/// sums' 2ε. floor: 4·2⁻¹⁰⁷⁴ per element in double, 8·2⁻¹⁴⁹ in float (terms that land among the subnormals).</item>
/// <item>Σ of the inputs (WithTotals): compensated double sums of exact values, within 8·2⁻⁵²·Σ|x|.</item>
/// <item>Special values (NaN, ±∞) must be identical.</item>
/// <item>A measure: the finisher of the kernel's sums exactly, and within the finisher's change over the box of the
/// sums' bounds of the finisher of the reference's sums (first-order propagation, evaluated, not estimated).</item>
/// </list>
/// </summary>
internal static class TermAgreement
{
    public const double Ulps = 8.0;

    public static double Epsilon(bool inFloat) => inFloat ? KernelCheck.SingleEpsilon : KernelCheck.DoubleEpsilon;

    private static double Floor(bool inFloat) => inFloat ? 8.0 * float.Epsilon : 4.0 * double.Epsilon;

    /// <summary>Σ over the elements of each output's error scale, the inputs as the term sees them (non-finite terms
    /// add nothing: they are compared exactly).</summary>
    public static double[] Scales(TermKernel term, double[][] inputs, double alpha)
    {
        var scales = new double[term.Sums];
        int length = inputs[0].Length;
        var values = new double[term.Arity];
        for (int i = 0; i < length; i++)
        {
            for (int k = 0; k < term.Arity; k++)
            {
                values[k] = inputs[k].Length == length ? inputs[k][i] : inputs[k][i % inputs[k].Length];
            }

            double[] outputs = term.Term(values, alpha);
            double[] scale = term.ErrorScale(values, alpha);
            for (int s = 0; s < term.Sums; s++)
            {
                scales[s] += double.IsFinite(outputs[s]) && double.IsFinite(scale[s]) ? scale[s] : 0.0;
            }
        }

        return scales;
    }

    /// <summary>The allowed error of each sum; <paramref name="shift"/> is the term's <see cref="TermKernel.ErrorScaleShift"/>
    /// (ε is applied before the shift is undone, so that the bound of a sum near double's top stays finite).</summary>
    public static double[] Bounds(double[] scales, int length, bool inFloat, int shift = 0) =>
        scales.Select(s => Math.ScaleB(Ulps * Epsilon(inFloat) * s, shift) + (length * Floor(inFloat))).ToArray();

    /// <summary>Each of the kernel's sums agrees with the reference's within its bound; where <paramref name="beyondFloat"/>
    /// says a float term overflows, the sum may instead be non-finite (see <see cref="BeyondFloat"/>).</summary>
    public static void CheckSums(string what, double[] kernel, double[] reference, double[] bounds, bool[]? beyondFloat = null)
    {
        for (int s = 0; s < reference.Length; s++)
        {
            if (beyondFloat is not null && beyondFloat[s] && !double.IsFinite(kernel[s]))
            {
                continue;
            }

            KernelCheck.Assert(kernel[s], reference[s], bounds[s], 1.0, reference.Length == 1 ? what : $"{what} sum {s}");
        }
    }

    /// <summary>
    /// For a term computed in float arithmetic: per sum, whether some element's term (or an intermediate the table
    /// names) is beyond float's range. A float kernel then gives ±∞ (or NaN, where the overflowed intermediate meets a 0
    /// or the other infinity) while the reference sums the double value: the width-dependent overflow reported as a bug
    /// (for inputs shorter than one vector the same call takes the scalar path and gives the double value). Tolerated
    /// (any non-finite sum is accepted there), so that the rest of the contract stays checked.
    /// </summary>
    public static bool[] BeyondFloat(TermKernel term, double[][] inputs, double alpha)
    {
        var beyond = new bool[term.Sums];
        var values = new double[term.Arity];
        for (int i = 0; i < inputs[0].Length; i++)
        {
            for (int k = 0; k < term.Arity; k++)
            {
                values[k] = inputs[k].Length == inputs[0].Length ? inputs[k][i] : inputs[k][i % inputs[k].Length];
            }

            double[] outputs = term.Term(values, alpha);
            bool intermediate = term.IntermediateBeyondFloat?.Invoke(values, alpha) ?? false;
            for (int s = 0; s < term.Sums; s++)
            {
                beyond[s] |= (double.IsFinite(outputs[s]) && Math.Abs(outputs[s]) > float.MaxValue) || intermediate;
            }
        }

        return beyond;
    }

    /// <summary>Σx of the WithTotals mode against the reference's.</summary>
    public static void CheckTotal(string what, double kernel, double reference, double[] input) =>
        KernelCheck.Assert(kernel, reference, input.Where(double.IsFinite).Sum(Math.Abs) + double.Epsilon, Ulps * KernelCheck.DoubleEpsilon, what);

    /// <summary>
    /// The change of the finisher over the box [reference sums ± bounds] plus 4 ulp of its value: how far the measure
    /// of sums within their bounds can be from the measure of the reference sums. NaN where the box reaches a
    /// singularity of the finisher (the measure is then ill-conditioned there and only checked for exactness).
    /// </summary>
    public static double MeasureBound(Func<double[], double, double> finish, double[] sums, double[] bounds, double alpha)
    {
        double center = finish(sums, alpha);
        double widest = 0.0;
        var corner = new double[sums.Length];
        for (int mask = 0; mask < 1 << sums.Length; mask++)
        {
            for (int s = 0; s < sums.Length; s++)
            {
                corner[s] = sums[s] + (((mask >> s) & 1) == 0 ? -bounds[s] : bounds[s]);
            }

            double value = finish(corner, alpha);
            if (!double.IsFinite(value))
            {
                return double.NaN;
            }

            widest = Math.Max(widest, Math.Abs(value - center));
        }

        return widest + (4.0 * KernelCheck.DoubleEpsilon * Math.Abs(center)) + double.Epsilon;
    }

    /// <summary>The measure of the kernel equals the finisher of the kernel's sums, bit for bit (NaN = NaN).</summary>
    public static void CheckMeasureIsFinisherOfFold(string what, double measure, double finishedFold) =>
        Xunit.Assert.True(measure.Equals(finishedFold), $"{what}: Measure gave {measure:R}, the finisher of Fold {finishedFold:R}");

    /// <summary>The measure against the finisher of the reference sums, within <see cref="MeasureBound"/> (exact
    /// where the reference's measure is special; skipped where the bound is NaN).</summary>
    public static void CheckMeasure(string what, double measure, Func<double[], double, double> finish, double[] referenceSums, double[] bounds, double alpha)
    {
        double expected = finish(referenceSums, alpha);
        double bound = MeasureBound(finish, referenceSums, bounds, alpha);
        if (double.IsFinite(expected) && double.IsNaN(bound))
        {
            return;
        }

        KernelCheck.Assert(measure, expected, double.IsNaN(bound) ? 0.0 : bound, 1.0, what);
    }

    public static double[][] Scaled(double[][] inputs, double[] scales) =>
        inputs.Select((x, k) => x.Select(v => v * scales[k]).ToArray()).ToArray();
}
