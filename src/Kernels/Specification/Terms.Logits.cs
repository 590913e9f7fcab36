namespace Kernels;

/// <summary>
/// Terms over logits and log-probabilities. A row of logits z is first shifted by its maximum m (the folds subtract a
/// per-row parameter), so every shifted logit d = z − m is ≤ 0 and no exponential overflows; the batch functions turn
/// the folds into entropies and cross-entropies with log-sum-exp (see <see cref="Batch"/>).
/// </summary>
public static partial class Terms
{
    /// <summary>e^d, the unnormalized softmax weight of a shifted logit below the maximum (0 at d = −∞), and 0 at the
    /// maximum itself (d = 0): the row's maxima are counted separately, so that log Σe^d = log c + log1p(Σ/c) keeps its
    /// full relative precision when one logit dominates (the sum 1 + δ would round δ away).</summary>
    [Term]
    public static double SoftmaxWeight(double d) => d == 0.0 ? 0.0 : Fn.Exp(d);

    /// <summary>−d·e^d, a shifted logit's share of Σ −d·e^d (the entropy of the softmax is log Σe^d + Σ(−d·e^d)/Σe^d):
    /// 0 at d = −∞, where the weight vanishes.</summary>
    [Term]
    public static double SoftmaxEntropy(double d) =>
        d == double.NegativeInfinity ? 0.0 : -(d * Fn.Exp(d));

    /// <summary>−p·d, a target probability's share of the cross-entropy against a shifted logit: 0 when p = 0
    /// whatever d is (NaN excepted); +∞ for p &gt; 0 against d = −∞.</summary>
    [Term]
    public static double SoftmaxCrossEntropy(double p, double d) =>
        p == 0.0 && !double.IsNaN(d) ? 0.0 : -(p * d);

    /// <summary>e^a·(a − b) for log-probabilities a = log p and b = log q (the KL term p·log(p/q)): 0 at a = −∞
    /// whatever b is (NaN excepted); +∞ for any other a (NaN excepted) against b = −∞, even where e^a underflows to 0;
    /// exactly +0 when a = b.</summary>
    [Term]
    public static double KullbackLeiblerOfLogs(double a, double b) =>
        a == double.NegativeInfinity && !double.IsNaN(b) ? 0.0
        : b == double.NegativeInfinity && !double.IsNaN(a) ? double.PositiveInfinity
        : Fn.Exp(a) * (a - b);
}
