using System.Threading;

namespace Kernels;

/// <summary>How the batch functions read their rows and use the machine. The default is dense rows, values used as
/// given, every core for large batches, no cancellation.</summary>
public readonly record struct BatchOptions
{
    /// <summary>Score each row with SciPy's convention: p and q scaled to sum to 1 first, fused into the same pass
    /// (Jensen–Shannon reads each row twice); a row that sums to 0 scores NaN. For logits, only the target
    /// probabilities of <see cref="Batch.CrossEntropyFromLogits(System.ReadOnlySpan{double}, System.ReadOnlySpan{double}, int, System.Span{double}, LogBase, BatchOptions, double)"/>
    /// are normalized.</summary>
    public bool Normalize { get; init; }

    /// <summary>Distance between the starts of consecutive rows of p (or of the logits), at least the column count, so
    /// that a slice of a wider matrix can be scored in place. 0 (the default) means dense rows.</summary>
    public int RowStride { get; init; }

    /// <summary>Distance between the starts of consecutive rows of q (or of the second input), when q has one row per
    /// row of p. 0 (the default) means dense rows. Functions that take a single matrix ignore it.</summary>
    public int QRowStride { get; init; }

    /// <summary>Most threads to use: 1 keeps the work on the calling thread (and allocates nothing); 0 or −1 (the
    /// default) lets large batches use every core. Results are bit-identical whatever this is.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>Checked between blocks of rows; when it fires the call throws <see cref="System.OperationCanceledException"/>
    /// and the destination holds the rows finished so far.</summary>
    public CancellationToken CancellationToken { get; init; }
}

/// <summary>How scores are combined over rows (never over elements).</summary>
public enum Reduction
{
    /// <summary>Σ over rows of the per-row scores.</summary>
    Sum,

    /// <summary>Σ over rows divided by the number of rows (rows with an ignored target are not counted); NaN for none.</summary>
    Mean,
}
