using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kernels.Support;

namespace Kernels.Rows;

/// <summary>
/// The batch measures: each scores a block of rows through the generated row folds of its terms (float or double
/// picked when the JIT specializes T) and turns the folds' totals into scores in nats.
/// </summary>
[SkipLocalsInit] // the stack buffers of a block of rows are written in full before they are read (zeros cleared)
internal static partial class RowMeasures
{
    private static ReadOnlySpan<float> Single<T>(ReadOnlySpan<T> values) where T : unmanaged => MemoryMarshal.Cast<T, float>(values);

    private static ReadOnlySpan<double> Double<T>(ReadOnlySpan<T> values) where T : unmanaged => MemoryMarshal.Cast<T, double>(values);

    private static bool IsSingle<T>() => typeof(T) == typeof(float);

    internal readonly struct Entropy : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Span<FoldTotals> totals = stackalloc FoldTotals[values.Length];
            ReadOnlySpan<T> p = source.P(start, values.Length);
            RowLayout layout = source.Layout(values.Length);
            bool normalize = source.Settings.Normalize;
            if (IsSingle<T>())
            {
                if (normalize) { Terms.EntropyKernel.FoldRows<FoldModes.WithTotals>(Single(p), layout, default, totals); }
                else { Terms.EntropyKernel.FoldRows<FoldModes.Plain>(Single(p), layout, default, totals); }
            }
            else
            {
                if (normalize) { Terms.EntropyKernel.FoldRows<FoldModes.WithTotals>(Double(p), layout, default, totals); }
                else { Terms.EntropyKernel.FoldRows<FoldModes.Plain>(Double(p), layout, default, totals); }
            }

            for (int i = 0; i < values.Length; i++)
            {
                values[i] = normalize ? Normalization.Entropy(totals[i]) : totals[i].Sum;
            }

