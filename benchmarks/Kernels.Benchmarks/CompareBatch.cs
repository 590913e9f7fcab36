using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Kernels.Benchmarks;

/// <summary>
/// <c>compare batch</c>: the batch scorings in the quick mode's way (steady state, interleaved rounds, medians; see
/// <see cref="SteadyState"/>), printed as three Markdown tables: float rows against the long-vector call over the same
/// elements, scores from logits against a scalar log-sum-exp loop, and two threads against one. About 10 s here.
/// </summary>
internal static class CompareBatch
{
    /// <summary>About 64K elements (p and q fill a Zen 3 core's L2) and about 1M (in L3).</summary>
    private static readonly int[] Sizes = [65536, 1048576];

    private static readonly (BatchCase Case, int Columns)[] RowCases =
    [
        (BatchCase.KullbackLeibler, 10),
        (BatchCase.KullbackLeibler, 1000),
        (BatchCase.KullbackLeiblerOneVsMany, 10),
        (BatchCase.JensenShannon, 10),
        (BatchCase.Entropy, 10),
        (BatchCase.EntropyFromLogits, 10),
        (BatchCase.EntropyFromLogits, 1000),
        (BatchCase.CrossEntropyFromClassLogits, 10),
        (BatchCase.CrossEntropyFromClassLogits, 1000),
    ];

    /// <summary>The issue's floor for the share of long-vector throughput that float KL rows keep.</summary>
    private static readonly Dictionary<int, double> KullbackLeiblerTargets = new() { [10] = 0.5, [1000] = 0.9 };

    /// <summary>Compute-bound: p and q 128 KB each (half per thread fits any L2); memory-bound: 64 MB each.</summary>
    private static readonly (string Name, int Elements)[] ThreadBatches = [("compute-bound", 32768), ("memory-bound", 16777216)];

    private static readonly int[] ThreadColumns = [10, 1000];

    private const int WarmUpElements = 8192;
    private const int AllocationCalls = 4;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The shape a result was timed at (not the workload itself, whose arrays must go before the next size).</summary>
    private readonly record struct Shape(int Rows, int Columns)
    {
        public static Shape Of(BatchWorkload workload) => new(workload.Rows, workload.Columns);

        public int Elements => Rows * Columns;
    }

    private sealed record RowResult(BatchCase Case, Shape Shape, Sample Ours, Sample Baseline, long BytesPerCall);

    private sealed record ThreadResult(string Batch, Shape Shape, Sample OneThread, Sample TwoThreads, long BytesPerCall);

    public static void Run(bool quick)
    {
        TimingSettings settings = TimingSettings.OfBatch(quick);
        var clock = Stopwatch.StartNew();
        Console.Out.Write(Header(settings, quick));

        var unsettled = new List<string>();
        WarmUp(settings, unsettled);
        List<RowResult> rows = TimeRows(settings, unsettled);
        List<ThreadResult> threads = TimeThreads(settings, unsettled);

        Console.Out.Write(LongVectorTable(rows));
        Console.Out.Write(ScalarTable(rows));
        Console.Out.Write(ThreadTable(threads));
        Console.Out.Write(SteadyState.Footer(unsettled, clock.Elapsed));
    }

    /// <summary>Every call on narrow and wide rows in turn (the two row folds), then the two-thread path, so that all
    /// of them are compiled and profiled before anything is timed.</summary>
    private static void WarmUp(TimingSettings settings, List<string> unsettled)
    {
        var narrow = BatchWorkload.OfAbout(WarmUpElements, 10);
        var wide = BatchWorkload.OfAbout(WarmUpElements, 1000);
        foreach (BatchCase batchCase in RowCases.Select(c => c.Case).Distinct())
        {
            if (!SteadyState.Settle(() => narrow.Ours(batchCase, 1) + wide.Ours(batchCase, 1), settings.WarmUp))
            {
                unsettled.Add($"warm-up/{Name(batchCase)}/ours");
            }

            if (!SteadyState.Settle(() => narrow.Baseline(batchCase) + wide.Baseline(batchCase), settings.WarmUp))
            {
                unsettled.Add($"warm-up/{Name(batchCase)}/baseline");
            }
        }

        var parallelNarrow = BatchWorkload.OfAbout(ThreadBatches[0].Elements, 10);
        var parallelWide = BatchWorkload.OfAbout(ThreadBatches[0].Elements, 1000);
        if (!SteadyState.Settle(() => parallelNarrow.Ours(BatchCase.KullbackLeibler, 2) + parallelWide.Ours(BatchCase.KullbackLeibler, 2), settings.WarmUp))
        {
            unsettled.Add("warm-up/KL/2 threads");
        }
    }

