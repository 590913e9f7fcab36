using System;
using Kernels.Rows;

namespace Kernels;

// KL divergences of diagonal Gaussians (VAE latents), one score per row (see Batch for the shapes, options and errors).
public static partial class Batch
{
    /// <summary>KL(N(μ, diag σ²) ‖ N(0, I)) of each row of means against the matching row of log-variances (one VAE latent
    /// vector per row), into destination[row]: each row as <see cref="Measures.GaussianKullbackLeibler(ReadOnlySpan{float}, ReadOnlySpan{float}, LogBase)"/>.</summary>
    public static void GaussianKullbackLeibler(ReadOnlySpan<float> mean, ReadOnlySpan<float> logVariance, int columns, Span<float> destination, LogBase logBase) =>
        GaussianKullbackLeibler(mean, logVariance, columns, destination, logBase, default);

    /// <summary>KL(N(μ, diag σ²) ‖ N(0, I)) of each row, into destination[row], with options (strides: RowStride for the means,
    /// QRowStride for the log-variances; threads, cancellation).</summary>
    public static void GaussianKullbackLeibler(ReadOnlySpan<float> mean, ReadOnlySpan<float> logVariance, int columns, Span<float> destination, LogBase logBase, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.GaussianKullbackLeibler, RowMeasures.SumItself>, float>(mean, logVariance, columns, destination, logBase, NotNormalizable(options, NormalizeGaussians), pName: nameof(mean), qName: nameof(logVariance), sharedQ: false);

    /// <summary>KL(N(μ, diag σ²) ‖ N(0, I)) of each row, summed or averaged over rows (in double).</summary>
    public static double GaussianKullbackLeibler(ReadOnlySpan<float> mean, ReadOnlySpan<float> logVariance, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.GaussianKullbackLeibler, RowMeasures.SumItself>, float>(mean, logVariance, columns, reduction, logBase, NotNormalizable(options, NormalizeGaussians), pName: nameof(mean), qName: nameof(logVariance), sharedQ: false);

    /// <summary>KL(N(μ₁, diag σ₁²) ‖ N(μ₂, diag σ₂²)) of each row of four matrices of the same shape, into destination[row]:
    /// each row as <see cref="Measures.GaussianKullbackLeibler(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, LogBase)"/>.</summary>
    public static void GaussianKullbackLeibler(ReadOnlySpan<float> mean1, ReadOnlySpan<float> logVariance1, ReadOnlySpan<float> mean2, ReadOnlySpan<float> logVariance2, int columns, Span<float> destination, LogBase logBase) =>
        GaussianKullbackLeibler(mean1, logVariance1, mean2, logVariance2, columns, destination, logBase, default);

    /// <summary>KL between two diagonal Gaussians per row, into destination[row], with options (RowStride applies to all four
    /// matrices; threads, cancellation).</summary>
    public static void GaussianKullbackLeibler(ReadOnlySpan<float> mean1, ReadOnlySpan<float> logVariance1, ReadOnlySpan<float> mean2, ReadOnlySpan<float> logVariance2, int columns, Span<float> destination, LogBase logBase, BatchOptions options) =>
        GaussianPairs(mean1, logVariance1, mean2, logVariance2, columns, destination, logBase, options);

    /// <summary>KL between two diagonal Gaussians per row, summed or averaged over rows (in double).</summary>
    public static double GaussianKullbackLeibler(ReadOnlySpan<float> mean1, ReadOnlySpan<float> logVariance1, ReadOnlySpan<float> mean2, ReadOnlySpan<float> logVariance2, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        GaussianPairs(mean1, logVariance1, mean2, logVariance2, columns, reduction, logBase, options);

    /// <summary>KL(N(μ, diag σ²) ‖ N(0, I)) of each row of means against the matching row of log-variances (one VAE latent
    /// vector per row), into destination[row]: each row as <see cref="Measures.GaussianKullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, LogBase)"/>.</summary>
    public static void GaussianKullbackLeibler(ReadOnlySpan<double> mean, ReadOnlySpan<double> logVariance, int columns, Span<double> destination, LogBase logBase) =>
        GaussianKullbackLeibler(mean, logVariance, columns, destination, logBase, default);

    /// <summary>KL(N(μ, diag σ²) ‖ N(0, I)) of each row, into destination[row], with options (strides: RowStride for the means,
    /// QRowStride for the log-variances; threads, cancellation).</summary>
    public static void GaussianKullbackLeibler(ReadOnlySpan<double> mean, ReadOnlySpan<double> logVariance, int columns, Span<double> destination, LogBase logBase, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.GaussianKullbackLeibler, RowMeasures.SumItself>, double>(mean, logVariance, columns, destination, logBase, NotNormalizable(options, NormalizeGaussians), pName: nameof(mean), qName: nameof(logVariance), sharedQ: false);

    /// <summary>KL(N(μ, diag σ²) ‖ N(0, I)) of each row, summed or averaged over rows (in double).</summary>
    public static double GaussianKullbackLeibler(ReadOnlySpan<double> mean, ReadOnlySpan<double> logVariance, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.GaussianKullbackLeibler, RowMeasures.SumItself>, double>(mean, logVariance, columns, reduction, logBase, NotNormalizable(options, NormalizeGaussians), pName: nameof(mean), qName: nameof(logVariance), sharedQ: false);

    /// <summary>KL(N(μ₁, diag σ₁²) ‖ N(μ₂, diag σ₂²)) of each row of four matrices of the same shape, into destination[row]:
    /// each row as <see cref="Measures.GaussianKullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, LogBase)"/>.</summary>
    public static void GaussianKullbackLeibler(ReadOnlySpan<double> mean1, ReadOnlySpan<double> logVariance1, ReadOnlySpan<double> mean2, ReadOnlySpan<double> logVariance2, int columns, Span<double> destination, LogBase logBase) =>
        GaussianKullbackLeibler(mean1, logVariance1, mean2, logVariance2, columns, destination, logBase, default);

    /// <summary>KL between two diagonal Gaussians per row, into destination[row], with options (RowStride applies to all four
    /// matrices; threads, cancellation).</summary>
    public static void GaussianKullbackLeibler(ReadOnlySpan<double> mean1, ReadOnlySpan<double> logVariance1, ReadOnlySpan<double> mean2, ReadOnlySpan<double> logVariance2, int columns, Span<double> destination, LogBase logBase, BatchOptions options) =>
        GaussianPairs(mean1, logVariance1, mean2, logVariance2, columns, destination, logBase, options);

    /// <summary>KL between two diagonal Gaussians per row, summed or averaged over rows (in double).</summary>
    public static double GaussianKullbackLeibler(ReadOnlySpan<double> mean1, ReadOnlySpan<double> logVariance1, ReadOnlySpan<double> mean2, ReadOnlySpan<double> logVariance2, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        GaussianPairs(mean1, logVariance1, mean2, logVariance2, columns, reduction, logBase, options);

    private static unsafe void GaussianPairs<T>(ReadOnlySpan<T> mean1, ReadOnlySpan<T> logVariance1, ReadOnlySpan<T> mean2, ReadOnlySpan<T> logVariance2, int columns, Span<T> destination, LogBase logBase, BatchOptions options)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        options = NotNormalizable(options, NormalizeGaussians);
        (int rows, int stride) = BatchShape.OfFour(mean1.Length, logVariance1.Length, mean2.Length, logVariance2.Length, columns, options);
        BatchShape.CheckDestination(destination.Length, rows, nameof(mean1));
        fixed (T* m1 = mean1)
        fixed (T* v1 = logVariance1)
        fixed (T* m2 = mean2)
        fixed (T* v2 = logVariance2)
        {
            var source = new RowSource<T>(m1, v1, m2, v2, rows, columns, stride, new RowSettings(false, 0.0, null));
            RowDriver.Scores<RowMeasures.GaussianKullbackLeiblerOfPair, T>(source, destination, logBase, options);
        }
    }

    private static unsafe double GaussianPairs<T>(ReadOnlySpan<T> mean1, ReadOnlySpan<T> logVariance1, ReadOnlySpan<T> mean2, ReadOnlySpan<T> logVariance2, int columns, Reduction reduction, LogBase logBase, BatchOptions options)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        options = NotNormalizable(options, NormalizeGaussians);
        BatchShape.CheckReduction(reduction);
        (int rows, int stride) = BatchShape.OfFour(mean1.Length, logVariance1.Length, mean2.Length, logVariance2.Length, columns, options);
        fixed (T* m1 = mean1)
        fixed (T* v1 = logVariance1)
        fixed (T* m2 = mean2)
        fixed (T* v2 = logVariance2)
        {
            var source = new RowSource<T>(m1, v1, m2, v2, rows, columns, stride, new RowSettings(false, 0.0, null));
            return RowDriver.Reduce<RowMeasures.GaussianKullbackLeiblerOfPair, T>(source, reduction, logBase, options);
        }
    }
}