            return values.Length;
        }
    }

    internal readonly struct CrossEntropy : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Span<FoldTotals> totals = stackalloc FoldTotals[values.Length];
            ReadOnlySpan<T> p = source.P(start, values.Length), q = source.Q(start, values.Length);
            RowLayout layout = source.Layout(values.Length);
            bool normalize = source.Settings.Normalize;
            if (IsSingle<T>())
            {
                if (normalize) { Terms.CrossEntropyKernel.FoldRows<FoldModes.WithTotals>(Single(p), Single(q), layout, default, default, totals); }
                else { Terms.CrossEntropyKernel.FoldRows<FoldModes.Plain>(Single(p), Single(q), layout, default, default, totals); }
            }
            else
            {
                if (normalize) { Terms.CrossEntropyKernel.FoldRows<FoldModes.WithTotals>(Double(p), Double(q), layout, default, default, totals); }
                else { Terms.CrossEntropyKernel.FoldRows<FoldModes.Plain>(Double(p), Double(q), layout, default, default, totals); }
            }

            for (int i = 0; i < values.Length; i++)
            {
                values[i] = normalize ? Normalization.CrossEntropy(totals[i]) : totals[i].Sum;
            }

            return values.Length;
        }
    }

    internal readonly struct KullbackLeibler : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Span<FoldTotals> totals = stackalloc FoldTotals[values.Length];
            ReadOnlySpan<T> p = source.P(start, values.Length), q = source.Q(start, values.Length);
            RowLayout layout = source.Layout(values.Length);
            bool normalize = source.Settings.Normalize;
            if (IsSingle<T>())
            {
                if (normalize) { Terms.KullbackLeiblerKernel.FoldRows<FoldModes.WithTotals>(Single(p), Single(q), layout, default, default, totals); }
                else { Terms.KullbackLeiblerKernel.FoldRows<FoldModes.Plain>(Single(p), Single(q), layout, default, default, totals); }
            }
            else
            {
                if (normalize) { Terms.KullbackLeiblerKernel.FoldRows<FoldModes.WithTotals>(Double(p), Double(q), layout, default, default, totals); }
                else { Terms.KullbackLeiblerKernel.FoldRows<FoldModes.Plain>(Double(p), Double(q), layout, default, default, totals); }
            }

            for (int i = 0; i < values.Length; i++)
            {
                values[i] = normalize ? Normalization.KullbackLeibler(totals[i]) : totals[i].Sum;
            }

            return values.Length;
        }
    }

    /// <summary>Jensen–Shannon divergence; normalized rows need their sums first, then a scaled pass (float inputs
    /// widened and scaled in double, as in <see cref="Information.Normalized"/>).</summary>
    internal readonly struct JensenShannonDivergence : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Span<FoldTotals> totals = stackalloc FoldTotals[values.Length];
            ReadOnlySpan<T> p = source.P(start, values.Length), q = source.Q(start, values.Length);
            RowLayout layout = source.Layout(values.Length);
            if (!source.Settings.Normalize)
            {
                if (IsSingle<T>()) { Terms.JensenShannonKernel.FoldRows<FoldModes.Plain>(Single(p), Single(q), layout, default, default, totals); }
                else { Terms.JensenShannonKernel.FoldRows<FoldModes.Plain>(Double(p), Double(q), layout, default, default, totals); }

                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = totals[i].Sum;
                }

                return values.Length;
            }

            Span<double> pScales = stackalloc double[values.Length], qScales = stackalloc double[values.Length];
            NormalizationScales(source, start, pScales, qScales, totals);
            if (IsSingle<T>()) { Terms.JensenShannonKernel.FoldRowsInDouble<FoldModes.ScaledInputs>(Single(p), Single(q), layout, pScales, qScales, totals); }
            else { Terms.JensenShannonKernel.FoldRows<FoldModes.ScaledInputs>(Double(p), Double(q), layout, pScales, qScales, totals); }

            for (int i = 0; i < values.Length; i++)
            {
                values[i] = double.IsInfinity(pScales[i]) || double.IsInfinity(qScales[i]) ? double.NaN : totals[i].Sum;
            }

            return values.Length;
        }
    }

    /// <summary>Jensen–Shannon distance: √ of the divergence in the caller's base.</summary>
    internal readonly struct JensenShannonDistance : IRowMeasure
    {
        public static double Finish(double value) => Math.Sqrt(value);

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T> =>
            JensenShannonDivergence.Score(source, start, values);
    }

    /// <summary>The largest logit of each row (NaN if any is NaN), the shift that keeps every exponential ≤ 1, and
    /// how many logits of the row equal it (their weights e^0 = 1 are left out of the weight fold).</summary>
    private static void RowMaxima<T>(in RowSource<T> source, int start, Span<double> maxima, Span<int> counts) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < maxima.Length; i++)
        {
            ReadOnlySpan<T> row = source.PRow(start + i);
            maxima[i] = IsSingle<T>() ? RowSupport.Maximum(Single(row)) : RowSupport.Maximum(Double(row));
            counts[i] = IsSingle<T>() ? RowSupport.Count(Single(row), (float)maxima[i]) : RowSupport.Count(Double(row), maxima[i]);
        }
    }

    /// <summary>log Σe^(z − m) = log(c + Σ') with c the number of maxima and Σ' the weights below the maximum:
    /// log c + log1p(Σ'/c), accurate even when Σ' is far below 1.</summary>
    private static double LogSumOfWeights(int maxima, double weights) =>
        maxima == 1 ? Fn.Log1p(weights) : Math.Log(maxima) + Fn.Log1p(weights / maxima);

    /// <summary>Σ e^(z − m) over the logits below each row's maximum m (float logits widened, so the shift is exact),
    /// with Σz when asked.</summary>
    private static void SoftmaxWeights<T>(ReadOnlySpan<T> logits, RowLayout layout, ReadOnlySpan<double> maxima, bool withTotals, Span<FoldTotals> totals)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            if (withTotals) { Terms.SoftmaxWeightKernel.FoldRowsInDouble<FoldModes.ShiftedWithTotals>(Single(logits), layout, maxima, totals); }
            else { Terms.SoftmaxWeightKernel.FoldRowsInDouble<FoldModes.ShiftedInputs>(Single(logits), layout, maxima, totals); }
        }
        else
        {
            if (withTotals) { Terms.SoftmaxWeightKernel.FoldRows<FoldModes.ShiftedWithTotals>(Double(logits), layout, maxima, totals); }
            else { Terms.SoftmaxWeightKernel.FoldRows<FoldModes.ShiftedInputs>(Double(logits), layout, maxima, totals); }
        }
    }

    /// <summary>Entropy of softmax(z) = log A + B/A with A = Σe^d (c maxima plus the weights below), B = Σ −d·e^d,
    /// d = z − max z.</summary>
    internal readonly struct EntropyFromLogits : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            int count = values.Length;
            Span<double> maxima = stackalloc double[count];
            Span<int> counts = stackalloc int[count];
            Span<FoldTotals> weights = stackalloc FoldTotals[count], entropies = stackalloc FoldTotals[count];
            ReadOnlySpan<T> logits = source.P(start, count);
            RowLayout layout = source.Layout(count);
            RowMaxima(source, start, maxima, counts);
            SoftmaxWeights(logits, layout, maxima, withTotals: false, weights);
            if (IsSingle<T>()) { Terms.SoftmaxEntropyKernel.FoldRowsInDouble<FoldModes.ShiftedInputs>(Single(logits), layout, maxima, entropies); }
            else { Terms.SoftmaxEntropyKernel.FoldRows<FoldModes.ShiftedInputs>(Double(logits), layout, maxima, entropies); }

            for (int i = 0; i < count; i++)
            {
                double a = counts[i] + weights[i].Sum;
                values[i] = double.IsFinite(maxima[i]) ? LogSumOfWeights(counts[i], weights[i].Sum) + (entropies[i].Sum / a) : double.NaN;
            }

            return count;
        }
    }

    /// <summary>Cross-entropy of target class indices against softmax(z): log A − d_t, with label smoothing ε
    /// (1 − ε on the target, ε spread evenly) and an ignored index (score 0, not counted).</summary>
    internal readonly struct CrossEntropyFromClassLogits : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            int count = values.Length;
            Span<double> maxima = stackalloc double[count];
            Span<int> counts = stackalloc int[count];
            Span<FoldTotals> weights = stackalloc FoldTotals[count];
            double smoothing = source.Settings.LabelSmoothing;
            RowMaxima(source, start, maxima, counts);
            SoftmaxWeights(source.P(start, count), source.Layout(count), maxima, withTotals: smoothing > 0.0, weights);
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
                    ? SmoothedCrossEntropy(LogSumOfWeights(counts[i], weights[i].Sum), shiftedTarget, smoothing, weights[i].SumP, m, source.Columns)
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
    /// and (optionally) the targets normalized to sum 1.</summary>
    internal readonly struct CrossEntropyFromLogits : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            int count = values.Length;
            Span<double> maxima = stackalloc double[count], zeros = stackalloc double[count];
            zeros.Clear();
            Span<int> counts = stackalloc int[count];
            Span<FoldTotals> weights = stackalloc FoldTotals[count], cross = stackalloc FoldTotals[count];
            double smoothing = source.Settings.LabelSmoothing;

            // The logits are the second matrix (q): their rows are read as the first input of the weight fold.
            var logitRows = new RowSource<T>(source, swap: true);
            ReadOnlySpan<T> targets = source.P(start, count), logits = logitRows.P(start, count);
            RowMaxima(logitRows, start, maxima, counts);
            SoftmaxWeights(logits, logitRows.Layout(count), maxima, withTotals: smoothing > 0.0, weights);
            RowLayout layout = source.Layout(count);
            if (IsSingle<T>()) { Terms.SoftmaxCrossEntropyKernel.FoldRowsInDouble<FoldModes.ShiftedWithTotals>(Single(targets), Single(logits), layout, zeros, maxima, cross); }
            else { Terms.SoftmaxCrossEntropyKernel.FoldRows<FoldModes.ShiftedWithTotals>(Double(targets), Double(logits), layout, zeros, maxima, cross); }

            for (int i = 0; i < count; i++)
            {
                double m = maxima[i], logA = LogSumOfWeights(counts[i], weights[i].Sum), mass = cross[i].SumP;
                double value = source.Settings.Normalize
                    ? (mass == 0.0 ? double.NaN : logA + (cross[i].Sum / mass))
                    : (mass == 0.0 ? 0.0 : mass * logA) + cross[i].Sum;
                if (smoothing > 0.0)
                {
                    // At ε = 1 the target is uniform: an infinite unsmoothed value drops out (0·∞), a NaN one (a target row
                    // that normalizes to NaN) does not.
                    value = (smoothing < 1.0 || double.IsNaN(value) ? (1.0 - smoothing) * value : 0.0) + (smoothing * (logA - ((weights[i].SumP / source.Columns) - m)));
                }

                values[i] = double.IsFinite(m) ? value : double.NaN;
            }

            return count;
        }
    }

    /// <summary>KL from log-probabilities: Σ e^a·(a − b).</summary>
    internal readonly struct KullbackLeiblerFromLogProbabilities : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            Span<FoldTotals> totals = stackalloc FoldTotals[values.Length];
            ReadOnlySpan<T> a = source.P(start, values.Length), b = source.Q(start, values.Length);
            RowLayout layout = source.Layout(values.Length);
            if (IsSingle<T>()) { Terms.KullbackLeiblerOfLogsKernel.FoldRows<FoldModes.Plain>(Single(a), Single(b), layout, default, default, totals); }
            else { Terms.KullbackLeiblerOfLogsKernel.FoldRows<FoldModes.Plain>(Double(a), Double(b), layout, default, default, totals); }

            for (int i = 0; i < values.Length; i++)
            {
                values[i] = totals[i].Sum;
            }

            return values.Length;
        }
    }
}
