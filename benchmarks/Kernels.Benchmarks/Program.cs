using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace Kernels.Benchmarks;

/// <summary>
/// <c>compare [--quick]</c>: a one-minute Markdown comparison (see <see cref="Compare"/>).
/// Anything else goes to BenchmarkDotNet, e.g. <c>--filter '*KullbackLeibler*'</c>.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "compare")
        {
            string[] options = args[1..];
            if (options.Any(o => o != "--quick"))
            {
                Console.Error.WriteLine("usage: compare [--quick]   (any other arguments go to BenchmarkDotNet)");
                return 2;
            }

            Compare.Run(quick: options.Length > 0);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
