using System;
using Kernels.Rows;

namespace Kernels;

// The generalized entropies of Measures, one score per row (see Batch for the shapes, options and errors).
public static partial class Batch
{
    /// <summary>Rényi entropy of order α, H_α(p) of each row of p, into destination[row]: each row as <see cref="Measures.RenyiEntropy(ReadOnlySpan{float}, double, LogBase)"/>.</summary>
    public static void RenyiEntropy(ReadOnlySpan<float> p, int columns, Span<float> destination, double alpha, LogBase logBase) =>
        RenyiEntropy(p, columns, destination, alpha, logBase, default);

    /// <summary>Rényi entropy of order α, H_α(p) of each row, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void RenyiEntropy(ReadOnlySpan<float> p, int columns, Span<float> destination, double alpha, LogBase logBase, BatchOptions options)
    {
        ThrowHelper.ThrowIfInvalidOrder(alpha);
        Single<RowMeasures.RenyiEntropy, float>(p, columns, destination, logBase, options, order: alpha);
    }

    /// <summary>Rényi entropy of order α, H_α(p) of each row, summed or averaged over rows (in double).</summary>
    public static double RenyiEntropy(ReadOnlySpan<float> p, int columns, Reduction reduction, double alpha, LogBase logBase, BatchOptions options = default)
    {
        ThrowHelper.ThrowIfInvalidOrder(alpha);
        return Single<RowMeasures.RenyiEntropy, float>(p, columns, reduction, logBase, options, order: alpha);
    }

    /// <summary>Rényi entropy of order α, H_α(p) of each row of p, into destination[row]: each row as <see cref="Measures.RenyiEntropy(ReadOnlySpan{double}, double, LogBase)"/>.</summary>
    public static void RenyiEntropy(ReadOnlySpan<double> p, int columns, Span<double> destination, double alpha, LogBase logBase) =>
        RenyiEntropy(p, columns, destination, alpha, logBase, default);

    /// <summary>Rényi entropy of order α, H_α(p) of each row, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void RenyiEntropy(ReadOnlySpan<double> p, int columns, Span<double> destination, double alpha, LogBase logBase, BatchOptions options)
    {
        ThrowHelper.ThrowIfInvalidOrder(alpha);
        Single<RowMeasures.RenyiEntropy, double>(p, columns, destination, logBase, options, order: alpha);
    }

    /// <summary>Rényi entropy of order α, H_α(p) of each row, summed or averaged over rows (in double).</summary>
    public static double RenyiEntropy(ReadOnlySpan<double> p, int columns, Reduction reduction, double alpha, LogBase logBase, BatchOptions options = default)
    {
        ThrowHelper.ThrowIfInvalidOrder(alpha);
        return Single<RowMeasures.RenyiEntropy, double>(p, columns, reduction, logBase, options, order: alpha);
    }

    /// <summary>Tsallis entropy of index α, S_α(p), in nats of each row of p, into destination[row]: each row as <see cref="Measures.TsallisEntropy(ReadOnlySpan{float}, double)"/>.</summary>
    public static void TsallisEntropy(ReadOnlySpan<float> p, int columns, Span<float> destination, double alpha) =>
        TsallisEntropy(p, columns, destination, alpha, default);

    /// <summary>Tsallis entropy of index α, S_α(p), in nats of each row, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void TsallisEntropy(ReadOnlySpan<float> p, int columns, Span<float> destination, double alpha, BatchOptions options)
    {
        ThrowHelper.ThrowIfInvalidIndex(alpha);
        Single<RowMeasures.TsallisEntropy, float>(p, columns, destination, LogBase.E, options, order: alpha);
    }

    /// <summary>Tsallis entropy of index α, S_α(p), in nats of each row, summed or averaged over rows (in double).</summary>
    public static double TsallisEntropy(ReadOnlySpan<float> p, int columns, Reduction reduction, double alpha, BatchOptions options = default)
    {
        ThrowHelper.ThrowIfInvalidIndex(alpha);
        return Single<RowMeasures.TsallisEntropy, float>(p, columns, reduction, LogBase.E, options, order: alpha);
    }

