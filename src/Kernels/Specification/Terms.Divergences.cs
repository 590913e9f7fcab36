using System;

namespace Kernels;

/// <summary>
/// Divergences, distances and generalized entropies, each one term (and, where the measure is not a plain sum, a
/// finisher applied to the sums once). <see cref="Measures"/> is their public face; the generated kernel classes
/// (<c>HellingerKernel</c>, …) also fold rows (<c>FoldEachRow</c>, <c>MeasureEachRow</c>).
/// </summary>
public static partial class Terms
{
    /// <summary>(√p − √q)², Hellinger's term: exactly 0 when p = q; near p ≈ q it is computed as ((p − q)/(√p + √q))²
    /// (p − q is exact there), so it keeps its relative precision where √p − √q would cancel. NaN for negatives.</summary>
    [Term(Finish = nameof(HellingerOfSum))]
    public static double Hellinger(double p, double q) =>
        p == q ? 0.0
        : Math.Abs(p - q) < 0.5 * (p + q) ? Fn.Square((p - q) / (Math.Sqrt(p) + Math.Sqrt(q)))
        : Fn.Square(Math.Sqrt(p) - Math.Sqrt(q));

    /// <summary>√(½·Σ(√p − √q)²).</summary>
    public static double HellingerOfSum(double sum) => Math.Sqrt(0.5 * sum);

    /// <summary>|p − q|, the total variation's term.</summary>
    [Term(Finish = nameof(Half))]
    public static double TotalVariation(double p, double q) => Math.Abs(p - q);

    /// <summary>½·sum.</summary>
    public static double Half(double sum) => 0.5 * sum;

    /// <summary>(p − q)²/q, Pearson's χ² term: 0 when p = q (0 = 0 included), +∞ for q = 0 ≠ p. See
    /// <see cref="SquareOverDivisor"/> for how it stays finite wherever (p − q)²/q is.</summary>
    [Term]
    public static double PearsonChiSquare(double p, double q) => p == q ? 0.0 : SquareOverDivisor(p - q, q);

    /// <summary>(p − q)²/p, Neyman's χ² term: 0 when p = q (0 = 0 included), +∞ for p = 0 ≠ q.</summary>
    [Term]
    public static double NeymanChiSquare(double p, double q) => p == q ? 0.0 : SquareOverDivisor(p - q, p);

    /// <summary>
    /// d²/v without an overflow or underflow of its own: d·(d/v), so that the square of a large d is never formed; and
    /// where v² underflows (|v| below about 2⁻⁷⁵ in float, 2⁻⁵³⁸ in double, subnormals and 0 included) with d and v
    /// both scaled by powers of two first (<see cref="DivisorScale"/>, exact), since d/v alone would overflow there for a
    /// |d| &lt; 1 whose d²/v is still in range. v = +0 gives +∞ (−0 gives −∞), NaN gives NaN. On the fast path
    /// (inputs normal and moderate) v² cannot underflow: the generator folds the scale to 1.
    /// </summary>
    public static double SquareOverDivisor(double d, double v) => ScaledSquareOverDivisor(d, v, DivisorScale(v));

    /// <summary>(d·s)·((d·s)/(v·s·s)) = d²/v for a power of two s (exact unless it overflows, where d²/v does too).</summary>
    public static double ScaledSquareOverDivisor(double d, double v, double s) => d * s * ((d * s) / (v * s * s));

    /// <summary>2⁶⁴ where v² underflows (or v is NaN), else 1: d·2⁶⁴·((d·2⁶⁴)/(v·2¹²⁸)) = d²/v with a quotient 2⁶⁴ times
    /// smaller, which then overflows only where d²/v does.</summary>
    public static double DivisorScale(double v) => v * v > 0.0 ? 1.0 : 18446744073709551616.0;

    /// <summary>√p·√q, the Bhattacharyya coefficient's term (as two roots, so that p·q cannot underflow); NaN for
    /// negatives. Its fold is the coefficient, its measure the distance −log Σ√(pq).</summary>
    [Term(Finish = nameof(NegativeLog), Nats = true)]
    public static double Bhattacharyya(double p, double q) => Math.Sqrt(p) * Math.Sqrt(q);

