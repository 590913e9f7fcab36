namespace Kernels.Native;

/// <summary>The measures of the C ABI (<c>kernels_measure</c> in include/kernels.h; the numbers are part of the ABI and
/// never change meaning). Each names the .NET function it calls.</summary>
internal enum Measure
{
    Entropy = 1,
    CrossEntropy = 2,
    KullbackLeibler = 3,
    JensenShannonDivergence = 4,
    JensenShannonDistance = 5,
    Hellinger = 6,
    TotalVariation = 7,
    PearsonChiSquare = 8,
    NeymanChiSquare = 9,
    BhattacharyyaCoefficient = 10,
    BhattacharyyaDistance = 11,
    RenyiEntropy = 12,
    RenyiDivergence = 13,
    TsallisEntropy = 14,
    MillerMadowEntropy = 15,
    GaussianKullbackLeibler = 16,
    EntropyFromLogits = 17,
    CrossEntropyFromLogits = 18,
    KullbackLeiblerFromLogProbabilities = 19,
    MutualInformation = 20,
    ConditionalEntropy = 21,
}

/// <summary>What a measure reads and which options mean something to it.</summary>
internal static class MeasureFacts
{
    public static bool IsKnown(Measure measure) => measure >= Measure.Entropy && measure <= Measure.ConditionalEntropy;

    /// <summary>Measures of one vector or matrix (q is not read).</summary>
    public static bool TakesOneInput(Measure measure) => measure is Measure.Entropy or Measure.RenyiEntropy
        or Measure.TsallisEntropy or Measure.MillerMadowEntropy or Measure.EntropyFromLogits;

    /// <summary>Measures without a logarithm, which take no log base.</summary>
    public static bool TakesNoBase(Measure measure) => measure is Measure.Hellinger or Measure.TotalVariation
        or Measure.PearsonChiSquare or Measure.NeymanChiSquare or Measure.BhattacharyyaCoefficient or Measure.TsallisEntropy;

    /// <summary>Measures of a joint table, reached through <c>kernels_joint_*</c> only.</summary>
    public static bool IsJoint(Measure measure) => measure is Measure.MutualInformation or Measure.ConditionalEntropy;

    /// <summary>The batch (logits) measures: over one vector they are scored as a batch of one row.</summary>
    public static bool IsRowsOnly(Measure measure) => measure is Measure.EntropyFromLogits
        or Measure.CrossEntropyFromLogits or Measure.KullbackLeiblerFromLogProbabilities;

    /// <summary>The single-vector measures with a SciPy-normalized variant in <see cref="Information.Normalized"/>.</summary>
    public static bool HasNormalizedVector(Measure measure) => measure is Measure.Entropy or Measure.CrossEntropy
        or Measure.KullbackLeibler or Measure.JensenShannonDivergence or Measure.JensenShannonDistance;
}
