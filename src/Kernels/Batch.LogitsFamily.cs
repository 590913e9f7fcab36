using System;
using Kernels.Rows;
using Kernels.Support;

namespace Kernels;

/// <summary>The rest of the logits family: cross-entropy against class indices with per-class weights, and binary
/// cross-entropy from logits (with per-column positive weights).</summary>
public static partial class Batch
{
    /// <summary>Cross-entropy of each row of logits against its class index t with per-class weights w (PyTorch's
    /// <c>cross_entropy(z, t, weight=w, label_smoothing=ε, ignore_index=…, reduction='none')</c>), into destination[row]:
    /// (1 − ε)·w_t·(−log softmax(z)_t) + (ε/columns)·Σ_j w_j·(−log softmax(z)_j). <paramref name="classWeights"/> has one
    /// finite weight ≥ 0 per column; a zero weight contributes 0, even on a −∞ logit. Ignored rows score 0.</summary>
    public static void CrossEntropyFromLogits(ReadOnlySpan<int> targets, ReadOnlySpan<float> logits, ReadOnlySpan<float> classWeights, int columns, Span<float> destination, LogBase logBase, BatchOptions options = default, double labelSmoothing = 0.0, int? ignoreIndex = null) =>
        WeightedClassLogits(targets, logits, classWeights, columns, destination, logBase, options, labelSmoothing, ignoreIndex);

    /// <summary>Class-weighted cross-entropy of each row of logits against its class index, summed over rows, or (Mean)
    /// PyTorch's weighted mean: the sum divided by Σ w[target] over the rows not ignored (NaN when that is 0).</summary>
    public static double CrossEntropyFromLogits(ReadOnlySpan<int> targets, ReadOnlySpan<float> logits, ReadOnlySpan<float> classWeights, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default, double labelSmoothing = 0.0, int? ignoreIndex = null) =>
        WeightedClassLogits(targets, logits, classWeights, columns, reduction, logBase, options, labelSmoothing, ignoreIndex);

    /// <summary>Cross-entropy of each row of logits against its class index t with per-class weights w (PyTorch's
    /// <c>cross_entropy(z, t, weight=w, label_smoothing=ε, ignore_index=…, reduction='none')</c>), into destination[row]:
    /// (1 − ε)·w_t·(−log softmax(z)_t) + (ε/columns)·Σ_j w_j·(−log softmax(z)_j). <paramref name="classWeights"/> has one
    /// finite weight ≥ 0 per column; a zero weight contributes 0, even on a −∞ logit. Ignored rows score 0.</summary>
    public static void CrossEntropyFromLogits(ReadOnlySpan<int> targets, ReadOnlySpan<double> logits, ReadOnlySpan<double> classWeights, int columns, Span<double> destination, LogBase logBase, BatchOptions options = default, double labelSmoothing = 0.0, int? ignoreIndex = null) =>
        WeightedClassLogits(targets, logits, classWeights, columns, destination, logBase, options, labelSmoothing, ignoreIndex);

    /// <summary>Class-weighted cross-entropy of each row of logits against its class index, summed over rows, or (Mean)
    /// PyTorch's weighted mean: the sum divided by Σ w[target] over the rows not ignored (NaN when that is 0).</summary>
    public static double CrossEntropyFromLogits(ReadOnlySpan<int> targets, ReadOnlySpan<double> logits, ReadOnlySpan<double> classWeights, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default, double labelSmoothing = 0.0, int? ignoreIndex = null) =>
        WeightedClassLogits(targets, logits, classWeights, columns, reduction, logBase, options, labelSmoothing, ignoreIndex);

    /// <summary>Binary cross-entropy from logits summed over each row (PyTorch's
    /// <c>binary_cross_entropy_with_logits(z, y, reduction='none').sum(1)</c>), in nats, into destination[row]: Σ max(z, 0)
    /// − z·y + log1p(e^−|z|). An infinite logit on its target's side (z = +∞, y = 1; z = −∞, y = 0) contributes 0, on the
    /// other side +∞ (PyTorch gives NaN at z = −∞); NaN propagates; targets outside [0, 1] get the formula's value.
    /// <see cref="BatchOptions.RowStride"/> applies to the targets, <see cref="BatchOptions.QRowStride"/> to the logits.</summary>
    public static void BinaryCrossEntropyFromLogits(ReadOnlySpan<float> targets, ReadOnlySpan<float> logits, int columns, Span<float> destination, BatchOptions options = default) =>
        BinaryLogits<RowMeasures.BinaryCrossEntropyFromLogits, float>(targets, logits, default, columns, destination, options);

    /// <summary>Binary cross-entropy from logits of each row, summed or averaged over rows (PyTorch's reduction='mean'
    /// averages over elements: divide our Mean by <paramref name="columns"/>).</summary>
    public static double BinaryCrossEntropyFromLogits(ReadOnlySpan<float> targets, ReadOnlySpan<float> logits, int columns, Reduction reduction, BatchOptions options = default) =>
        BinaryLogits<RowMeasures.BinaryCrossEntropyFromLogits, float>(targets, logits, default, columns, reduction, options);