    /// <summary>−log sum (+∞ at 0).</summary>
    public static double NegativeLog(double sum) => -Math.Log(sum);

    /// <summary>p^α for p &gt; 0, 0 for p = 0 (zero entries contribute nothing, for every α), NaN for negatives and NaN.</summary>
    public static double PowerOfPositive(double p, double alpha) =>
        p > 0.0 ? Fn.Pow(p, alpha) : p == 0.0 ? 0.0 : double.NaN;

    /// <summary>p^α, the Rényi entropy's term (zero entries contribute nothing); its measure is log(Σp^α)/(1 − α).
    /// α = 1 (Shannon) and α = ∞ (min-entropy) are limits that <see cref="Measures.RenyiEntropy(ReadOnlySpan{double}, double, LogBase)"/>
    /// computes on their own; α = 0 is the general formula (p⁰ = 1 for every p &gt; 0).</summary>
    [Term(Finish = nameof(RenyiEntropyOfSum), Nats = true)]
    public static double RenyiEntropy(double p, [TermParameter] double alpha) => PowerOfPositive(p, alpha);

    /// <summary>log(Σp^α)/(1 − α).</summary>
    public static double RenyiEntropyOfSum(double sum, double alpha) => Math.Log(sum) / (1.0 - alpha);

    /// <summary>p², the order-2 (collision) case of <see cref="RenyiEntropy"/> and <see cref="TsallisEntropy"/> without a
    /// general power: 0 at 0, NaN for negatives and NaN (as the general term).</summary>
    [Term]
    public static double SquareOfProbability(double p) => p >= 0.0 ? p * p : double.NaN;

    /// <summary>p²/q, the order-2 case of <see cref="RenyiDivergence"/> without a general power: 0 for p = 0 (NaN q
    /// excepted), +∞ for p ≠ 0 against q = 0.</summary>
    [Term]
    public static double SquareOverReference(double p, double q) => p == 0.0 && !double.IsNaN(q) ? 0.0 : SquareOverDivisor(p, q);

    /// <summary>√p, the order-½ case of <see cref="RenyiEntropy"/> and <see cref="TsallisEntropy"/> without a general power:
    /// 0 at 0, NaN for negatives and NaN.</summary>
    [Term]
    public static double SquareRootOfProbability(double p) => p >= 0.0 ? Math.Sqrt(p) : double.NaN;

    /// <summary>p, folded by its maximum: max p, the α = ∞ (min-entropy) limit of <see cref="RenyiEntropy"/> and the scale
    /// of its rescaled sums; NaN for NaN and negatives (so the maximum is NaN), −∞ for empty input.</summary>
    [Term(Maximum = true)]
    public static double LargestProbability(double p) => p >= 0.0 ? p : double.NaN;

    /// <summary>p/q where p &gt; 0 (+∞ for q = 0), else 0, folded by its maximum: max p/q, the α = ∞ limit of
    /// <see cref="RenyiDivergence"/> and the scale of its rescaled sums; NaN for NaN and negatives. Float inputs are
    /// divided in double, where the ratio of two floats cannot overflow.</summary>
    [Term(Maximum = true, FloatInDouble = true)]
    public static double LargestRatio(double p, double q) =>
        p > 0.0 && q >= 0.0 ? p / q : p == 0.0 && q >= 0.0 ? 0.0 : double.NaN;

    /// <summary>p^α, the Tsallis entropy's term (zero entries contribute nothing); its measure is (1 − Σp^α)/(α − 1).</summary>
    [Term(Finish = nameof(TsallisEntropyOfSum))]
    public static double TsallisEntropy(double p, [TermParameter] double alpha) => PowerOfPositive(p, alpha);

    /// <summary>(1 − Σp^α)/(α − 1).</summary>
    public static double TsallisEntropyOfSum(double sum, double alpha) => (1.0 - sum) / (alpha - 1.0);

