using System;
using System.Collections.Generic;
using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace Kernels.Benchmarks;

/// <summary>
/// One measure, four candidates, three sizes. The TensorPrimitives composition is the baseline, so the Ratio column
/// reads "time relative to what a TensorPrimitives user would write". Sizes come from <see cref="Sizes"/>; set
/// KERNELS_BENCH_N (e.g. "65543" or "1000,65543") to run fewer.
/// </summary>
[MemoryDiagnoser]
public abstract class InformationBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Measure _measure;
    private Workload<T>? _workload;

    protected InformationBenchmarks(Measure measure) => _measure = measure;

    /// <summary>A size that fits in L1, one that fits in L2 and is not a multiple of any vector width (65536 + 7, so
    /// the tail is measured), and one far larger than the caches.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.FromEnvironment("KERNELS_BENCH_N", 1000, 65543, 16777216);

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    private Workload<T> Workload => _workload ?? throw new InvalidOperationException("GlobalSetup has not run.");

    [GlobalSetup]
    public void Setup() => _workload = new Workload<T>(N);

    [GlobalCleanup]
    public void Cleanup() => _workload = null;

    [Benchmark]
    public double Kernels() => Workload.Ours(_measure);

    [Benchmark]
    public double ScalarLoop() => Workload.ScalarLoop(_measure);

    [Benchmark(Baseline = true)]
    public double TensorPrimitives() => Workload.TensorPrimitives(_measure);

    [Benchmark]
    public double Roofline() => Workload.Roofline(_measure);
}

[GenericTypeArguments(typeof(float))]
[GenericTypeArguments(typeof(double))]
public class EntropyBenchmarks<T>() : InformationBenchmarks<T>(Measure.Entropy)
    where T : unmanaged, IFloatingPointIeee754<T>;

[GenericTypeArguments(typeof(float))]
[GenericTypeArguments(typeof(double))]
public class CrossEntropyBenchmarks<T>() : InformationBenchmarks<T>(Measure.CrossEntropy)
    where T : unmanaged, IFloatingPointIeee754<T>;

[GenericTypeArguments(typeof(float))]
[GenericTypeArguments(typeof(double))]
public class KullbackLeiblerBenchmarks<T>() : InformationBenchmarks<T>(Measure.KullbackLeibler)
    where T : unmanaged, IFloatingPointIeee754<T>;

[GenericTypeArguments(typeof(float))]
[GenericTypeArguments(typeof(double))]
public class JensenShannonBenchmarks<T>() : InformationBenchmarks<T>(Measure.JensenShannon)
    where T : unmanaged, IFloatingPointIeee754<T>;
