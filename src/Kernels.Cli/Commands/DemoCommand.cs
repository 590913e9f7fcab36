using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Kernels.Cli.IO;
using Kernels.Cli.Scoring;

namespace Kernels.Cli.Commands;

/// <summary><c>kernels demo</c>: scores the sample data bundled with the tool (see Data/make-sample-data.py) through
/// the same readers and batch kernels as <c>score</c>, and prints what a user would look at.</summary>
internal static class DemoCommand
{
    /// <summary>The command, its action bound to <paramref name="context"/>.</summary>
    public static Command Create(CommandContext context)
    {
        var demo = new Command("demo", "Score the sample data bundled with the tool (model predictions against targets, daily histograms against a reference) and print a summary");
        demo.SetAction(_ => Cli.Guard(context.Stderr, () => Run(context.StdoutText, context.Token)));
        return demo;
    }

    /// <summary>Scores the sample data and prints the report to <paramref name="output"/>.</summary>
    public static int Run(TextWriter output, CancellationToken token)
    {
        string data = Path.Combine(AppContext.BaseDirectory, "Data");
        if (!File.Exists(Path.Combine(data, "predictions.csv")))
        {
            throw new UsageException($"the sample data is missing: {data} should hold predictions.csv, targets.csv, logits.npy, histograms.npy and reference.csv.");
        }

        var clock = Stopwatch.StartNew();
        output.WriteLine("kernels demo: the sample data bundled with the tool (" + data + ")");
        output.WriteLine();
        ModelScoring(output, data, token);
        output.WriteLine();
        Drift(output, data, token);
        output.WriteLine();
        output.WriteLine(FormattableString.Invariant($"Done in {clock.Elapsed.TotalMilliseconds:F0} ms, reading and scoring included. Score your own files with 'kernels score --help'."));
        return Cli.Success;
    }

    private static void ModelScoring(TextWriter output, string data, CancellationToken token)
    {
        (double[] predictions, int classes) = ReadAll(Path.Combine(data, "predictions.csv"), token);
        (double[] targets, _) = ReadAll(Path.Combine(data, "targets.csv"), token);
        (double[] logitValues, _) = ReadAll(Path.Combine(data, "logits.npy"), token);
        float[] logits = Array.ConvertAll(logitValues, v => (float)v);
        int rows = predictions.Length / classes;
        int[] labels = Enumerable.Range(0, rows).Select(r => ArgMax(targets.AsSpan(r * classes, classes))).ToArray();
        int correct = Enumerable.Range(0, rows).Count(r => ArgMax(predictions.AsSpan(r * classes, classes)) == labels[r]);

        var crossEntropy = new double[rows];
        var entropy = new double[rows];
        var entropyFromLogits = new float[rows];
        Batch.CrossEntropy(targets, predictions, classes, crossEntropy, LogBase.Two);
        Batch.Entropy(predictions, classes, entropy, LogBase.Two);
        Batch.EntropyFromLogits(logits, classes, entropyFromLogits, LogBase.Two);
        double logLoss = Batch.CrossEntropyFromLogits(labels, logits, classes, Reduction.Mean, LogBase.E);
        double smoothed = Batch.CrossEntropyFromLogits(labels, logits, classes, Reduction.Mean, LogBase.E, labelSmoothing: 0.1);
        double agreement = Enumerable.Range(0, rows).Max(r => Math.Abs(entropy[r] - entropyFromLogits[r]));

        output.WriteLine(FormattableString.Invariant($"1. Model scoring: {rows:N0} predicted distributions over {classes} classes (predictions.csv) against one-hot targets (targets.csv)"));
        output.WriteLine(FormattableString.Invariant($"   accuracy {100.0 * correct / rows:F1}%"));
        output.WriteLine($"   cross-entropy per row (bits):  {Stats(crossEntropy)}");
        output.WriteLine($"   entropy of each prediction (bits, the model's uncertainty):  {Stats(entropy)}");
        output.WriteLine(FormattableString.Invariant($"   from the logits (logits.npy, float32): mean log loss {logLoss:F4} nats ({logLoss / Math.Log(2):F4} bits), with label smoothing 0.1: {smoothed:F4} nats"));
        output.WriteLine(FormattableString.Invariant($"   entropy from logits agrees with entropy of the probabilities to {agreement:G2} bits (the CSV keeps 6 digits)"));
        int[] uncertain = Enumerable.Range(0, rows).OrderByDescending(r => entropy[r]).Take(3).ToArray();
        output.WriteLine("   most uncertain rows: " + string.Join(", ", uncertain.Select(r => FormattableString.Invariant($"#{r + 1} ({entropy[r]:F2} bits)"))));
        int confidentAndWrong = Enumerable.Range(0, rows).Count(r => entropy[r] < 1.0 && crossEntropy[r] > 3.0);
        output.WriteLine(FormattableString.Invariant($"   confident (H < 1 bit) but wrong (CE > 3 bits): {confidentAndWrong:N0} rows"));
    }

