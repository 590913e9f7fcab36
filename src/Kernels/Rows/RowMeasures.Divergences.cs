using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using Kernels.Support;

namespace Kernels.Rows;

/// <summary>
/// The batch measures of <see cref="Measures"/>: each row scored as the single-vector function scores it, through the
/// generated row folds of the same terms (<see cref="RowKernels"/>). Normalized rows are scaled by 1/Σ first, as the
/// Jensen–Shannon rows are (sums, then a scaled pass in double).
/// </summary>
internal static partial class RowMeasures
{
    /// <summary>1/Σ of each row of P (and of Q, or the shared row, when <paramref name="qScales"/> is not empty): +∞
    /// for a row that sums to 0, which then scores NaN.</summary>
    private static void NormalizationScales<T>(in RowSource<T> source, int start, Span<double> pScales, Span<double> qScales, Span<FoldTotals> totals)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = pScales.Length;
        RowSums(source.P(start, count), new RowLayout(count, source.Columns, source.PStride, 0), pScales, totals);
        if (qScales.IsEmpty)
        {
            return;
        }

        ReadOnlySpan<T> q = source.Q(start, count);
        if (source.QStride == 0)
        {
            double sum = Sums.TotalKernel.Fold(q);
            qScales.Fill(1.0 / sum);
        }
        else
        {
            RowSums(q, new RowLayout(count, source.Columns, source.QStride, 0), qScales, totals);
        }
    }

    /// <summary>1/Σ of each row (+∞ for a row that sums to 0).</summary>
    private static void RowSums<T>(ReadOnlySpan<T> rows, RowLayout layout, Span<double> scales, Span<FoldTotals> totals) where T : unmanaged
    {
        Sums.TotalKernel.FoldRows<FoldModes.Plain, T>(rows, layout, default, totals);

        for (int i = 0; i < scales.Length; i++)
        {
            scales[i] = 1.0 / totals[i].Sum;
        }
    }

    /// <summary>A row normalizes to NaN when it (or its q row) sums to 0.</summary>
    private static bool Unnormalizable(ReadOnlySpan<double> pScales, ReadOnlySpan<double> qScales, int i) =>
        double.IsInfinity(pScales[i]) || (!qScales.IsEmpty && double.IsInfinity(qScales[i]));

    /// <summary>Folds rows of one input, plain or scaled by <paramref name="scales"/> (normalization) when it is not empty.</summary>
    private static void FoldOne<TKernel, T>(in RowSource<T> source, int start, ReadOnlySpan<double> scales, Span<FoldTotals> totals, double order = 0.0)
        where TKernel : struct, IRowKernel
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (scales.IsEmpty) { RowKernels.Fold<TKernel, FoldModes.Plain, T>(source, start, totals.Length, default, totals, order); }
        else { RowKernels.Fold<TKernel, FoldModes.ScaledInputs, T>(source, start, totals.Length, scales, totals, order); }
    }

    /// <summary>Folds rows of P against Q, plain or scaled by the scales (normalization) when they are not empty.</summary>
    private static void FoldPair<TKernel, T>(in RowSource<T> source, int start, ReadOnlySpan<double> pScales, ReadOnlySpan<double> qScales, Span<FoldTotals> totals, double order = 0.0)
        where TKernel : struct, IPairRowKernel
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (pScales.IsEmpty) { RowKernels.Fold<TKernel, FoldModes.Plain, T>(source, start, totals.Length, default, default, totals, order); }
        else { RowKernels.Fold<TKernel, FoldModes.ScaledInputs, T>(source, start, totals.Length, pScales, qScales, totals, order); }
    }

    /// <summary>How a measure turns its row sum into the score in nats.</summary>
    internal interface ISumFinish
    {
        static abstract double Of(double sum);
    }

    /// <summary>The sum itself (χ², the Bhattacharyya coefficient, Gaussian KL).</summary>
    internal readonly struct SumItself : ISumFinish
    {
        public static double Of(double sum) => sum;
    }

    /// <summary><see cref="Terms.HellingerOfSum"/>.</summary>
    internal readonly struct HellingerOfSum : ISumFinish
    {
        public static double Of(double sum) => Terms.HellingerOfSum(sum);
    }

    /// <summary><see cref="Terms.Half"/> (total variation).</summary>
    internal readonly struct HalfOfSum : ISumFinish
    {
        public static double Of(double sum) => Terms.Half(sum);
    }

    /// <summary><see cref="Terms.NegativeLog"/> (the Bhattacharyya distance).</summary>
    internal readonly struct NegativeLogOfSum : ISumFinish
    {
        public static double Of(double sum) => Terms.NegativeLog(sum);
    }

    /// <summary>A p/q measure that is one finisher of one sum (Hellinger, total variation, the χ²s, Bhattacharyya,
    /// Gaussian KL): one body for all of them, over the kernel and the finisher.</summary>
    internal readonly struct PairSum<TKernel, TFinish> : IRowMeasure
        where TKernel : struct, IPairRowKernel
        where TFinish : struct, ISumFinish
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            int count = values.Length;
            Span<FoldTotals> totals = stackalloc FoldTotals[count];
            Span<double> pScales = source.Settings.Normalize ? stackalloc double[count] : default;
            Span<double> qScales = source.Settings.Normalize ? stackalloc double[count] : default;
            if (source.Settings.Normalize)
            {
                NormalizationScales(source, start, pScales, qScales, totals);
            }

            FoldPair<TKernel, T>(source, start, pScales, qScales, totals);
            for (int i = 0; i < count; i++)
            {
                values[i] = !pScales.IsEmpty && Unnormalizable(pScales, qScales, i) ? double.NaN : TFinish.Of(totals[i].Sum);
            }

            return count;
        }
    }

    /// <summary>Σp^α of each row as <see cref="Measures"/> forms it: orders 2 and ½ as a product and a root.</summary>
    private static void PowerSums<T>(in RowSource<T> source, int start, ReadOnlySpan<double> scales, Span<FoldTotals> totals, double alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (alpha == 2.0) { FoldOne<RowKernels.SquareOfProbability, T>(source, start, scales, totals); }
        else if (alpha == 0.5) { FoldOne<RowKernels.SquareRootOfProbability, T>(source, start, scales, totals); }
        else { FoldOne<RowKernels.PowerOfProbability, T>(source, start, scales, totals, alpha); }
    }

    /// <summary>Rényi entropy of order α (<see cref="RowSettings.Order"/>): Shannon's rows at α = 1, −log max p at α = ∞,
    /// log(Σp^α)/(1 − α) otherwise; a row whose Σp^α leaves the normal range takes the single-vector rescaling.</summary>
    internal readonly struct RenyiEntropy : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            double alpha = source.Settings.Order;
            if (alpha == 1.0)
            {
                return Entropy.Score(source, start, values);
            }

            int count = values.Length;
            Span<FoldTotals> totals = stackalloc FoldTotals[count];
            Span<double> scales = source.Settings.Normalize ? stackalloc double[count] : default;
            if (source.Settings.Normalize)
            {
                NormalizationScales(source, start, scales, default, totals);
            }

            if (double.IsPositiveInfinity(alpha))
            {
                FoldOne<RowKernels.LargestProbability, T>(source, start, scales, totals);
            }
            else
            {
                PowerSums(source, start, scales, totals, alpha);
            }

            for (int i = 0; i < count; i++)
            {
                double sum = totals[i].Sum, scale = scales.IsEmpty ? 1.0 : scales[i];
                values[i] = double.IsInfinity(scale) ? double.NaN
                    : double.IsPositiveInfinity(alpha) ? -Math.Log(sum)
                    : RenyiRescaling.InNormalRange(sum) ? Terms.RenyiEntropyOfSum(sum, alpha)
                    : RescaledRenyiEntropy(source.PRow(start + i), scale, alpha);
            }

            return count;
        }

        /// <summary>log Σp^α = α·log m + log Σ(p/m)^α for the row's maximum m, folded as the single vector is; a maximum
        /// that is NaN, 0 or not finite leaves nothing to rescale.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)] // rare rows: kept out of the block's loop
        private static double RescaledRenyiEntropy<T>(ReadOnlySpan<T> row, double scale, double alpha) where T : unmanaged
        {
            // Float rows scaled in double: a normalization scale can be far beyond float's range (the maximum is exact either way).
            double max = Terms.LargestProbabilityKernel.FoldScaledInDouble(row, scale);
            double scaledSum = Terms.RenyiEntropyKernel.FoldScaledInDouble(row, scale / max, alpha);
            return RenyiRescaling.Entropy(scaledSum, max, alpha);
        }
    }

    /// <summary>Tsallis entropy of index α: Shannon's rows at α = 1, (1 − Σp^α)/(α − 1) otherwise.</summary>
    internal readonly struct TsallisEntropy : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            double alpha = source.Settings.Order;
            if (alpha == 1.0)
            {
                return Entropy.Score(source, start, values);
            }

            int count = values.Length;
            Span<FoldTotals> totals = stackalloc FoldTotals[count];
            Span<double> scales = source.Settings.Normalize ? stackalloc double[count] : default;
            if (source.Settings.Normalize)
            {
                NormalizationScales(source, start, scales, default, totals);
            }

            PowerSums(source, start, scales, totals, alpha);
            for (int i = 0; i < count; i++)
            {
                values[i] = !scales.IsEmpty && double.IsInfinity(scales[i]) ? double.NaN : Terms.TsallisEntropyOfSum(totals[i].Sum, alpha);
            }

            return count;
        }
    }

    /// <summary>Rényi divergence of order α: KL rows at α = 1, log max p/q at α = ∞, log(Σp^α·q^(1−α))/(α − 1)
    /// otherwise (orders 2 and ½ without a general power); a row whose sum leaves the normal range takes the
    /// single-vector rescaling by its largest ratio.</summary>
    internal readonly struct RenyiDivergence : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            double alpha = source.Settings.Order;
            if (alpha == 1.0)
            {
                return KullbackLeibler.Score(source, start, values);
            }

            int count = values.Length;
            Span<FoldTotals> totals = stackalloc FoldTotals[count];
            Span<double> pScales = source.Settings.Normalize ? stackalloc double[count] : default;
            Span<double> qScales = source.Settings.Normalize ? stackalloc double[count] : default;
            if (source.Settings.Normalize)
            {
                NormalizationScales(source, start, pScales, qScales, totals);
            }

            if (double.IsPositiveInfinity(alpha)) { FoldPair<RowKernels.LargestRatio, T>(source, start, pScales, qScales, totals); }
            else if (alpha == 2.0) { FoldPair<RowKernels.SquareOverReference, T>(source, start, pScales, qScales, totals); }
            else if (alpha == 0.5) { FoldPair<RowKernels.Bhattacharyya, T>(source, start, pScales, qScales, totals); }
            else { FoldPair<RowKernels.RenyiDivergence, T>(source, start, pScales, qScales, totals, alpha); }

            for (int i = 0; i < count; i++)
            {
                double sum = totals[i].Sum;
                values[i] = !pScales.IsEmpty && Unnormalizable(pScales, qScales, i) ? double.NaN
                    : double.IsPositiveInfinity(alpha) ? Math.Log(sum)
                    : RenyiRescaling.InNormalRange(sum) ? Terms.RenyiDivergenceOfSum(sum, alpha)
                    : RescaledRenyiDivergence(source, start + i, pScales.IsEmpty ? 1.0 : pScales[i], qScales.IsEmpty ? 1.0 : qScales[i], sum, alpha);
            }

            return count;
        }

        /// <summary>Σp^α·q^(1−α) = r^α·Σ(p/r)^α·q^(1−α) for the largest ratio r = p/q, folded as the single vector is;
        /// when r is 0, ∞ or NaN the unscaled sum stands.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)] // rare rows: kept out of the block's loop
        private static double RescaledRenyiDivergence<T>(in RowSource<T> source, int row, double pScale, double qScale, double sum, double alpha)
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            ReadOnlySpan<T> p = source.PRow(row), q = source.QRow(row);
            double ratio = Terms.LargestRatioKernel.FoldScaled(p, q, pScale, qScale);
            double scaledSum = !RenyiRescaling.CanScaleBy(ratio) ? double.NaN
                : Terms.RenyiDivergenceKernel.FoldScaledInDouble(p, q, pScale / ratio, qScale, alpha);
            return RenyiRescaling.Divergence(scaledSum, sum, ratio, alpha);
        }
    }

    /// <summary>Miller–Madow entropy of each row of counts; a row with a negative count throws, naming its index in
    /// the counts span (as <see cref="Measures.MillerMadowEntropy(ReadOnlySpan{double}, LogBase)"/> does).</summary>
    internal readonly struct MillerMadowEntropy : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            int count = values.Length;
            Span<FoldTotals> totals = stackalloc FoldTotals[count];
            RowKernels.Fold<RowKernels.MillerMadow, FoldModes.Plain, T>(source, start, count, default, totals);
            for (int i = 0; i < count; i++)
            {
                double value = Terms.MillerMadowOfSums(totals[i].Sum, totals[i].Sum1, totals[i].Sum2);
                if (double.IsNaN(value))
                {
                    ThrowIfNegative(source, start + i);
                }

                values[i] = value;
            }

            return count;
        }

        private static void ThrowIfNegative<T>(in RowSource<T> source, int row) where T : unmanaged, IFloatingPointIeee754<T>
        {
            ReadOnlySpan<T> counts = source.PRow(row);
            for (int j = 0; j < counts.Length; j++)
            {
                if (counts[j] < T.Zero)
                {
                    ThrowHelper.NegativeEntry(nameof(counts), ((long)row * source.PStride) + j, counts[j]);
                }
            }
        }
    }

    /// <summary>KL between two diagonal Gaussians per row, from four matrices of the same shape (mean1, logVariance1
    /// as P and Q, mean2, logVariance2 as Z and W).</summary>
    internal readonly struct GaussianKullbackLeiblerOfPair : IRowMeasure
    {
        public static double Finish(double value) => value;

        public static int Score<T>(in RowSource<T> source, int start, Span<double> values) where T : unmanaged, IFloatingPointIeee754<T>
        {
            int count = values.Length;
            Span<FoldTotals> totals = stackalloc FoldTotals[count];
            ReadOnlySpan<T> mean1 = source.P(start, count), logVariance1 = source.Q(start, count), mean2 = source.Z(start, count), logVariance2 = source.W(start, count);
            RowLayout layout = source.Layout(count);
            Terms.GaussianKullbackLeiblerOfPairKernel.FoldRows<FoldModes.Plain, T>(mean1, logVariance1, mean2, logVariance2, layout, default, default, default, default, totals);

            for (int i = 0; i < count; i++)
            {
                values[i] = totals[i].Sum;
            }

            return count;
        }
    }
}
