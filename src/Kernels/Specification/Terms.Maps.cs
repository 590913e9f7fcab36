namespace Kernels;

/// <summary>
/// Map terms: one value per element instead of one sum per row. The row's maximum m and log A = log Σe^(z − m) come
/// from the log-sum-exp folds first (see <see cref="Batch.Softmax(System.ReadOnlySpan{double}, int, System.Span{double}, BatchOptions)"/>);
/// each logit is then mapped with them as parameters.
/// </summary>
public static partial class Terms
{
    /// <summary>log softmax(z) of one logit of a row: (z − m) − log A, two non-positive numbers added (d = z − m ≤ 0 and
    /// log A ≥ 0, so nothing cancels). −∞ for a −∞ logit; NaN when m or log A is NaN (the batch passes NaN for a row
    /// of all −∞, or with NaN or +∞).</summary>
    [Term(Map = true)]
    public static double LogSoftmaxOfLogit(double z, [TermParameter] double maximum, [TermParameter] double logSum) =>
        (z - maximum) - logSum;

    /// <summary>softmax(z) of one logit of a row: e^((z − m) − log A), in [0, 1]; 0 for a −∞ logit; NaN when m or
    /// log A is NaN.</summary>
    [Term(Map = true)]
    public static double SoftmaxOfLogit(double z, [TermParameter] double maximum, [TermParameter] double logSum) =>
        Fn.Exp((z - maximum) - logSum);
}
