using System;
using Kernels.Rows;

namespace Kernels;

/// <summary>
/// Batch scoring: one score per row of a row-major matrix (rows × columns), every row with exactly the semantics of
/// the single-vector functions in <see cref="Information"/> and <see cref="Measures"/>. The second matrix q is either the same shape as p or one
/// row of <c>columns</c> values that every row is scored against (one-vs-many, e.g. drift against a reference
/// histogram). Scores go to a destination with one element per row, or are reduced over rows (sum or mean, never
/// over elements). <see cref="BatchOptions"/> adds SciPy normalization per row, row strides (slices of wider
/// matrices), the number of threads and cancellation. Model outputs can be scored straight from logits or
/// log-probabilities, with log-sum-exp (never a raw softmax).
/// </summary>
/// <remarks>
/// Errors: <c>columns</c> ≤ 0 or a stride below the column count → <see cref="ArgumentOutOfRangeException"/>; a
/// matrix that is not a whole number of rows, a q of any other shape, or a destination without exactly one element
/// per row → <see cref="ArgumentException"/> naming the numbers; an order α that <see cref="Measures"/> refuses → the
/// same <see cref="ArgumentOutOfRangeException"/>; <see cref="BatchOptions.Normalize"/> where it means nothing (logits,
/// log-probabilities, counts, Gaussians) → <see cref="ArgumentException"/>. Nothing is written before the inputs are
/// checked, except that a negative count (Miller–Madow) is found while scoring: it throws, naming its index, and rows
/// before its block may have been written.
/// Narrow rows are folded a vector's width of rows at a time; batches of more than about 65,000 elements are split
/// across cores in fixed blocks of rows, so results do not depend on the number of threads. With
/// <see cref="BatchOptions.MaxDegreeOfParallelism"/> = 1 a call allocates nothing.
/// </remarks>
public static partial class Batch
{

    /// <summary>Shannon entropy H(p) = −Σ p·log p for each row of p, into destination[row].</summary>
    public static void Entropy(ReadOnlySpan<float> p, int columns, Span<float> destination, LogBase logBase) =>
        Single<RowMeasures.Entropy, float>(p, columns, destination, logBase, default);

    /// <summary>Shannon entropy H(p) = −Σ p·log p for each row, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void Entropy(ReadOnlySpan<float> p, int columns, Span<float> destination, LogBase logBase, BatchOptions options) =>
        Single<RowMeasures.Entropy, float>(p, columns, destination, logBase, options);

