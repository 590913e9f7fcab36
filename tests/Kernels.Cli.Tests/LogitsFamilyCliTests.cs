using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Kernels.Cli.IO;
using Xunit;

namespace Kernels.Cli.Tests;

/// <summary>
/// <c>kernels score</c> for the logits family, end to end in-process: cross-entropy from logits against class indices
/// (--targets, --label-smoothing, --ignore-index, --class-weights as a file and as a comma list) and binary
/// cross-entropy from logits (--pos-weight), each against the library's own batch call on the same numbers, and
/// the usage and data errors, each naming the option.
/// </summary>
public sealed class LogitsFamilyCliTests
{
    private static readonly double[][] Logits =
    [
        [2.0, -1.0, 0.5],
        [0.0, 0.0, double.NegativeInfinity],
        [-3.0, 4.0, 1.0],
        [1000.0, 1000.0, 0.0],
    ];

    private static readonly int[] Classes = [0, 1, -100, 2];

    private static string Csv(double[][] rows) =>
        "a,b,c\n" + string.Join("\n", rows.Select(r => string.Join(",", r.Select(v => double.IsNegativeInfinity(v) ? "-inf" : v.ToString("R", CultureInfo.InvariantCulture))))) + "\n";

    private static double[] ReadScores(string path)
    {
        using var stream = File.OpenRead(path);
        using IMatrixReader reader = Formats.OpenReader(stream, path, Formats.Detect(path, default), ColumnSelection.All);
        var values = new double[1 << 12];
        int n = reader.Read(values);
        return values.AsSpan(0, n * reader.Columns).ToArray();
    }

    private static double[] Flat(double[][] rows) => rows.SelectMany(r => r).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CrossEntropyAgainstClassIndicesWithEveryOption(bool listWeights)
    {
        using var folder = new TempFolder();
        string logits = folder.Write("z.csv", Csv(Logits));
        string targets = folder.Write("t.csv", string.Join("\n", Classes) + "\n");
        string weightsFile = folder.Write("w.csv", "0.5\n2\n1\n");
        string output = folder.File("ce.csv");
        CliRun run = CliRun.Of(new[]
        {
            "score", "-m", "cross-entropy", "--logits", logits, "--targets", targets, "--label-smoothing", "0.1", "--ignore-index", "-100",
            "--class-weights", listWeights ? "0.5,2,1" : weightsFile, "-o", output,
        });
        Assert.True(run.ExitCode == 0, run.ToString());
        double[] expected = new double[4];
        Batch.CrossEntropyFromLogits(Classes, Flat(Logits), [0.5, 2.0, 1.0], 3, expected, LogBase.E, default, 0.1, -100);
        Assert.Equal(expected, ReadScores(output));
        Assert.Equal(0.0, expected[2]);
    }

    [Fact]
    public void CrossEntropyAgainstClassIndicesWithoutWeights()
    {
        using var folder = new TempFolder();
        string logits = folder.Write("z.csv", Csv(Logits));
        string targets = folder.Write("t.csv", "0\n1\n2\n2\n");
        string output = folder.File("ce.csv");
        CliRun run = CliRun.Of(new[] { "score", "-m", "ce", "--logits", logits, "--targets", targets, "--precision", "float", "-o", output });
        Assert.True(run.ExitCode == 0, run.ToString());
        float[] expected = new float[4];
        Batch.CrossEntropyFromLogits([0, 1, 2, 2], Flat(Logits).Select(v => (float)v).ToArray(), 3, expected, LogBase.E);
        Assert.Equal(expected, ReadScores(output).Select(v => (float)v).ToArray()); // float scores are written as floats
    }

