using System;

namespace Kernels;

/// <summary>The maxima behind the α = ∞ limits of the Rényi measures and their rescaling: a plain pass, not a fold of a
/// term (the term compiler folds sums only).</summary>
internal static class Limits
{
    /// <summary>maxᵢ pᵢ; NaN if any entry is NaN or negative (the Rényi measures are NaN there), 0 for all zeros.</summary>
    public static double Maximum(ReadOnlySpan<double> p)
    {
        double max = 0.0;
        foreach (double x in p)
        {
            if (!(x >= 0.0))
            {
                return double.NaN;
            }

            max = Math.Max(max, x);
        }

        return max;
    }

    /// <inheritdoc cref="Maximum(ReadOnlySpan{double})"/>
    public static double Maximum(ReadOnlySpan<float> p)
    {
        float max = 0f;
        foreach (float x in p)
        {
            if (!(x >= 0f))
            {
                return double.NaN;
            }

            max = Math.Max(max, x);
        }

        return max;
    }

    /// <summary>max over pᵢ &gt; 0 of pᵢ/qᵢ (+∞ where qᵢ = 0); NaN if any entry is NaN or negative; 0 when no pᵢ is
    /// positive. The caller has checked the lengths.</summary>
    public static double MaximumRatio(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double max = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            double a = p[i], b = q[i];
            if (!(a >= 0.0) || !(b >= 0.0))
            {
                return double.NaN;
            }

            if (a > 0.0)
            {
                max = Math.Max(max, a / b);
            }
        }

        return max;
    }

    /// <inheritdoc cref="MaximumRatio(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double MaximumRatio(ReadOnlySpan<float> p, ReadOnlySpan<float> q)
    {
        double max = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            double a = p[i], b = q[i];
            if (!(a >= 0.0) || !(b >= 0.0))
            {
                return double.NaN;
            }

            if (a > 0.0)
            {
                max = Math.Max(max, a / b);
            }
        }

        return max;
    }
}
