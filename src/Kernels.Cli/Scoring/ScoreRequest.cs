using Kernels.Cli.IO;

namespace Kernels.Cli.Scoring;

/// <summary>Everything one <c>kernels score</c> run needs, checked for consistency by <see cref="Validate"/>.</summary>
/// <param name="Measure">What to score.</param>
/// <param name="Base">The log base of the scores.</param>
/// <param name="Normalize">SciPy normalization of each row (p and q scaled to sum 1), for every measure of probabilities.</param>
/// <param name="Single">Compute and write in float (else double).</param>
/// <param name="Input">Path of p (the rows), or "-" for stdin.</param>
/// <param name="Reference">One row every row of p is scored against (drift), or null.</param>
/// <param name="Q">A second file with one row per row of p, or null.</param>
/// <param name="Columns">Which columns of p (and q) to read.</param>
/// <param name="Format">Format of the inputs.</param>
/// <param name="Output">Path of the scores, or "-" for stdout.</param>
/// <param name="OutputFormat">Format of the scores (Auto: from the output's extension, CSV on stdout).</param>
/// <param name="Threads">Most threads (0: every core).</param>
/// <param name="Logits">Inputs are logits (entropy, cross-entropy: the model side) or log-probabilities (KL).</param>
/// <param name="Header">Whether the first row of a CSV input is a header (null: detected).</param>
/// <param name="Targets">A file of class indices, one per row of logits (cross-entropy --logits against classes), or null.</param>
/// <param name="LabelSmoothing">ε of label smoothing (cross-entropy --logits), 0 for none.</param>
/// <param name="IgnoreIndex">The class index whose rows score 0 and do not count (with --targets), or null.</param>
/// <param name="ClassWeights">Per-class weights (with --targets): a file or a comma list, or null.</param>
/// <param name="PositiveWeights">Per-column positive weights of binary cross-entropy: a file or a comma list, or null.</param>
internal sealed record ScoreRequest(
    Measure Measure,
    LogBase Base,
    bool Normalize,
    bool Single,
    string Input,
    string? Reference,
    string? Q,
    ColumnSelection Columns,
    DataFormat Format,
    string Output,
    DataFormat OutputFormat,
    int Threads,
    bool Logits,
    bool? Header = null,
    string? Targets = null,
    double LabelSmoothing = 0.0,
    int? IgnoreIndex = null,
    string? ClassWeights = null,
    string? PositiveWeights = null)
{
    /// <summary>A usage error for an inconsistent combination, or null when the request makes sense.</summary>
    public string? Validate()
    {
        if (LogitsFamilyProblem() is string problem)
        {
            return problem;
        }

        bool pair = Measure != Measure.Entropy && Targets is null;
        if (Reference is not null && Q is not null)
        {
            return "--reference and --q cannot be used together: --reference is one row for every row, --q a file with one row per row.";
        }

        if (pair && Reference is null && Q is null)
        {
            return $"--measure {Names.Of(Measure)} compares two distributions: give --reference FILE (one row) or --q FILE (one row per row).";
        }

        if (!pair && (Reference is not null || Q is not null))
        {
            return "--measure entropy takes one input; --reference and --q do not apply.";
        }

        if (Logits && Measure is Measure.JensenShannon or Measure.JensenShannonDistance)
        {
            return "--logits applies to entropy (logits), cross-entropy (logits in --q) and kl (log-probabilities in both inputs), not to js.";
        }

        if (Logits && Measure == Measure.CrossEntropy && Q is null && Targets is null)
        {
            return "--logits with cross-entropy needs the logits as --q FILE (one row per row of targets), or the logits as input and --targets FILE of class indices.";
        }

        if (Logits && Normalize && Measure != Measure.CrossEntropy)
        {
            return "--normalize does not apply to logits or log-probabilities (the softmax normalizes them).";
        }

        if (Measure == Measure.BinaryCrossEntropy && Base != LogBase.E)
        {
            return "--base does not apply to binary-cross-entropy: its scores are in nats, as PyTorch's.";
        }

        if (Names.FromMeasures(Measure) && Logits)
        {
            return $"--logits applies to entropy, cross-entropy and kl, not to {Names.Of(Measure)}.";
        }

        if (!Names.InLogUnits(Measure) && Base != LogBase.E)
        {
            return $"--base does not apply to {Names.Of(Measure)}: it has no logarithm (its scores have no unit).";
        }

        if (Threads < 0)
        {
            return $"--threads must be 0 (every core) or positive; got {Threads}.";
        }

        return null;
    }

    /// <summary>The options of the logits family (class indices, label smoothing, weights, binary cross-entropy).</summary>
    private string? LogitsFamilyProblem()
    {
        bool classes = Targets is not null;
        if (classes && !(Measure == Measure.CrossEntropy && Logits))
        {
            return "--targets (class indices) applies to cross-entropy --logits: the input is the logits, --targets one class index per row.";
        }

        if (classes && (Q is not null || Reference is not null))
        {
            return "--targets gives the classes: --q and --reference do not apply (the input is the logits).";
        }

        if (classes && Normalize)
        {
            return "--normalize does not apply to class indices.";
        }

        if (LabelSmoothing != 0.0 && !(Measure == Measure.CrossEntropy && Logits))
        {
            return "--label-smoothing applies to cross-entropy --logits.";
        }

        if (!(LabelSmoothing >= 0.0 && LabelSmoothing <= 1.0))
        {
            return $"--label-smoothing must be in [0, 1]; got {LabelSmoothing.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.";
        }

        if ((IgnoreIndex is not null || ClassWeights is not null) && !classes)
        {
            return $"{(IgnoreIndex is not null ? "--ignore-index" : "--class-weights")} applies to cross-entropy --logits against class indices (--targets FILE).";
        }

        if (PositiveWeights is not null && Measure != Measure.BinaryCrossEntropy)
        {
            return "--pos-weight applies to binary-cross-entropy.";
        }

        if (Measure == Measure.BinaryCrossEntropy && (!Logits || Q is null || Reference is not null))
        {
            return "binary-cross-entropy is computed from logits: give --logits, the targets as input and the logits as --q FILE (one row per row).";
        }

        if (Measure == Measure.BinaryCrossEntropy && Normalize)
        {
            return "--normalize does not apply to binary-cross-entropy (each element is its own Bernoulli).";
        }

        return null;
    }
}
