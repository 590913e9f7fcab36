using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using Kernels.Support;

namespace Kernels.Rows;

/// <summary>
/// The batch measures: each scores a block of rows through the generated row folds of its terms (float or double
/// picked when the JIT specializes T) and turns the folds' totals into scores in nats.
/// </summary>
[SkipLocalsInit] // the stack buffers of a block of rows are written in full before they are read (zeros cleared)
internal static partial class RowMeasures
{
    /// <summary>How a normalized Shannon measure is finished from its fused sums (Σterm, Σp, Σq).</summary>
    internal interface ITotalsFinish
    {
        static abstract double Of(FoldTotals totals);
    }

    /// <summary><see cref="Normalization.Entropy"/>.</summary>
    internal readonly struct EntropyOfTotals : ITotalsFinish
    {
        public static double Of(FoldTotals totals) => Normalization.Entropy(totals);
    }

    /// <summary><see cref="Normalization.CrossEntropy"/>.</summary>
    internal readonly struct CrossEntropyOfTotals : ITotalsFinish
    {
        public static double Of(FoldTotals totals) => Normalization.CrossEntropy(totals);
    }

    /// <summary><see cref="Normalization.KullbackLeibler"/>.</summary>
    internal readonly struct KullbackLeiblerOfTotals : ITotalsFinish
    {
        public static double Of(FoldTotals totals) => Normalization.KullbackLeibler(totals);
    }

    /// <summary>A one-input Shannon measure (entropy): Σterm, or, normalized, Σterm with Σp fused into the same pass
    /// and finished by <typeparamref name="TNormalized"/>.</summary>
    internal readonly struct SumWithTotals<TKernel, TNormalized> : IRowMeasure
        where TKernel : struct, IRowKernel
        where TNormalized : struct, ITotalsFinish
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Span<FoldTotals> totals = stackalloc FoldTotals[values.Length];
            bool normalize = source.Settings.Normalize;
            if (normalize) { RowKernels.Fold<TKernel, FoldModes.WithTotals, T>(source, start, values.Length, default, totals); }
            else { RowKernels.Fold<TKernel, FoldModes.Plain, T>(source, start, values.Length, default, totals); }

            for (int i = 0; i < values.Length; i++)
            {
                values[i] = normalize ? TNormalized.Of(totals[i]) : totals[i].Sum;
            }

