namespace Kernels;

/// <summary>
/// Terms of cross-entropy from logits against class indices with per-class weights (PyTorch's <c>weight=</c>): label
/// smoothing spreads ε over the classes, each class's share weighted by its own weight.
/// </summary>
public static partial class Terms
{
    /// <summary>−w·d for a logit shifted by its row's maximum (d = z − m ≤ 0) and its class's weight w: the weighted
    /// smoothing term Σ −w_j·d_j of a row. 0 where w = 0 whatever d is (NaN excepted); +∞ for w &gt; 0 against d = −∞.</summary>
    [Term]
    public static double WeightedShiftedLogit(double d, double w) =>
        w == 0.0 && !double.IsNaN(d) ? 0.0 : -(w * d);
}
