using System;
using System.CommandLine;
using System.Globalization;
using Kernels.Cli.IO;
using Kernels.Cli.Scoring;

namespace Kernels.Cli.Commands;

/// <summary><c>kernels score</c>: its options, their parsing into a checked <see cref="ScoreRequest"/>, and the run
/// (<see cref="ScoreJob"/>), whose summary goes to stderr.</summary>
internal static class ScoreCommand
{
    /// <summary>The command, its action bound to <paramref name="context"/>.</summary>
    public static Command Create(CommandContext context)
    {
        var measure = new Option<string>("--measure", "-m")
        {
            Description = "entropy | cross-entropy | kl | js | js-distance | binary-cross-entropy | hellinger | total-variation | chi-square | neyman-chi-square | bhattacharyya",
            Required = true,
        };
        var logBase = new Option<string>("--base", "-b") { Description = "Log base of the scores: 2, e, 10 or any number > 0, ≠ 1", DefaultValueFactory = _ => "e" };
        var normalize = new Option<bool>("--normalize") { Description = "Scale each row (and q row) to sum 1 first (SciPy's convention); a row that sums to 0 scores NaN" };
        var precision = new Option<string>("--precision") { Description = "float | double: read, compute and write in this precision", DefaultValueFactory = _ => "double" };
        var input = new Argument<string>("input") { Description = "Rows to score (p): a CSV, NPY, Arrow or Parquet file, or - for stdin" };
        var reference = new Option<string?>("--reference", "-r") { Description = "One distribution every row is scored against (drift against a reference): one row, or one value per line" };
        var q = new Option<string?>("--q") { Description = "A second file with one row per row of the input (q in D(p‖q))" };
        var columns = new Option<string?>("--columns", "-c") { Description = "Columns to read, by name or zero-based index: p0,p1 or 2,5-9 (default: all)" };
        var format = new Option<string>("--format", "-f") { Description = "Input format: auto | csv | npy | arrow | parquet (auto: extension, then content)", DefaultValueFactory = _ => "auto" };
        var outputFormat = new Option<string>("--output-format") { Description = "Output format: auto | csv | npy | arrow | parquet (auto: the output's extension; CSV on stdout)", DefaultValueFactory = _ => "auto" };
        var output = new Option<string>("--output", "-o") { Description = "Where the scores go, or - for stdout (written to a temporary file and renamed on success)", DefaultValueFactory = _ => "-" };
        var threads = new Option<int>("--threads", "-t") { Description = "Most threads to use (0: every core)", DefaultValueFactory = _ => 0 };
        var logits = new Option<bool>("--logits") { Description = "Inputs are logits (entropy; cross-entropy with the logits in --q) or log-probabilities (kl)" };
        var targets = new Option<string?>("--targets") { Description = "Class indices, one integer per row of logits (cross-entropy --logits: the input is then the logits), PyTorch's cross_entropy(z, target)" };
        var labelSmoothing = new Option<double>("--label-smoothing") { Description = "ε in [0, 1]: the target puts 1 − ε on its class and ε/k on every class (cross-entropy --logits)", DefaultValueFactory = _ => 0.0 };
        var ignoreIndex = new Option<int?>("--ignore-index") { Description = "Rows whose class index is this score 0 and do not count towards the mean (with --targets)" };
        var classWeights = new Option<string?>("--class-weights") { Description = "One weight ≥ 0 per class, a file or a comma list (with --targets), PyTorch's weight=: each row scores w[target]·loss" };
        var positiveWeights = new Option<string?>("--pos-weight") { Description = "One weight ≥ 0 per column, a file or a comma list (binary-cross-entropy), PyTorch's pos_weight=" };
        var header = new Option<string>("--header") { Description = "Whether the first row of a CSV is a header: auto (a row of names is; a row mixing names and numbers is an error) | yes | no", DefaultValueFactory = _ => "auto" };

        var score = new Command("score", $"Score every row of a file: one score per row to the output, a summary (rows, mean, min, max, p50, p95, NaN and ±∞ counts) on stderr. Inputs are streamed in chunks of {ScoreJob.ChunkValues:N0} values (the next read while the current is scored): memory stays about 16 MB per input (double) plus the summary's 8 MB, whatever the file size.")
        {
            measure, logBase, normalize, precision, input, reference, q, columns, format, output, outputFormat, threads, logits, header,
            targets, labelSmoothing, ignoreIndex, classWeights, positiveWeights,
        };
        score.SetAction(result => Cli.Guard(context.Stderr, () =>
        {
            ScoreRequest request = Request(result.GetValue(measure)!, result.GetValue(logBase)!, result.GetValue(normalize), result.GetValue(precision)!,
                result.GetValue(input)!, result.GetValue(reference), result.GetValue(q), result.GetValue(columns), result.GetValue(format)!,
                result.GetValue(output)!, result.GetValue(outputFormat)!, result.GetValue(threads), result.GetValue(logits), result.GetValue(header)!)
                with
                {
                    Targets = result.GetValue(targets),
                    LabelSmoothing = result.GetValue(labelSmoothing),
                    IgnoreIndex = result.GetValue(ignoreIndex),
                    ClassWeights = result.GetValue(classWeights),
                    PositiveWeights = result.GetValue(positiveWeights),
                };
            request = request.Validate() is string problem ? throw new UsageException(problem) : request;
            Summary summary = ScoreJob.Run(request, context.Stdin, context.Stdout, context.Stderr, context.Interactive, context.Token);
            string unit = Names.InLogUnits(request.Measure) ? BaseUnit(request.Base) : "no unit";
            context.Stderr.WriteLine($"{Names.Of(request.Measure)} ({unit}): {summary.Format(Names.InLogUnits(request.Measure) ? unit : string.Empty)}");
            return Cli.Success;
        }));
        return score;
    }

