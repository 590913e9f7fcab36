using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace Kernels.Benchmarks;

/// <summary>
/// <c>compare [--quick]</c>: a one-minute Markdown comparison (see <see cref="Compare"/>);
/// <c>compare --report DIR [--quick]</c>: the same over n from about 1K to 16M, written to DIR/report.md with SVG plots
/// (see <see cref="Report"/>);
/// <c>compare batch [--quick]</c>: the same for batch scoring (see <see cref="CompareBatch"/>);
/// <c>compare logits [--quick]</c>: the logits family against a scalar loop and the exponential's limit (see <see cref="CompareLogits"/>);
/// <c>compare measures [--only NAME] [--quick]</c>: the other measures against naive scalar loops, or only those whose
/// name contains NAME (see <see cref="CompareMeasures"/>);
/// <c>rows-sweep [--quick]</c>: the measurements behind the batch driver's tuning constants (see <see cref="RowsSweep"/>).
/// Anything else goes to BenchmarkDotNet, e.g. <c>--filter '*KullbackLeibler*'</c>.
/// </summary>
internal static class Program
{
    private const string Usage =
        "usage: compare [--report DIR | batch | measures [--only NAME] | logits] [--quick] | rows-sweep [--quick]   (any other arguments go to BenchmarkDotNet)";

    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] is "compare" or "rows-sweep")
        {
            bool batch = args[0] == "compare" && args.Length > 1 && args[1] == "batch";
            bool measures = args[0] == "compare" && args.Length > 1 && args[1] == "measures";
            bool logits = args[0] == "compare" && args.Length > 1 && args[1] == "logits";
            string[] options = args[(batch || measures || logits ? 2 : 1)..];
            bool quick = options.Contains("--quick");
            string[] rest = options.Where(o => o != "--quick").ToArray();

            // compare measures --only NAME: just the measures whose name contains NAME (e.g. ChiSquare).
            string? only = null;
            if (measures && rest.Length == 2 && rest[0] == "--only")
            {
                only = rest[1];
                rest = [];
            }

            // compare --report DIR: the size sweep with its report and plots.
            string? report = null;
            if (!batch && !measures && !logits && args[0] == "compare" && rest.Length == 2 && rest[0] == "--report")
            {
                report = rest[1];
                rest = [];
            }

            if (rest.Length > 0)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            if (measures)
            {
                return CompareMeasures.Run(quick, only) ? 0 : 2;
            }

            if (report is not null)
            {
                Compare.Run(quick, report);
                return 0;
            }

            Action<bool> mode = args[0] == "rows-sweep" ? RowsSweep.Run : batch ? CompareBatch.Run : logits ? CompareLogits.Run : Compare.Run;
            mode(quick);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
