using System;
using System.Numerics;

namespace Kernels;

/// <summary>
/// Divergences, distances and entropies beyond Shannon's, each written as a term (see <c>docs/terms.md</c>) and
/// compiled into fused SIMD folds. Arguments are (p, q) = (target/reference, model/approximation) as everywhere.
/// Values are used as given (no hidden normalization) unless a function says otherwise; empty input gives 0; spans of
/// different lengths throw <see cref="ArgumentException"/>; NaN anywhere gives NaN. Float inputs are summed in double
/// (and folded in double where the term takes an exponential or a power); the float overloads round the result once.
/// The kernel classes behind them (<c>Terms.HellingerKernel</c>, …) also score rows (<c>FoldEachRow</c>,
/// <c>MeasureEachRow</c>).
/// </summary>
public static class Measures
{
    /// <summary>Hellinger distance H(p, q) = √(½ Σ(√pᵢ − √qᵢ)²); in [0, 1] for distributions; NaN for negative entries.</summary>
    public static double Hellinger(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => Terms.HellingerKernel.Measure(p, q);

    /// <inheritdoc cref="Hellinger(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static float Hellinger(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => (float)Terms.HellingerKernel.Measure(p, q);

    /// <summary>Total variation distance ½ Σ|pᵢ − qᵢ|.</summary>
    public static double TotalVariation(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => Terms.TotalVariationKernel.Measure(p, q);

    /// <inheritdoc cref="TotalVariation(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static float TotalVariation(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => (float)Terms.TotalVariationKernel.Measure(p, q);

    /// <summary>Pearson χ²(p‖q) = Σ(pᵢ − qᵢ)²/qᵢ (SciPy's <c>chisquare(f_obs=p, f_exp=q)</c> statistic); a term with
    /// pᵢ = qᵢ (both 0 included) is 0; qᵢ = 0 with pᵢ ≠ 0 gives +∞.</summary>
    public static double PearsonChiSquare(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => Terms.PearsonChiSquareKernel.Fold(p, q);

    /// <inheritdoc cref="PearsonChiSquare(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static float PearsonChiSquare(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => (float)Terms.PearsonChiSquareKernel.Fold(p, q);

    /// <summary>Neyman χ²(p‖q) = Σ(pᵢ − qᵢ)²/pᵢ; a term with pᵢ = qᵢ is 0; pᵢ = 0 with qᵢ ≠ 0 gives +∞.</summary>
    public static double NeymanChiSquare(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => Terms.NeymanChiSquareKernel.Fold(p, q);

    /// <inheritdoc cref="NeymanChiSquare(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static float NeymanChiSquare(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => (float)Terms.NeymanChiSquareKernel.Fold(p, q);

    /// <summary>Bhattacharyya coefficient BC(p, q) = Σ √(pᵢ·qᵢ); NaN for negative entries.</summary>
    public static double BhattacharyyaCoefficient(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => Terms.BhattacharyyaKernel.Fold(p, q);

    /// <inheritdoc cref="BhattacharyyaCoefficient(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static float BhattacharyyaCoefficient(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => (float)Terms.BhattacharyyaKernel.Fold(p, q);

    /// <summary>Bhattacharyya distance −log BC(p, q) in the given base (+∞ for disjoint supports; 0 for empty input).</summary>
    public static double BhattacharyyaDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase = default) =>
        Empty(p, q) ? 0.0 : logBase.FromNats(Terms.BhattacharyyaKernel.Measure(p, q));

    /// <inheritdoc cref="BhattacharyyaDistance(ReadOnlySpan{double}, ReadOnlySpan{double}, LogBase)"/>
    public static float BhattacharyyaDistance(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase logBase = default) =>
        Empty(p, q) ? 0f : (float)logBase.FromNats(Terms.BhattacharyyaKernel.Measure(p, q));

    /// <summary>Rényi entropy of order α ≥ 0, H_α(p) = log(Σ pᵢ^α)/(1 − α), with the limits: α = 1 Shannon's
    /// −Σ p·log p, α = 0 the Hartley entropy log |{i : pᵢ &gt; 0}|, α = +∞ the min-entropy −log maxᵢ pᵢ. Zero entries
    /// contribute nothing for every α; negative entries give NaN. Large orders do not underflow: when Σp^α leaves the
    /// normal range, p is scaled by its maximum m first (log Σp^α = α·log m + log Σ(p/m)^α). α &lt; 0 or NaN throws
    /// <see cref="ArgumentOutOfRangeException"/>.</summary>
    public static double RenyiEntropy(ReadOnlySpan<double> p, double alpha, LogBase logBase = default) =>
        logBase.FromNats(RenyiEntropyNats(p, alpha));

    /// <inheritdoc cref="RenyiEntropy(ReadOnlySpan{double}, double, LogBase)"/>
    public static float RenyiEntropy(ReadOnlySpan<float> p, double alpha, LogBase logBase = default) =>
        (float)logBase.FromNats(RenyiEntropyNats(p, alpha));

    /// <summary>Rényi divergence of order α ≥ 0, D_α(p‖q) = log(Σ pᵢ^α·qᵢ^(1−α))/(α − 1), with the limits: α = 1
    /// Kullback–Leibler, α = 0 −log Σ_{pᵢ&gt;0} qᵢ, α = +∞ log max_{pᵢ&gt;0} pᵢ/qᵢ. Terms with pᵢ = 0 contribute
    /// nothing; for α &gt; 1, pᵢ &gt; 0 with qᵢ = 0 gives +∞. Large orders are rescaled like
    /// <see cref="RenyiEntropy(ReadOnlySpan{double}, double, LogBase)"/> (by the largest ratio p/q). α &lt; 0 or NaN
    /// throws.</summary>
    public static double RenyiDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha, LogBase logBase = default) =>
        logBase.FromNats(RenyiDivergenceNats(p, q, alpha));

    /// <inheritdoc cref="RenyiDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, double, LogBase)"/>
    public static float RenyiDivergence(ReadOnlySpan<float> p, ReadOnlySpan<float> q, double alpha, LogBase logBase = default) =>
        (float)logBase.FromNats(RenyiDivergenceNats(p, q, alpha));

    /// <summary>Tsallis entropy of index α (often written q), S_α(p) = (1 − Σ pᵢ^α)/(α − 1), zero entries contributing
    /// nothing; α = 1 gives Shannon's entropy in nats (the limit). α must be finite.</summary>
    public static double TsallisEntropy(ReadOnlySpan<double> p, double alpha) => TsallisEntropyOf(p, alpha);

    /// <inheritdoc cref="TsallisEntropy(ReadOnlySpan{double}, double)"/>
    public static float TsallisEntropy(ReadOnlySpan<float> p, double alpha) => (float)TsallisEntropyOf(p, alpha);

    /// <summary>KL(N(μ, diag σ²) ‖ N(0, I)) = ½ Σ(μᵢ² + σᵢ² − 1 − log σᵢ²) from the mean and the log-variance
    /// log σ² (the VAE loss term), accurate where σ² ≈ 1 (e^v − 1 − v is not cancelled). For a batch of rows use
    /// <c>Terms.GaussianKullbackLeiblerKernel.FoldEachRow</c>.</summary>
    public static double GaussianKullbackLeibler(ReadOnlySpan<double> mean, ReadOnlySpan<double> logVariance, LogBase logBase = default) =>
        Terms.GaussianKullbackLeiblerKernel.Fold(mean, logVariance, logBase);

    /// <inheritdoc cref="GaussianKullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, LogBase)"/>
    public static float GaussianKullbackLeibler(ReadOnlySpan<float> mean, ReadOnlySpan<float> logVariance, LogBase logBase = default) =>
        (float)Terms.GaussianKullbackLeiblerKernel.Fold(mean, logVariance, logBase);

    /// <summary>KL(N(μ₁, diag σ₁²) ‖ N(μ₂, diag σ₂²)) = ½ Σ(σ₁²/σ₂² − 1 − log(σ₁²/σ₂²) + (μ₁ − μ₂)²/σ₂²), from means
    /// and log-variances.</summary>
    public static double GaussianKullbackLeibler(ReadOnlySpan<double> mean1, ReadOnlySpan<double> logVariance1, ReadOnlySpan<double> mean2, ReadOnlySpan<double> logVariance2, LogBase logBase = default) =>
        Terms.GaussianKullbackLeiblerOfPairKernel.Fold(mean1, logVariance1, mean2, logVariance2, logBase);

    /// <inheritdoc cref="GaussianKullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, LogBase)"/>
    public static float GaussianKullbackLeibler(ReadOnlySpan<float> mean1, ReadOnlySpan<float> logVariance1, ReadOnlySpan<float> mean2, ReadOnlySpan<float> logVariance2, LogBase logBase = default) =>
        (float)Terms.GaussianKullbackLeiblerOfPairKernel.Fold(mean1, logVariance1, mean2, logVariance2, logBase);

    /// <summary>Mutual information I(X; Y) of a joint table (row-major, X indexes rows, Y columns) of probabilities or
    /// counts, which is divided by its total first: I = Σᵢ P(xᵢ)·D(P(Y | xᵢ) ‖ P(Y)), each row's KL fused and exact
    /// where the row is close to the marginal (so independent tables give 0, not the rounding of H(X) + H(Y) −
    /// H(X, Y)). Entries must be ≥ 0 (a negative entry throws, naming its row and column); a table summing to 0 gives
    /// NaN; an empty table gives 0.</summary>
    public static double MutualInformation(ReadOnlySpan<double> joint, int columns, LogBase logBase = default) =>
        logBase.FromNats(JointTables.Information(joint, columns, mutual: true));

    /// <inheritdoc cref="MutualInformation(ReadOnlySpan{double}, int, LogBase)"/>
    public static float MutualInformation(ReadOnlySpan<float> joint, int columns, LogBase logBase = default) =>
        (float)logBase.FromNats(JointTables.Information(joint, columns, mutual: true));

    /// <summary>Conditional entropy H(Y | X) = Σᵢ P(xᵢ)·H(Y | xᵢ) of a joint table (X indexes rows), normalized as in
    /// <see cref="MutualInformation(ReadOnlySpan{double}, int, LogBase)"/>.</summary>
    public static double ConditionalEntropy(ReadOnlySpan<double> joint, int columns, LogBase logBase = default) =>
        logBase.FromNats(JointTables.Information(joint, columns, mutual: false));

    /// <inheritdoc cref="ConditionalEntropy(ReadOnlySpan{double}, int, LogBase)"/>
    public static float ConditionalEntropy(ReadOnlySpan<float> joint, int columns, LogBase logBase = default) =>
        (float)logBase.FromNats(JointTables.Information(joint, columns, mutual: false));

    /// <summary>Miller–Madow entropy from counts: the plug-in estimate log N − Σ cᵢ·log cᵢ/N plus the bias correction
    /// (K − 1)/(2N), K the number of nonzero counts and N their total, from one fused pass of three sums. Counts must be
    /// ≥ 0 (a negative count throws, naming its index); all-zero counts give NaN; empty input gives 0.</summary>
    public static double MillerMadowEntropy(ReadOnlySpan<double> counts, LogBase logBase = default) =>
        logBase.FromNats(MillerMadowEntropyNats(counts));

    /// <inheritdoc cref="MillerMadowEntropy(ReadOnlySpan{double}, LogBase)"/>
    public static float MillerMadowEntropy(ReadOnlySpan<float> counts, LogBase logBase = default) =>
        (float)logBase.FromNats(MillerMadowEntropyNats(counts));

    // ---- one body for float and double (the kernels' generic folds, Fold<T> and the like); each returns double, in nats ----

    private static double TsallisEntropyOf<T>(ReadOnlySpan<T> p, double alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ThrowHelper.ThrowIfInvalidIndex(alpha);
        return p.IsEmpty ? 0.0
            : alpha == 1.0 ? Terms.EntropyKernel.Fold(p)
            : Terms.TsallisEntropyOfSum(PowerSum(p, alpha), alpha);
    }

    private static double MillerMadowEntropyNats<T>(ReadOnlySpan<T> counts)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (counts.IsEmpty)
        {
            return 0.0;
        }

        double nats = Terms.MillerMadowKernel.Measure(counts);
        if (double.IsNaN(nats))
        {
            ThrowIfNegative(counts);
        }

        return nats;
    }

    private static double RenyiEntropyNats<T>(ReadOnlySpan<T> p, double alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ThrowHelper.ThrowIfInvalidOrder(alpha);
        if (p.IsEmpty)
        {
            return 0.0;
        }

        if (alpha == 1.0)
        {
            return Terms.EntropyKernel.Fold(p);
        }

        if (double.IsPositiveInfinity(alpha))
        {
            return -Math.Log(Terms.LargestProbabilityKernel.Fold(p));
        }

        double sum = PowerSum(p, alpha);
        if (RenyiRescaling.InNormalRange(sum))
        {
            return Terms.RenyiEntropyOfSum(sum, alpha);
        }

        double max = Terms.LargestProbabilityKernel.Fold(p);
        return RenyiRescaling.Entropy(Terms.RenyiEntropyKernel.FoldScaledInDouble(p, 1.0 / max, alpha), max, alpha);
    }

    private static double RenyiDivergenceNats<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, double alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ThrowHelper.ThrowIfInvalidOrder(alpha);
        if (Empty(p, q))
        {
            return 0.0;
        }

        if (alpha == 1.0)
        {
            return Terms.KullbackLeiblerKernel.Fold(p, q);
        }

        if (double.IsPositiveInfinity(alpha))
        {
            return Math.Log(Terms.LargestRatioKernel.Fold(p, q));
        }

        // Order 2 is Σp²/q, order ½ the Bhattacharyya coefficient: products and roots, not general powers.
        double sum = alpha == 2.0 ? Terms.SquareOverReferenceKernel.Fold(p, q)
            : alpha == 0.5 ? Terms.BhattacharyyaKernel.Fold(p, q)
            : Terms.RenyiDivergenceKernel.Fold(p, q, alpha);
        if (RenyiRescaling.InNormalRange(sum))
        {
            return Terms.RenyiDivergenceOfSum(sum, alpha);
        }

        double ratio = Terms.LargestRatioKernel.Fold(p, q);
        return RenyiRescaling.Divergence(Terms.RenyiDivergenceKernel.FoldScaledInDouble(p, q, 1.0 / ratio, 1.0, alpha), sum, ratio, alpha);
    }

    // Σp^α (zero entries left out); orders 2 (collision) and ½ are a product and a root, not a general power.
    private static double PowerSum<T>(ReadOnlySpan<T> p, double alpha)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        alpha == 2.0 ? Terms.SquareOfProbabilityKernel.Fold(p)
        : alpha == 0.5 ? Terms.SquareRootOfProbabilityKernel.Fold(p)
        : Terms.RenyiEntropyKernel.Fold(p, alpha);

    private static bool Empty<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q) => Lengths.BothEmpty(p, q);

    // Only after the kernel returned NaN: a valid call pays no second pass.
    private static void ThrowIfNegative<T>(ReadOnlySpan<T> counts)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] < T.Zero)
            {
                ThrowHelper.NegativeEntry(nameof(counts), i, counts[i]);
            }
        }
    }
}
