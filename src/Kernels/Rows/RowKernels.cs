using System;
using System.Numerics;
using Kernels.Support;

namespace Kernels.Rows;

/// <summary>A generated row fold of a one-input term, as an operator struct (TensorPrimitives' idea): the measures
/// are written once over it. <c>order</c> is the term parameter α where the term has one.</summary>
internal interface IRowKernel
{
    /// <summary>The rows folded as the single-vector function folds a vector of T (float rows in float, or widened
    /// where the term is folded in double).</summary>
    static abstract void Fold<TMode, T>(ReadOnlySpan<T> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
        where TMode : struct, IFoldMode
        where T : unmanaged;

    /// <summary>The rows folded in double (float rows widened first: normalization scales them in double).</summary>
    static abstract void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
        where TMode : struct, IFoldMode
        where T : unmanaged;
}

/// <summary>A generated row fold of a two-input term (see <see cref="IRowKernel"/>).</summary>
internal interface IPairRowKernel
{
    static abstract void Fold<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
        where TMode : struct, IFoldMode
        where T : unmanaged;

    static abstract void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
        where TMode : struct, IFoldMode
        where T : unmanaged;
}

/// <summary>
/// Where a block of rows meets a generated kernel: a scaled mode (normalization) folds in double, the others as the
/// single-vector function folds T; the kernels' generic row folds pick the float or the double code. Below, the
/// kernels the batch measures use.
/// </summary>
internal static class RowKernels
{
    /// <summary>Folds rows [start, start + count) of P (parameters per row: the scales of a scaled mode).</summary>
    public static void Fold<TKernel, TMode, T>(in RowSource<T> source, int start, int count, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order = 0.0)
        where TKernel : struct, IRowKernel
        where TMode : struct, IFoldMode
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (TMode.Scaled) { TKernel.FoldInDouble<TMode, T>(source.P(start, count), source.Layout(count), parameters, results, order); }
        else { TKernel.Fold<TMode, T>(source.P(start, count), source.Layout(count), parameters, results, order); }
    }

