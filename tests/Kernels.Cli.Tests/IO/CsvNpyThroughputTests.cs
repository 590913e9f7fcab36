using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Kernels.Cli.Csv;
using Kernels.Cli.IO;
using Kernels.Cli.Npy;
using Xunit;
using Xunit.Abstractions;

namespace Kernels.Cli.Tests.IO;

/// <summary>
/// Read throughput of the CSV and NPY readers on 200,000 × 32 doubles from memory, printed, never asserted (timings
/// are not tests). Runs only with KERNELS_IO_THROUGHPUT=1:
/// <c>KERNELS_IO_THROUGHPUT=1 dotnet test tests/Kernels.Cli.Tests -c Release --filter "FullyQualifiedName~Throughput" --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class CsvNpyThroughputTests
{
    private const int Rows = 200_000;
    private const int Columns = 32;
    private const int Passes = 6;

    private readonly ITestOutputHelper _output;

    public CsvNpyThroughputTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void PrintsReadThroughputWhenAsked()
    {
        if (Environment.GetEnvironmentVariable("KERNELS_IO_THROUGHPUT") != "1")
        {
            return;
        }

        var random = new Random(1);
        double[] values = Enumerable.Range(0, Rows * Columns).Select(_ => random.NextDouble()).ToArray();
        var text = new StringBuilder(string.Join(",", Enumerable.Range(0, Columns).Select(c => "p" + c)) + "\n");
        for (int r = 0; r < Rows; r++)
        {
            text.AppendJoin(',', values.Skip(r * Columns).Take(Columns).Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }

        byte[] csv = Encoding.UTF8.GetBytes(text.ToString());
        byte[] npy8 = NpyBytes.File(NpyBytes.Dict("<f8", $"({Rows}, {Columns})"), NpyBytes.Doubles(values));
        byte[] npy4 = NpyBytes.File(NpyBytes.Dict("<f4", $"({Rows}, {Columns})"), NpyBytes.Singles(values.Select(v => (float)v)));

        Measure("CSV  -> double", csv, s => new CsvMatrixReader(s, "csv", ColumnSelection.All));
        Measure("NPY <f8 -> double", npy8, s => new NpyMatrixReader(s, "npy", ColumnSelection.All));
        Measure("NPY <f4 -> double", npy4, s => new NpyMatrixReader(s, "npy", ColumnSelection.All));
    }

    private void Measure(string label, byte[] file, Func<Stream, IMatrixReader> open)
    {
        // The chunk the score command reads: 2^20 values.
        double[] chunk = new double[1 << 20];
        double first = 0;
        double best = 0;
        for (int pass = 0; pass < Passes; pass++)
        {
            var clock = Stopwatch.StartNew();
            using var stream = new MemoryStream(file, writable: false);
            using IMatrixReader reader = open(stream);
            long rows = 0;
            int n;
            while ((n = reader.Read(chunk)) > 0)
            {
                rows += n;
            }

            double megabytesPerSecond = file.Length / 1e6 / clock.Elapsed.TotalSeconds;
            first = pass == 0 ? megabytesPerSecond : first;
            best = Math.Max(best, megabytesPerSecond);
            Assert.Equal(Rows, rows);
        }

        _output.WriteLine($"{label}: {file.Length / 1e6:F1} MB, first pass {first:F0} MB/s, best of {Passes} {best:F0} MB/s");
    }
}
