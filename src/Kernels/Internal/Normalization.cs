using Kernels.Support;

namespace Kernels;

/// <summary>SciPy's normalization applied to a fold's totals: the measure of p/Σp (and q/Σq) from Σterm, Σp and Σq
/// of the inputs as given, in nats. An input that sums to 0 gives NaN.</summary>
internal static class Normalization
{
    /// <summary>H(p/Σp) = Σentr(p)/Σp + log Σp.</summary>
    public static double Entropy(FoldTotals t) =>
        t.SumP == 0.0 ? double.NaN : (t.Sum / t.SumP) + System.Math.Log(t.SumP);

    /// <summary>H(p/Σp, q/Σq) = −Σp·log q/Σp + log Σq.</summary>
    public static double CrossEntropy(FoldTotals t) =>
        t.SumP == 0.0 || t.SumQ == 0.0 ? double.NaN : (t.Sum / t.SumP) + System.Math.Log(t.SumQ);

    /// <summary>D(p/Σp ‖ q/Σq) = Σp·log(p/q)/Σp + log(Σq/Σp).</summary>
    public static double KullbackLeibler(FoldTotals t) =>
        t.SumP == 0.0 || t.SumQ == 0.0 ? double.NaN : (t.Sum / t.SumP) + Fn.LogRatio(t.SumQ, t.SumP);
}