    private static List<RowResult> TimeRows(TimingSettings settings, List<string> unsettled)
    {
        var results = new List<RowResult>();
        foreach (int size in Sizes)
        {
            // One shape per column count and size, shared by the cases that read it.
            var shapes = new Dictionary<int, BatchWorkload>();
            foreach ((BatchCase batchCase, int columns) in RowCases)
            {
                if (!shapes.TryGetValue(columns, out BatchWorkload? shape))
                {
                    shapes[columns] = shape = BatchWorkload.OfAbout(size, columns);
                }

                shape.Prepare(batchCase);
                string label = $"{Name(batchCase)}/k={columns}/{shape.Elements}";
                Sample[] samples = SteadyState.Interleaved(
                    [new Timed($"{label}/ours", () => shape.Ours(batchCase, 1)), new Timed($"{label}/baseline", () => shape.Baseline(batchCase))],
                    shape.Elements, settings, unsettled);
                long bytes = SteadyState.AllocatedPerCall(() => shape.Ours(batchCase, 1), AllocationCalls, allThreads: false);
                results.Add(new RowResult(batchCase, Shape.Of(shape), samples[0], samples[1], bytes));
            }

            shapes.Clear();
            GC.Collect();
        }

        return results;
    }

    private static List<ThreadResult> TimeThreads(TimingSettings settings, List<string> unsettled)
    {
        var results = new List<ThreadResult>();
        foreach ((string name, int elements) in ThreadBatches)
        {
            foreach (int columns in ThreadColumns)
            {
                GC.Collect(); // the previous 128 MB shape goes before the next is drawn
                var shape = BatchWorkload.OfAbout(elements, columns);
                shape.Prepare(BatchCase.KullbackLeibler);
                string label = $"threads/{name}/k={columns}";
                Sample[] samples = SteadyState.Interleaved(
                    [new Timed($"{label}/1", () => shape.Ours(BatchCase.KullbackLeibler, 1)), new Timed($"{label}/2", () => shape.Ours(BatchCase.KullbackLeibler, 2))],
                    shape.Elements, settings, unsettled);
                long bytes = SteadyState.AllocatedPerCall(() => shape.Ours(BatchCase.KullbackLeibler, 2), AllocationCalls, allThreads: true);
                results.Add(new ThreadResult(name, Shape.Of(shape), samples[0], samples[1], bytes));
            }
        }

        return results;
    }

    private static string Header(TimingSettings settings, bool quick)
    {
        var text = new StringBuilder();
        text.Append(Machine.Title("compare batch", quick));
        text.AppendLine(Invariant, $"- Method: as `compare` (one process, default tiered compilation + dynamic PGO). Warm-up: each call on rows of k = 10 and k = 1000 (about {WarmUpElements:N0} elements each) in turn for ≥ {settings.WarmUp.Min.TotalMilliseconds:F0} ms until two {settings.WarmUp.Batch.TotalMilliseconds:F0} ms batches agree within {100 * settings.WarmUp.Tolerance:F0}% (cap {settings.WarmUp.Max.TotalMilliseconds:F0} ms). Per row: both calls settled again at that size (≥ {settings.PreRun.Min.TotalMilliseconds:F0} ms), then {settings.Rounds} interleaved rounds (ours, baseline, ours, ...), each sample ≥ {settings.MinSample.TotalMilliseconds:F0} ms of repeated calls through a delegate; medians. noise = the larger interquartile range / median of the two.");
        text.AppendLine("- Inputs: float, natural log, `new Random(42)`: rows of strictly positive probabilities, each normalized to 1; logits uniform in [−4, 4) with a random class index per row. Sizes are about N elements: rows = round(N / k), and the baseline runs over exactly the same rows·k elements.");
        text.AppendLine("- ours = `Kernels.Batch` into a destination (one score per row), MaxDegreeOfParallelism = 1 except in the threads table. long vector = the single-vector `Information` call (KL, JS, H) over all rows·k elements as one span; for KL one-vs-many it is the same KL call over p and a full q (twice the bytes ours reads). scalar = per row: max, Σ MathF.Exp(z − m) (terms in float, sums in double), Math.Log.");
        text.AppendLine(Invariant, $"- Times are ns per element (lower is better). kept = long-vector ns / ours ns, the share of the long-vector throughput the rows keep; the issue asks ≥ 50% for KL at k = 10 and ≥ 90% at k = 1000. bytes/call: allocated per call over {AllocationCalls} calls (1 thread: GC.GetAllocatedBytesForCurrentThread; 2 threads: GC.GetTotalAllocatedBytes).");
        text.AppendLine();
        return text.ToString();
    }

