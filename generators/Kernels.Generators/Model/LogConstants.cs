namespace Kernels.Generators.Model;

/// <summary>The constants that convert natural logarithms, defined once: Log2/Log10 desugar to ln x times one of them,
/// and the generated NatsToBits/NatsToHartleys are printed from them.</summary>
internal static class LogConstants
{
    /// <summary>log2 e = 1 / ln 2: nats to bits.</summary>
    public const double Log2E = 1.4426950408889634;

    /// <summary>log10 e = 1 / ln 10: nats to hartleys.</summary>
    public const double Log10E = 0.43429448190325176;
}
