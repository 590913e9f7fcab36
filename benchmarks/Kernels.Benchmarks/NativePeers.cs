using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Kernels.Benchmarks;

/// <summary>
/// The native peers that <c>benchmarks/native/build.sh</c> builds into <c>benchmarks/native/out/</c>: a gcc -Ofast loop
/// over glibc's vector log and SimSIMD's KL/JS. Loaded at run time when present (NativeLibrary.TryLoad, then one
/// exported function per measure and type called through an unmanaged function pointer); when a library is absent the
/// candidate is simply not offered and <see cref="Status"/> says so. The directory can be overridden with
/// KERNELS_NATIVE_PEERS=DIR.
/// </summary>
internal static unsafe class NativePeers
{
    private static readonly Lazy<Loaded> s_loaded = new(Load);

    /// <summary>One line per peer: what was loaded (and how it was built) or why it is missing.</summary>
    public static IReadOnlyList<string> Status => s_loaded.Value.Status;

    /// <summary>Whether <paramref name="candidate"/> has a native function for this measure and type.</summary>
    public static bool Has<T>(Candidate candidate, Measure measure) => Function<T>(candidate, measure) != 0;

    /// <summary>Calls the peer's function for the measure on p and q (entropy functions ignore q).</summary>
    public static double Run<T>(Candidate candidate, Measure measure, T[] p, T[] q)
        where T : unmanaged
    {
        nint function = Function<T>(candidate, measure);
        if (function == 0)
        {
            throw new InvalidOperationException($"{candidate} has no native {typeof(T).Name} function for {measure}.");
        }

        fixed (T* pp = p, qq = q)
        {
            return ((delegate* unmanaged<T*, T*, nuint, double>)function)(pp, qq, (nuint)p.Length);
        }
    }

    private static nint Function<T>(Candidate candidate, Measure measure) =>
        s_loaded.Value.Functions.TryGetValue((candidate, Workload<double>.Actual(measure), typeof(T)), out nint f) ? f : 0;

    private sealed record Loaded(Dictionary<(Candidate, Measure, Type), nint> Functions, List<string> Status);

    private static Loaded Load()
    {
        var functions = new Dictionary<(Candidate, Measure, Type), nint>();
        var status = new List<string>();
        string? directory = Environment.GetEnvironmentVariable("KERNELS_NATIVE_PEERS") ?? FindOutDirectory();
        if (directory is null)
        {
            status.Add("Native peers: absent (no benchmarks/native/out directory found; run benchmarks/native/build.sh to add gcc -Ofast and SimSIMD).");
            return new Loaded(functions, status);
        }

        string gccBuild = File.Exists(Path.Combine(directory, "gcc.txt")) ? File.ReadAllText(Path.Combine(directory, "gcc.txt")).Trim() : "gcc -Ofast -march=native";
        LoadPeer(directory, "libkernels_gcc.so", Candidate.GccOfast, "kernels_gcc",
            [(Measure.Entropy, "entropy"), (Measure.CrossEntropy, "cross_entropy"), (Measure.KullbackLeibler, "kl"), (Measure.JensenShannon, "js")],
            library => $"gcc loop: loaded ({gccBuild})", functions, status);
        LoadPeer(directory, "libkernels_simsimd.so", Candidate.SimSimd, "kernels_simsimd",
            [(Measure.KullbackLeibler, "kl"), (Measure.JensenShannon, "js")],
            library => NativeLibrary.TryGetExport(library, "kernels_simsimd_target", out nint target)
                ? $"SimSIMD: loaded ({Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)target)())}; KL and JS only)"
                : "SimSIMD: loaded",
            functions, status);
        return new Loaded(functions, status);
    }

    private static void LoadPeer(
        string directory, string file, Candidate candidate, string prefix, (Measure Measure, string Name)[] measures,
        Func<nint, string> describe, Dictionary<(Candidate, Measure, Type), nint> functions, List<string> status)
    {
        string path = Path.Combine(directory, file);
        if (!NativeLibrary.TryLoad(path, out nint library))
        {
            status.Add($"{Name(candidate)}: absent ({path} not found or not loadable; run benchmarks/native/build.sh).");
            return;
        }

        foreach ((Measure measure, string name) in measures)
        {
            foreach ((Type type, string suffix) in new[] { (typeof(float), "f32"), (typeof(double), "f64") })
            {
                if (NativeLibrary.TryGetExport(library, $"{prefix}_{name}_{suffix}", out nint function))
                {
                    functions[(candidate, measure, type)] = function;
                }
            }
        }

        status.Add($"{describe(library)} from {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
    }

    public static string Name(Candidate candidate) => candidate switch
    {
        Candidate.Kernels => "ours",
        Candidate.ScalarLoop => "scalar",
        Candidate.TensorPrimitives => "TP",
        Candidate.Roofline => "roofline",
        Candidate.GccOfast => "gcc -Ofast",
        Candidate.SimSimd => "SimSIMD",
        _ => candidate.ToString(),
    };

    // From the executable (benchmarks/Kernels.Benchmarks/bin/Release/net10.0/) up to the directory holding benchmarks/.
    private static string? FindOutDirectory()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "benchmarks", "native", "out");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
