using System;

namespace Kernels.Native;

// Which public .NET function each measure of the C ABI calls, for float. Table.Double.cs is this file with double
// element spans (keep the two in step: the C test checks both).
internal static class SingleTable
{
    /// <summary>One vector: the single-vector function; the logits measures, and normalized measures that
    /// <see cref="Information.Normalized"/> lacks, as a batch of one row (the same semantics).</summary>
    public static float One(Measure measure, ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase logBase, double alpha, double labelSmoothing, bool normalize)
    {
        if (MeasureFacts.IsRowsOnly(measure) || (normalize && !MeasureFacts.HasNormalizedVector(measure) && !p.IsEmpty))
        {
            Span<float> one = stackalloc float[1];
            Rows(measure, p, q, p.Length, one, logBase, alpha, labelSmoothing, new BatchOptions { Normalize = normalize, MaxDegreeOfParallelism = 1 });
            return one[0];
        }

        return Vector(measure, p, q, logBase, alpha, normalize && MeasureFacts.HasNormalizedVector(measure));
    }

    /// <summary>One vector (or a pair): <see cref="Information"/> and <see cref="Measures"/>.</summary>
    public static float Vector(Measure measure, ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase logBase, double alpha, bool normalize) =>
        (measure, normalize) switch
        {
            (Measure.Entropy, false) => Information.Entropy(p, logBase),
            (Measure.Entropy, true) => Information.Normalized.Entropy(p, logBase),
            (Measure.CrossEntropy, false) => Information.CrossEntropy(p, q, logBase),
            (Measure.CrossEntropy, true) => Information.Normalized.CrossEntropy(p, q, logBase),
            (Measure.KullbackLeibler, false) => Information.KullbackLeibler(p, q, logBase),
            (Measure.KullbackLeibler, true) => Information.Normalized.KullbackLeibler(p, q, logBase),
            (Measure.JensenShannonDivergence, false) => Information.JensenShannonDivergence(p, q, logBase),
            (Measure.JensenShannonDivergence, true) => Information.Normalized.JensenShannonDivergence(p, q, logBase),
            (Measure.JensenShannonDistance, false) => Information.JensenShannonDistance(p, q, logBase),
            (Measure.JensenShannonDistance, true) => Information.Normalized.JensenShannonDistance(p, q, logBase),
            (Measure.Hellinger, _) => Measures.Hellinger(p, q),
            (Measure.TotalVariation, _) => Measures.TotalVariation(p, q),
            (Measure.PearsonChiSquare, _) => Measures.PearsonChiSquare(p, q),
            (Measure.NeymanChiSquare, _) => Measures.NeymanChiSquare(p, q),
            (Measure.BhattacharyyaCoefficient, _) => Measures.BhattacharyyaCoefficient(p, q),
            (Measure.BhattacharyyaDistance, _) => Measures.BhattacharyyaDistance(p, q, logBase),
            (Measure.RenyiEntropy, _) => Measures.RenyiEntropy(p, alpha, logBase),
            (Measure.RenyiDivergence, _) => Measures.RenyiDivergence(p, q, alpha, logBase),
            (Measure.TsallisEntropy, _) => Measures.TsallisEntropy(p, alpha),
            (Measure.MillerMadowEntropy, _) => Measures.MillerMadowEntropy(p, logBase),
            (Measure.GaussianKullbackLeibler, _) => Measures.GaussianKullbackLeibler(p, q, logBase),
            _ => throw new ArgumentException($"measure {(int)measure} ({measure}) has no single-vector form here.", nameof(measure)),
        };

    /// <summary>A joint table of rows × columns: mutual information or conditional entropy H(Y|X).</summary>
    public static float Joint(Measure measure, ReadOnlySpan<float> joint, int columns, LogBase logBase) => measure switch
    {
        Measure.MutualInformation => Measures.MutualInformation(joint, columns, logBase),
        Measure.ConditionalEntropy => Measures.ConditionalEntropy(joint, columns, logBase),
        _ => throw new ArgumentException($"measure is {(int)measure} ({measure}); kernels_joint takes KERNELS_MUTUAL_INFORMATION or KERNELS_CONDITIONAL_ENTROPY.", nameof(measure)),
    };

