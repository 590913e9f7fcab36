namespace Kernels.Cli.Scoring;

/// <summary>The command-line names of the measures.</summary>
internal static class Names
{
    public static string Of(Measure measure) => measure switch
    {
        Measure.Entropy => "entropy",
        Measure.CrossEntropy => "cross-entropy",
        Measure.KullbackLeibler => "kl",
        Measure.JensenShannon => "js",
        Measure.JensenShannonDistance => "js-distance",
        Measure.BinaryCrossEntropy => "binary-cross-entropy",
        Measure.Hellinger => "hellinger",
        Measure.TotalVariation => "total-variation",
        Measure.PearsonChiSquare => "chi-square",
        Measure.NeymanChiSquare => "neyman-chi-square",
        _ => "bhattacharyya",
    };

    /// <summary>Every name, for the usage messages.</summary>
    public const string All = "entropy, cross-entropy, kl, js, js-distance, binary-cross-entropy, hellinger, total-variation, chi-square, neyman-chi-square or bhattacharyya";

    /// <summary>The measures of <c>Kernels.Measures</c> (probabilities only: no logits form).</summary>
    public static bool FromMeasures(Measure measure) => measure >= Measure.Hellinger;

    /// <summary>Whether the scores are in log units (a base applies).</summary>
    public static bool InLogUnits(Measure measure) => !FromMeasures(measure) || measure == Measure.BhattacharyyaDistance;

    public static Measure? Parse(string text) => text.ToLowerInvariant() switch
    {
        "entropy" or "h" => Measure.Entropy,
        "cross-entropy" or "ce" => Measure.CrossEntropy,
        "kl" or "kullback-leibler" => Measure.KullbackLeibler,
        "js" or "jensen-shannon" => Measure.JensenShannon,
        "js-distance" => Measure.JensenShannonDistance,
        "binary-cross-entropy" or "bce" => Measure.BinaryCrossEntropy,
        "hellinger" => Measure.Hellinger,
        "total-variation" or "tv" => Measure.TotalVariation,
        "chi-square" or "pearson-chi-square" => Measure.PearsonChiSquare,
        "neyman-chi-square" => Measure.NeymanChiSquare,
        "bhattacharyya" or "bhattacharyya-distance" => Measure.BhattacharyyaDistance,
        _ => null,
    };
}