    private static string LongVectorTable(List<RowResult> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("Rows against the long-vector call over the same elements (1 thread):");
        text.AppendLine();
        text.AppendLine("| case | k | rows | elements | ours | long vector | kept | target | noise | bytes/call |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        foreach (RowResult row in rows.Where(r => BatchWorkload.AgainstLongVector(r.Case)))
        {
            double kept = row.Baseline.Median / row.Ours.Median;
            string target = row.Case == BatchCase.KullbackLeibler && KullbackLeiblerTargets.TryGetValue(row.Shape.Columns, out double floor)
                ? string.Create(Invariant, $"≥ {100 * floor:F0}%: {(kept >= floor ? "met" : "**not met**")}")
                : "";
            text.AppendLine(Invariant, $"| {Name(row.Case)} | {row.Shape.Columns:N0} | {row.Shape.Rows:N0} | {row.Shape.Elements:N0} | {row.Ours.Median:F3} | {row.Baseline.Median:F3} | {100 * kept:F0}% | {target} | {Noise(row.Ours, row.Baseline)} | {row.BytesPerCall:N0} |");
        }

        text.AppendLine();
        return text.ToString();
    }

    private static string ScalarTable(List<RowResult> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("Scores from logits against the scalar log-sum-exp loop (1 thread):");
        text.AppendLine();
        text.AppendLine("| case | k | rows | elements | ours | scalar | scalar/ours | noise | bytes/call |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (RowResult row in rows.Where(r => !BatchWorkload.AgainstLongVector(r.Case)))
        {
            text.AppendLine(Invariant, $"| {Name(row.Case)} | {row.Shape.Columns:N0} | {row.Shape.Rows:N0} | {row.Shape.Elements:N0} | {row.Ours.Median:F3} | {row.Baseline.Median:F3} | {row.Baseline.Median / row.Ours.Median:F2}× | {Noise(row.Ours, row.Baseline)} | {row.BytesPerCall:N0} |");
        }

        text.AppendLine();
        return text.ToString();
    }

    private static string ThreadTable(List<ThreadResult> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("Two threads against one (KL rows, MaxDegreeOfParallelism 2 vs 1; ns per element; speed-up = 1-thread time / 2-thread time, 2.00× is a perfect split):");
        text.AppendLine();
        text.AppendLine("| batch | k | rows | elements | p + q | 1 thread | 2 threads | speed-up | noise | bytes/call, 2 threads |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (ThreadResult row in rows)
        {
            double megabytes = 2.0 * sizeof(float) * row.Shape.Elements / (1024 * 1024);
            text.AppendLine(Invariant, $"| {row.Batch} | {row.Shape.Columns:N0} | {row.Shape.Rows:N0} | {row.Shape.Elements:N0} | {megabytes:0.##} MB | {row.OneThread.Median:F3} | {row.TwoThreads.Median:F3} | {row.OneThread.Median / row.TwoThreads.Median:F2}× | {Noise(row.OneThread, row.TwoThreads)} | {row.BytesPerCall:N0} |");
        }

        text.AppendLine();
        return text.ToString();
    }

    private static string Noise(Sample first, Sample second) =>
        string.Create(Invariant, $"{100 * Math.Max(first.RelativeSpread, second.RelativeSpread):F0}%");

    private static string Name(BatchCase batchCase) => batchCase switch
    {
        BatchCase.KullbackLeibler => "KL",
        BatchCase.KullbackLeiblerOneVsMany => "KL one-vs-many",
        BatchCase.JensenShannon => "JS",
        BatchCase.Entropy => "H",
        BatchCase.EntropyFromLogits => "H from logits",
        BatchCase.CrossEntropyFromClassLogits => "CE from logits (class index)",
        _ => batchCase.ToString(),
    };
}
