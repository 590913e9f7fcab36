using System;
using System.Threading;

namespace Kernels.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };

        using var stdin = Console.OpenStandardInput();
        using var stdout = Console.OpenStandardOutput();
        return Cli.Run(args, stdin, stdout, Console.Out, Console.Error, interactive: !Console.IsErrorRedirected, interrupted.Token);
    }
}