    /// <summary>Shannon entropy H(p) = −Σ p·log p of each row, summed or averaged over rows (in double).</summary>
    public static double Entropy(ReadOnlySpan<float> p, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Single<RowMeasures.Entropy, float>(p, columns, reduction, logBase, options);

    /// <summary>Shannon entropy H(p) = −Σ p·log p for each row of p, into destination[row].</summary>
    public static void Entropy(ReadOnlySpan<double> p, int columns, Span<double> destination, LogBase logBase) =>
        Single<RowMeasures.Entropy, double>(p, columns, destination, logBase, default);

    /// <summary>Shannon entropy H(p) = −Σ p·log p for each row, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void Entropy(ReadOnlySpan<double> p, int columns, Span<double> destination, LogBase logBase, BatchOptions options) =>
        Single<RowMeasures.Entropy, double>(p, columns, destination, logBase, options);

    /// <summary>Shannon entropy H(p) = −Σ p·log p of each row, summed or averaged over rows (in double).</summary>
    public static double Entropy(ReadOnlySpan<double> p, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Single<RowMeasures.Entropy, double>(p, columns, reduction, logBase, options);

    /// <summary>Cross-entropy H(p, q) = −Σ p·log q for each row of p against the matching row of q (or the one row q), into destination[row].</summary>
    public static void CrossEntropy(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, LogBase logBase) =>
        Pair<RowMeasures.PairSumWithTotals<RowKernels.CrossEntropy, RowMeasures.CrossEntropyOfTotals>, float>(p, q, columns, destination, logBase, default);

    /// <summary>Cross-entropy H(p, q) = −Σ p·log q for each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void CrossEntropy(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, LogBase logBase, BatchOptions options) =>
        Pair<RowMeasures.PairSumWithTotals<RowKernels.CrossEntropy, RowMeasures.CrossEntropyOfTotals>, float>(p, q, columns, destination, logBase, options);

    /// <summary>Cross-entropy H(p, q) = −Σ p·log q of each row against q, summed or averaged over rows (in double).</summary>
    public static double CrossEntropy(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Pair<RowMeasures.PairSumWithTotals<RowKernels.CrossEntropy, RowMeasures.CrossEntropyOfTotals>, float>(p, q, columns, reduction, logBase, options);

    /// <summary>Cross-entropy H(p, q) = −Σ p·log q for each row of p against the matching row of q (or the one row q), into destination[row].</summary>
    public static void CrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, LogBase logBase) =>
        Pair<RowMeasures.PairSumWithTotals<RowKernels.CrossEntropy, RowMeasures.CrossEntropyOfTotals>, double>(p, q, columns, destination, logBase, default);

    /// <summary>Cross-entropy H(p, q) = −Σ p·log q for each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void CrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, LogBase logBase, BatchOptions options) =>
        Pair<RowMeasures.PairSumWithTotals<RowKernels.CrossEntropy, RowMeasures.CrossEntropyOfTotals>, double>(p, q, columns, destination, logBase, options);

    /// <summary>Cross-entropy H(p, q) = −Σ p·log q of each row against q, summed or averaged over rows (in double).</summary>
    public static double CrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Pair<RowMeasures.PairSumWithTotals<RowKernels.CrossEntropy, RowMeasures.CrossEntropyOfTotals>, double>(p, q, columns, reduction, logBase, options);

    /// <summary>Kullback–Leibler divergence D(p‖q) = Σ p·log(p/q) for each row of p against the matching row of q (or the one row q), into destination[row].</summary>
    public static void KullbackLeibler(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, LogBase logBase) =>
        Pair<RowMeasures.KullbackLeibler, float>(p, q, columns, destination, logBase, default);

    /// <summary>Kullback–Leibler divergence D(p‖q) = Σ p·log(p/q) for each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void KullbackLeibler(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, LogBase logBase, BatchOptions options) =>
        Pair<RowMeasures.KullbackLeibler, float>(p, q, columns, destination, logBase, options);

    /// <summary>Kullback–Leibler divergence D(p‖q) = Σ p·log(p/q) of each row against q, summed or averaged over rows (in double).</summary>
    public static double KullbackLeibler(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Pair<RowMeasures.KullbackLeibler, float>(p, q, columns, reduction, logBase, options);

    /// <summary>Kullback–Leibler divergence D(p‖q) = Σ p·log(p/q) for each row of p against the matching row of q (or the one row q), into destination[row].</summary>
    public static void KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, LogBase logBase) =>
        Pair<RowMeasures.KullbackLeibler, double>(p, q, columns, destination, logBase, default);

    /// <summary>Kullback–Leibler divergence D(p‖q) = Σ p·log(p/q) for each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, LogBase logBase, BatchOptions options) =>
        Pair<RowMeasures.KullbackLeibler, double>(p, q, columns, destination, logBase, options);

    /// <summary>Kullback–Leibler divergence D(p‖q) = Σ p·log(p/q) of each row against q, summed or averaged over rows (in double).</summary>
    public static double KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Pair<RowMeasures.KullbackLeibler, double>(p, q, columns, reduction, logBase, options);

    /// <summary>Jensen–Shannon divergence (never negative) for each row of p against the matching row of q (or the one row q), into destination[row].</summary>
    public static void JensenShannonDivergence(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, LogBase logBase) =>
        Pair<RowMeasures.PairSum<RowKernels.JensenShannon, RowMeasures.SumItself>, float>(p, q, columns, destination, logBase, default);

    /// <summary>Jensen–Shannon divergence (never negative) for each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void JensenShannonDivergence(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, LogBase logBase, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.JensenShannon, RowMeasures.SumItself>, float>(p, q, columns, destination, logBase, options);

    /// <summary>Jensen–Shannon divergence (never negative) of each row against q, summed or averaged over rows (in double).</summary>
    public static double JensenShannonDivergence(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.JensenShannon, RowMeasures.SumItself>, float>(p, q, columns, reduction, logBase, options);

    /// <summary>Jensen–Shannon divergence (never negative) for each row of p against the matching row of q (or the one row q), into destination[row].</summary>
    public static void JensenShannonDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, LogBase logBase) =>
        Pair<RowMeasures.PairSum<RowKernels.JensenShannon, RowMeasures.SumItself>, double>(p, q, columns, destination, logBase, default);

    /// <summary>Jensen–Shannon divergence (never negative) for each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void JensenShannonDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, LogBase logBase, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.JensenShannon, RowMeasures.SumItself>, double>(p, q, columns, destination, logBase, options);

    /// <summary>Jensen–Shannon divergence (never negative) of each row against q, summed or averaged over rows (in double).</summary>
    public static double JensenShannonDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.JensenShannon, RowMeasures.SumItself>, double>(p, q, columns, reduction, logBase, options);

    /// <summary>Jensen–Shannon distance √JS (SciPy's <c>jensenshannon</c> with Normalize) for each row of p against the matching row of q (or the one row q), into destination[row].</summary>
    public static void JensenShannonDistance(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, LogBase logBase) =>
        Pair<RowMeasures.Distance<RowMeasures.PairSum<RowKernels.JensenShannon, RowMeasures.SumItself>>, float>(p, q, columns, destination, logBase, default);

    /// <summary>Jensen–Shannon distance √JS (SciPy's <c>jensenshannon</c> with Normalize) for each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void JensenShannonDistance(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, LogBase logBase, BatchOptions options) =>
        Pair<RowMeasures.Distance<RowMeasures.PairSum<RowKernels.JensenShannon, RowMeasures.SumItself>>, float>(p, q, columns, destination, logBase, options);

    /// <summary>Jensen–Shannon distance √JS (SciPy's <c>jensenshannon</c> with Normalize) of each row against q, summed or averaged over rows (in double).</summary>
    public static double JensenShannonDistance(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Pair<RowMeasures.Distance<RowMeasures.PairSum<RowKernels.JensenShannon, RowMeasures.SumItself>>, float>(p, q, columns, reduction, logBase, options);

    /// <summary>Jensen–Shannon distance √JS (SciPy's <c>jensenshannon</c> with Normalize) for each row of p against the matching row of q (or the one row q), into destination[row].</summary>
    public static void JensenShannonDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, LogBase logBase) =>
        Pair<RowMeasures.Distance<RowMeasures.PairSum<RowKernels.JensenShannon, RowMeasures.SumItself>>, double>(p, q, columns, destination, logBase, default);

    /// <summary>Jensen–Shannon distance √JS (SciPy's <c>jensenshannon</c> with Normalize) for each row against q, into destination[row], with options (normalization, strides, threads, cancellation).</summary>
    public static void JensenShannonDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, LogBase logBase, BatchOptions options) =>
        Pair<RowMeasures.Distance<RowMeasures.PairSum<RowKernels.JensenShannon, RowMeasures.SumItself>>, double>(p, q, columns, destination, logBase, options);

    /// <summary>Jensen–Shannon distance √JS (SciPy's <c>jensenshannon</c> with Normalize) of each row against q, summed or averaged over rows (in double).</summary>
    public static double JensenShannonDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Pair<RowMeasures.Distance<RowMeasures.PairSum<RowKernels.JensenShannon, RowMeasures.SumItself>>, double>(p, q, columns, reduction, logBase, options);

    /// <summary>Entropy of softmax(row) for each row of logits, into destination[row]: log Σe^(z−m) + Σ(m−z)·e^(z−m)/Σe^(z−m)
    /// with m the row's maximum. −∞ logits have probability 0 ([0, 0, −∞] gives ln 2); a row of all −∞ (or with NaN or
    /// +∞) gives NaN.</summary>
    public static void EntropyFromLogits(ReadOnlySpan<float> logits, int columns, Span<float> destination, LogBase logBase) =>
        Logits<RowMeasures.EntropyFromLogits, float>(logits, columns, destination, logBase, default);

    /// <summary>Entropy of softmax(row) for each row of logits, with options (strides, threads, cancellation).</summary>
    public static void EntropyFromLogits(ReadOnlySpan<float> logits, int columns, Span<float> destination, LogBase logBase, BatchOptions options) =>
        Logits<RowMeasures.EntropyFromLogits, float>(logits, columns, destination, logBase, options);

    /// <summary>Entropy of softmax(row) for each row of logits, summed or averaged over rows.</summary>
    public static double EntropyFromLogits(ReadOnlySpan<float> logits, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Logits<RowMeasures.EntropyFromLogits, float>(logits, columns, reduction, logBase, options);

    /// <summary>Cross-entropy −Σ p·log softmax(z) of each row of target probabilities p against the matching row of logits,
    /// into destination[row]. With label smoothing ε the target is (1 − ε)·p + ε/columns; with
    /// <see cref="BatchOptions.Normalize"/> each target row is first scaled to sum 1. A target p &gt; 0 on a −∞ logit gives +∞.
    /// <see cref="BatchOptions.RowStride"/> applies to the targets, <see cref="BatchOptions.QRowStride"/> to the logits.</summary>
    public static void CrossEntropyFromLogits(ReadOnlySpan<float> targets, ReadOnlySpan<float> logits, int columns, Span<float> destination, LogBase logBase, BatchOptions options = default, double labelSmoothing = 0.0) =>
        TargetLogits<float>(targets, logits, columns, destination, logBase, options, labelSmoothing);

    /// <summary>Cross-entropy of each row of target probabilities against the matching row of logits, summed or averaged over rows.</summary>
    public static double CrossEntropyFromLogits(ReadOnlySpan<float> targets, ReadOnlySpan<float> logits, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default, double labelSmoothing = 0.0) =>
        TargetLogits<float>(targets, logits, columns, reduction, logBase, options, labelSmoothing);

    /// <summary>Cross-entropy −log softmax(z)[t] of each row of logits against its class index t (targets[row]), into
    /// destination[row]: log Σe^(z−m) − (z_t − m). With label smoothing ε the target puts 1 − ε on t and ε/columns on every
    /// class. Rows whose target equals <paramref name="ignoreIndex"/> score 0 and do not count towards a mean. Any other
    /// index outside [0, columns) is an <see cref="ArgumentOutOfRangeException"/> naming the row.</summary>
    public static void CrossEntropyFromLogits(ReadOnlySpan<int> targets, ReadOnlySpan<float> logits, int columns, Span<float> destination, LogBase logBase, BatchOptions options = default, double labelSmoothing = 0.0, int? ignoreIndex = null) =>
        ClassLogits<float>(targets, logits, columns, destination, logBase, options, labelSmoothing, ignoreIndex);

    /// <summary>Cross-entropy of each row of logits against its class index, summed or averaged over the rows not ignored.</summary>
    public static double CrossEntropyFromLogits(ReadOnlySpan<int> targets, ReadOnlySpan<float> logits, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default, double labelSmoothing = 0.0, int? ignoreIndex = null) =>
        ClassLogits<float>(targets, logits, columns, reduction, logBase, options, labelSmoothing, ignoreIndex);

    /// <summary>D(p‖q) = Σ e^a·(a − b) for each row of log-probabilities a = log p against the matching row (or the one
    /// row) b = log q, into destination[row]. a = −∞ contributes 0; a finite a against b = −∞ gives +∞; a = b gives +0.</summary>
    public static void KullbackLeiblerFromLogProbabilities(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, LogBase logBase) =>
        Pair<RowMeasures.PairSum<RowKernels.KullbackLeiblerOfLogs, RowMeasures.SumItself>, float>(p, q, columns, destination, logBase, NotNormalized(default));

    /// <summary>D(p‖q) from log-probabilities for each row, with options (strides, threads, cancellation).</summary>
    public static void KullbackLeiblerFromLogProbabilities(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> destination, LogBase logBase, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.KullbackLeiblerOfLogs, RowMeasures.SumItself>, float>(p, q, columns, destination, logBase, NotNormalized(options));

    /// <summary>D(p‖q) from log-probabilities for each row, summed or averaged over rows.</summary>
    public static double KullbackLeiblerFromLogProbabilities(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.KullbackLeiblerOfLogs, RowMeasures.SumItself>, float>(p, q, columns, reduction, logBase, NotNormalized(options));

    /// <summary>Entropy of softmax(row) for each row of logits, into destination[row]: log Σe^(z−m) + Σ(m−z)·e^(z−m)/Σe^(z−m)
    /// with m the row's maximum. −∞ logits have probability 0 ([0, 0, −∞] gives ln 2); a row of all −∞ (or with NaN or
    /// +∞) gives NaN.</summary>
    public static void EntropyFromLogits(ReadOnlySpan<double> logits, int columns, Span<double> destination, LogBase logBase) =>
        Logits<RowMeasures.EntropyFromLogits, double>(logits, columns, destination, logBase, default);

    /// <summary>Entropy of softmax(row) for each row of logits, with options (strides, threads, cancellation).</summary>
    public static void EntropyFromLogits(ReadOnlySpan<double> logits, int columns, Span<double> destination, LogBase logBase, BatchOptions options) =>
        Logits<RowMeasures.EntropyFromLogits, double>(logits, columns, destination, logBase, options);

    /// <summary>Entropy of softmax(row) for each row of logits, summed or averaged over rows.</summary>
    public static double EntropyFromLogits(ReadOnlySpan<double> logits, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Logits<RowMeasures.EntropyFromLogits, double>(logits, columns, reduction, logBase, options);

    /// <summary>Cross-entropy −Σ p·log softmax(z) of each row of target probabilities p against the matching row of logits,
    /// into destination[row]. With label smoothing ε the target is (1 − ε)·p + ε/columns; with
    /// <see cref="BatchOptions.Normalize"/> each target row is first scaled to sum 1. A target p &gt; 0 on a −∞ logit gives +∞.
    /// <see cref="BatchOptions.RowStride"/> applies to the targets, <see cref="BatchOptions.QRowStride"/> to the logits.</summary>
    public static void CrossEntropyFromLogits(ReadOnlySpan<double> targets, ReadOnlySpan<double> logits, int columns, Span<double> destination, LogBase logBase, BatchOptions options = default, double labelSmoothing = 0.0) =>
        TargetLogits<double>(targets, logits, columns, destination, logBase, options, labelSmoothing);

    /// <summary>Cross-entropy of each row of target probabilities against the matching row of logits, summed or averaged over rows.</summary>
    public static double CrossEntropyFromLogits(ReadOnlySpan<double> targets, ReadOnlySpan<double> logits, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default, double labelSmoothing = 0.0) =>
        TargetLogits<double>(targets, logits, columns, reduction, logBase, options, labelSmoothing);

    /// <summary>Cross-entropy −log softmax(z)[t] of each row of logits against its class index t (targets[row]), into
    /// destination[row]: log Σe^(z−m) − (z_t − m). With label smoothing ε the target puts 1 − ε on t and ε/columns on every
    /// class. Rows whose target equals <paramref name="ignoreIndex"/> score 0 and do not count towards a mean. Any other
    /// index outside [0, columns) is an <see cref="ArgumentOutOfRangeException"/> naming the row.</summary>
    public static void CrossEntropyFromLogits(ReadOnlySpan<int> targets, ReadOnlySpan<double> logits, int columns, Span<double> destination, LogBase logBase, BatchOptions options = default, double labelSmoothing = 0.0, int? ignoreIndex = null) =>
        ClassLogits<double>(targets, logits, columns, destination, logBase, options, labelSmoothing, ignoreIndex);

    /// <summary>Cross-entropy of each row of logits against its class index, summed or averaged over the rows not ignored.</summary>
    public static double CrossEntropyFromLogits(ReadOnlySpan<int> targets, ReadOnlySpan<double> logits, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default, double labelSmoothing = 0.0, int? ignoreIndex = null) =>
        ClassLogits<double>(targets, logits, columns, reduction, logBase, options, labelSmoothing, ignoreIndex);

    /// <summary>D(p‖q) = Σ e^a·(a − b) for each row of log-probabilities a = log p against the matching row (or the one
    /// row) b = log q, into destination[row]. a = −∞ contributes 0; a finite a against b = −∞ gives +∞; a = b gives +0.</summary>
    public static void KullbackLeiblerFromLogProbabilities(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, LogBase logBase) =>
        Pair<RowMeasures.PairSum<RowKernels.KullbackLeiblerOfLogs, RowMeasures.SumItself>, double>(p, q, columns, destination, logBase, NotNormalized(default));

    /// <summary>D(p‖q) from log-probabilities for each row, with options (strides, threads, cancellation).</summary>
    public static void KullbackLeiblerFromLogProbabilities(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination, LogBase logBase, BatchOptions options) =>
        Pair<RowMeasures.PairSum<RowKernels.KullbackLeiblerOfLogs, RowMeasures.SumItself>, double>(p, q, columns, destination, logBase, NotNormalized(options));

    /// <summary>D(p‖q) from log-probabilities for each row, summed or averaged over rows.</summary>
    public static double KullbackLeiblerFromLogProbabilities(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Reduction reduction, LogBase logBase, BatchOptions options = default) =>
        Pair<RowMeasures.PairSum<RowKernels.KullbackLeiblerOfLogs, RowMeasures.SumItself>, double>(p, q, columns, reduction, logBase, NotNormalized(options));

    // ---- shapes, checks and the calls into the row driver ----

    private static unsafe void Single<TMeasure, T>(ReadOnlySpan<T> p, int columns, Span<T> destination, LogBase logBase, BatchOptions options, string name = "p", double order = 0.0)
        where TMeasure : struct, IRowMeasure
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int stride = BatchShape.SingleStride(options, columns);
        int rows = BatchShape.RowCount(p.Length, columns, stride, name);
        BatchShape.CheckDestination(destination.Length, rows, name);
        fixed (T* pp = p)
        {
            var source = new RowSource<T>(pp, rows, columns, stride, null, 0, 0, null, new RowSettings(options.Normalize, 0.0, null, order));
            RowDriver.Scores<TMeasure, T>(source, destination, logBase, options);
        }
    }

    private static unsafe double Single<TMeasure, T>(ReadOnlySpan<T> p, int columns, Reduction reduction, LogBase logBase, BatchOptions options, string name = "p", double order = 0.0)
        where TMeasure : struct, IRowMeasure
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        BatchShape.CheckReduction(reduction);
        int stride = BatchShape.SingleStride(options, columns);
        int rows = BatchShape.RowCount(p.Length, columns, stride, name);
        fixed (T* pp = p)
        {
            var source = new RowSource<T>(pp, rows, columns, stride, null, 0, 0, null, new RowSettings(options.Normalize, 0.0, null, order));
            return RowDriver.Reduce<TMeasure, T>(source, reduction, logBase, options);
        }
    }

    private static unsafe void Pair<TMeasure, T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, int columns, Span<T> destination, LogBase logBase, BatchOptions options, double order = 0.0, string pName = "p", string qName = "q", bool sharedQ = true)
        where TMeasure : struct, IRowMeasure
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        BatchShape shape = BatchShape.OfPair(p.Length, q.Length, columns, options, pName, qName, sharedQ);
        BatchShape.CheckDestination(destination.Length, shape.Rows, pName);
        fixed (T* pp = p)
        fixed (T* qq = q)
        {
            var source = new RowSource<T>(pp, shape.Rows, columns, shape.PStride, qq, q.Length, shape.QStride, null, new RowSettings(options.Normalize, 0.0, null, order));
            RowDriver.Scores<TMeasure, T>(source, destination, logBase, options);
        }
    }

    private static unsafe double Pair<TMeasure, T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, int columns, Reduction reduction, LogBase logBase, BatchOptions options, double order = 0.0, string pName = "p", string qName = "q", bool sharedQ = true)
        where TMeasure : struct, IRowMeasure
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        BatchShape.CheckReduction(reduction);
        BatchShape shape = BatchShape.OfPair(p.Length, q.Length, columns, options, pName, qName, sharedQ);
        fixed (T* pp = p)
        fixed (T* qq = q)
        {
            var source = new RowSource<T>(pp, shape.Rows, columns, shape.PStride, qq, q.Length, shape.QStride, null, new RowSettings(options.Normalize, 0.0, null, order));
            return RowDriver.Reduce<TMeasure, T>(source, reduction, logBase, options);
        }
    }

    private static void Logits<TMeasure, T>(ReadOnlySpan<T> logits, int columns, Span<T> destination, LogBase logBase, BatchOptions options)
        where TMeasure : struct, IRowMeasure
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        Single<TMeasure, T>(logits, columns, destination, logBase, NotNormalized(options), nameof(logits));

    private static double Logits<TMeasure, T>(ReadOnlySpan<T> logits, int columns, Reduction reduction, LogBase logBase, BatchOptions options)
        where TMeasure : struct, IRowMeasure
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        Single<TMeasure, T>(logits, columns, reduction, logBase, NotNormalized(options), nameof(logits));

    private static unsafe void TargetLogits<T>(ReadOnlySpan<T> targets, ReadOnlySpan<T> logits, int columns, Span<T> destination, LogBase logBase, BatchOptions options, double labelSmoothing)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        BatchShape.CheckSmoothing(labelSmoothing);
        BatchShape shape = BatchShape.OfPair(targets.Length, logits.Length, columns, options, nameof(targets), nameof(logits), sharedQ: false);
        BatchShape.CheckDestination(destination.Length, shape.Rows, nameof(logits));
        fixed (T* pp = targets)
        fixed (T* qq = logits)
        {
            var source = new RowSource<T>(pp, shape.Rows, columns, shape.PStride, qq, logits.Length, shape.QStride, null, new RowSettings(options.Normalize, labelSmoothing, null));
            RowDriver.Scores<RowMeasures.CrossEntropyFromLogits, T>(source, destination, logBase, options);
        }
    }

    private static unsafe double TargetLogits<T>(ReadOnlySpan<T> targets, ReadOnlySpan<T> logits, int columns, Reduction reduction, LogBase logBase, BatchOptions options, double labelSmoothing)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        BatchShape.CheckReduction(reduction);
        BatchShape.CheckSmoothing(labelSmoothing);
        BatchShape shape = BatchShape.OfPair(targets.Length, logits.Length, columns, options, nameof(targets), nameof(logits), sharedQ: false);
        fixed (T* pp = targets)
        fixed (T* qq = logits)
        {
            var source = new RowSource<T>(pp, shape.Rows, columns, shape.PStride, qq, logits.Length, shape.QStride, null, new RowSettings(options.Normalize, labelSmoothing, null));
            return RowDriver.Reduce<RowMeasures.CrossEntropyFromLogits, T>(source, reduction, logBase, options);
        }
    }

    private static unsafe void ClassLogits<T>(ReadOnlySpan<int> targets, ReadOnlySpan<T> logits, int columns, Span<T> destination, LogBase logBase, BatchOptions options, double labelSmoothing, int? ignoreIndex)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        options = NotNormalized(options);
        BatchShape.CheckSmoothing(labelSmoothing);
        int stride = BatchShape.SingleStride(options, columns);
        int rows = BatchShape.RowCount(logits.Length, columns, stride, nameof(logits));
        BatchShape.CheckTargets(targets, rows, columns, ignoreIndex);
        BatchShape.CheckDestination(destination.Length, rows, nameof(logits));
        fixed (T* pp = logits)
        fixed (int* tt = targets)
        {
            var source = new RowSource<T>(pp, rows, columns, stride, null, 0, 0, tt, new RowSettings(false, labelSmoothing, ignoreIndex));
            RowDriver.Scores<RowMeasures.CrossEntropyFromClassLogits, T>(source, destination, logBase, options);
        }
    }

    private static unsafe double ClassLogits<T>(ReadOnlySpan<int> targets, ReadOnlySpan<T> logits, int columns, Reduction reduction, LogBase logBase, BatchOptions options, double labelSmoothing, int? ignoreIndex)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        options = NotNormalized(options);
        BatchShape.CheckReduction(reduction);
        BatchShape.CheckSmoothing(labelSmoothing);
        int stride = BatchShape.SingleStride(options, columns);
        int rows = BatchShape.RowCount(logits.Length, columns, stride, nameof(logits));
        BatchShape.CheckTargets(targets, rows, columns, ignoreIndex);
        fixed (T* pp = logits)
        fixed (int* tt = targets)
        {
            var source = new RowSource<T>(pp, rows, columns, stride, null, 0, 0, tt, new RowSettings(false, labelSmoothing, ignoreIndex));
            return RowDriver.Reduce<RowMeasures.CrossEntropyFromClassLogits, T>(source, reduction, logBase, options);
        }
    }

    private const string NormalizeCounts = "it means nothing for counts: the Miller–Madow estimate divides by each row's total itself.";

    private const string NormalizeGaussians = "it means nothing for Gaussian KL: means and log-variances are not distributions to scale to sum 1.";

    private const string NormalizeLogits =
        "it applies to probabilities (and to the targets of cross-entropy from logits); logits and log-probabilities are used as given.";

    private static BatchOptions NotNormalizable(BatchOptions options, string why)
    {
        ThrowHelper.ThrowIfNormalizing(options, why);
        return options;
    }

    private static BatchOptions NotNormalized(BatchOptions options) => NotNormalizable(options, NormalizeLogits);
}
