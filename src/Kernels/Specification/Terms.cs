using System;

namespace Kernels;

/// <summary>
/// Every measure, defined once as a pure scalar term in nats (the specification). The generator compiles each into
/// the nested <c>{Name}Kernel</c> class of fused SIMD folds; folding the method itself is the scalar reference.
/// Semantics follow SciPy's <c>entr</c>, <c>xlogy</c> and <c>rel_entr</c> (see README, "Semantics").
/// </summary>
public static partial class Terms
{
    /// <summary>entr(p) = −p·log p; 0 at p = 0, −∞ for p &lt; 0, NaN for NaN.</summary>
    [Term]
    public static double Entropy(double p) =>
        p > 0.0 ? -(p * Fn.Log(p))
        : p == 0.0 ? 0.0
        : p < 0.0 ? double.NegativeInfinity
        : double.NaN;

    /// <summary>−xlogy(p, q) = −p·log q; 0 at p = 0 whatever q is (NaN excepted), +∞ for p &gt; 0 with q = 0.</summary>
    [Term]
    public static double CrossEntropy(double p, double q) =>
        p == 0.0 && !double.IsNaN(q) ? 0.0 : -(p * Fn.Log(q));

    /// <summary>rel_entr(p, q) = p·log(p/q), exact near p ≈ q; 0 at p = 0 (NaN q excepted), +∞ for p &gt; 0 with q = 0 or
    /// any negative, NaN for NaN.</summary>
    [Term]
    public static double KullbackLeibler(double p, double q) =>
        p > 0.0 && q > 0.0 ? p * Fn.LogRatio(p, q)
        : p == 0.0 && !double.IsNaN(q) ? 0.0
        : double.IsNaN(p) || double.IsNaN(q) ? double.NaN
        : double.PositiveInfinity;

    /// <summary>½[p·log(2p/(p+q)) + q·log(2q/(p+q))], never negative; ½·q·ln 2 at p = 0 (and symmetrically),
    /// +∞ for negatives, NaN for NaN.</summary>
    [Term]
    public static double JensenShannon(double p, double q) =>
        p > 0.0 && q > 0.0 ? JensenShannonPositive(p, q, 0.5 * p, 0.5 * q)
        : p == 0.0 && q >= 0.0 ? 0.5 * Fn.Ln2 * q
        : q == 0.0 && p > 0.0 ? 0.5 * Fn.Ln2 * p
        : double.IsNaN(p) || double.IsNaN(q) ? double.NaN
        : double.PositiveInfinity;

    // With halves a = p/2, b = q/2 (so that a + b never overflows), m = a + b and t = (a − b)/m, the pair equals
    // m/2 · f(t), f(t) = (1+t)·log(1+t) + (1−t)·log(1−t) = t²·F(t²). Near p ≈ q (|t| ≤ 0.2) F is a minimax series
    // (relative error 1.5e-18) and a − b is exact, so the result keeps full relative precision where the two
    // logarithms would cancel. Elsewhere both logarithms are taken against m and its rounding e = SumError(a, b) is
    // corrected to first order: p·(−e/m) + q·(−e/m) = −2e. Halves of the smallest subnormals can round to 0 (m = 0):
    // those pairs are 0.
    private static double JensenShannonPositive(double p, double q, double a, double b) =>
        JensenShannonOfHalves(p, q, a - b, a + b, Fn.SumError(a, b));

    private static double JensenShannonOfHalves(double p, double q, double difference, double mean, double meanError) =>
        Math.Abs(difference) <= 0.2 * mean
            ? (mean > 0.0 ? 0.5 * difference * (difference / mean) : 0.0) * Fn.Horner(
                mean > 0.0 ? (difference / mean) * (difference / mean) : 0.0,
                0.9999999999999999984597, 0.1666666666666715671248, 0.0666666666641097293547,
                0.03571428622215258392411, 0.02222217275233781202222, 0.01515412539765851990412,
                0.01091309826225739260625, 0.009468251230960887269943)
            : Math.Max(0.0, (0.5 * ((p * Fn.LogRatio(p, mean)) + (q * Fn.LogRatio(q, mean)))) - meanError);
}