    /// <summary>Tsallis entropy of index α, S_α(p), in nats of each row of p, into destination[row]: each row as <see cref="Measures.TsallisEntropy(ReadOnlySpan{double}, double)"/>.</summary>
    public static void TsallisEntropy(ReadOnlySpan<double> p, int columns, Span<double> destination, double alpha) =>
        TsallisEntropy(p, columns, destination, alpha, default);

    /// <summary>Tsallis entropy of index α, S_α(p), in nats of each row, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void TsallisEntropy(ReadOnlySpan<double> p, int columns, Span<double> destination, double alpha, BatchOptions options)
    {
        ThrowHelper.ThrowIfInvalidIndex(alpha);
        Single<RowMeasures.TsallisEntropy, double>(p, columns, destination, LogBase.E, options, order: alpha);
    }

    /// <summary>Tsallis entropy of index α, S_α(p), in nats of each row, summed or averaged over rows (in double).</summary>
    public static double TsallisEntropy(ReadOnlySpan<double> p, int columns, Reduction reduction, double alpha, BatchOptions options = default)
    {
        ThrowHelper.ThrowIfInvalidIndex(alpha);
        return Single<RowMeasures.TsallisEntropy, double>(p, columns, reduction, LogBase.E, options, order: alpha);
    }

    /// <summary>Miller–Madow entropy of counts of each row of counts, into destination[row]: each row as <see cref="Measures.MillerMadowEntropy(ReadOnlySpan{float}, LogBase)"/>.</summary>
    public static void MillerMadowEntropy(ReadOnlySpan<float> counts, int columns, Span<float> destination, LogBase logBase) =>
        MillerMadowEntropy(counts, columns, destination, logBase, default);

    /// <summary>Miller–Madow entropy of counts of each row, into destination[row], with options (strides, threads, cancellation).</summary>
    public static void MillerMadowEntropy(ReadOnlySpan<float> counts, int columns, Span<float> destination, LogBase logBase, BatchOptions options) =>
        Single<RowMeasures.MillerMadowEntropy, float>(counts, columns, destination, logBase, NotNormalizable(options, NormalizeCounts), name: nameof(counts));

    /// <summary>Miller–Madow entropy of counts of each row, summed or averaged over rows (in double).</summary>
    public static double MillerMadowEntropy(ReadOnlySpan<float> counts, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Single<RowMeasures.MillerMadowEntropy, float>(counts, columns, reduction, logBase, NotNormalizable(options, NormalizeCounts), name: nameof(counts));

    /// <summary>Miller–Madow entropy of counts of each row of counts, into destination[row]: each row as <see cref="Measures.MillerMadowEntropy(ReadOnlySpan{double}, LogBase)"/>.</summary>
    public static void MillerMadowEntropy(ReadOnlySpan<double> counts, int columns, Span<double> destination, LogBase logBase) =>
        MillerMadowEntropy(counts, columns, destination, logBase, default);

    /// <summary>Miller–Madow entropy of counts of each row, into destination[row], with options (strides, threads, cancellation).</summary>
    public static void MillerMadowEntropy(ReadOnlySpan<double> counts, int columns, Span<double> destination, LogBase logBase, BatchOptions options) =>
        Single<RowMeasures.MillerMadowEntropy, double>(counts, columns, destination, logBase, NotNormalizable(options, NormalizeCounts), name: nameof(counts));

    /// <summary>Miller–Madow entropy of counts of each row, summed or averaged over rows (in double).</summary>
    public static double MillerMadowEntropy(ReadOnlySpan<double> counts, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Single<RowMeasures.MillerMadowEntropy, double>(counts, columns, reduction, logBase, NotNormalizable(options, NormalizeCounts), name: nameof(counts));
}