    /// <summary>One score per row into destination: <see cref="Batch"/>.</summary>
    public static void Rows(Measure measure, ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, LogBase logBase, double alpha, double labelSmoothing, BatchOptions options)
    {
        switch (measure)
        {
            case Measure.Entropy: Batch.Entropy(p, columns, destination, logBase, options); break;
            case Measure.CrossEntropy: Batch.CrossEntropy(p, q, columns, destination, logBase, options); break;
            case Measure.KullbackLeibler: Batch.KullbackLeibler(p, q, columns, destination, logBase, options); break;
            case Measure.JensenShannonDivergence: Batch.JensenShannonDivergence(p, q, columns, destination, logBase, options); break;
            case Measure.JensenShannonDistance: Batch.JensenShannonDistance(p, q, columns, destination, logBase, options); break;
            case Measure.Hellinger: Batch.Hellinger(p, q, columns, destination, options); break;
            case Measure.TotalVariation: Batch.TotalVariation(p, q, columns, destination, options); break;
            case Measure.PearsonChiSquare: Batch.PearsonChiSquare(p, q, columns, destination, options); break;
            case Measure.NeymanChiSquare: Batch.NeymanChiSquare(p, q, columns, destination, options); break;
            case Measure.BhattacharyyaCoefficient: Batch.BhattacharyyaCoefficient(p, q, columns, destination, options); break;
            case Measure.BhattacharyyaDistance: Batch.BhattacharyyaDistance(p, q, columns, destination, logBase, options); break;
            case Measure.RenyiEntropy: Batch.RenyiEntropy(p, columns, destination, alpha, logBase, options); break;
            case Measure.RenyiDivergence: Batch.RenyiDivergence(p, q, columns, destination, alpha, logBase, options); break;
            case Measure.TsallisEntropy: Batch.TsallisEntropy(p, columns, destination, alpha, options); break;
            case Measure.MillerMadowEntropy: Batch.MillerMadowEntropy(p, columns, destination, logBase, options); break;
            case Measure.GaussianKullbackLeibler: Batch.GaussianKullbackLeibler(p, q, columns, destination, logBase, options); break;
            case Measure.EntropyFromLogits: Batch.EntropyFromLogits(p, columns, destination, logBase, options); break;
            case Measure.CrossEntropyFromLogits: Batch.CrossEntropyFromLogits(p, q, columns, destination, logBase, options, labelSmoothing); break;
            case Measure.KullbackLeiblerFromLogProbabilities: Batch.KullbackLeiblerFromLogProbabilities(p, q, columns, destination, logBase, options); break;
            default: throw new ArgumentException($"measure is {(int)measure} ({measure}); the joint-table measures are scored by kernels_joint, not by rows.", nameof(measure));
        }
    }

    /// <summary>The rows' scores summed or averaged over rows: <see cref="Batch"/>'s reducing overloads.</summary>
    public static double Reduce(Measure measure, ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Reduction reduction, LogBase logBase, double alpha, double labelSmoothing, BatchOptions options) => measure switch
    {
        Measure.Entropy => Batch.Entropy(p, columns, reduction, logBase, options),
        Measure.CrossEntropy => Batch.CrossEntropy(p, q, columns, reduction, logBase, options),
        Measure.KullbackLeibler => Batch.KullbackLeibler(p, q, columns, reduction, logBase, options),
        Measure.JensenShannonDivergence => Batch.JensenShannonDivergence(p, q, columns, reduction, logBase, options),
        Measure.JensenShannonDistance => Batch.JensenShannonDistance(p, q, columns, reduction, logBase, options),
        Measure.Hellinger => Batch.Hellinger(p, q, columns, reduction, options),
        Measure.TotalVariation => Batch.TotalVariation(p, q, columns, reduction, options),
        Measure.PearsonChiSquare => Batch.PearsonChiSquare(p, q, columns, reduction, options),
        Measure.NeymanChiSquare => Batch.NeymanChiSquare(p, q, columns, reduction, options),
        Measure.BhattacharyyaCoefficient => Batch.BhattacharyyaCoefficient(p, q, columns, reduction, options),
        Measure.BhattacharyyaDistance => Batch.BhattacharyyaDistance(p, q, columns, reduction, logBase, options),
        Measure.RenyiEntropy => Batch.RenyiEntropy(p, columns, reduction, alpha, logBase, options),
        Measure.RenyiDivergence => Batch.RenyiDivergence(p, q, columns, reduction, alpha, logBase, options),
        Measure.TsallisEntropy => Batch.TsallisEntropy(p, columns, reduction, alpha, options),
        Measure.MillerMadowEntropy => Batch.MillerMadowEntropy(p, columns, reduction, logBase, options),
        Measure.GaussianKullbackLeibler => Batch.GaussianKullbackLeibler(p, q, columns, reduction, logBase, options),
        Measure.EntropyFromLogits => Batch.EntropyFromLogits(p, columns, reduction, logBase, options),
        Measure.CrossEntropyFromLogits => Batch.CrossEntropyFromLogits(p, q, columns, reduction, logBase, options, labelSmoothing),
        Measure.KullbackLeiblerFromLogProbabilities => Batch.KullbackLeiblerFromLogProbabilities(p, q, columns, reduction, logBase, options),
        _ => throw new ArgumentException($"measure is {(int)measure} ({measure}); the joint-table measures are scored by kernels_joint, not by rows.", nameof(measure)),
    };