    /// <summary>Binary cross-entropy from logits with a positive weight per column (PyTorch's <c>pos_weight</c>), summed
    /// over each row, into destination[row]: Σ (1 − y)·z + (1 + (pw − 1)·y)·(max(−z, 0) + log1p(e^−|z|)).
    /// <paramref name="positiveWeights"/> has one finite weight ≥ 0 per column; infinite logits as without weights.</summary>
    public static void BinaryCrossEntropyFromLogits(ReadOnlySpan<float> targets, ReadOnlySpan<float> logits, ReadOnlySpan<float> positiveWeights, int columns, Span<float> destination, BatchOptions options = default) =>
        BinaryLogits<RowMeasures.WeightedBinaryCrossEntropyFromLogits, float>(targets, logits, Weights(positiveWeights, columns), columns, destination, options);

    /// <summary>Binary cross-entropy from logits with a positive weight per column, summed or averaged over rows.</summary>
    public static double BinaryCrossEntropyFromLogits(ReadOnlySpan<float> targets, ReadOnlySpan<float> logits, ReadOnlySpan<float> positiveWeights, int columns, Reduction reduction, BatchOptions options = default) =>
        BinaryLogits<RowMeasures.WeightedBinaryCrossEntropyFromLogits, float>(targets, logits, Weights(positiveWeights, columns), columns, reduction, options);

    /// <summary>Binary cross-entropy from logits summed over each row (PyTorch's
    /// <c>binary_cross_entropy_with_logits(z, y, reduction='none').sum(1)</c>), in nats, into destination[row]: Σ max(z, 0)
    /// − z·y + log1p(e^−|z|). An infinite logit on its target's side (z = +∞, y = 1; z = −∞, y = 0) contributes 0, on the
    /// other side +∞ (PyTorch gives NaN at z = −∞); NaN propagates; targets outside [0, 1] get the formula's value.
    /// <see cref="BatchOptions.RowStride"/> applies to the targets, <see cref="BatchOptions.QRowStride"/> to the logits.</summary>
    public static void BinaryCrossEntropyFromLogits(ReadOnlySpan<double> targets, ReadOnlySpan<double> logits, int columns, Span<double> destination, BatchOptions options = default) =>
        BinaryLogits<RowMeasures.BinaryCrossEntropyFromLogits, double>(targets, logits, default, columns, destination, options);

    /// <summary>Binary cross-entropy from logits of each row, summed or averaged over rows (PyTorch's reduction='mean'
    /// averages over elements: divide our Mean by <paramref name="columns"/>).</summary>
    public static double BinaryCrossEntropyFromLogits(ReadOnlySpan<double> targets, ReadOnlySpan<double> logits, int columns, Reduction reduction, BatchOptions options = default) =>
        BinaryLogits<RowMeasures.BinaryCrossEntropyFromLogits, double>(targets, logits, default, columns, reduction, options);

    /// <summary>Binary cross-entropy from logits with a positive weight per column (PyTorch's <c>pos_weight</c>), summed
    /// over each row, into destination[row]: Σ (1 − y)·z + (1 + (pw − 1)·y)·(max(−z, 0) + log1p(e^−|z|)).
    /// <paramref name="positiveWeights"/> has one finite weight ≥ 0 per column; infinite logits as without weights.</summary>
    public static void BinaryCrossEntropyFromLogits(ReadOnlySpan<double> targets, ReadOnlySpan<double> logits, ReadOnlySpan<double> positiveWeights, int columns, Span<double> destination, BatchOptions options = default) =>
        BinaryLogits<RowMeasures.WeightedBinaryCrossEntropyFromLogits, double>(targets, logits, Weights(positiveWeights, columns), columns, destination, options);

    /// <summary>Binary cross-entropy from logits with a positive weight per column, summed or averaged over rows.</summary>
    public static double BinaryCrossEntropyFromLogits(ReadOnlySpan<double> targets, ReadOnlySpan<double> logits, ReadOnlySpan<double> positiveWeights, int columns, Reduction reduction, BatchOptions options = default) =>
        BinaryLogits<RowMeasures.WeightedBinaryCrossEntropyFromLogits, double>(targets, logits, Weights(positiveWeights, columns), columns, reduction, options);

    // ---- checks and the calls into the row driver ----

