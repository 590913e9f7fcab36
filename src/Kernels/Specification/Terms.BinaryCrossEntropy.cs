namespace Kernels;

/// <summary>
/// Terms of binary cross-entropy from logits (PyTorch's <c>binary_cross_entropy_with_logits</c>): each element is an
/// independent Bernoulli with probability σ(z), scored against a target y. The loss −y·log σ(z) − (1 − y)·log(1 − σ(z))
/// is written so that nothing overflows or cancels for y in [0, 1]: log1p(e^−|z|) plus a linear part that is ≥ 0.
/// </summary>
public static partial class Terms
{
    /// <summary>max(z, 0) − z·y + log1p(e^−|z|), the logistic loss of logit z against target y: 0 where the logit is
    /// infinite on the target's side (z = +∞ with y = 1, z = −∞ with y = 0), +∞ for any other target against an infinite
    /// logit, NaN for a NaN input; targets outside [0, 1] get the formula's value (as in PyTorch).</summary>
    [Term]
    public static double BinaryCrossEntropyWithLogits(double y, double z) =>
        LinearPart(z >= 0.0 ? 1.0 - y : -y, z) + SoftplusOfMinusAbs(z);

    /// <summary>The logistic loss with the positive class weighted by pw (PyTorch's <c>pos_weight</c>):
    /// (1 − y)·z + (1 + (pw − 1)·y)·(max(−z, 0) + log1p(e^−|z|)), computed as (z ≥ 0 ? (1 − y)·z : −pw·y·z) +
    /// ((1 − y) + pw·y)·log1p(e^−|z|), both parts ≥ 0 for y in [0, 1] and pw ≥ 0; infinite logits as
    /// <see cref="BinaryCrossEntropyWithLogits"/> (0 where the linear part's coefficient is 0).</summary>
    [Term]
    public static double WeightedBinaryCrossEntropyWithLogits(double y, double pw, double z) =>
        LinearPart(z >= 0.0 ? 1.0 - y : -(pw * y), z) + (((1.0 - y) + (pw * y)) * SoftplusOfMinusAbs(z));

    /// <summary>c·z, and 0 when c is 0 whatever z is (NaN excepted): the limit of the loss at an infinite logit on the
    /// target's side.</summary>
    private static double LinearPart(double c, double z) => c == 0.0 && !double.IsNaN(z) ? 0.0 : c * z;

    /// <summary>log1p(e^−|z|) = log(1 + e^−|z|), in (0, ln 2]: 0 at z = ±∞, NaN at NaN.</summary>
    private static double SoftplusOfMinusAbs(double z) => Fn.Log1p(Fn.Exp(-System.Math.Abs(z)));
}