    /// <summary>Folds rows [start, start + count) of P against the matching rows of Q (or the shared row).</summary>
    public static void Fold<TKernel, TMode, T>(in RowSource<T> source, int start, int count, ReadOnlySpan<double> pParameters, ReadOnlySpan<double> qParameters, Span<FoldTotals> results, double order = 0.0)
        where TKernel : struct, IPairRowKernel
        where TMode : struct, IFoldMode
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> x = source.P(start, count), y = source.Q(start, count);
        if (TMode.Scaled) { TKernel.FoldInDouble<TMode, T>(x, y, source.Layout(count), pParameters, qParameters, results, order); }
        else { TKernel.Fold<TMode, T>(x, y, source.Layout(count), pParameters, qParameters, results, order); }
    }

    /// <summary>−p·log p.</summary>
    internal readonly struct Entropy : IRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.EntropyKernel.FoldRows<TMode, T>(x, layout, parameters, results);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.EntropyKernel.FoldRowsInDouble<TMode, T>(x, layout, parameters, results);
    }

    /// <summary>p², the order-2 power sum.</summary>
    internal readonly struct SquareOfProbability : IRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.SquareOfProbabilityKernel.FoldRows<TMode, T>(x, layout, parameters, results);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.SquareOfProbabilityKernel.FoldRowsInDouble<TMode, T>(x, layout, parameters, results);
    }

    /// <summary>√p, the order-½ power sum.</summary>
    internal readonly struct SquareRootOfProbability : IRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.SquareRootOfProbabilityKernel.FoldRows<TMode, T>(x, layout, parameters, results);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.SquareRootOfProbabilityKernel.FoldRowsInDouble<TMode, T>(x, layout, parameters, results);
    }

    /// <summary>p^α, the general power sum (as Measures folds it for Rényi and Tsallis).</summary>
    internal readonly struct PowerOfProbability : IRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.RenyiEntropyKernel.FoldRows<TMode, T>(x, layout, parameters, results, order);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.RenyiEntropyKernel.FoldRowsInDouble<TMode, T>(x, layout, parameters, results, order);
    }

    /// <summary>max p, the α = ∞ limit and the rescaling's scale.</summary>
    internal readonly struct LargestProbability : IRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.LargestProbabilityKernel.FoldRows<TMode, T>(x, layout, parameters, results);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.LargestProbabilityKernel.FoldRowsInDouble<TMode, T>(x, layout, parameters, results);
    }

    /// <summary>the Miller–Madow entropy's three sums.</summary>
    internal readonly struct MillerMadow : IRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.MillerMadowKernel.FoldRows<TMode, T>(x, layout, parameters, results);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.MillerMadowKernel.FoldRowsInDouble<TMode, T>(x, layout, parameters, results);
    }

    /// <summary>−p·log q.</summary>
    internal readonly struct CrossEntropy : IPairRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.CrossEntropyKernel.FoldRows<TMode, T>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.CrossEntropyKernel.FoldRowsInDouble<TMode, T>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>p·log(p/q).</summary>
    internal readonly struct KullbackLeibler : IPairRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.KullbackLeiblerKernel.FoldRows<TMode, T>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.KullbackLeiblerKernel.FoldRowsInDouble<TMode, T>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>the Jensen–Shannon term.</summary>
    internal readonly struct JensenShannon : IPairRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.JensenShannonKernel.FoldRows<TMode, T>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.JensenShannonKernel.FoldRowsInDouble<TMode, T>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>e^a·(a − b) from log-probabilities.</summary>
    internal readonly struct KullbackLeiblerOfLogs : IPairRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.KullbackLeiblerOfLogsKernel.FoldRows<TMode, T>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.KullbackLeiblerOfLogsKernel.FoldRowsInDouble<TMode, T>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>(√p − √q)².</summary>
    internal readonly struct Hellinger : IPairRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.HellingerKernel.FoldRows<TMode, T>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.HellingerKernel.FoldRowsInDouble<TMode, T>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>|p − q|.</summary>
    internal readonly struct TotalVariation : IPairRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.TotalVariationKernel.FoldRows<TMode, T>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.TotalVariationKernel.FoldRowsInDouble<TMode, T>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>(p − q)²/q.</summary>
    internal readonly struct PearsonChiSquare : IPairRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.PearsonChiSquareKernel.FoldRows<TMode, T>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.PearsonChiSquareKernel.FoldRowsInDouble<TMode, T>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>(p − q)²/p.</summary>
    internal readonly struct NeymanChiSquare : IPairRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.NeymanChiSquareKernel.FoldRows<TMode, T>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.NeymanChiSquareKernel.FoldRowsInDouble<TMode, T>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>√p·√q.</summary>
    internal readonly struct Bhattacharyya : IPairRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.BhattacharyyaKernel.FoldRows<TMode, T>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.BhattacharyyaKernel.FoldRowsInDouble<TMode, T>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>p²/q, the order-2 Rényi sum.</summary>
    internal readonly struct SquareOverReference : IPairRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.SquareOverReferenceKernel.FoldRows<TMode, T>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.SquareOverReferenceKernel.FoldRowsInDouble<TMode, T>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>p^α·q^(1−α).</summary>
    internal readonly struct RenyiDivergence : IPairRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.RenyiDivergenceKernel.FoldRows<TMode, T>(x, y, layout, xParameters, yParameters, results, order);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.RenyiDivergenceKernel.FoldRowsInDouble<TMode, T>(x, y, layout, xParameters, yParameters, results, order);
    }

    /// <summary>max p/q, the α = ∞ limit and the rescaling's scale.</summary>
    internal readonly struct LargestRatio : IPairRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.LargestRatioKernel.FoldRows<TMode, T>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.LargestRatioKernel.FoldRowsInDouble<TMode, T>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>½(μ² + σ² − 1 − log σ²).</summary>
    internal readonly struct GaussianKullbackLeibler : IPairRowKernel
    {
        public static void Fold<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.GaussianKullbackLeiblerKernel.FoldRows<TMode, T>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode where T : unmanaged => Terms.GaussianKullbackLeiblerKernel.FoldRowsInDouble<TMode, T>(x, y, layout, xParameters, yParameters, results);
    }

}
