using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Kernels.Cli.IO;
using Kernels.Cli.Scoring;

namespace Kernels.Cli.Commands;

/// <summary>
/// <c>kernels bench --io</c>: end-to-end throughput of <c>score</c> on 200,000 rows × 32 doubles in each format (the
/// file in the page cache, in-process, so the runtime's start-up is not counted): reading, entropy of every row and
/// writing the scores in the same format, against the read alone, so the bottleneck can be named.
/// </summary>
internal static class BenchIoCommand
{
    private const int Rows = 200_000;
    private const int Columns = 32;

    /// <summary>Writes the inputs to a temporary folder, times each format and prints the table to <paramref name="output"/>.</summary>
    public static void Run(TextWriter output, bool quick)
    {
        string folder = Path.Combine(Path.GetTempPath(), "kernels-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var random = new Random(7);
            double[] values = new double[Rows * Columns];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = random.NextDouble();
            }

            output.WriteLine($"End to end, {Rows:N0} rows × {Columns} doubles, file in the page cache, in-process (start-up of about 0.1 s not counted), all cores; each case warmed up for 1.5 s, then the median of {(quick ? 3 : 5)} runs:");
            output.WriteLine();
            output.WriteLine("| format | file MB | score (read + entropy + write) | MB/s | read alone | read share |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (string extension in new[] { "csv", "npy", "arrow", "parquet" })
            {
                string input = Path.Combine(folder, "p." + extension);
                MatrixFiles.Write(input, values, Columns);
                double megabytes = new FileInfo(input).Length / 1e6;
                string scores = Path.Combine(folder, "h." + extension);
                var request = new ScoreRequest(Measure.Entropy, LogBase.E, false, false, input, null, null, ColumnSelection.All,
                    DataFormat.Auto, scores, DataFormat.Auto, 0, false);
                double score = Median(quick ? 3 : 5, () => ScoreJob.Run(request, Stream.Null, Stream.Null, TextWriter.Null, false, CancellationToken.None));
                double read = Median(quick ? 3 : 5, () => ReadAll(input));
                output.WriteLine(FormattableString.Invariant($"| {extension} | {megabytes:F1} | {score * 1000:F0} ms | {megabytes / score:F0} | {read * 1000:F0} ms | {100 * read / score:F0}% |"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Median(int runs, Action action)
    {
        // Steady state: the readers' parsing code is promoted by tiered compilation while it runs.
        var warm = Stopwatch.StartNew();
        do
        {
            action();
        }
        while (warm.Elapsed < TimeSpan.FromSeconds(1.5));

        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalSeconds);
        }

        return times.OrderBy(t => t).ElementAt(times.Count / 2);
    }

    private static void ReadAll(string path)
    {
        using IMatrixReader reader = Inputs.Open(path, DataFormat.Auto, ColumnSelection.All, Stream.Null, out Stream stream);
        using (stream)
        {
            double[] buffer = new double[ScoreJob.ChunkValues / reader.Columns * reader.Columns];
            while (reader.Read(buffer) > 0)
            {
            }
        }
    }
}