    /// <summary>p^α·q^(1−α), the Rényi divergence's term: e^(α·ln p + (1 − α)·ln q) for positive p and q (one
    /// exponential); 0 for p = 0 (NaN q excepted); NaN for NaN (even at α = 0, where pow would give NaN⁰ = 1); p &gt; 0 against q = 0 gives 0 for α &lt; 1, p at α = 1 and +∞ for
    /// α &gt; 1 (decided here, not through p^α·0^(1−α), whose p^α may underflow); otherwise pow's rules. Its measure is log(Σ)/(α − 1).</summary>
    [Term(Finish = nameof(RenyiDivergenceOfSum), Nats = true)]
    public static double RenyiDivergence(double p, double q, [TermParameter] double alpha) =>
        p > 0.0 && q > 0.0 ? Fn.Exp((alpha * Fn.Log(p)) + ((1.0 - alpha) * Fn.Log(q)))
        : p == 0.0 && !double.IsNaN(q) ? 0.0
        : double.IsNaN(p) || double.IsNaN(q) ? double.NaN
        : p > 0.0 && q == 0.0 ? (alpha < 1.0 ? 0.0 : alpha > 1.0 ? double.PositiveInfinity : p)
        : Fn.Pow(p, alpha) * Fn.Pow(q, 1.0 - alpha);

    /// <summary>log(Σp^α·q^(1−α))/(α − 1).</summary>
    public static double RenyiDivergenceOfSum(double sum, double alpha) => Math.Log(sum) / (alpha - 1.0);

    /// <summary>e^v − 1 − v without cancellation: for |v| ≤ 1 its series v²·Σ vᵏ/(k + 2)! (relative error below
    /// 1e-17 from the truncation), beyond that the formula (which loses at most a few ulp there). +∞ at v = −∞.</summary>
    public static double ExpMinusOneMinus(double v) =>
        Math.Abs(v) <= 1.0
            ? v * v * Fn.Horner(v,
                1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880,
                1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800, 1.0 / 87178291200,
                1.0 / 1307674368000, 1.0 / 20922789888000, 1.0 / 355687428096000, 1.0 / 6402373705728000,
                1.0 / 121645100408832000)
            : Fn.Exp(v) - 1.0 - v;

    /// <summary>½(μ² + σ² − 1 − log σ²) from the mean μ and the log-variance v = log σ²: one dimension of
    /// KL(N(μ, σ²) ‖ N(0, 1)), the VAE loss term; accurate where σ² ≈ 1.</summary>
    [Term(Nats = true)]
    public static double GaussianKullbackLeibler(double mean, double logVariance) =>
        0.5 * ((mean * mean) + ExpMinusOneMinus(logVariance));

    /// <summary>½(σ₁²/σ₂² − 1 − log(σ₁²/σ₂²) + (μ₁ − μ₂)²/σ₂²) from means and log-variances: one dimension of
    /// KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)). Equal means contribute nothing even where 1/σ₂² overflows (0·∞ would be NaN).</summary>
    [Term(Nats = true)]
    public static double GaussianKullbackLeiblerOfPair(double mean1, double logVariance1, double mean2, double logVariance2) =>
        0.5 * (ExpMinusOneMinus(logVariance1 - logVariance2) + (mean1 == mean2 ? 0.0 : Fn.Square(mean1 - mean2) * Fn.Exp(-logVariance2)));

    /// <summary>(c, c·log c, [c &gt; 0]) for a count c: the three sums of the Miller–Madow entropy, folded in one pass.
    /// A negative count gives NaN sums (the caller then finds and reports it). Float counts are folded in double: log N −
    /// Σc·log c/N cancels, and float terms would leave about 8 float ulps of error in a low entropy.</summary>
    [Term(Finish = nameof(MillerMadowOfSums), FloatInDouble = true)]
    public static (double, double, double) MillerMadow(double count) =>
        (count >= 0.0 ? count : double.NaN, Fn.XLogY(count, count), count > 0.0 ? 1.0 : 0.0);

    /// <summary>log N − Σc·log c/N + (K − 1)/(2N) for N = Σc, K nonzero counts (NaN for N = 0).</summary>
    public static double MillerMadowOfSums(double total, double sumCLogC, double nonzero) =>
        total > 0.0 ? Math.Log(total) - (sumCLogC / total) + ((nonzero - 1.0) / (2.0 * total)) : double.NaN;
}