    /// <summary>Cross-entropy of logits against class indices, one score per row.</summary>
    public static void Classes(ReadOnlySpan<int> targets, ReadOnlySpan<float> logits, int columns, Span<float> destination, LogBase logBase, double labelSmoothing, int? ignoreIndex, BatchOptions options) =>
        Batch.CrossEntropyFromLogits(targets, logits, columns, destination, logBase, options, labelSmoothing, ignoreIndex);

    /// <summary>Cross-entropy of logits against class indices, summed or averaged over the rows not ignored.</summary>
    public static double ClassesReduce(ReadOnlySpan<int> targets, ReadOnlySpan<float> logits, int columns, Reduction reduction, LogBase logBase, double labelSmoothing, int? ignoreIndex, BatchOptions options) =>
        Batch.CrossEntropyFromLogits(targets, logits, columns, reduction, logBase, options, labelSmoothing, ignoreIndex);

    /// <summary>Cross-entropy of logits against class indices with per-class weights (PyTorch's weight=), one score per row.</summary>
    public static void WeightedClasses(ReadOnlySpan<int> targets, ReadOnlySpan<float> logits, ReadOnlySpan<float> weights, int columns, Span<float> destination, LogBase logBase, double labelSmoothing, int? ignoreIndex, BatchOptions options) =>
        Batch.CrossEntropyFromLogits(targets, logits, weights, columns, destination, logBase, options, labelSmoothing, ignoreIndex);

    /// <summary>Cross-entropy of logits against class indices with per-class weights, summed, or averaged over Σ w[target] of
    /// the rows not ignored (PyTorch's weighted mean).</summary>
    public static double WeightedClassesReduce(ReadOnlySpan<int> targets, ReadOnlySpan<float> logits, ReadOnlySpan<float> weights, int columns, Reduction reduction, LogBase logBase, double labelSmoothing, int? ignoreIndex, BatchOptions options) =>
        Batch.CrossEntropyFromLogits(targets, logits, weights, columns, reduction, logBase, options, labelSmoothing, ignoreIndex);

    /// <summary>KL between two diagonal Gaussians given by means and log-variances, over one vector.</summary>
    public static float GaussianPair(ReadOnlySpan<float> mean1, ReadOnlySpan<float> logVariance1, ReadOnlySpan<float> mean2, ReadOnlySpan<float> logVariance2, LogBase logBase) =>
        Measures.GaussianKullbackLeibler(mean1, logVariance1, mean2, logVariance2, logBase);

    /// <summary>KL between two diagonal Gaussians per row.</summary>
    public static void GaussianPairRows(ReadOnlySpan<float> mean1, ReadOnlySpan<float> logVariance1, ReadOnlySpan<float> mean2, ReadOnlySpan<float> logVariance2, int columns, Span<float> destination, LogBase logBase, BatchOptions options) =>
        Batch.GaussianKullbackLeibler(mean1, logVariance1, mean2, logVariance2, columns, destination, logBase, options);

    /// <summary>KL between two diagonal Gaussians per row, summed or averaged over rows.</summary>
    public static double GaussianPairReduce(ReadOnlySpan<float> mean1, ReadOnlySpan<float> logVariance1, ReadOnlySpan<float> mean2, ReadOnlySpan<float> logVariance2, int columns, Reduction reduction, LogBase logBase, BatchOptions options) =>
        Batch.GaussianKullbackLeibler(mean1, logVariance1, mean2, logVariance2, columns, reduction, logBase, options);
}
