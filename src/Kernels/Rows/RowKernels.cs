using System;
using System.Numerics;
using System.Runtime.InteropServices;
using Kernels.Support;

namespace Kernels.Rows;

/// <summary>A generated row fold of a one-input term, as an operator struct (TensorPrimitives' idea): the measures
/// are written once over it, and the float/double and plain/scaled choices are made in <see cref="RowKernels"/>.</summary>
internal interface IRowKernel
{
    /// <summary>The float rows folded as the single-vector <see cref="Measures"/> function folds a float vector (in
    /// float, or widened to double where the term is folded in double).</summary>
    static abstract void Fold<TMode>(ReadOnlySpan<float> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
        where TMode : struct, IFoldMode;

    /// <summary>The float rows widened to double first (normalization scales them in double).</summary>
    static abstract void FoldInDouble<TMode>(ReadOnlySpan<float> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
        where TMode : struct, IFoldMode;

    /// <summary>The double rows.</summary>
    static abstract void Fold<TMode>(ReadOnlySpan<double> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
        where TMode : struct, IFoldMode;
}

/// <summary>A generated row fold of a two-input term (see <see cref="IRowKernel"/>); <c>order</c> is the term
/// parameter α where the term has one.</summary>
internal interface IPairRowKernel
{
    static abstract void Fold<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
        where TMode : struct, IFoldMode;

    static abstract void FoldInDouble<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
        where TMode : struct, IFoldMode;

    static abstract void Fold<TMode>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
        where TMode : struct, IFoldMode;
}

/// <summary>
/// The one place where a block of rows meets a generated kernel: T picks the float or the double fold (the JIT keeps
/// one branch per instantiation), a scaled mode folds float rows in double. Below, the kernels the batch measures use.
/// </summary>
internal static class RowKernels
{
    /// <summary>Folds rows [start, start + count) of P (parameters per row: the scales of a scaled mode).</summary>
    public static void Fold<TKernel, TMode, T>(in RowSource<T> source, int start, int count, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order = 0.0)
        where TKernel : struct, IRowKernel
        where TMode : struct, IFoldMode
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> x = source.P(start, count);
        RowLayout layout = source.Layout(count);
        if (typeof(T) == typeof(float))
        {
            ReadOnlySpan<float> single = MemoryMarshal.Cast<T, float>(x);
            if (TMode.Scaled) { TKernel.FoldInDouble<TMode>(single, layout, parameters, results, order); }
            else { TKernel.Fold<TMode>(single, layout, parameters, results, order); }
        }
        else
        {
            TKernel.Fold<TMode>(MemoryMarshal.Cast<T, double>(x), layout, parameters, results, order);
        }
    }

    /// <summary>Folds rows [start, start + count) of P against the matching rows of Q (or the shared row).</summary>
    public static void Fold<TKernel, TMode, T>(in RowSource<T> source, int start, int count, ReadOnlySpan<double> pParameters, ReadOnlySpan<double> qParameters, Span<FoldTotals> results, double order = 0.0)
        where TKernel : struct, IPairRowKernel
        where TMode : struct, IFoldMode
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> x = source.P(start, count), y = source.Q(start, count);
        RowLayout layout = source.Layout(count);
        if (typeof(T) == typeof(float))
        {
            ReadOnlySpan<float> xs = MemoryMarshal.Cast<T, float>(x), ys = MemoryMarshal.Cast<T, float>(y);
            if (TMode.Scaled) { TKernel.FoldInDouble<TMode>(xs, ys, layout, pParameters, qParameters, results, order); }
            else { TKernel.Fold<TMode>(xs, ys, layout, pParameters, qParameters, results, order); }
        }
        else
        {
            TKernel.Fold<TMode>(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y), layout, pParameters, qParameters, results, order);
        }
    }

