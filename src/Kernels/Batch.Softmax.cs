using System;
using Kernels.Rows;

namespace Kernels;

/// <summary>Softmax and log-softmax of each row of logits into a destination of the same shape (PyTorch's
/// <c>F.softmax(z, 1)</c> and <c>F.log_softmax(z, 1)</c>): the row's maximum m and log A = log Σe^(z − m) from the
/// log-sum-exp folds, then one map per element.</summary>
public static partial class Batch
{
    /// <summary>softmax of each row of logits, e^(z − m − log A), into the same element of destination. A −∞ logit gives
    /// 0; a row of all −∞, or with NaN or +∞, gives NaN everywhere. destination has the logits' length and layout
    /// (<see cref="BatchOptions.RowStride"/> applies to both; elements between rows are left alone) and may be the
    /// logits themselves. Float within 1 ulp of the exact softmax (computed in double lanes, rounded once); double within
    /// 2 ulps plus 2^53 times the absolute error of its log (see <see cref="LogSoftmax(ReadOnlySpan{double}, int, Span{double}, BatchOptions)"/>):
    /// a few ulps near 1, about 2·|log p| ulps for a small p.</summary>
    public static void Softmax(ReadOnlySpan<float> logits, int columns, Span<float> destination, BatchOptions options = default) =>
        MapLogits<RowMeasures.Softmax, float>(logits, columns, destination, options);

    /// <summary>softmax of each row of double logits, e^(z − m − log A); see the float overload for the edge rows and
    /// the layout. Within 2 ulps plus 2^53 times the absolute error of log p (about 2·|log p| ulps for a small p).</summary>
    public static void Softmax(ReadOnlySpan<double> logits, int columns, Span<double> destination, BatchOptions options = default) =>
        MapLogits<RowMeasures.Softmax, double>(logits, columns, destination, options);

    /// <summary>log softmax of each row of logits, z − m − log A, into the same element of destination. A −∞ logit gives
    /// −∞; a row of all −∞, or with NaN or +∞, gives NaN everywhere. destination has the logits' length and layout
    /// (<see cref="BatchOptions.RowStride"/> applies to both) and may be the logits themselves. Float computed in float
    /// lanes, within 2 ulps of the exact value; double within 3 ulps.</summary>
    public static void LogSoftmax(ReadOnlySpan<float> logits, int columns, Span<float> destination, BatchOptions options = default) =>
        MapLogits<RowMeasures.LogSoftmax, float>(logits, columns, destination, options);

    /// <summary>log softmax of each row of double logits, z − m − log A; see the float overload. Within 3 ulps of the
    /// exact value plus 2^-53·Σ p_j·(m − z_j) absolute (the rounding of the shifts z − m, which for a confident row moves
    /// a tiny log A by many of its own ulps).</summary>
    public static void LogSoftmax(ReadOnlySpan<double> logits, int columns, Span<double> destination, BatchOptions options = default) =>
        MapLogits<RowMeasures.LogSoftmax, double>(logits, columns, destination, options);

    private static unsafe void MapLogits<TMap, T>(ReadOnlySpan<T> logits, int columns, Span<T> destination, BatchOptions options)
        where TMap : struct, IRowMap
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int stride = BatchShape.SingleStride(options, columns);
        int rows = BatchShape.RowCount(logits.Length, columns, stride, nameof(logits));
        if (destination.Length != logits.Length)
        {
            throw new ArgumentException(
                $"destination has {destination.Length} elements; it must have the shape of logits ({logits.Length} elements: {rows} rows of {columns} columns{(stride == columns ? string.Empty : $" {stride} apart")}).",
                nameof(destination));
        }

        if (logits.Overlaps(destination, out int offset) && offset != 0)
        {
            throw new ArgumentException(
                $"destination overlaps logits at an offset of {offset} elements; it may be the logits themselves or separate memory.", nameof(destination));
        }

        fixed (T* zz = logits)
        fixed (T* dd = destination)
        {
            var source = new RowSource<T>(zz, rows, columns, stride, null, 0, 0, null, new RowSettings(false, 0.0, null));
            RowMeasures.MapRows<TMap, T>(source, dd, options);
        }
    }
}
