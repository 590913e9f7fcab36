using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace Kernels.Benchmarks;

/// <summary>
/// <c>compare [--quick]</c>: a one-minute Markdown comparison (see <see cref="Compare"/>);
/// <c>compare batch [--quick]</c>: the same for batch scoring (see <see cref="CompareBatch"/>);
/// <c>compare measures [--quick]</c>: the other measures against naive scalar loops (see <see cref="CompareMeasures"/>);
/// <c>rows-sweep [--quick]</c>: the measurements behind the batch driver's tuning constants (see <see cref="RowsSweep"/>).
/// Anything else goes to BenchmarkDotNet, e.g. <c>--filter '*KullbackLeibler*'</c>.
/// </summary>
internal static class Program
{
    private const string Usage =
        "usage: compare [batch | measures] [--quick] | rows-sweep [--quick]   (any other arguments go to BenchmarkDotNet)";

    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] is "compare" or "rows-sweep")
        {
            bool batch = args[0] == "compare" && args.Length > 1 && args[1] == "batch";
            bool measures = args[0] == "compare" && args.Length > 1 && args[1] == "measures";
            string[] options = args[(batch || measures ? 2 : 1)..];
            if (options.Any(o => o != "--quick"))
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            Action<bool> mode = args[0] == "rows-sweep" ? RowsSweep.Run : batch ? CompareBatch.Run : measures ? CompareMeasures.Run : Compare.Run;
            mode(options.Length > 0);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
