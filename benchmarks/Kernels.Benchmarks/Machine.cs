using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Kernels.Benchmarks;

/// <summary>What the quick modes print about the machine they ran on, since every number depends on it.</summary>
internal static class Machine
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The Markdown title of a quick mode's report, then the runtime, the CPU and its vector widths, the
    /// runtime knobs set, and the load, as bullets.</summary>
    public static string Title(string mode, bool quick)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"# Kernels {mode}{(quick ? " (--quick)" : "")}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(Invariant, $"- {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, CPU: {CpuName()}");
        text.AppendLine(Invariant, $"- Environment.ProcessorCount = {Environment.ProcessorCount}, Vector512.IsHardwareAccelerated = {Vector512.IsHardwareAccelerated}, Avx512F.IsSupported = {Avx512F.IsSupported}, Vector<byte>.Count = {Vector<byte>.Count}, server GC = {GCSettings.IsServerGC}");
        text.AppendLine(Invariant, $"- Runtime knobs: {RuntimeKnobs()}");
        text.AppendLine(Invariant, $"- Load average at start: {LoadAverage()} (other processes on this machine disturb every number below)");
        return text.ToString();
    }

    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string RuntimeKnobs()
    {
        string[] names = ["DOTNET_TieredCompilation", "DOTNET_TieredPGO", "DOTNET_TC_QuickJitForLoops", "DOTNET_ReadyToRun", "DOTNET_MaxVectorTBitWidth", "DOTNET_EnableAVX512F", "DOTNET_gcServer"];
        string[] set = names.Where(n => Environment.GetEnvironmentVariable(n) is not null).Select(n => $"{n}={Environment.GetEnvironmentVariable(n)}").ToArray();
        return set.Length == 0 ? "none set (defaults)" : string.Join(", ", set);
    }

    private static string CpuName()
    {
        try
        {
            string? line = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                : null;
            return line is null ? "unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
