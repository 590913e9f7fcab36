using System;

namespace Kernels;

/// <summary>
/// Divergences, distances and entropies beyond Shannon's, each written as a term (see <c>docs/terms.md</c>) and
/// compiled into fused SIMD folds. Arguments are (p, q) = (target/reference, model/approximation) as everywhere.
/// Values are used as given (no hidden normalization) unless a function says otherwise; empty input gives 0; spans of
/// different lengths throw <see cref="ArgumentException"/>; NaN anywhere gives NaN.
/// </summary>
public static class Measures
{
    // PLACEHOLDER SIGNATURES (issue 5): the bodies are being written; the signatures are the contract.

    /// <summary>Hellinger distance H(p, q) = √(½ Σ(√pᵢ − √qᵢ)²); in [0, 1] for distributions; NaN for negative entries.</summary>
    public static double Hellinger(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => throw new NotImplementedException();

    /// <inheritdoc cref="Hellinger(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static float Hellinger(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => throw new NotImplementedException();

    /// <summary>Total variation distance ½ Σ|pᵢ − qᵢ|.</summary>
    public static double TotalVariation(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => throw new NotImplementedException();

    /// <inheritdoc cref="TotalVariation(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static float TotalVariation(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => throw new NotImplementedException();

    /// <summary>Pearson χ²(p‖q) = Σ(pᵢ − qᵢ)²/qᵢ (SciPy's <c>chisquare(f_obs=p, f_exp=q)</c> statistic); a term with
    /// pᵢ = qᵢ (both 0 included) is 0; qᵢ = 0 with pᵢ ≠ 0 gives +∞.</summary>
    public static double PearsonChiSquare(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => throw new NotImplementedException();

    /// <inheritdoc cref="PearsonChiSquare(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static float PearsonChiSquare(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => throw new NotImplementedException();

    /// <summary>Neyman χ²(p‖q) = Σ(pᵢ − qᵢ)²/pᵢ; a term with pᵢ = qᵢ is 0; pᵢ = 0 with qᵢ ≠ 0 gives +∞.</summary>
    public static double NeymanChiSquare(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => throw new NotImplementedException();

    /// <inheritdoc cref="NeymanChiSquare(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static float NeymanChiSquare(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => throw new NotImplementedException();

    /// <summary>Bhattacharyya coefficient BC(p, q) = Σ √(pᵢ·qᵢ); NaN for negative entries.</summary>
    public static double BhattacharyyaCoefficient(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => throw new NotImplementedException();

    /// <inheritdoc cref="BhattacharyyaCoefficient(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static float BhattacharyyaCoefficient(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => throw new NotImplementedException();

    /// <summary>Bhattacharyya distance −log BC(p, q) in the given base (+∞ for disjoint supports; 0 for empty input).</summary>
    public static double BhattacharyyaDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase = default) => throw new NotImplementedException();

    /// <inheritdoc cref="BhattacharyyaDistance(ReadOnlySpan{double}, ReadOnlySpan{double}, LogBase)"/>
    public static float BhattacharyyaDistance(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase logBase = default) => throw new NotImplementedException();

    /// <summary>Rényi entropy of order α ≥ 0, H_α(p) = log(Σ pᵢ^α)/(1 − α), with the limits: α = 1 Shannon's
    /// −Σ p·log p, α = 0 the Hartley entropy log |{i : pᵢ &gt; 0}|, α = +∞ the min-entropy −log maxᵢ pᵢ. Zero entries
    /// contribute nothing for every α. α &lt; 0 or NaN throws <see cref="ArgumentOutOfRangeException"/>.</summary>
    public static double RenyiEntropy(ReadOnlySpan<double> p, double alpha, LogBase logBase = default) => throw new NotImplementedException();

    /// <inheritdoc cref="RenyiEntropy(ReadOnlySpan{double}, double, LogBase)"/>
    public static float RenyiEntropy(ReadOnlySpan<float> p, double alpha, LogBase logBase = default) => throw new NotImplementedException();

    /// <summary>Rényi divergence of order α ≥ 0, D_α(p‖q) = log(Σ pᵢ^α·qᵢ^(1−α))/(α − 1), with the limits: α = 1
    /// Kullback–Leibler, α = 0 −log Σ_{pᵢ&gt;0} qᵢ, α = +∞ log max_{pᵢ&gt;0} pᵢ/qᵢ. Terms with pᵢ = 0 contribute
    /// nothing; for α &gt; 1, pᵢ &gt; 0 with qᵢ = 0 gives +∞. α &lt; 0 or NaN throws.</summary>
    public static double RenyiDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha, LogBase logBase = default) => throw new NotImplementedException();

    /// <inheritdoc cref="RenyiDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, double, LogBase)"/>
    public static float RenyiDivergence(ReadOnlySpan<float> p, ReadOnlySpan<float> q, double alpha, LogBase logBase = default) => throw new NotImplementedException();

    /// <summary>Tsallis entropy of index α (often written q), S_α(p) = (1 − Σ pᵢ^α)/(α − 1), zero entries contributing
    /// nothing; α = 1 gives Shannon's entropy in nats (the limit). α must be finite.</summary>
    public static double TsallisEntropy(ReadOnlySpan<double> p, double alpha) => throw new NotImplementedException();

    /// <inheritdoc cref="TsallisEntropy(ReadOnlySpan{double}, double)"/>
    public static float TsallisEntropy(ReadOnlySpan<float> p, double alpha) => throw new NotImplementedException();

    /// <summary>KL(N(μ, diag σ²) ‖ N(0, I)) = ½ Σ(μᵢ² + σᵢ² − 1 − log σᵢ²) from the mean and the log-variance
    /// log σ² (the VAE loss term), accurate where σ² ≈ 1 (e^v − 1 − v is not cancelled).</summary>
    public static double GaussianKullbackLeibler(ReadOnlySpan<double> mean, ReadOnlySpan<double> logVariance, LogBase logBase = default) => throw new NotImplementedException();

    /// <inheritdoc cref="GaussianKullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, LogBase)"/>
    public static float GaussianKullbackLeibler(ReadOnlySpan<float> mean, ReadOnlySpan<float> logVariance, LogBase logBase = default) => throw new NotImplementedException();

    /// <summary>KL(N(μ₁, diag σ₁²) ‖ N(μ₂, diag σ₂²)) = ½ Σ(σ₁²/σ₂² − 1 − log(σ₁²/σ₂²) + (μ₁ − μ₂)²/σ₂²), from means
    /// and log-variances.</summary>
    public static double GaussianKullbackLeibler(ReadOnlySpan<double> mean1, ReadOnlySpan<double> logVariance1, ReadOnlySpan<double> mean2, ReadOnlySpan<double> logVariance2, LogBase logBase = default) => throw new NotImplementedException();

    /// <inheritdoc cref="GaussianKullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, LogBase)"/>
    public static float GaussianKullbackLeibler(ReadOnlySpan<float> mean1, ReadOnlySpan<float> logVariance1, ReadOnlySpan<float> mean2, ReadOnlySpan<float> logVariance2, LogBase logBase = default) => throw new NotImplementedException();

    /// <summary>Mutual information I(X; Y) of a joint table (row-major, X indexes rows, Y columns) of probabilities or
    /// counts, which is divided by its total first: I = H(X) + H(Y) − H(X, Y). Entries must be ≥ 0 (a negative entry
    /// throws, naming its row and column); a table summing to 0 gives NaN; an empty table gives 0.</summary>
    public static double MutualInformation(ReadOnlySpan<double> joint, int columns, LogBase logBase = default) => throw new NotImplementedException();

    /// <inheritdoc cref="MutualInformation(ReadOnlySpan{double}, int, LogBase)"/>
    public static float MutualInformation(ReadOnlySpan<float> joint, int columns, LogBase logBase = default) => throw new NotImplementedException();

    /// <summary>Conditional entropy H(Y | X) = H(X, Y) − H(X) of a joint table (X indexes rows), normalized as in
    /// <see cref="MutualInformation(ReadOnlySpan{double}, int, LogBase)"/>.</summary>
    public static double ConditionalEntropy(ReadOnlySpan<double> joint, int columns, LogBase logBase = default) => throw new NotImplementedException();

    /// <inheritdoc cref="ConditionalEntropy(ReadOnlySpan{double}, int, LogBase)"/>
    public static float ConditionalEntropy(ReadOnlySpan<float> joint, int columns, LogBase logBase = default) => throw new NotImplementedException();

    /// <summary>Miller–Madow entropy from counts: the plug-in estimate log N − Σ cᵢ·log cᵢ/N plus the bias correction
    /// (K − 1)/(2N), K the number of nonzero counts and N their total. Counts must be ≥ 0 (a negative count throws,
    /// naming its index); all-zero counts give NaN; empty input gives 0.</summary>
    public static double MillerMadowEntropy(ReadOnlySpan<double> counts, LogBase logBase = default) => throw new NotImplementedException();

    /// <inheritdoc cref="MillerMadowEntropy(ReadOnlySpan{double}, LogBase)"/>
    public static float MillerMadowEntropy(ReadOnlySpan<float> counts, LogBase logBase = default) => throw new NotImplementedException();
}
