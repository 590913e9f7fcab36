namespace Kernels.Benchmarks;

/// <summary>The batch scorings under test (float rows, natural log, one score per row into a destination), each
/// timed against a baseline that does the same work without rows.</summary>
public enum BatchCase
{
    /// <summary>D(p‖q) of each row of p against the matching row of q. Baseline: the long-vector call
    /// <c>Information.KullbackLeibler</c> over all rows·columns elements as one span.</summary>
    KullbackLeibler,

    /// <summary>D(p‖q) of each row of p against one shared row q (drift against a reference). Baseline: the same
    /// long-vector call as <see cref="KullbackLeibler"/>.</summary>
    KullbackLeiblerOneVsMany,

    /// <summary>Jensen–Shannon divergence of each row of p against the matching row of q. Baseline: the long-vector
    /// <c>Information.JensenShannonDivergence</c>.</summary>
    JensenShannon,

    /// <summary>Entropy of each row of p. Baseline: the long-vector <c>Information.Entropy</c>.</summary>
    Entropy,

    /// <summary>Entropy of softmax(row) for each row of logits. Baseline: a scalar log-sum-exp loop
    /// (<see cref="ScalarLogits.Entropy"/>).</summary>
    EntropyFromLogits,

    /// <summary>Cross-entropy of each row of logits against its class index. Baseline: a scalar log-sum-exp loop
    /// (<see cref="ScalarLogits.CrossEntropy"/>).</summary>
    CrossEntropyFromClassLogits,
}