    private static ReadOnlySpan<T> Weights<T>(ReadOnlySpan<T> weights, int columns, string name = "positiveWeights")
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        ThrowHelper.ThrowIfColumnsNotPositive(columns);
        ThrowHelper.ThrowIfInvalidWeights(weights, columns, name);
        return weights;
    }

    private static unsafe void BinaryLogits<TMeasure, T>(ReadOnlySpan<T> targets, ReadOnlySpan<T> logits, ReadOnlySpan<T> positiveWeights, int columns, Span<T> destination, BatchOptions options)
        where TMeasure : struct, IRowMeasure
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        options = NotNormalized(options);
        BatchShape shape = BatchShape.OfPair(targets.Length, logits.Length, columns, options, nameof(targets), nameof(logits), sharedQ: false);
        BatchShape.CheckDestination(destination.Length, shape.Rows, nameof(logits));
        fixed (T* yy = targets)
        fixed (T* zz = logits)
        fixed (T* ww = positiveWeights)
        {
            var pair = new RowSource<T>(yy, shape.Rows, columns, shape.PStride, zz, logits.Length, shape.QStride, null, new RowSettings(false, 0.0, null));
            RowDriver.Scores<TMeasure, T>(new RowSource<T>(pair, ww), destination, LogBase.E, options);
        }
    }

    private static unsafe double BinaryLogits<TMeasure, T>(ReadOnlySpan<T> targets, ReadOnlySpan<T> logits, ReadOnlySpan<T> positiveWeights, int columns, Reduction reduction, BatchOptions options)
        where TMeasure : struct, IRowMeasure
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        options = NotNormalized(options);
        BatchShape.CheckReduction(reduction);
        BatchShape shape = BatchShape.OfPair(targets.Length, logits.Length, columns, options, nameof(targets), nameof(logits), sharedQ: false);
        fixed (T* yy = targets)
        fixed (T* zz = logits)
        fixed (T* ww = positiveWeights)
        {
            var pair = new RowSource<T>(yy, shape.Rows, columns, shape.PStride, zz, logits.Length, shape.QStride, null, new RowSettings(false, 0.0, null));
            return RowDriver.Reduce<TMeasure, T>(new RowSource<T>(pair, ww), reduction, LogBase.E, options);
        }
    }

    private static unsafe void WeightedClassLogits<T>(ReadOnlySpan<int> targets, ReadOnlySpan<T> logits, ReadOnlySpan<T> classWeights, int columns, Span<T> destination, LogBase logBase, BatchOptions options, double labelSmoothing, int? ignoreIndex)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        options = NotNormalized(options);
        BatchShape.CheckSmoothing(labelSmoothing);
        int stride = BatchShape.SingleStride(options, columns);
        Weights(classWeights, columns, nameof(classWeights));
        int rows = BatchShape.RowCount(logits.Length, columns, stride, nameof(logits));
        BatchShape.CheckTargets(targets, rows, columns, ignoreIndex);
        BatchShape.CheckDestination(destination.Length, rows, nameof(logits));
        fixed (T* zz = logits)
        fixed (T* ww = classWeights)
        fixed (int* tt = targets)
        {
            var source = new RowSource<T>(zz, rows, columns, stride, ww, columns, 0, tt, new RowSettings(false, labelSmoothing, ignoreIndex));
            RowDriver.Scores<RowMeasures.WeightedCrossEntropyFromClassLogits, T>(source, destination, logBase, options);
        }
    }

    private static unsafe double WeightedClassLogits<T>(ReadOnlySpan<int> targets, ReadOnlySpan<T> logits, ReadOnlySpan<T> classWeights, int columns, Reduction reduction, LogBase logBase, BatchOptions options, double labelSmoothing, int? ignoreIndex)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        options = NotNormalized(options);
        BatchShape.CheckReduction(reduction);
        BatchShape.CheckSmoothing(labelSmoothing);
        int stride = BatchShape.SingleStride(options, columns);
        Weights(classWeights, columns, nameof(classWeights));
        int rows = BatchShape.RowCount(logits.Length, columns, stride, nameof(logits));
        BatchShape.CheckTargets(targets, rows, columns, ignoreIndex);
        double sum;
        fixed (T* zz = logits)
        fixed (T* ww = classWeights)
        fixed (int* tt = targets)
        {
            var source = new RowSource<T>(zz, rows, columns, stride, ww, columns, 0, tt, new RowSettings(false, labelSmoothing, ignoreIndex));
            sum = RowDriver.Reduce<RowMeasures.WeightedCrossEntropyFromClassLogits, T>(source, Reduction.Sum, logBase, options);
        }

        return reduction == Reduction.Sum ? sum : sum / WeightOfTargets(targets, classWeights, ignoreIndex);
    }

    /// <summary>Σ w[target] over the rows not ignored (compensated, in row order): the denominator of PyTorch's weighted mean.</summary>
    private static double WeightOfTargets<T>(ReadOnlySpan<int> targets, ReadOnlySpan<T> classWeights, int? ignoreIndex)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        double sum = 0.0, carry = 0.0;
        foreach (int target in targets)
        {
            if (target != ignoreIndex)
            {
                (sum, carry) = FoldSupport.Add(sum, carry, double.CreateTruncating(classWeights[target]));
            }
        }

        return FoldSupport.Combine(sum, carry);
    }
}
