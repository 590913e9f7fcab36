namespace Kernels;

/// <summary>
/// Terms of cross-entropy from logits against class indices with per-class weights (PyTorch's <c>weight=</c>): label
/// smoothing spreads ε over the classes, each class's share weighted by its own weight.
/// </summary>
public static partial class Terms
{
    /// <summary>The sums a row of logits is scored from under class weights and label smoothing, in one pass over the row
    /// shifted by its maximum (d = z − m) and the shared row of class weights w: the maxima counted and Σe^d below them
    /// (as <see cref="SoftmaxWeightSums"/>, for log-sum-exp), and the weighted smoothing term Σ −w·d (0 where w = 0
    /// whatever d is, NaN excepted; +∞ for w &gt; 0 against d = −∞).</summary>
    [Term]
    public static (double, double, double) WeightedSoftmaxSums(double d, double w) =>
        (d == 0.0 ? 1.0 : 0.0, d == 0.0 ? 0.0 : Fn.Exp(d), w == 0.0 && !double.IsNaN(d) ? 0.0 : -(w * d));
}
