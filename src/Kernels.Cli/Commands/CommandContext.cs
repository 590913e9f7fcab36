using System.IO;
using System.Threading;

namespace Kernels.Cli.Commands;

/// <summary>What every command runs against: the process's streams, or a test's (so the tool runs in-process).</summary>
/// <param name="Stdin">Standard input, as bytes (an input path "-").</param>
/// <param name="Stdout">Standard output, as bytes (an output path "-").</param>
/// <param name="StdoutText">Standard output, as text (help, the demo's and the benchmarks' reports).</param>
/// <param name="Stderr">Standard error: summaries, progress and error messages.</param>
/// <param name="Interactive">Whether stderr is a terminal (progress is shown only then).</param>
/// <param name="Token">Cancelled when the user interrupts the run.</param>
internal sealed record CommandContext(Stream Stdin, Stream Stdout, TextWriter StdoutText, TextWriter Stderr, bool Interactive, CancellationToken Token);
