using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Kernels.Cli.IO;
using Xunit;

namespace Kernels.Cli.Tests;

/// <summary>End to end: the tool run on temporary files, every path through <c>score</c>, the exit codes and messages
/// of the issue's error list, and the demo.</summary>
public sealed class CliTests
{
    private static readonly double[][] P =
    {
        new[] { 0.5, 0.25, 0.25, 0.0 },
        new[] { 0.1, 0.2, 0.3, 0.4 },
        new[] { 1.0, 0.0, 0.0, 0.0 },
    };

    private static readonly double[] Reference = { 0.25, 0.25, 0.25, 0.25 };

    private static string Csv(double[][] rows, bool header = true) =>
        (header ? "a,b,c,d\n" : string.Empty) + string.Join("\n", rows.Select(r => string.Join(",", r.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))) + "\n";

    private static double[] ReadScores(string path)
    {
        using var stream = File.OpenRead(path);
        using IMatrixReader reader = Formats.OpenReader(stream, path, Formats.Detect(path, default), ColumnSelection.All);
        var values = new double[1 << 16];
        int n = reader.Read(values);
        return values.AsSpan(0, n * reader.Columns).ToArray();
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1.0, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void HelpListsTheCommandsAndExitsZero()
    {
        CliRun run = CliRun.Of(new[] { "--help" });
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("score", run.Stdout);
        Assert.Contains("demo", run.Stdout);
        Assert.Contains("bench", run.Stdout);

        CliRun score = CliRun.Of(new[] { "score", "--help" });
        Assert.Equal(0, score.ExitCode);
        Assert.Contains("--measure", score.Stdout);
        Assert.Contains("8 MB", score.Stdout);
    }

    [Fact]
    public void EntropyOfACsvFileMatchesTheLibraryRowByRow()
    {
        using var folder = new TempFolder();
        string input = folder.Write("p.csv", Csv(P));
        string output = folder.File("h.csv");
        CliRun run = CliRun.Of(new[] { "score", "--measure", "entropy", "--base", "2", input, "-o", output });
        Assert.True(run.ExitCode == 0, run.ToString());
        double[] scores = ReadScores(output);
        Assert.Equal(P.Length, scores.Length);
        for (int r = 0; r < P.Length; r++)
        {
            AssertClose(Information.Entropy(P[r], LogBase.Two), scores[r]);
        }

        Assert.Contains("rows 3", run.Stderr);
        Assert.Contains("p95", run.Stderr);
        Assert.Contains("NaN 0", run.Stderr);
        Assert.Single(Directory.GetFiles(folder.Path, "*.csv"), f => f.EndsWith("h.csv", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Theory]
    [InlineData("kl")]
    [InlineData("js")]
    [InlineData("js-distance")]
    [InlineData("cross-entropy")]
    public void EveryRowAgainstAReferenceRow(string measure)
    {
        using var folder = new TempFolder();
        string input = folder.Write("p.csv", Csv(P));
        string reference = folder.Write("ref.csv", "a,b,c,d\n0.25,0.25,0.25,0.25\n");
        string output = folder.File("s.csv");
        CliRun run = CliRun.Of(new[] { "score", "-m", measure, input, "--reference", reference, "-o", output });
        Assert.True(run.ExitCode == 0, run.ToString());
        double[] scores = ReadScores(output);
        for (int r = 0; r < P.Length; r++)
        {
            double expected = measure switch
            {
                "kl" => Information.KullbackLeibler(P[r], Reference),
                "js" => Information.JensenShannonDivergence(P[r], Reference),
                "js-distance" => Information.JensenShannonDistance(P[r], Reference),
                _ => Information.CrossEntropy(P[r], Reference),
            };
            AssertClose(expected, scores[r]);
        }
    }

    [Theory]
    [InlineData("hellinger", "double")]
    [InlineData("total-variation", "double")]
    [InlineData("chi-square", "double")]
    [InlineData("neyman-chi-square", "float")]
    [InlineData("bhattacharyya", "float")]
    [InlineData("bhattacharyya", "double")]
    public void TheOtherMeasuresScoreEveryRowAsMeasuresDoes(string measure, string precision)
    {
        // Against one reference row and against a row-aligned q file; Bhattacharyya in bits (it has a logarithm).
        using var folder = new TempFolder();
        double[][] q = P.Select(r => r.Reverse().Select(v => v + 0.05).ToArray()).ToArray();
        string input = folder.Write("p.csv", Csv(P));
        string reference = folder.Write("ref.csv", "a,b,c,d\n0.25,0.25,0.25,0.25\n");
        string second = folder.Write("q.csv", Csv(q));
        string[] logBase = measure == "bhattacharyya" ? ["--base", "2"] : [];
        foreach ((string option, string file) in new[] { ("--reference", reference), ("--q", second) })
        {
            string output = folder.File($"{measure}{option}.csv");
            CliRun run = CliRun.Of([.. new[] { "score", "-m", measure, "--precision", precision, input, option, file, "-o", output }, .. logBase]);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains(measure == "bhattacharyya" ? "(bits)" : "(no unit)", run.Stderr);
            double[] scores = ReadScores(output);
            for (int r = 0; r < P.Length; r++)
            {
                double[] other = option == "--q" ? q[r] : Reference;
                double expected = measure switch
                {
                    "hellinger" => Measures.Hellinger(P[r], other),
                    "total-variation" => Measures.TotalVariation(P[r], other),
                    "chi-square" => Measures.PearsonChiSquare(P[r], other),
                    "neyman-chi-square" => Measures.NeymanChiSquare(P[r], other),
                    _ => Measures.BhattacharyyaDistance(P[r], other, LogBase.Two),
                };
                if (precision == "float")
                {
                    Assert.Equal(expected, scores[r], Math.Max(1e-6 * Math.Abs(expected), 1e-6));
                }
                else
                {
                    AssertClose(expected, scores[r]);
                }
            }
        }
    }

    [Theory]
    [InlineData("hellinger", "double")]
    [InlineData("total-variation", "float")]
    [InlineData("chi-square", "double")]
    [InlineData("neyman-chi-square", "double")]
    [InlineData("bhattacharyya", "double")]
    [InlineData("bhattacharyya", "float")]
    public void TheOtherMeasuresNormalizeAndUseThreadsThroughBatch(string measure, string precision)
    {
        // Counts against a row-aligned q of other counts: --normalize scales both rows to sum 1 (as Batch does), and
        // --threads 1 or 2 gives the same bits.
        using var folder = new TempFolder();
        double[][] counts = P.Select(r => r.Select(v => (v * 40) + 1).ToArray()).ToArray();
        double[][] q = P.Select(r => r.Reverse().Select(v => (v * 7) + 0.5).ToArray()).ToArray();
        string input = folder.Write("p.csv", Csv(counts));
        string second = folder.Write("q.csv", Csv(q));
        string one = folder.File("one.csv"), two = folder.File("two.csv");
        string[] logBase = measure == "bhattacharyya" ? ["--base", "2"] : [];
        CliRun run = CliRun.Of([.. new[] { "score", "-m", measure, "--normalize", "--threads", "1", "--precision", precision, input, "--q", second, "-o", one }, .. logBase]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0, CliRun.Of([.. new[] { "score", "-m", measure, "--normalize", "--threads", "2", "--precision", precision, input, "--q", second, "-o", two }, .. logBase]).ExitCode);
        Assert.Equal(File.ReadAllText(one), File.ReadAllText(two));
        double[] scores = ReadScores(one);
        for (int r = 0; r < P.Length; r++)
        {
            double[] pn = counts[r].Select(v => v / counts[r].Sum()).ToArray(), qn = q[r].Select(v => v / q[r].Sum()).ToArray();
            double expected = measure switch
            {
                "hellinger" => Measures.Hellinger(pn, qn),
                "total-variation" => Measures.TotalVariation(pn, qn),
                "chi-square" => Measures.PearsonChiSquare(pn, qn),
                "neyman-chi-square" => Measures.NeymanChiSquare(pn, qn),
                _ => Measures.BhattacharyyaDistance(pn, qn, LogBase.Two),
            };
            if (precision == "float")
            {
                Assert.Equal(expected, scores[r], Math.Max(1e-6 * Math.Abs(expected), 1e-6));
            }
            else
            {
                AssertClose(expected, scores[r]);
            }
        }
    }

    [Fact]
    public void RowAlignedQFileAndNormalization()
    {
        using var folder = new TempFolder();
        double[][] counts = P.Select(r => r.Select(v => v * 40).ToArray()).ToArray();
        double[][] q = P.Select(r => r.Reverse().Select(v => v + 0.05).ToArray()).ToArray();
        string input = folder.Write("p.csv", Csv(counts));
        string second = folder.Write("q.csv", Csv(q));
        string output = folder.File("kl.csv");
        CliRun run = CliRun.Of(new[] { "score", "-m", "kl", "--normalize", input, "--q", second, "-o", output });
        Assert.True(run.ExitCode == 0, run.ToString());
        double[] scores = ReadScores(output);
        for (int r = 0; r < P.Length; r++)
        {
            AssertClose(Information.Normalized.KullbackLeibler(counts[r], q[r]), scores[r]);
        }
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("npy")]
    [InlineData("arrow")]
    [InlineData("parquet")]
    public void EveryOutputFormatRoundTrips(string format)
    {
        using var folder = new TempFolder();
        string input = folder.Write("p.csv", Csv(P));
        string output = folder.File("h." + format);
        CliRun run = CliRun.Of(new[] { "score", "-m", "entropy", input, "-o", output });
        Assert.True(run.ExitCode == 0, run.ToString());
        double[] scores = ReadScores(output);
        Assert.Equal(P.Length, scores.Length);
        for (int r = 0; r < P.Length; r++)
        {
            AssertClose(Information.Entropy(P[r]), scores[r]);
        }
    }

    [Theory]
    [InlineData("npy")]
    [InlineData("arrow")]
    [InlineData("parquet")]
    public void EveryInputFormatIsRead(string format)
    {
        // Write the rows as a one-column file per row value would not be a matrix: write a 4-column file through the
        // tool itself is not possible (it writes scores), so convert: score each column into a file, then read back.
        using var folder = new TempFolder();
        string csv = folder.Write("p.csv", Csv(P));
        string converted = folder.File("p." + format);
        TestFiles.Write(converted, P);
        string output = folder.File("h.csv");
        CliRun run = CliRun.Of(new[] { "score", "-m", "entropy", converted, "-o", output });
        Assert.True(run.ExitCode == 0, run.ToString());
        double[] scores = ReadScores(output);
        for (int r = 0; r < P.Length; r++)
        {
            AssertClose(Information.Entropy(P[r]), scores[r]);
        }

        Assert.True(File.Exists(csv));
    }

    [Fact]
    public void StdinToStdout()
    {
        CliRun run = CliRun.Of(new[] { "score", "-m", "entropy", "-", "-o", "-" }, Encoding.UTF8.GetBytes(Csv(P, header: false)));
        Assert.True(run.ExitCode == 0, run.ToString());
        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(P.Length + 1, lines.Length); // header + one score per row
        AssertClose(Information.Entropy(P[1]), double.Parse(lines[2], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ColumnsAreSelectedByNameOrIndex()
    {
        using var folder = new TempFolder();
        string input = folder.Write("p.csv", "id,a,b,c,d\n" + string.Join("\n", P.Select((r, i) => i + "," + string.Join(",", r.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))) + "\n");
        foreach (string selection in new[] { "a,b,c,d", "1-4" })
        {
            string output = folder.File("h.csv");
            CliRun run = CliRun.Of(new[] { "score", "-m", "entropy", input, "--columns", selection, "-o", output });
            Assert.True(run.ExitCode == 0, run.ToString());
            double[] scores = ReadScores(output);
            AssertClose(Information.Entropy(P[1]), scores[1]);
        }
    }

    [Fact]
    public void NaNAndNegativeValuesFollowTheSemanticsAndAreCounted()
    {
        using var folder = new TempFolder();
        string input = folder.Write("p.csv", "a,b\n0.5,0.5\nNaN,0.5\n-0.5,0.5\n");
        CliRun run = CliRun.Of(new[] { "score", "-m", "entropy", input, "-o", folder.File("h.csv") });
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("NaN 1", run.Stderr);
        Assert.Contains("-inf 1", run.Stderr);
    }

    [Theory]
    [InlineData("float")]
    [InlineData("double")]
    public void PrecisionAndThreads(string precision)
    {
        using var folder = new TempFolder();
        var random = new Random(3);
        double[][] rows = Enumerable.Range(0, 5000).Select(_ => Enumerable.Range(0, 20).Select(_ => random.NextDouble()).ToArray()).ToArray();
        string input = folder.Write("p.csv", Csv(rows.Select(r => r.Take(4).ToArray()).ToArray()));
        string one = folder.File("one.csv"), two = folder.File("two.csv");
        Assert.Equal(0, CliRun.Of(new[] { "score", "-m", "entropy", "--precision", precision, "--threads", "1", input, "-o", one }).ExitCode);
        Assert.Equal(0, CliRun.Of(new[] { "score", "-m", "entropy", "--precision", precision, "--threads", "2", input, "-o", two }).ExitCode);
        Assert.Equal(File.ReadAllText(one), File.ReadAllText(two));
    }

    [Fact]
    public void EntropyFromLogits()
    {
        using var folder = new TempFolder();
        string input = folder.Write("z.csv", "a,b,c\n0,0,-inf\n0,-inf,-inf\n1000,1000,0\n");
        string output = folder.File("h.csv");
        CliRun run = CliRun.Of(new[] { "score", "-m", "entropy", "--logits", input, "-o", output });
        Assert.True(run.ExitCode == 0, run.ToString());
        double[] scores = ReadScores(output);
        AssertClose(Math.Log(2), scores[0]);
        AssertClose(0.0, scores[1]);
        AssertClose(Math.Log(2), scores[2]);
    }

    // ---- errors: exit code 2 (usage) ----

    [Theory]
    [InlineData("unknown --measure 'entropi'", "score", "-m", "entropi", "p.csv")]
    [InlineData("input file not found", "score", "-m", "entropy", "missing.csv")]
    [InlineData("--reference and --q cannot be used together", "score", "-m", "kl", "p.csv", "--reference", "p.csv", "--q", "p.csv")]
    [InlineData("compares two distributions", "score", "-m", "kl", "p.csv")]
    [InlineData("--base", "score", "-m", "entropy", "--base", "1", "p.csv")]
    [InlineData("unknown --precision", "score", "-m", "entropy", "--precision", "half", "p.csv")]
    [InlineData("--measure", "score", "p.csv")]
    [InlineData("Unrecognized", "score", "-m", "entropy", "--nope", "p.csv")]
    [InlineData("--logits applies to entropy, cross-entropy and kl, not to chi-square", "score", "-m", "chi-square", "--logits", "p.csv", "--q", "p.csv")]
    [InlineData("--base does not apply to total-variation", "score", "-m", "tv", "--base", "2", "p.csv", "--q", "p.csv")]
    [InlineData("compares two distributions", "score", "-m", "hellinger", "p.csv")]
    public void UsageErrorsExitTwoWithAMessage(string message, params string[] args)
    {
        using var folder = new TempFolder();
        folder.Write("p.csv", Csv(P));
        string[] resolved = args.Select(a => a.EndsWith(".csv", StringComparison.Ordinal) ? folder.File(a) : a).ToArray();
        CliRun run = CliRun.Of(resolved);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message, run.Stderr);
    }

    // ---- errors: exit code 1 (data), and never a half-written output ----

    [Theory]
    [InlineData("p.csv", "a,b\n0.5,0.5\n0.5,abc\n", "abc")]
    [InlineData("p.csv", "a,b\n0.5,0.5\n0.5\n", "line 3")]
    [InlineData("p.csv", "", "no rows")]
    public void DataErrorsExitOneNameTheProblemAndLeaveNoOutput(string name, string content, string message)
    {
        using var folder = new TempFolder();
        string input = folder.Write(name, content);
        string output = folder.File("out.csv");
        File.WriteAllText(output, "previous");
        CliRun run = CliRun.Of(new[] { "score", "-m", "entropy", input, "-o", output });
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(message, run.Stderr);
        Assert.Equal("previous", File.ReadAllText(output));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public void AFirstRowMixingNamesAndNumbersIsRefusedNotDroppedAsAHeader()
    {
        using var folder = new TempFolder();
        string input = folder.Write("p.csv", "0.5,O.5\n0.25,0.75\n");
        string output = folder.File("h.csv");
        CliRun run = CliRun.Of(new[] { "score", "-m", "entropy", input, "-o", output });
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("line 1", run.Stderr);
        Assert.Contains("'O.5'", run.Stderr);
        Assert.Contains("--header", run.Stderr);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("no", 3)]
    [InlineData("yes", 2)]
    [InlineData("auto", 3)]
    public void HeaderOptionSaysWhetherTheFirstRowIsAHeader(string header, int rows)
    {
        using var folder = new TempFolder();
        string input = folder.Write("p.csv", "1,2\n0.5,0.5\n0.25,0.75\n");
        string output = folder.File("h.csv");
        CliRun run = CliRun.Of(new[] { "score", "-m", "entropy", "--header", header, input, "-o", output });
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(rows, ReadScores(output).Length);
    }

    [Fact]
    public void UnknownHeaderValueIsAUsageError()
    {
        using var folder = new TempFolder();
        string input = folder.Write("p.csv", Csv(P));
        CliRun run = CliRun.Of(new[] { "score", "-m", "entropy", "--header", "maybe", input });
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--header", run.Stderr);
    }

    [Fact]
    public void RowCountsOfPAndQMustAgree()
    {
        using var folder = new TempFolder();
        string input = folder.Write("p.csv", Csv(P));
        string second = folder.Write("q.csv", Csv(P.Take(2).ToArray()));
        CliRun run = CliRun.Of(new[] { "score", "-m", "kl", input, "--q", second, "-o", folder.File("out.csv") });
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("ends after 2 rows", run.Stderr);
        Assert.False(File.Exists(folder.File("out.csv")));
    }

    [Fact]
    public void ReferenceLengthMustMatchTheColumns()
    {
        using var folder = new TempFolder();
        string input = folder.Write("p.csv", Csv(P));
        string reference = folder.Write("ref.csv", "x,y,z\n0.3,0.3,0.4\n");
        CliRun run = CliRun.Of(new[] { "score", "-m", "kl", input, "--reference", reference, "-o", folder.File("out.csv") });
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("holds 3 values", run.Stderr);
        Assert.Contains("4 columns", run.Stderr);
    }

    [Fact]
    public void DemoRunsOnTheBundledData()
    {
        CliRun run = CliRun.Of(new[] { "demo" });
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Model scoring", run.Stdout);
        Assert.Contains("Drift", run.Stdout);
        Assert.Contains("first day above", run.Stdout);
    }

    [Fact]
    public void InterruptedRunsExit130AndLeaveNoOutput()
    {
        using var folder = new TempFolder();
        string input = folder.Write("p.csv", Csv(P));
        using var cancelled = new System.Threading.CancellationTokenSource();
        cancelled.Cancel();
        string output = folder.File("out.csv");
        CliRun run = CliRun.Of(new[] { "score", "-m", "entropy", input, "-o", output }, token: cancelled.Token);
        Assert.Equal(130, run.ExitCode);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }
}
