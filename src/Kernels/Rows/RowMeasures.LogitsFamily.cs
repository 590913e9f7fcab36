using System;
using System.Numerics;
using Kernels.Support;

namespace Kernels.Rows;

/// <summary>
/// The rest of the logits family on top of the row log-sum-exp: cross-entropy against class indices with per-class
/// weights (PyTorch's <c>weight=</c>), and binary cross-entropy from logits (with or without a positive weight per column).
/// </summary>
internal static partial class RowMeasures
{
    /// <summary>Each row's maximum m (NaN if any logit is NaN) and log Σe^(z − m), of rows [start, start + count) of P:
    /// the one place the family reads the log-sum-exp folds of <see cref="EntropyFromLogits"/>'s measures.</summary>
    private static void RowLogSumExp<T>(in RowSource<T> source, int start, Span<double> maxima, Span<double> logSums)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = maxima.Length;
        Span<FoldTotals> weights = stackalloc FoldTotals[count];
        RowMaxima(source, start, maxima, weights);
        Terms.SoftmaxWeightSumsKernel.FoldRowsInDouble<FoldModes.ShiftedInputs, T>(source.P(start, count), source.Layout(count), maxima, weights);
        for (int i = 0; i < count; i++)
        {
            logSums[i] = LogSumOfWeights((int)weights[i].Sum, weights[i].Sum1);
        }
    }

    /// <summary>Cross-entropy of class indices against softmax(z) with per-class weights w (the one shared row Q):
    /// (1 − ε)·w_t·(log A − d_t) + (ε/k)·(W·log A + Σ −w_j·d_j), W = Σw_j, d = z − m, PyTorch's per-row loss of
    /// <c>cross_entropy(weight=w, label_smoothing=ε)</c>. A zero weight contributes 0 (PyTorch gives 0·∞ = NaN where a
    /// zero-weight class sits on a −∞ logit). Ignored rows score 0 and are not counted.</summary>
    internal readonly struct WeightedCrossEntropyFromClassLogits : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            int count = values.Length, columns = source.Columns;
            Span<double> maxima = stackalloc double[count], logSums = stackalloc double[count];
            double smoothing = source.Settings.LabelSmoothing;
            ReadOnlySpan<T> classWeights = source.Q(start, count);

            // Without smoothing only log-sum-exp is needed; with it, the weighted term Σ −w·d comes from the same pass.
            int smoothedRows = smoothing > 0.0 ? count : 0;
            Span<FoldTotals> smoothed = stackalloc FoldTotals[smoothedRows];
            Span<double> unshifted = stackalloc double[smoothedRows];
            double totalWeight = 0.0;
            if (smoothing > 0.0)
            {
                unshifted.Clear();
                RowMaxima(source, start, maxima, smoothed);
                Terms.WeightedSoftmaxSumsKernel.FoldRowsInDouble<FoldModes.ShiftedInputs, T>(source.P(start, count), classWeights, source.Layout(count), maxima, unshifted, smoothed);
                for (int i = 0; i < count; i++)
                {
                    logSums[i] = LogSumOfWeights((int)smoothed[i].Sum, smoothed[i].Sum1);
                }

                totalWeight = Sums.TotalKernel.Fold<T>(classWeights);
            }
            else
            {
                RowLogSumExp(source, start, maxima, logSums);
            }

            int counted = 0;
            for (int i = 0; i < count; i++)
            {
                int target = source.Target(start + i);
                if (target == source.Settings.IgnoreIndex)
                {
                    values[i] = 0.0;
                    continue;
                }

                counted++;
                double m = maxima[i], logA = logSums[i], weight = double.CreateTruncating(classWeights[target]);
                double shiftedTarget = double.CreateTruncating(source.PRow(start + i)[target]) - m;
                double value = weight == 0.0 || smoothing >= 1.0 ? 0.0 : (1.0 - smoothing) * weight * (logA - shiftedTarget);
                if (smoothing > 0.0)
                {
                    value += smoothing / columns * ((totalWeight * logA) + smoothed[i].Sum2);
                }

                values[i] = double.IsFinite(m) ? value : double.NaN;
            }

            return counted;
        }
    }

    /// <summary>Binary cross-entropy from logits, Σ over the row of <see cref="Terms.BinaryCrossEntropyWithLogits"/>:
    /// targets are P, logits Q (one row per row).</summary>
    internal readonly struct BinaryCrossEntropyFromLogits : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            int count = values.Length;
            Span<FoldTotals> totals = stackalloc FoldTotals[count];
            Terms.BinaryCrossEntropyWithLogitsKernel.FoldRows<FoldModes.Plain, T>(source.P(start, count), source.Q(start, count), source.Layout(count), default, default, totals);
            for (int i = 0; i < count; i++)
            {
                values[i] = totals[i].Sum;
            }

            return count;
        }
    }

    /// <summary>Binary cross-entropy from logits with a positive weight per column (the shared row Z), Σ over the row of
    /// <see cref="Terms.WeightedBinaryCrossEntropyWithLogits"/>: each row through the three-input fold.</summary>
    internal readonly struct WeightedBinaryCrossEntropyFromLogits : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            ReadOnlySpan<T> positiveWeights = source.Z(0, 1);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = Terms.WeightedBinaryCrossEntropyWithLogitsKernel.Fold<T>(source.PRow(start + i), positiveWeights, source.QRow(start + i));
            }

            return values.Length;
        }
    }
}