    /// <summary>p², the order-2 power sum.</summary>
    internal readonly struct SquareOfProbability : IRowKernel
    {
        public static void Fold<TMode>(ReadOnlySpan<float> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.SquareOfProbabilityKernel.FoldRows<TMode>(x, layout, parameters, results);

        public static void FoldInDouble<TMode>(ReadOnlySpan<float> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.SquareOfProbabilityKernel.FoldRowsInDouble<TMode>(x, layout, parameters, results);

        public static void Fold<TMode>(ReadOnlySpan<double> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.SquareOfProbabilityKernel.FoldRows<TMode>(x, layout, parameters, results);
    }

    /// <summary>√p, the order-½ power sum.</summary>
    internal readonly struct SquareRootOfProbability : IRowKernel
    {
        public static void Fold<TMode>(ReadOnlySpan<float> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.SquareRootOfProbabilityKernel.FoldRows<TMode>(x, layout, parameters, results);

        public static void FoldInDouble<TMode>(ReadOnlySpan<float> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.SquareRootOfProbabilityKernel.FoldRowsInDouble<TMode>(x, layout, parameters, results);

        public static void Fold<TMode>(ReadOnlySpan<double> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.SquareRootOfProbabilityKernel.FoldRows<TMode>(x, layout, parameters, results);
    }

    /// <summary>p^α, the general power sum (as Measures folds it for Rényi and Tsallis).</summary>
    internal readonly struct PowerOfProbability : IRowKernel
    {
        public static void Fold<TMode>(ReadOnlySpan<float> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.RenyiEntropyKernel.FoldRowsInDouble<TMode>(x, layout, parameters, results, order);

        public static void FoldInDouble<TMode>(ReadOnlySpan<float> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.RenyiEntropyKernel.FoldRowsInDouble<TMode>(x, layout, parameters, results, order);

        public static void Fold<TMode>(ReadOnlySpan<double> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.RenyiEntropyKernel.FoldRows<TMode>(x, layout, parameters, results, order);
    }

    /// <summary>max p, the α = ∞ limit and the rescaling's scale.</summary>
    internal readonly struct LargestProbability : IRowKernel
    {
        public static void Fold<TMode>(ReadOnlySpan<float> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.LargestProbabilityKernel.FoldRows<TMode>(x, layout, parameters, results);

        public static void FoldInDouble<TMode>(ReadOnlySpan<float> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.LargestProbabilityKernel.FoldRowsInDouble<TMode>(x, layout, parameters, results);

        public static void Fold<TMode>(ReadOnlySpan<double> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.LargestProbabilityKernel.FoldRows<TMode>(x, layout, parameters, results);
    }

    /// <summary>the Miller–Madow entropy's three sums.</summary>
    internal readonly struct MillerMadow : IRowKernel
    {
        public static void Fold<TMode>(ReadOnlySpan<float> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.MillerMadowKernel.FoldRowsInDouble<TMode>(x, layout, parameters, results);

        public static void FoldInDouble<TMode>(ReadOnlySpan<float> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.MillerMadowKernel.FoldRowsInDouble<TMode>(x, layout, parameters, results);

        public static void Fold<TMode>(ReadOnlySpan<double> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.MillerMadowKernel.FoldRows<TMode>(x, layout, parameters, results);
    }

    /// <summary>Σ x, the totals normalization divides by.</summary>
    internal readonly struct Total : IRowKernel
    {
        public static void Fold<TMode>(ReadOnlySpan<float> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Sums.TotalKernel.FoldRows<TMode>(x, layout, parameters, results);

        public static void FoldInDouble<TMode>(ReadOnlySpan<float> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Sums.TotalKernel.FoldRowsInDouble<TMode>(x, layout, parameters, results);

        public static void Fold<TMode>(ReadOnlySpan<double> x, RowLayout layout, ReadOnlySpan<double> parameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Sums.TotalKernel.FoldRows<TMode>(x, layout, parameters, results);
    }

    /// <summary>(√p − √q)².</summary>
    internal readonly struct Hellinger : IPairRowKernel
    {
        public static void Fold<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.HellingerKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.HellingerKernel.FoldRowsInDouble<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void Fold<TMode>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.HellingerKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>|p − q|.</summary>
    internal readonly struct TotalVariation : IPairRowKernel
    {
        public static void Fold<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.TotalVariationKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.TotalVariationKernel.FoldRowsInDouble<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void Fold<TMode>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.TotalVariationKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>(p − q)²/q.</summary>
    internal readonly struct PearsonChiSquare : IPairRowKernel
    {
        public static void Fold<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.PearsonChiSquareKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.PearsonChiSquareKernel.FoldRowsInDouble<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void Fold<TMode>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.PearsonChiSquareKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>(p − q)²/p.</summary>
    internal readonly struct NeymanChiSquare : IPairRowKernel
    {
        public static void Fold<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.NeymanChiSquareKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.NeymanChiSquareKernel.FoldRowsInDouble<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void Fold<TMode>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.NeymanChiSquareKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>√p·√q.</summary>
    internal readonly struct Bhattacharyya : IPairRowKernel
    {
        public static void Fold<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.BhattacharyyaKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.BhattacharyyaKernel.FoldRowsInDouble<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void Fold<TMode>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.BhattacharyyaKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>p²/q, the order-2 Rényi sum.</summary>
    internal readonly struct SquareOverReference : IPairRowKernel
    {
        public static void Fold<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.SquareOverReferenceKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.SquareOverReferenceKernel.FoldRowsInDouble<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void Fold<TMode>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.SquareOverReferenceKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>p^α·q^(1−α).</summary>
    internal readonly struct RenyiDivergence : IPairRowKernel
    {
        public static void Fold<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.RenyiDivergenceKernel.FoldRowsInDouble<TMode>(x, y, layout, xParameters, yParameters, results, order);

        public static void FoldInDouble<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.RenyiDivergenceKernel.FoldRowsInDouble<TMode>(x, y, layout, xParameters, yParameters, results, order);

        public static void Fold<TMode>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.RenyiDivergenceKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results, order);
    }

    /// <summary>max p/q, the α = ∞ limit and the rescaling's scale.</summary>
    internal readonly struct LargestRatio : IPairRowKernel
    {
        public static void Fold<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.LargestRatioKernel.FoldRowsInDouble<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.LargestRatioKernel.FoldRowsInDouble<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void Fold<TMode>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.LargestRatioKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>p·log(p/q).</summary>
    internal readonly struct KullbackLeibler : IPairRowKernel
    {
        public static void Fold<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.KullbackLeiblerKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.KullbackLeiblerKernel.FoldRowsInDouble<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void Fold<TMode>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.KullbackLeiblerKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results);
    }

    /// <summary>½(μ² + σ² − 1 − log σ²).</summary>
    internal readonly struct GaussianKullbackLeibler : IPairRowKernel
    {
        public static void Fold<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.GaussianKullbackLeiblerKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void FoldInDouble<TMode>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.GaussianKullbackLeiblerKernel.FoldRowsInDouble<TMode>(x, y, layout, xParameters, yParameters, results);

        public static void Fold<TMode>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results, double order)
            where TMode : struct, IFoldMode => Terms.GaussianKullbackLeiblerKernel.FoldRows<TMode>(x, y, layout, xParameters, yParameters, results);
    }

}
