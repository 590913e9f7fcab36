using System;
using Kernels;

namespace CustomMeasure;

/// <summary>
/// Two measures the Kernels library does not define, written the way the library writes its own: one pure scalar term
/// per element, marked <see cref="TermAttribute"/>. The Kernels source generator (it comes with the package) adds a
/// nested <c>{Name}Kernel</c> class to this partial class with the fused SIMD folds <c>Fold(p, q)</c> over float and
/// double spans. Calling the method itself in a plain loop is the reference the sample checks those folds against.
/// </summary>
public static partial class SampleTerms
{
    /// <summary>Jeffreys divergence term (p − q)·log(p/q) = the sum of both Kullback–Leibler terms, in nats; 0 where
    /// p = q = 0, +∞ where exactly one of them is 0 or either is negative, NaN for NaN.</summary>
    [Term]
    public static double Jeffreys(double p, double q) =>
        p > 0.0 && q > 0.0 ? (p - q) * Fn.LogRatio(p, q)
        : p == 0.0 && q == 0.0 ? 0.0
        : double.IsNaN(p) || double.IsNaN(q) ? double.NaN
        : double.PositiveInfinity;

    /// <summary>Squared Hellinger term ½(√p − √q)²: its fold over two distributions is H²(p, q), in [0, 1]; NaN for a
    /// negative entry (the square root of one) or NaN.</summary>
    [Term]
    public static double SquaredHellinger(double p, double q) =>
        0.5 * (Math.Sqrt(p) - Math.Sqrt(q)) * (Math.Sqrt(p) - Math.Sqrt(q));
}
