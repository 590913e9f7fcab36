using System;
using System.IO;
using System.Text;
using System.Threading;

namespace Kernels.Cli.Tests;

/// <summary>The tool run in-process: arguments and stdin in; exit code, stdout and stderr out.</summary>
internal sealed record CliRun(int ExitCode, byte[] StdoutBytes, string Stdout, string Stderr)
{
    public static CliRun Of(string[] args, byte[]? stdin = null, CancellationToken token = default)
    {
        using var input = new MemoryStream(stdin ?? Array.Empty<byte>());
        using var output = new MemoryStream();
        var text = new StringWriter();
        var errors = new StringWriter();
        int exit = Cli.Run(args, input, output, text, errors, interactive: false, token);
        byte[] bytes = output.ToArray();
        return new CliRun(exit, bytes, text.ToString() + Encoding.UTF8.GetString(bytes), errors.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>A temporary folder for one test, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kernels-cli-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        string path = File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