    [Fact]
    public void BinaryCrossEntropyFromLogitsWithPositiveWeights()
    {
        using var folder = new TempFolder();
        double[][] y = [[1, 0, 0.5], [0, 1, 1], [0.25, 0.75, 0], [1, 1, 1]];
        double[][] z = [[2, -1, 0.5], [0, 0, -40], [-3, 4, 1], [30, -30, 0]];
        string targets = folder.Write("y.csv", Csv(y));
        string logits = folder.Write("z.csv", Csv(z));
        foreach (string? positive in new[] { null, "1,3,0.5" })
        {
            string output = folder.File($"bce{positive?.Length}.csv");
            string[] args = new[] { "score", "-m", "binary-cross-entropy", "--logits", targets, "--q", logits, "-o", output }
                .Concat(positive is null ? [] : new[] { "--pos-weight", positive }).ToArray();
            CliRun run = CliRun.Of(args);
            Assert.True(run.ExitCode == 0, run.ToString());
            double[] expected = new double[4];
            if (positive is null) { Batch.BinaryCrossEntropyFromLogits(Flat(y), Flat(z), 3, expected); }
            else { Batch.BinaryCrossEntropyFromLogits(Flat(y), Flat(z), [1.0, 3.0, 0.5], 3, expected); }
            Assert.Equal(expected, ReadScores(output));
            Assert.Contains("nats", run.Stderr);
        }
    }

    [Theory]
    [InlineData(2, "--targets (class indices) applies to cross-entropy --logits", "score", "-m", "kl", "--logits", "z.csv", "--targets", "t.csv")]
    [InlineData(2, "--targets gives the classes: --q and --reference do not apply", "score", "-m", "ce", "--logits", "z.csv", "--targets", "t.csv", "--q", "z.csv")]
    [InlineData(2, "--label-smoothing must be in [0, 1]", "score", "-m", "ce", "--logits", "z.csv", "--targets", "t.csv", "--label-smoothing", "1.5")]
    [InlineData(2, "--label-smoothing applies to cross-entropy --logits", "score", "-m", "entropy", "z.csv", "--label-smoothing", "0.1")]
    [InlineData(2, "--class-weights applies to cross-entropy --logits against class indices", "score", "-m", "ce", "--logits", "z.csv", "--q", "z.csv", "--class-weights", "1,2,3")]
    [InlineData(2, "--ignore-index applies to cross-entropy --logits against class indices", "score", "-m", "ce", "--logits", "z.csv", "--q", "z.csv", "--ignore-index", "0")]
    [InlineData(2, "--pos-weight applies to binary-cross-entropy", "score", "-m", "ce", "--logits", "z.csv", "--targets", "t.csv", "--pos-weight", "1,2,3")]
    [InlineData(2, "binary-cross-entropy is computed from logits", "score", "-m", "bce", "z.csv", "--q", "z.csv")]
    [InlineData(2, "--base does not apply to binary-cross-entropy", "score", "-m", "bce", "--logits", "z.csv", "--q", "z.csv", "--base", "2")]
    [InlineData(2, "--class-weights: weight 1 ('x') is not a number", "score", "-m", "ce", "--logits", "z.csv", "--targets", "t.csv", "--class-weights", "1,x,3")]
    public void UsageErrorsNameTheOption(int exitCode, string message, params string[] args)
    {
        using var folder = new TempFolder();
        folder.Write("z.csv", Csv(Logits));
        folder.Write("t.csv", "0\n1\n2\n2\n");
        string[] resolved = args.Select(a => a.EndsWith(".csv", StringComparison.Ordinal) ? folder.File(a) : a).ToArray();
        CliRun run = CliRun.Of(resolved);
        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Contains(message, run.Stderr);
    }

    [Theory]
    [InlineData("0\n1\n3\n2\n", null, "class index 2 is 3; expected an integer in [0, 3)")]
    [InlineData("0\n1.5\n2\n2\n", null, "class index 1 is 1.5")]
    [InlineData("0\n1\n2\n", null, "holds 3 class indices but")]
    [InlineData("0\n1\n2\n2\n1\n", null, "has 4 rows but")]
    [InlineData("0\n1\n2\n2\n", "1,2", "--class-weights has 2 weights but the logits have 3 columns")]
    [InlineData("0\n1\n2\n2\n", "1,-2,3", "--class-weights: weight 1 is -2; a weight must be finite and ≥ 0")]
    public void DataErrorsNameTheFileAndThePosition(string targets, string? weights, string message)
    {
        using var folder = new TempFolder();
        string logits = folder.Write("z.csv", Csv(Logits));
        string classes = folder.Write("t.csv", targets);
        string[] args = new[] { "score", "-m", "ce", "--logits", logits, "--targets", classes, "-o", folder.File("o.csv") }
            .Concat(weights is null ? [] : new[] { "--class-weights", weights }).ToArray();
        CliRun run = CliRun.Of(args);
        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains(message, run.Stderr);
    }
}
