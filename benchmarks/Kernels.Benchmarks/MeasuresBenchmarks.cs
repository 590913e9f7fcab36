using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace Kernels.Benchmarks;

/// <summary>
/// The pairs of <c>compare measures</c> (<see cref="MeasurePairs"/>): each <see cref="Measures"/> call against the
/// naive scalar loop, which is the baseline, so the Ratio column is ours relative to that loop (0.10 = ten times
/// faster). One size, N = 65,536 elements (tables 256 × 256); set KERNELS_BENCH_N to run others (tables take
/// round(√N)²). <c>--filter '*Measures*'</c> runs every case for both types (100 benchmarks).
/// </summary>
[MemoryDiagnoser]
[GenericTypeArguments(typeof(float))]
[GenericTypeArguments(typeof(double))]
public class MeasuresBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly IReadOnlyList<MeasurePair<T>> Pairs = MeasurePairs.All<T>();
    private MeasuresWorkload<T>? _workload;
    private MeasurePair<T>? _pair;

    public static IEnumerable<int> Sizes => BenchmarkSizes.FromEnvironment("KERNELS_BENCH_N", 65536);

    /// <summary>The pair names, e.g. "Hellinger", "RenyiEntropy α=2".</summary>
    public static IEnumerable<string> Cases => Pairs.Select(p => p.Name);

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "";

    private MeasuresWorkload<T> Workload => _workload ?? throw new InvalidOperationException("GlobalSetup has not run.");

    private MeasurePair<T> Pair => _pair ?? throw new InvalidOperationException("GlobalSetup has not run.");

    [GlobalSetup]
    public void Setup()
    {
        _workload = MeasuresWorkload<T>.OfSize(N);
        _pair = Pairs.Single(p => p.Name == Case);
    }

    [GlobalCleanup]
    public void Cleanup() => _workload = null;

    [Benchmark]
    public double Ours() => Pair.Ours(Workload);

    [Benchmark(Baseline = true)]
    public double Naive() => Pair.Naive(Workload);
}
