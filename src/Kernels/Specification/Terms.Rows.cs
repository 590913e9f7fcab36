namespace Kernels;

/// <summary>
/// Terms the batch row measures fold for their own bookkeeping: a row of logits' maximum m and how many logits equal it
/// (see <see cref="Terms.SoftmaxWeight"/>, which leaves the maxima out of its sum).
/// </summary>
public static partial class Terms
{
    /// <summary>z, folded by its maximum: a row's largest logit m, the shift that keeps every e^(z − m) ≤ 1; NaN if
    /// any logit is NaN, +∞ if any is +∞, −∞ for a row of −∞ (the batch scores such rows NaN).</summary>
    [Term(Maximum = true)]
    public static double LargestLogit(double z) => z;

    /// <summary>1 for a logit shifted by its row's maximum that is at the maximum (d = z − m = 0), else 0: its sum counts
    /// a row's maxima. The shift of two distinct values is never 0, in float lanes too (z − m is exact near m and subnormal
    /// differences are kept), so float logits are counted in float.</summary>
    [Term]
    public static double AtMaximum(double d) => d == 0.0 ? 1.0 : 0.0;
}