    /// <summary>The unit of scores in a log base: bits, nats, hartleys, or "base b".</summary>
    public static string BaseUnit(LogBase logBase) => logBase == LogBase.Two ? "bits" : logBase == LogBase.E ? "nats" : logBase == LogBase.Ten ? "hartleys" : $"base {logBase}";

    private static ScoreRequest Request(string measure, string logBase, bool normalize, string precision, string input, string? reference, string? q,
        string? columns, string format, string output, string outputFormat, int threads, bool logits, string header)
    {
        bool? hasHeader = header.ToLowerInvariant() switch
        {
            "auto" => null,
            "yes" or "true" => true,
            "no" or "false" => false,
            _ => throw new UsageException($"unknown --header '{header}': use auto, yes or no."),
        };
        Measure which = Names.Parse(measure) ?? throw new UsageException($"unknown --measure '{measure}': use {Names.All}.");
        bool single = precision.ToLowerInvariant() switch
        {
            "float" or "single" or "f32" => true,
            "double" or "f64" => false,
            _ => throw new UsageException($"unknown --precision '{precision}': use float or double."),
        };
        ColumnSelection selection;
        try
        {
            selection = columns is null ? ColumnSelection.All : ColumnSelections.Parse(columns);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--columns: {e.Message}");
        }

        var request = new ScoreRequest(which, ParseBase(logBase), normalize, single, input, reference, q, selection, ParseFormat(format, "--format"),
            output, ParseFormat(outputFormat, "--output-format"), threads, logits, hasHeader);
        return request; // validated by the caller, with the logits family's options
    }

    private static LogBase ParseBase(string text)
    {
        switch (text.ToLowerInvariant())
        {
            case "e":
                return LogBase.E;
            case "2":
                return LogBase.Two;
            case "10":
                return LogBase.Ten;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new UsageException($"--base '{text}' is not a number: use 2, e, 10 or a number > 0 other than 1.");
        }

        try
        {
            return LogBase.Of(value);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new UsageException($"--base {text}: a log base must be finite, greater than 0 and not 1.");
        }
    }

    private static DataFormat ParseFormat(string text, string option) => text.ToLowerInvariant() switch
    {
        "auto" => DataFormat.Auto,
        "csv" or "tsv" => DataFormat.Csv,
        "npy" => DataFormat.Npy,
        "arrow" or "feather" or "ipc" => DataFormat.Arrow,
        "parquet" => DataFormat.Parquet,
        _ => throw new UsageException($"unknown {option} '{text}': use auto, csv, npy, arrow or parquet."),
    };
}
