using System;
using Kernels.Rows;

namespace Kernels;

// The divergences and distances of Measures, one score per row (see Batch for the shapes, options and errors).
public static partial class Batch
{
    /// <summary>Hellinger distance √(½ Σ(√p − √q)²) of each row of p against the matching row of q (or the one row q), into destination[row]: each row as <see cref="Measures.Hellinger(ReadOnlySpan{float}, ReadOnlySpan{float})"/>.</summary>
    public static void Hellinger(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination) =>
        Hellinger(p, q, columns, destination, default);

    /// <summary>Hellinger distance √(½ Σ(√p − √q)²) of each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void Hellinger(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.Hellinger, RowMeasures.HellingerOfSum>, float>(p, q, columns, destination, LogBase.E, options);

    /// <summary>Hellinger distance √(½ Σ(√p − √q)²) of each row against q, summed or averaged over rows (in double).</summary>
    public static double Hellinger(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Reduction reduction, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.Hellinger, RowMeasures.HellingerOfSum>, float>(p, q, columns, reduction, LogBase.E, options);

    /// <summary>Hellinger distance √(½ Σ(√p − √q)²) of each row of p against the matching row of q (or the one row q), into destination[row]: each row as <see cref="Measures.Hellinger(ReadOnlySpan{double}, ReadOnlySpan{double})"/>.</summary>
    public static void Hellinger(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination) =>
        Hellinger(p, q, columns, destination, default);

    /// <summary>Hellinger distance √(½ Σ(√p − √q)²) of each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void Hellinger(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.Hellinger, RowMeasures.HellingerOfSum>, double>(p, q, columns, destination, LogBase.E, options);

    /// <summary>Hellinger distance √(½ Σ(√p − √q)²) of each row against q, summed or averaged over rows (in double).</summary>
    public static double Hellinger(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Reduction reduction, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.Hellinger, RowMeasures.HellingerOfSum>, double>(p, q, columns, reduction, LogBase.E, options);

    /// <summary>Total variation distance ½ Σ|p − q| of each row of p against the matching row of q (or the one row q), into destination[row]: each row as <see cref="Measures.TotalVariation(ReadOnlySpan{float}, ReadOnlySpan{float})"/>.</summary>
    public static void TotalVariation(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination) =>
        TotalVariation(p, q, columns, destination, default);

    /// <summary>Total variation distance ½ Σ|p − q| of each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void TotalVariation(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.TotalVariation, RowMeasures.HalfOfSum>, float>(p, q, columns, destination, LogBase.E, options);

    /// <summary>Total variation distance ½ Σ|p − q| of each row against q, summed or averaged over rows (in double).</summary>
    public static double TotalVariation(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Reduction reduction, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.TotalVariation, RowMeasures.HalfOfSum>, float>(p, q, columns, reduction, LogBase.E, options);

    /// <summary>Total variation distance ½ Σ|p − q| of each row of p against the matching row of q (or the one row q), into destination[row]: each row as <see cref="Measures.TotalVariation(ReadOnlySpan{double}, ReadOnlySpan{double})"/>.</summary>
    public static void TotalVariation(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination) =>
        TotalVariation(p, q, columns, destination, default);

    /// <summary>Total variation distance ½ Σ|p − q| of each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void TotalVariation(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.TotalVariation, RowMeasures.HalfOfSum>, double>(p, q, columns, destination, LogBase.E, options);

    /// <summary>Total variation distance ½ Σ|p − q| of each row against q, summed or averaged over rows (in double).</summary>
    public static double TotalVariation(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Reduction reduction, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.TotalVariation, RowMeasures.HalfOfSum>, double>(p, q, columns, reduction, LogBase.E, options);

    /// <summary>Pearson χ²(p‖q) = Σ(p − q)²/q of each row of p against the matching row of q (or the one row q), into destination[row]: each row as <see cref="Measures.PearsonChiSquare(ReadOnlySpan{float}, ReadOnlySpan{float})"/>.</summary>
    public static void PearsonChiSquare(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination) =>
        PearsonChiSquare(p, q, columns, destination, default);

    /// <summary>Pearson χ²(p‖q) = Σ(p − q)²/q of each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void PearsonChiSquare(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.PearsonChiSquare, RowMeasures.SumItself>, float>(p, q, columns, destination, LogBase.E, options);

    /// <summary>Pearson χ²(p‖q) = Σ(p − q)²/q of each row against q, summed or averaged over rows (in double).</summary>
    public static double PearsonChiSquare(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Reduction reduction, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.PearsonChiSquare, RowMeasures.SumItself>, float>(p, q, columns, reduction, LogBase.E, options);

    /// <summary>Pearson χ²(p‖q) = Σ(p − q)²/q of each row of p against the matching row of q (or the one row q), into destination[row]: each row as <see cref="Measures.PearsonChiSquare(ReadOnlySpan{double}, ReadOnlySpan{double})"/>.</summary>
    public static void PearsonChiSquare(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination) =>
        PearsonChiSquare(p, q, columns, destination, default);

    /// <summary>Pearson χ²(p‖q) = Σ(p − q)²/q of each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void PearsonChiSquare(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.PearsonChiSquare, RowMeasures.SumItself>, double>(p, q, columns, destination, LogBase.E, options);

    /// <summary>Pearson χ²(p‖q) = Σ(p − q)²/q of each row against q, summed or averaged over rows (in double).</summary>
    public static double PearsonChiSquare(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Reduction reduction, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.PearsonChiSquare, RowMeasures.SumItself>, double>(p, q, columns, reduction, LogBase.E, options);

    /// <summary>Neyman χ²(p‖q) = Σ(p − q)²/p of each row of p against the matching row of q (or the one row q), into destination[row]: each row as <see cref="Measures.NeymanChiSquare(ReadOnlySpan{float}, ReadOnlySpan{float})"/>.</summary>
    public static void NeymanChiSquare(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination) =>
        NeymanChiSquare(p, q, columns, destination, default);

    /// <summary>Neyman χ²(p‖q) = Σ(p − q)²/p of each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void NeymanChiSquare(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.NeymanChiSquare, RowMeasures.SumItself>, float>(p, q, columns, destination, LogBase.E, options);

    /// <summary>Neyman χ²(p‖q) = Σ(p − q)²/p of each row against q, summed or averaged over rows (in double).</summary>
    public static double NeymanChiSquare(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Reduction reduction, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.NeymanChiSquare, RowMeasures.SumItself>, float>(p, q, columns, reduction, LogBase.E, options);

    /// <summary>Neyman χ²(p‖q) = Σ(p − q)²/p of each row of p against the matching row of q (or the one row q), into destination[row]: each row as <see cref="Measures.NeymanChiSquare(ReadOnlySpan{double}, ReadOnlySpan{double})"/>.</summary>
    public static void NeymanChiSquare(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination) =>
        NeymanChiSquare(p, q, columns, destination, default);

    /// <summary>Neyman χ²(p‖q) = Σ(p − q)²/p of each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void NeymanChiSquare(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.NeymanChiSquare, RowMeasures.SumItself>, double>(p, q, columns, destination, LogBase.E, options);

    /// <summary>Neyman χ²(p‖q) = Σ(p − q)²/p of each row against q, summed or averaged over rows (in double).</summary>
    public static double NeymanChiSquare(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Reduction reduction, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.NeymanChiSquare, RowMeasures.SumItself>, double>(p, q, columns, reduction, LogBase.E, options);

    /// <summary>Bhattacharyya coefficient Σ √(p·q) of each row of p against the matching row of q (or the one row q), into destination[row]: each row as <see cref="Measures.BhattacharyyaCoefficient(ReadOnlySpan{float}, ReadOnlySpan{float})"/>.</summary>
    public static void BhattacharyyaCoefficient(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination) =>
        BhattacharyyaCoefficient(p, q, columns, destination, default);

    /// <summary>Bhattacharyya coefficient Σ √(p·q) of each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void BhattacharyyaCoefficient(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.Bhattacharyya, RowMeasures.SumItself>, float>(p, q, columns, destination, LogBase.E, options);

    /// <summary>Bhattacharyya coefficient Σ √(p·q) of each row against q, summed or averaged over rows (in double).</summary>
    public static double BhattacharyyaCoefficient(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Reduction reduction, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.Bhattacharyya, RowMeasures.SumItself>, float>(p, q, columns, reduction, LogBase.E, options);

    /// <summary>Bhattacharyya coefficient Σ √(p·q) of each row of p against the matching row of q (or the one row q), into destination[row]: each row as <see cref="Measures.BhattacharyyaCoefficient(ReadOnlySpan{double}, ReadOnlySpan{double})"/>.</summary>
    public static void BhattacharyyaCoefficient(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination) =>
        BhattacharyyaCoefficient(p, q, columns, destination, default);

    /// <summary>Bhattacharyya coefficient Σ √(p·q) of each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void BhattacharyyaCoefficient(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.Bhattacharyya, RowMeasures.SumItself>, double>(p, q, columns, destination, LogBase.E, options);

    /// <summary>Bhattacharyya coefficient Σ √(p·q) of each row against q, summed or averaged over rows (in double).</summary>
    public static double BhattacharyyaCoefficient(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Reduction reduction, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.Bhattacharyya, RowMeasures.SumItself>, double>(p, q, columns, reduction, LogBase.E, options);

    /// <summary>Bhattacharyya distance −log Σ √(p·q) of each row of p against the matching row of q (or the one row q), into destination[row]: each row as <see cref="Measures.BhattacharyyaDistance(ReadOnlySpan{float}, ReadOnlySpan{float}, LogBase)"/>.</summary>
    public static void BhattacharyyaDistance(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, LogBase logBase) =>
        BhattacharyyaDistance(p, q, columns, destination, logBase, default);

    /// <summary>Bhattacharyya distance −log Σ √(p·q) of each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void BhattacharyyaDistance(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, LogBase logBase, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.Bhattacharyya, RowMeasures.NegativeLogOfSum>, float>(p, q, columns, destination, logBase, options);

    /// <summary>Bhattacharyya distance −log Σ √(p·q) of each row against q, summed or averaged over rows (in double).</summary>
    public static double BhattacharyyaDistance(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.Bhattacharyya, RowMeasures.NegativeLogOfSum>, float>(p, q, columns, reduction, logBase, options);

    /// <summary>Bhattacharyya distance −log Σ √(p·q) of each row of p against the matching row of q (or the one row q), into destination[row]: each row as <see cref="Measures.BhattacharyyaDistance(ReadOnlySpan{double}, ReadOnlySpan{double}, LogBase)"/>.</summary>
    public static void BhattacharyyaDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, LogBase logBase) =>
        BhattacharyyaDistance(p, q, columns, destination, logBase, default);

    /// <summary>Bhattacharyya distance −log Σ √(p·q) of each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void BhattacharyyaDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, LogBase logBase, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.Bhattacharyya, RowMeasures.NegativeLogOfSum>, double>(p, q, columns, destination, logBase, options);

    /// <summary>Bhattacharyya distance −log Σ √(p·q) of each row against q, summed or averaged over rows (in double).</summary>
    public static double BhattacharyyaDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.Bhattacharyya, RowMeasures.NegativeLogOfSum>, double>(p, q, columns, reduction, logBase, options);

    /// <summary>Rényi divergence of order α, D_α(p‖q) of each row of p against the matching row of q (or the one row q), into destination[row]: each row as <see cref="Measures.RenyiDivergence(ReadOnlySpan{float}, ReadOnlySpan{float}, double, LogBase)"/>.</summary>
    public static void RenyiDivergence(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, double alpha, LogBase logBase) =>
        RenyiDivergence(p, q, columns, destination, alpha, logBase, default);

    /// <summary>Rényi divergence of order α, D_α(p‖q) of each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void RenyiDivergence(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, double alpha, LogBase logBase, BatchOptions options)
    {
        ThrowHelper.ThrowIfInvalidOrder(alpha);
        Pair<RowMeasures.RenyiDivergence, float>(p, q, columns, destination, logBase, options, order: alpha);
    }

    /// <summary>Rényi divergence of order α, D_α(p‖q) of each row against q, summed or averaged over rows (in double).</summary>
    public static double RenyiDivergence(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Reduction reduction, double alpha, LogBase logBase, BatchOptions options = default)
    {
        ThrowHelper.ThrowIfInvalidOrder(alpha);
        return Pair<RowMeasures.RenyiDivergence, float>(p, q, columns, reduction, logBase, options, order: alpha);
    }

    /// <summary>Rényi divergence of order α, D_α(p‖q) of each row of p against the matching row of q (or the one row q), into destination[row]: each row as <see cref="Measures.RenyiDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, double, LogBase)"/>.</summary>
    public static void RenyiDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, double alpha, LogBase logBase) =>
        RenyiDivergence(p, q, columns, destination, alpha, logBase, default);

    /// <summary>Rényi divergence of order α, D_α(p‖q) of each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void RenyiDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, double alpha, LogBase logBase, BatchOptions options)
    {
        ThrowHelper.ThrowIfInvalidOrder(alpha);
        Pair<RowMeasures.RenyiDivergence, double>(p, q, columns, destination, logBase, options, order: alpha);
    }

    /// <summary>Rényi divergence of order α, D_α(p‖q) of each row against q, summed or averaged over rows (in double).</summary>
    public static double RenyiDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Reduction reduction, double alpha, LogBase logBase, BatchOptions options = default)
    {
        ThrowHelper.ThrowIfInvalidOrder(alpha);
        return Pair<RowMeasures.RenyiDivergence, double>(p, q, columns, reduction, logBase, options, order: alpha);
    }
}
