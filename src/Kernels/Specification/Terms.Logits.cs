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

    /// <summary>The three sums a row of logits is scored from, in one pass over the row shifted by its maximum m
    /// (d = z − m): how many logits are at the maximum (d = 0, see <see cref="Terms.AtMaximum"/>), Σe^d over the logits
    /// below it (<see cref="SoftmaxWeight"/>) and Σ −d·e^d (<see cref="SoftmaxEntropy"/>). The sums share one body, so
    /// e^d is computed once per logit: log Σe^(z − m) = log c + log1p(Σ/c) and the entropy log A + B/A follow per row.</summary>
    [Term]
    public static (double, double, double) SoftmaxSums(double d) =>
        (d == 0.0 ? 1.0 : 0.0, d == 0.0 ? 0.0 : Fn.Exp(d), d == double.NegativeInfinity ? 0.0 : -(d * Fn.Exp(d)));

    /// <summary>The first two sums of <see cref="SoftmaxSums"/> (the maxima counted, Σe^d below them): all that log-sum-exp
    /// needs, for the cross-entropy against class indices.</summary>
    [Term]
    public static (double, double) SoftmaxWeightSums(double d) =>
        (d == 0.0 ? 1.0 : 0.0, d == 0.0 ? 0.0 : Fn.Exp(d));

    /// <summary>The sums of the cross-entropy of target probabilities p against logits shifted by their maximum, in one
    /// pass over both rows: the maxima counted, Σe^d below them, and Σ −p·d (<see cref="SoftmaxCrossEntropy"/>: 0 when
    /// p = 0 whatever d is, NaN excepted; +∞ for p &gt; 0 against d = −∞).</summary>
    [Term]
    public static (double, double, double) SoftmaxCrossEntropySums(double p, double d) =>
        (d == 0.0 ? 1.0 : 0.0, d == 0.0 ? 0.0 : Fn.Exp(d), p == 0.0 && !double.IsNaN(d) ? 0.0 : -(p * d));
}
