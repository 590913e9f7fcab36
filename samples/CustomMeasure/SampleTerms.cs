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

    /// <summary>Amari's α-divergence D_α(p‖q) = (1 − Σ p^α·q^(1−α))/(α(1 − α)) for α ∉ {0, 1}: a term with a
    /// parameter (one value for the whole fold, passed after the spans) and a finisher (applied once to the sum).
    /// The generated kernel class gets <c>Fold(p, q, alpha)</c> (the sum), <c>Measure(p, q, alpha)</c> and
    /// <c>MeasureEachRow(p, q, columns, destination, alpha)</c>.</summary>
    [Term(Finish = nameof(AlphaDivergenceOfSum))]
    public static double AlphaDivergence(double p, double q, [TermParameter] double alpha) =>
        p == 0.0 && !double.IsNaN(q) ? 0.0 : Fn.Pow(p, alpha) * Fn.Pow(q, 1.0 - alpha);

    /// <summary>(1 − sum)/(α(1 − α)).</summary>
    public static double AlphaDivergenceOfSum(double sum, double alpha) => (1.0 - sum) / (alpha * (1.0 - alpha));

    /// <summary>Cauchy–Schwarz divergence −log(Σpq/√(Σp²·Σq²)): a tuple term folds its three sums in one pass, and the
    /// finisher combines them. In nats (it calls Math.Log in the finisher, so it says so with Nats = true).</summary>
    [Term(Finish = nameof(CauchySchwarzOfSums), Nats = true)]
    public static (double, double, double) CauchySchwarz(double p, double q) => (p * q, p * p, q * q);

    /// <summary>−log(Σpq/√(Σp²·Σq²)).</summary>
    public static double CauchySchwarzOfSums(double pq, double pp, double qq) => -Math.Log(pq / Math.Sqrt(pp * qq));

    /// <summary>Chebyshev (L∞) distance max|p − q|: a maximum fold, the largest term instead of the sum (NaN if any
    /// term is NaN). Its kernel class has the same members as a sum's.</summary>
    [Term(Maximum = true)]
    public static double Chebyshev(double p, double q) => Math.Abs(p - q);
}
