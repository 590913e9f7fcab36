using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Kernels.Benchmarks;

/// <summary>
/// The batch classes: float rows scored into a destination (one score per row), natural log. N is the number of
/// elements, about: rows = round(N / Columns), and the baseline is timed over exactly rows·Columns elements. The
/// single-thread methods pass MaxDegreeOfParallelism = 1, so [MemoryDiagnoser] shows that path allocates nothing. Sizes
/// come from <see cref="Sizes"/> (KERNELS_BENCH_N, as the single-vector classes) and <see cref="ThreadSizes"/>
/// (KERNELS_BENCH_THREADS_N).
/// </summary>
[MemoryDiagnoser]
public abstract class BatchBenchmarks
{
    private BatchWorkload? _workload;

    /// <summary>About 64K elements (p and q 256 KB each: together the size of a Zen 3 core's L2) and about 1M (4 MB each:
    /// in L3).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.FromEnvironment("KERNELS_BENCH_N", 65536, 1048576);

    /// <summary>A compute-bound batch (p and q 128 KB each: half of it per thread fits any L2) and a memory-bound one
    /// (16M floats per input, 64 MB each).</summary>
    public static IEnumerable<int> ThreadSizes => BenchmarkSizes.FromEnvironment("KERNELS_BENCH_THREADS_N", 32768, 16777216);

    private protected BatchWorkload Workload => _workload ?? throw new InvalidOperationException("GlobalSetup has not run.");

    [GlobalCleanup]
    public void Cleanup() => _workload = null;

    /// <summary>A workload of about <paramref name="elements"/> in rows of <paramref name="columns"/>, with the inputs
    /// of <paramref name="cases"/> drawn.</summary>
    protected void Create(int elements, int columns, params BatchCase[] cases)
    {
        _workload = BatchWorkload.OfAbout(elements, columns);
        foreach (BatchCase batchCase in cases)
        {
            _workload.Prepare(batchCase);
        }
    }
}

/// <summary>KL per row against the matching row, k = 10 (rows folded a vector's width at a time) and k = 1000 (rows
/// folded one at a time), relative to the long-vector call over the same elements. The issue asks for ≥ 50% (k = 10)
/// and ≥ 90% (k = 1000) of its throughput, i.e. a Ratio ≤ 2.0 and ≤ 1.11.</summary>
public class BatchKullbackLeiblerBenchmarks : BatchBenchmarks
{
    [Params(10, 1000)]
    public int Columns { get; set; }

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => Create(N, Columns, BatchCase.KullbackLeibler);

    [Benchmark(Baseline = true)]
    public double LongVector() => Workload.Baseline(BatchCase.KullbackLeibler);

    [Benchmark]
    public double Rows() => Workload.Ours(BatchCase.KullbackLeibler, threads: 1);
}

/// <summary>Narrow rows (k = 10) of the other probability measures, each relative to its own long-vector call over the
/// same elements: KL one-vs-many (every row against one shared q row), Jensen–Shannon and entropy.</summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class BatchNarrowRowsBenchmarks : BatchBenchmarks
{
    [Params(10)]
    public int Columns { get; set; }

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => Create(N, Columns, BatchCase.KullbackLeiblerOneVsMany, BatchCase.JensenShannon, BatchCase.Entropy);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("KL one-vs-many")]
    public double KullbackLeiblerLongVector() => Workload.Baseline(BatchCase.KullbackLeiblerOneVsMany);

    [Benchmark]
    [BenchmarkCategory("KL one-vs-many")]
    public double KullbackLeiblerOneVsMany() => Workload.Ours(BatchCase.KullbackLeiblerOneVsMany, threads: 1);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("JS")]
    public double JensenShannonLongVector() => Workload.Baseline(BatchCase.JensenShannon);

    [Benchmark]
    [BenchmarkCategory("JS")]
    public double JensenShannonRows() => Workload.Ours(BatchCase.JensenShannon, threads: 1);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("H")]
    public double EntropyLongVector() => Workload.Baseline(BatchCase.Entropy);

    [Benchmark]
    [BenchmarkCategory("H")]
    public double EntropyRows() => Workload.Ours(BatchCase.Entropy, threads: 1);
}

/// <summary>Scores from logits (log-sum-exp per row) relative to the scalar loop a user would write
/// (<see cref="ScalarLogits"/>): entropy of softmax, and cross-entropy against class indices.</summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class BatchLogitsBenchmarks : BatchBenchmarks
{
    [Params(10, 1000)]
    public int Columns { get; set; }

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => Create(N, Columns, BatchCase.EntropyFromLogits, BatchCase.CrossEntropyFromClassLogits);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("H from logits")]
    public double EntropyScalarLoop() => Workload.Baseline(BatchCase.EntropyFromLogits);

    [Benchmark]
    [BenchmarkCategory("H from logits")]
    public double EntropyFromLogits() => Workload.Ours(BatchCase.EntropyFromLogits, threads: 1);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("CE from logits")]
    public double CrossEntropyScalarLoop() => Workload.Baseline(BatchCase.CrossEntropyFromClassLogits);

    [Benchmark]
    [BenchmarkCategory("CE from logits")]
    public double CrossEntropyFromClassLogits() => Workload.Ours(BatchCase.CrossEntropyFromClassLogits, threads: 1);
}

/// <summary>KL rows on two threads relative to one (MaxDegreeOfParallelism 2 vs 1), on a compute-bound and a
/// memory-bound batch: the Ratio is 2-thread time / 1-thread time (0.5 would be a perfect split).</summary>
public class BatchThreadsBenchmarks : BatchBenchmarks
{
    [Params(10, 1000)]
    public int Columns { get; set; }

    [ParamsSource(nameof(ThreadSizes))]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => Create(N, Columns, BatchCase.KullbackLeibler);

    [Benchmark(Baseline = true)]
    public double OneThread() => Workload.Ours(BatchCase.KullbackLeibler, threads: 1);

    [Benchmark]
    public double TwoThreads() => Workload.Ours(BatchCase.KullbackLeibler, threads: 2);
}
