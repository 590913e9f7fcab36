using System;
using System.Numerics;

namespace Kernels;

/// <summary>The maxima behind the α = ∞ limits of the Rényi measures and their rescaling: plain passes, not folds of a
/// term (the term compiler folds sums only). Four (two) independent running maxima and a branch-free validity flag keep
/// the loop free of a loop-carried dependency on a single maximum. Generic over float and double (specialized by the
/// JIT per element type).</summary>
internal static class Limits
{
    /// <summary>maxᵢ pᵢ; NaN if any entry is NaN or negative (the Rényi measures are NaN there), 0 for all zeros.</summary>
    public static double Maximum<T>(ReadOnlySpan<T> p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T m0 = T.Zero, m1 = T.Zero, m2 = T.Zero, m3 = T.Zero;
        bool valid = true;
        int i = 0;
        for (; i + 4 <= p.Length; i += 4)
        {
            T a = p[i], b = p[i + 1], c = p[i + 2], d = p[i + 3];
            valid &= (a >= T.Zero) & (b >= T.Zero) & (c >= T.Zero) & (d >= T.Zero);
            m0 = T.Max(m0, a);
            m1 = T.Max(m1, b);
            m2 = T.Max(m2, c);
            m3 = T.Max(m3, d);
        }

        for (; i < p.Length; i++)
        {
            valid &= p[i] >= T.Zero;
            m0 = T.Max(m0, p[i]);
        }

        return valid ? double.CreateTruncating(T.Max(T.Max(m0, m1), T.Max(m2, m3))) : double.NaN;
    }

    /// <summary>max over pᵢ &gt; 0 of pᵢ/qᵢ in double (+∞ where qᵢ = 0); NaN if any entry is NaN or negative; 0 when no
    /// pᵢ is positive. The caller has checked the lengths.</summary>
    public static double MaximumRatio<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double m0 = 0.0, m1 = 0.0;
        bool valid = true;
        int i = 0;
        for (; i + 2 <= p.Length; i += 2)
        {
            double a = double.CreateTruncating(p[i]), b = double.CreateTruncating(q[i]);
            double c = double.CreateTruncating(p[i + 1]), d = double.CreateTruncating(q[i + 1]);
            valid &= (a >= 0.0) & (b >= 0.0) & (c >= 0.0) & (d >= 0.0);
            m0 = Math.Max(m0, a > 0.0 ? a / b : 0.0);
            m1 = Math.Max(m1, c > 0.0 ? c / d : 0.0);
        }

        for (; i < p.Length; i++)
        {
            double a = double.CreateTruncating(p[i]), b = double.CreateTruncating(q[i]);
            valid &= (a >= 0.0) & (b >= 0.0);
            m0 = Math.Max(m0, a > 0.0 ? a / b : 0.0);
        }

        return valid ? Math.Max(m0, m1) : double.NaN;
    }
}