    private static void Drift(TextWriter output, string data, CancellationToken token)
    {
        (double[] histograms, int bins) = ReadAll(Path.Combine(data, "histograms.npy"), token);
        double[] reference = Inputs.ReadReference(Path.Combine(data, "reference.csv"), DataFormat.Auto, Stream.Null);
        int days = histograms.Length / bins;
        var distance = new double[days];
        var divergence = new double[days];
        var normalized = new BatchOptions { Normalize = true };
        Batch.JensenShannonDistance(histograms, reference, bins, distance, LogBase.Two, normalized);
        Batch.KullbackLeibler(histograms, reference, bins, divergence, LogBase.Two, normalized);

        double[] baseline = distance.Take(30).ToArray();
        double threshold = 2.0 * baseline.Max();
        int firstDrift = Array.FindIndex(distance, d => d > threshold);
        output.WriteLine(FormattableString.Invariant($"2. Drift: {days} daily histograms of {bins} bins (histograms.npy, counts) against a reference (reference.csv), each normalized"));
        output.WriteLine($"   Jensen–Shannon distance per day (bits): {Sparkline(distance)}");
        output.WriteLine($"   days 1–30: {Stats(baseline)}");
        output.WriteLine($"   days {days - 9}–{days}: {Stats(distance.Skip(days - 10).ToArray())}");
        output.WriteLine(firstDrift < 0
            ? FormattableString.Invariant($"   no day above twice the first month's largest distance ({threshold:F4})")
            : FormattableString.Invariant($"   first day above twice the first month's largest distance ({threshold:F4}): day {firstDrift + 1} (JS {distance[firstDrift]:F4}, KL {divergence[firstDrift]:F4} bits)"));
    }

    private static (double[] Values, int Columns) ReadAll(string path, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        (double[] values, int columns, _) = Inputs.ReadAll(path, DataFormat.Auto, Stream.Null);
        return (values, columns);
    }

    private static int ArgMax(ReadOnlySpan<double> row)
    {
        int best = 0;
        for (int i = 1; i < row.Length; i++)
        {
            best = row[i] > row[best] ? i : best;
        }

        return best;
    }

    private static string Stats(double[] values)
    {
        var summary = new Summary();
        summary.Add(values);
        return FormattableString.Invariant($"mean {summary.Mean:F4}  p50 {summary.Percentile(0.5):F4}  p95 {summary.Percentile(0.95):F4}  max {summary.Max:F4}");
    }

    private static string Sparkline(double[] values)
    {
        const string bars = "▁▂▃▄▅▆▇█";
        double max = values.Max();
        var text = new StringBuilder();
        foreach (double v in values)
        {
            text.Append(bars[Math.Clamp((int)(v / max * (bars.Length - 1) + 0.5), 0, bars.Length - 1)]);
        }

        return text.ToString();
    }
}
