namespace Kernels.Cli.Scoring;

/// <summary>The measures the tool scores.</summary>
internal enum Measure
{
    Entropy,
    CrossEntropy,
    KullbackLeibler,
    JensenShannon,
    JensenShannonDistance,
    BinaryCrossEntropy,
    Hellinger,
    TotalVariation,
    PearsonChiSquare,
    NeymanChiSquare,
    BhattacharyyaDistance,
}
