using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using Kernels.Cli.Commands;
using Kernels.Cli.IO;

namespace Kernels.Cli;

/// <summary>
/// The dispatcher: parses the arguments and runs one of the commands (<see cref="ScoreCommand"/>,
/// <see cref="DemoCommand"/>, <see cref="BenchCommand"/>), turning their errors into exit codes: 0 success, 1 data
/// error, 2 usage error, 130 interrupted. Streams are parameters so that tests run the tool in-process.
/// </summary>
internal static class Cli
{
    public const int Success = 0;
    public const int DataError = 1;
    public const int UsageError = 2;
    public const int Interrupted = 130;

    /// <summary>Runs the tool once with <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, Stream stdin, Stream stdout, TextWriter stdoutText, TextWriter stderr, bool interactive, CancellationToken token)
    {
        var context = new CommandContext(stdin, stdout, stdoutText, stderr, interactive, token);
        var root = new RootCommand("kernels: information-theory scores (entropy, cross-entropy, Kullback–Leibler, Jensen–Shannon) of CSV, NPY, Arrow and Parquet files. Exit codes: 0 success, 1 data error, 2 usage error, 130 interrupted.")
        {
            ScoreCommand.Create(context), DemoCommand.Create(context), BenchCommand.Create(context),
        };

        ParseResult parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = stdoutText, Error = stderr };
        if (parsed.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError error in parsed.Errors)
            {
                stderr.WriteLine($"kernels: {error.Message}");
            }

            stderr.WriteLine("Run 'kernels --help' (or 'kernels score --help') for usage.");
            return UsageError;
        }

        return parsed.Invoke(configuration);
    }

    /// <summary>Runs a command's action, reporting its failure on <paramref name="stderr"/> as one line and returning
    /// the exit code that failure maps to.</summary>
    public static int Guard(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (ExitCodeOf(e) is int exit)
        {
            stderr.WriteLine(e is OperationCanceledException ? "kernels: interrupted; nothing was written." : $"kernels: {e.Message}");
            return exit;
        }
    }

    /// <summary>The exit code of a failure the tool reports with its message; null for anything else (a bug), which
    /// is left to surface with its stack trace.</summary>
    private static int? ExitCodeOf(Exception failure) => failure switch
    {
        UsageException or UnauthorizedAccessException => UsageError,
        // ArgumentException: the library's checks (shapes, strides, bases) reached with file data.
        DataException or ArgumentException or IOException => DataError,
        OperationCanceledException => Interrupted,
        _ => null,
    };
}
