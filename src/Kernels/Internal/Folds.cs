using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kernels;

/// <summary>
/// The generated folds the measures call, one generic method each, so that a measure's body is written once for float
/// and double (TensorPrimitives' way): <c>typeof(T) == typeof(float)</c> is a constant in each instantiation, so the JIT
/// keeps one branch, the span is reinterpreted in place, and (each method being inlined) the call compiles to the same
/// direct call into the kernel as the float or double code written out. Float inputs take the kernels' double
/// arithmetic folds where the measures need them (<c>…InDouble</c>). Every fold returns double, in nats.
/// </summary>
internal static class Folds
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Entropy<T>(ReadOnlySpan<T> p)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        IsSingle<T>() ? Terms.EntropyKernel.Fold(AsSingle(p)) : Terms.EntropyKernel.Fold(AsDouble(p));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double KullbackLeibler<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        IsSingle<T>() ? Terms.KullbackLeiblerKernel.Fold(AsSingle(p), AsSingle(q)) : Terms.KullbackLeiblerKernel.Fold(AsDouble(p), AsDouble(q));

    /// <summary>JS(p·pScale, q·qScale), the scaling done in double for float inputs too.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double JensenShannonScaled<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, double pScale, double qScale)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        IsSingle<T>()
            ? Terms.JensenShannonKernel.FoldScaledInDouble(AsSingle(p), AsSingle(q), pScale, qScale)
            : Terms.JensenShannonKernel.FoldScaled(AsDouble(p), AsDouble(q), pScale, qScale);

    /// <summary>Σ xᵢ, compensated.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Total<T>(ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        IsSingle<T>() ? Sums.TotalKernel.Fold(AsSingle(x)) : Sums.TotalKernel.Fold(AsDouble(x));

    /// <summary>maxᵢ pᵢ (−∞ for no elements; NaN if any is).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LargestProbability<T>(ReadOnlySpan<T> p)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        IsSingle<T>() ? Terms.LargestProbabilityKernel.Fold(AsSingle(p)) : Terms.LargestProbabilityKernel.Fold(AsDouble(p));

    /// <summary>max over pᵢ &gt; 0 of pᵢ/qᵢ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LargestRatio<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        IsSingle<T>() ? Terms.LargestRatioKernel.Fold(AsSingle(p), AsSingle(q)) : Terms.LargestRatioKernel.Fold(AsDouble(p), AsDouble(q));

    /// <summary>Σ pᵢ².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SquareOfProbability<T>(ReadOnlySpan<T> p)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        IsSingle<T>() ? Terms.SquareOfProbabilityKernel.Fold(AsSingle(p)) : Terms.SquareOfProbabilityKernel.Fold(AsDouble(p));

    /// <summary>Σ √pᵢ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SquareRootOfProbability<T>(ReadOnlySpan<T> p)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        IsSingle<T>() ? Terms.SquareRootOfProbabilityKernel.Fold(AsSingle(p)) : Terms.SquareRootOfProbabilityKernel.Fold(AsDouble(p));

    /// <summary>Σ pᵢ²/qᵢ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SquareOverReference<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        IsSingle<T>() ? Terms.SquareOverReferenceKernel.Fold(AsSingle(p), AsSingle(q)) : Terms.SquareOverReferenceKernel.Fold(AsDouble(p), AsDouble(q));

    /// <summary>Σ √(pᵢ·qᵢ).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Bhattacharyya<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        IsSingle<T>() ? Terms.BhattacharyyaKernel.Fold(AsSingle(p), AsSingle(q)) : Terms.BhattacharyyaKernel.Fold(AsDouble(p), AsDouble(q));

    /// <summary>Σ pᵢ^α over the nonzero entries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double RenyiEntropy<T>(ReadOnlySpan<T> p, double alpha)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        IsSingle<T>() ? Terms.RenyiEntropyKernel.Fold(AsSingle(p), alpha) : Terms.RenyiEntropyKernel.Fold(AsDouble(p), alpha);

    /// <summary>Σ (pᵢ·pScale)^α, the scaling done in double for float inputs too.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double RenyiEntropyScaled<T>(ReadOnlySpan<T> p, double pScale, double alpha)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        IsSingle<T>()
            ? Terms.RenyiEntropyKernel.FoldScaledInDouble(AsSingle(p), pScale, alpha)
            : Terms.RenyiEntropyKernel.FoldScaled(AsDouble(p), pScale, alpha);

    /// <summary>Σ pᵢ^α·qᵢ^(1−α) over pᵢ &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double RenyiDivergence<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, double alpha)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        IsSingle<T>() ? Terms.RenyiDivergenceKernel.Fold(AsSingle(p), AsSingle(q), alpha) : Terms.RenyiDivergenceKernel.Fold(AsDouble(p), AsDouble(q), alpha);

    /// <summary>Σ (pᵢ·pScale)^α·(qᵢ·qScale)^(1−α), the scaling done in double for float inputs too.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double RenyiDivergenceScaled<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, double pScale, double qScale, double alpha)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        IsSingle<T>()
            ? Terms.RenyiDivergenceKernel.FoldScaledInDouble(AsSingle(p), AsSingle(q), pScale, qScale, alpha)
            : Terms.RenyiDivergenceKernel.FoldScaled(AsDouble(p), AsDouble(q), pScale, qScale, alpha);

    /// <summary>The Miller–Madow entropy of counts in nats (NaN for all-zero or negative counts).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MillerMadow<T>(ReadOnlySpan<T> counts)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        IsSingle<T>() ? Terms.MillerMadowKernel.Measure(AsSingle(counts)) : Terms.MillerMadowKernel.Measure(AsDouble(counts));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSingle<T>() => typeof(T) == typeof(float);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<float> AsSingle<T>(ReadOnlySpan<T> x)
        where T : unmanaged => MemoryMarshal.Cast<T, float>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<double> AsDouble<T>(ReadOnlySpan<T> x)
        where T : unmanaged
    {
        Debug.Assert(typeof(T) == typeof(double), "Folds are instantiated with float and double only.");
        return MemoryMarshal.Cast<T, double>(x);
    }
}
