using System;

namespace Kernels;

/// <summary>The maxima behind the α = ∞ limits of the Rényi measures and their rescaling: plain passes, not folds of a
/// term (the term compiler folds sums only). Four independent running maxima and a branch-free validity flag keep the
/// loop free of a loop-carried dependency on a single maximum.</summary>
internal static class Limits
{
    /// <summary>maxᵢ pᵢ; NaN if any entry is NaN or negative (the Rényi measures are NaN there), 0 for all zeros.</summary>
    public static double Maximum(ReadOnlySpan<double> p)
    {
        double m0 = 0.0, m1 = 0.0, m2 = 0.0, m3 = 0.0;
        bool valid = true;
        int i = 0;
        for (; i + 4 <= p.Length; i += 4)
        {
            double a = p[i], b = p[i + 1], c = p[i + 2], d = p[i + 3];
            valid &= (a >= 0.0) & (b >= 0.0) & (c >= 0.0) & (d >= 0.0);
            m0 = Math.Max(m0, a);
            m1 = Math.Max(m1, b);
            m2 = Math.Max(m2, c);
            m3 = Math.Max(m3, d);
        }

        for (; i < p.Length; i++)
        {
            valid &= p[i] >= 0.0;
            m0 = Math.Max(m0, p[i]);
        }

        return valid ? Math.Max(Math.Max(m0, m1), Math.Max(m2, m3)) : double.NaN;
    }

    /// <inheritdoc cref="Maximum(ReadOnlySpan{double})"/>
    public static double Maximum(ReadOnlySpan<float> p)
    {
        float m0 = 0f, m1 = 0f, m2 = 0f, m3 = 0f;
        bool valid = true;
        int i = 0;
        for (; i + 4 <= p.Length; i += 4)
        {
            float a = p[i], b = p[i + 1], c = p[i + 2], d = p[i + 3];
            valid &= (a >= 0f) & (b >= 0f) & (c >= 0f) & (d >= 0f);
            m0 = MathF.Max(m0, a);
            m1 = MathF.Max(m1, b);
            m2 = MathF.Max(m2, c);
            m3 = MathF.Max(m3, d);
        }

        for (; i < p.Length; i++)
        {
            valid &= p[i] >= 0f;
            m0 = MathF.Max(m0, p[i]);
        }

        return valid ? MathF.Max(MathF.Max(m0, m1), MathF.Max(m2, m3)) : double.NaN;
    }

    /// <summary>max over pᵢ &gt; 0 of pᵢ/qᵢ (+∞ where qᵢ = 0); NaN if any entry is NaN or negative; 0 when no pᵢ is
    /// positive. The caller has checked the lengths.</summary>
    public static double MaximumRatio(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double m0 = 0.0, m1 = 0.0;
        bool valid = true;
        int i = 0;
        for (; i + 2 <= p.Length; i += 2)
        {
            double a = p[i], b = q[i], c = p[i + 1], d = q[i + 1];
            valid &= (a >= 0.0) & (b >= 0.0) & (c >= 0.0) & (d >= 0.0);
            m0 = Math.Max(m0, a > 0.0 ? a / b : 0.0);
            m1 = Math.Max(m1, c > 0.0 ? c / d : 0.0);
        }

        for (; i < p.Length; i++)
        {
            double a = p[i], b = q[i];
            valid &= (a >= 0.0) & (b >= 0.0);
            m0 = Math.Max(m0, a > 0.0 ? a / b : 0.0);
        }

        return valid ? Math.Max(m0, m1) : double.NaN;
    }

    /// <inheritdoc cref="MaximumRatio(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double MaximumRatio(ReadOnlySpan<float> p, ReadOnlySpan<float> q)
    {
        double m0 = 0.0, m1 = 0.0;
        bool valid = true;
        int i = 0;
        for (; i + 2 <= p.Length; i += 2)
        {
            double a = p[i], b = q[i], c = p[i + 1], d = q[i + 1];
            valid &= (a >= 0.0) & (b >= 0.0) & (c >= 0.0) & (d >= 0.0);
            m0 = Math.Max(m0, a > 0.0 ? a / b : 0.0);
            m1 = Math.Max(m1, c > 0.0 ? c / d : 0.0);
        }

        for (; i < p.Length; i++)
        {
            double a = p[i], b = q[i];
            valid &= (a >= 0.0) & (b >= 0.0);
            m0 = Math.Max(m0, a > 0.0 ? a / b : 0.0);
        }

        return valid ? Math.Max(m0, m1) : double.NaN;
    }
}