            return values.Length;
        }
    }

    /// <summary>A p/q Shannon measure (cross-entropy, KL): as <see cref="SumWithTotals{TKernel, TNormalized}"/> with
    /// Σq fused too.</summary>
    internal readonly struct PairSumWithTotals<TKernel, TNormalized> : IRowMeasure
        where TKernel : struct, IPairRowKernel
        where TNormalized : struct, ITotalsFinish
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Span<FoldTotals> totals = stackalloc FoldTotals[values.Length];
            bool normalize = source.Settings.Normalize;
            if (normalize) { RowKernels.Fold<TKernel, FoldModes.WithTotals, T>(source, start, values.Length, default, default, totals); }
            else { RowKernels.Fold<TKernel, FoldModes.Plain, T>(source, start, values.Length, default, default, totals); }

            for (int i = 0; i < values.Length; i++)
            {
                values[i] = normalize ? TNormalized.Of(totals[i]) : totals[i].Sum;
            }

            return values.Length;
        }
    }

    /// <summary>Shannon entropy.</summary>
    internal readonly struct Entropy : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T> =>
            SumWithTotals<RowKernels.Entropy, EntropyOfTotals>.Score(source, start, values);
    }

    /// <summary>Kullback–Leibler divergence.</summary>
    internal readonly struct KullbackLeibler : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T> =>
            PairSumWithTotals<RowKernels.KullbackLeibler, KullbackLeiblerOfTotals>.Score(source, start, values);
    }

    /// <summary>The square root of a divergence in the caller's base (Jensen–Shannon distance).</summary>
    internal readonly struct Distance<TDivergence> : IRowMeasure
        where TDivergence : struct, IRowMeasure
    {
        public static double Finish(double value) => Math.Sqrt(value);

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T> =>
            TDivergence.Score(source, start, values);
    }

    /// <summary>The largest logit of each row (NaN if any is NaN, +∞ if any is +∞, −∞ for a row of −∞): the shift that
    /// keeps every exponential ≤ 1, folded in the logits' own type. <paramref name="scratch"/> holds the fold's totals.</summary>
    private static void RowMaxima<T>(in RowSource<T> source, int start, Span<double> maxima, Span<FoldTotals> scratch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = maxima.Length;
        Terms.LargestLogitKernel.FoldRows<FoldModes.Plain, T>(source.P(start, count), source.Layout(count), default, scratch);
        for (int i = 0; i < count; i++)
        {
            maxima[i] = scratch[i].Sum;
        }
    }

    /// <summary>log Σe^(z − m) = log(c + Σ') with c the number of maxima and Σ' the weights below the maximum:
    /// log c + log1p(Σ'/c), accurate even when Σ' is far below 1.</summary>
    private static double LogSumOfWeights(int maxima, double weights) =>
        maxima == 1 ? Fn.Log1p(weights) : Math.Log(maxima) + Fn.Log1p(weights / maxima);

    /// <summary>Entropy of softmax(z) = log A + B/A with A = Σe^d (c maxima plus the weights below), B = Σ −d·e^d,
    /// d = z − max z: the maximum, then one pass of <see cref="Terms.SoftmaxSums"/> (c, the weights and B from one
    /// exponential per logit; float logits widened, so the shift is exact).</summary>
    internal readonly struct EntropyFromLogits : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            int count = values.Length;
            Span<double> maxima = stackalloc double[count];
            Span<FoldTotals> sums = stackalloc FoldTotals[count];
            RowMaxima(source, start, maxima, sums);
            Terms.SoftmaxSumsKernel.FoldRowsInDouble<FoldModes.ShiftedInputs, T>(source.P(start, count), source.Layout(count), maxima, sums);

            for (int i = 0; i < count; i++)
            {
                int maximaCount = (int)sums[i].Sum;
                double weights = sums[i].Sum1, a = maximaCount + weights;
                values[i] = double.IsFinite(maxima[i]) ? LogSumOfWeights(maximaCount, weights) + (sums[i].Sum2 / a) : double.NaN;
            }

            return count;
        }
    }

    /// <summary>Cross-entropy of target class indices against softmax(z): log A − d_t, with label smoothing ε
    /// (1 − ε on the target, ε spread evenly) and an ignored index (score 0, not counted): the maximum, then one pass of
    /// <see cref="Terms.SoftmaxWeightSums"/> (with Σz fused when smoothing).</summary>
    internal readonly struct CrossEntropyFromClassLogits : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            int count = values.Length;
            Span<double> maxima = stackalloc double[count];
            Span<FoldTotals> weights = stackalloc FoldTotals[count];
            double smoothing = source.Settings.LabelSmoothing;
            RowMaxima(source, start, maxima, weights);
            ReadOnlySpan<T> logits = source.P(start, count);
            RowLayout layout = source.Layout(count);
            if (smoothing > 0.0) { Terms.SoftmaxWeightSumsKernel.FoldRowsInDouble<FoldModes.ShiftedWithTotals, T>(logits, layout, maxima, weights); }
            else { Terms.SoftmaxWeightSumsKernel.FoldRowsInDouble<FoldModes.ShiftedInputs, T>(logits, layout, maxima, weights); }

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
                double m = maxima[i];
                double shiftedTarget = double.CreateTruncating(source.PRow(start + i)[target]) - m;
                values[i] = double.IsFinite(m)
                    ? SmoothedCrossEntropy(LogSumOfWeights((int)weights[i].Sum, weights[i].Sum1), shiftedTarget, smoothing, weights[i].SumP, m, source.Columns)
                    : double.NaN;
            }

            return counted;
        }

        /// <summary>−(1 − ε)·log softmax_t − (ε/k)·Σ log softmax_j = log A − (1 − ε)·d_t − ε·(Σz/k − m).</summary>
        private static double SmoothedCrossEntropy(double logA, double shiftedTarget, double smoothing, double sumOfLogits, double m, int columns) =>
            logA
            - (smoothing < 1.0 ? (1.0 - smoothing) * shiftedTarget : 0.0)
            - (smoothing > 0.0 ? smoothing * ((sumOfLogits / columns) - m) : 0.0);
    }

    /// <summary>Cross-entropy of target probabilities p against softmax(z): Σp·log A + Σ −p·d, with label smoothing
    /// and (optionally) the targets normalized to sum 1: the logits' maximum, then one pass of
    /// <see cref="Terms.SoftmaxCrossEntropySums"/> over both rows (with Σp and Σz fused).</summary>
    internal readonly struct CrossEntropyFromLogits : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            int count = values.Length;
            Span<double> maxima = stackalloc double[count], zeros = stackalloc double[count];
            zeros.Clear();
            Span<FoldTotals> sums = stackalloc FoldTotals[count];
            double smoothing = source.Settings.LabelSmoothing;

            // The logits are the second matrix (q): their rows are read as the first input of the maximum fold.
            RowMaxima(new RowSource<T>(source, swap: true), start, maxima, sums);
            Terms.SoftmaxCrossEntropySumsKernel.FoldRowsInDouble<FoldModes.ShiftedWithTotals, T>(
                source.P(start, count), source.Q(start, count), source.Layout(count), zeros, maxima, sums);

            for (int i = 0; i < count; i++)
            {
                double m = maxima[i], logA = LogSumOfWeights((int)sums[i].Sum, sums[i].Sum1), mass = sums[i].SumP, cross = sums[i].Sum2;
                double value = source.Settings.Normalize
                    ? (mass == 0.0 ? double.NaN : logA + (cross / mass))
                    : (mass == 0.0 ? 0.0 : mass * logA) + cross;
                if (smoothing > 0.0)
                {
                    // At ε = 1 the target is uniform: an infinite unsmoothed value drops out (0·∞), a NaN one (a target row
                    // that normalizes to NaN) does not.
                    value = (smoothing < 1.0 || double.IsNaN(value) ? (1.0 - smoothing) * value : 0.0) + (smoothing * (logA - ((sums[i].SumQ / source.Columns) - m)));
                }

                values[i] = double.IsFinite(m) ? value : double.NaN;
            }

            return count;
        }
    }
}
