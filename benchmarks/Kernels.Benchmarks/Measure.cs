namespace Kernels.Benchmarks;

/// <summary>The information measures under test; Jensen–Shannon is the divergence (no square root).</summary>
public enum Measure
{
    Entropy,
    CrossEntropy,
    KullbackLeibler,
    JensenShannon,

    /// <summary>Jensen–Shannon between p and a q within ±0.5% of it: the drift-detection case (every element in the
    /// near-equal regime). Not a separate benchmark class; the compare mode reports it as its own row.</summary>
    JensenShannonNearEqual,
}

/// <summary>The ways each measure is computed, in the order the compare mode interleaves them.</summary>
public enum Candidate
{
    /// <summary>This library's public API.</summary>
    Kernels,

    /// <summary>A plain loop over MathF.Log / Math.Log.</summary>
    ScalarLoop,

    /// <summary>A composition of TensorPrimitives calls through a preallocated temporary buffer.</summary>
    TensorPrimitives,

    /// <summary>TensorPrimitives.Sum over the same bytes: the cost of just reading the inputs.</summary>
    Roofline,

    /// <summary>A C loop compiled with gcc -Ofast -march=native onto glibc's vector log (benchmarks/native/build.sh;
    /// only when its library was built).</summary>
    GccOfast,

    /// <summary>SimSIMD 6.5.5's KL and JS kernels (benchmarks/native/build.sh; only when its library was built).</summary>
    SimSimd,
}
