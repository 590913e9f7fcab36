using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using Kernels.Rows;
using Kernels.Support;

namespace Kernels.Benchmarks;

/// <summary>
/// <c>rows-sweep</c>: the numbers behind the batch driver's two tuning constants, timed as the quick modes time
/// (<see cref="SteadyState"/>). (1) Float and double KL rows, one thread, for column counts from 2 to 256, through each
/// of the two row folds on the driver's own blocks: FoldRowsEach (one row at a time through the ordinary fold) and
/// FoldRowsVector (a vector's width of rows, one per lane), to place <see cref="RowSupport.WideSingleColumns"/> and
/// <see cref="RowSupport.WideDoubleColumns"/>. (2) Float KL rows of 32 columns from 2^12 to 2^18 elements on one thread
/// and on two, to place <see cref="RowDriver.ParallelElements"/>.
/// </summary>
internal static class RowsSweep
{
    private static readonly int[] ColumnCounts = [2, 4, 8, 10, 16, 24, 32, 48, 64, 96, 128, 256];

    /// <summary>About 16K elements per fold call: float p and q take 128 KB, double 256 KB, both in L2, so the fold
    /// table compares instructions, not memory.</summary>
    private const int FoldElements = 16384;

    private const int ParallelColumns = 32;
    private static readonly int[] ParallelExponents = [12, 13, 14, 15, 16, 17, 18];
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private enum RowFold
    {
        Each,
        Vector,
    }

    private sealed record FoldRow(int Columns, int Rows, Sample Each, Sample Vector, Sample Batch, Sample LongVector);

    private sealed record FoldSweep(string Type, int WideColumns, string WideName, List<FoldRow> Rows);

    private sealed record ParallelRow(int Elements, int Rows, int Blocks, Sample OneThread, Sample Today, Sample Forced, bool Identical);

    public static void Run(bool quick)
    {
        TimingSettings settings = TimingSettings.OfBatch(quick);
        var clock = Stopwatch.StartNew();
        Console.Out.Write(Header(settings, quick));

        var unsettled = new List<string>();
        FoldSweep single = SweepFolds<float>("float", RowSupport.WideSingleColumns, nameof(RowSupport.WideSingleColumns), settings, unsettled);
        FoldSweep wide = SweepFolds<double>("double", RowSupport.WideDoubleColumns, nameof(RowSupport.WideDoubleColumns), settings, unsettled);
        List<ParallelRow> parallel = SweepParallel(settings, unsettled);

        Console.Out.Write(FoldTable(single));
        Console.Out.Write(FoldTable(wide));
        Console.Out.Write(ParallelTable(parallel));
        Console.Out.Write(SteadyState.Footer(unsettled, clock.Elapsed));
    }

    private static FoldSweep SweepFolds<T>(string type, int wideColumns, string wideName, TimingSettings settings, List<string> unsettled)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var totals = new FoldTotals[RowDriver.MaxBlockRows];

        // Short rows take the scalar fold inside FoldRowsEach and long ones the vector fold: warm both, and every call
        // on narrow and wide rows in turn, before anything is timed.
        var shapes = new[] { 4, 16, 256 }.Select(k => Shape<T>(FoldElements, k)).ToArray();
        WarmUp(() => shapes.Sum(s => Fold(RowFold.Each, s.P, s.Q, s.Columns, totals)), $"{type}/each", settings, unsettled);
        WarmUp(() => shapes.Sum(s => Fold(RowFold.Vector, s.P, s.Q, s.Columns, totals)), $"{type}/vector", settings, unsettled);
        WarmUp(() => shapes.Sum(s => OneThread(s.P, s.Q, s.Columns, s.Scores)), $"{type}/batch", settings, unsettled);
        WarmUp(() => shapes.Sum(s => LongVector(s.P, s.Q)), $"{type}/long vector", settings, unsettled);

        var rows = new List<FoldRow>();
        foreach (int columns in ColumnCounts)
        {
            var s = Shape<T>(FoldElements, columns);
            string label = $"{type}/k={columns}";
            Sample[] samples = SteadyState.Interleaved(
            [
                new Timed($"{label}/each", () => Fold(RowFold.Each, s.P, s.Q, columns, totals)),
                new Timed($"{label}/vector", () => Fold(RowFold.Vector, s.P, s.Q, columns, totals)),
                new Timed($"{label}/batch", () => OneThread(s.P, s.Q, columns, s.Scores)),
                new Timed($"{label}/long vector", () => LongVector(s.P, s.Q)),
            ], s.P.Length, settings, unsettled);
            rows.Add(new FoldRow(columns, s.Scores.Length, samples[0], samples[1], samples[2], samples[3]));
        }

        return new FoldSweep(type, wideColumns, wideName, rows);
    }

    private static List<ParallelRow> SweepParallel(TimingSettings settings, List<string> unsettled)
    {
        var small = Shape<float>(1 << 12, ParallelColumns);
        var threshold = Shape<float>(1 << 15, ParallelColumns);
        WarmUp(() => Today(small.P, small.Q, ParallelColumns, small.Scores) + Today(threshold.P, threshold.Q, ParallelColumns, threshold.Scores), "parallel/today", settings, unsettled);
        WarmUp(() => ForcedParallel.KullbackLeibler(small.P, small.Q, ParallelColumns, small.Scores, 2) + ForcedParallel.KullbackLeibler(threshold.P, threshold.Q, ParallelColumns, threshold.Scores, 2), "parallel/forced", settings, unsettled);

        var rows = new List<ParallelRow>();
        foreach (int exponent in ParallelExponents)
        {
            var s = Shape<float>(1 << exponent, ParallelColumns);
            string label = $"parallel/2^{exponent}";
            Sample[] samples = SteadyState.Interleaved(
            [
                new Timed($"{label}/1 thread", () => OneThread(s.P, s.Q, ParallelColumns, s.Scores)),
                new Timed($"{label}/today", () => Today(s.P, s.Q, ParallelColumns, s.Scores)),
                new Timed($"{label}/forced", () => ForcedParallel.KullbackLeibler(s.P, s.Q, ParallelColumns, s.Scores, 2)),
            ], 1, settings, unsettled);

            // The forced path must be the driver's: the same scores, bit for bit, as the single-thread call.
            var single = new float[s.Scores.Length];
            _ = OneThread(s.P, s.Q, ParallelColumns, single);
            _ = ForcedParallel.KullbackLeibler(s.P, s.Q, ParallelColumns, s.Scores, 2);
            bool identical = MemoryMarshal.AsBytes(single.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(s.Scores.AsSpan()));

            int blockRows = RowDriver.BlockRows(ParallelColumns);
            rows.Add(new ParallelRow(s.P.Length, s.Scores.Length, (s.Scores.Length + blockRows - 1) / blockRows, samples[0], samples[1], samples[2], identical));
        }

        return rows;
    }

    private static void WarmUp(Func<double> call, string label, TimingSettings settings, List<string> unsettled)
    {
        if (!SteadyState.Settle(call, settings.WarmUp))
        {
            unsettled.Add($"warm-up/{label}");
        }
    }

    /// <summary>About <paramref name="elements"/> elements of probability rows (each normalized to 1) and a destination.</summary>
    private static (T[] P, T[] Q, T[] Scores, int Columns) Shape<T>(int elements, int columns)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = Math.Max(1, (int)Math.Round((double)elements / columns));
        (T[] p, T[] q) = Probabilities.RowPair<T>(rows, columns);
        return (p, q, new T[rows], columns);
    }

    /// <summary>Every row through one of the two row folds, in the driver's blocks (<see cref="RowDriver.BlockRows"/>),
    /// without the rest of the driver.</summary>
    private static double Fold<T>(RowFold fold, T[] p, T[] q, int columns, FoldTotals[] totals)
        where T : unmanaged
    {
        int rows = p.Length / columns;
        int blockRows = RowDriver.BlockRows(columns);
        for (int start = 0; start < rows; start += blockRows)
        {
            int count = Math.Min(blockRows, rows - start);
            var layout = new RowLayout(count, columns, columns, columns);
            Span<FoldTotals> results = totals.AsSpan(0, count);
            ReadOnlySpan<T> x = p.AsSpan(start * columns, count * columns), y = q.AsSpan(start * columns, count * columns);
            if (typeof(T) == typeof(float))
            {
                ReadOnlySpan<float> xs = MemoryMarshal.Cast<T, float>(x), ys = MemoryMarshal.Cast<T, float>(y);
                if (fold == RowFold.Each) { Terms.KullbackLeiblerKernel.FoldRowsEach<FoldModes.Plain>(xs, ys, layout, default, default, results); }
                else { Terms.KullbackLeiblerKernel.FoldRowsVector<FoldModes.Plain>(xs, ys, layout, default, default, results); }
            }
            else
            {
                ReadOnlySpan<double> xs = MemoryMarshal.Cast<T, double>(x), ys = MemoryMarshal.Cast<T, double>(y);
                if (fold == RowFold.Each) { Terms.KullbackLeiblerKernel.FoldRowsEach<FoldModes.Plain>(xs, ys, layout, default, default, results); }
                else { Terms.KullbackLeiblerKernel.FoldRowsVector<FoldModes.Plain>(xs, ys, layout, default, default, results); }
            }
        }

        return totals[0].Sum;
    }

    /// <summary>The public batch call on the calling thread only.</summary>
    private static double OneThread<T>(T[] p, T[] q, int columns, T[] scores)
        where T : unmanaged, IFloatingPointIeee754<T> => BatchCall(p, q, columns, scores, threads: 1);

    /// <summary>The public batch call with two threads allowed: the driver decides (one thread below its threshold).</summary>
    private static double Today(float[] p, float[] q, int columns, float[] scores) => BatchCall(p, q, columns, scores, threads: 2);

    private static double BatchCall<T>(T[] p, T[] q, int columns, T[] scores, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var options = new BatchOptions { MaxDegreeOfParallelism = threads };
        if (typeof(T) == typeof(float))
        {
            Batch.KullbackLeibler(MemoryMarshal.Cast<T, float>(p), MemoryMarshal.Cast<T, float>(q), columns, MemoryMarshal.Cast<T, float>(scores.AsSpan()), LogBase.E, options);
        }
        else
        {
            Batch.KullbackLeibler(MemoryMarshal.Cast<T, double>(p), MemoryMarshal.Cast<T, double>(q), columns, MemoryMarshal.Cast<T, double>(scores.AsSpan()), LogBase.E, options);
        }

        return double.CreateTruncating(scores[0]);
    }

    private static double LongVector<T>(T[] p, T[] q)
        where T : unmanaged, IFloatingPointIeee754<T> => Candidates.Ours<T>(Measure.KullbackLeibler, p, q);

    private static string Header(TimingSettings settings, bool quick)
    {
        var text = new StringBuilder();
        text.Append(Machine.Title("rows-sweep", quick));
        text.AppendLine(Invariant, $"- Method: as `compare` (one process, default tiered compilation + dynamic PGO; each fold call warmed on k = 4, 16 and 256 in turn, the parallel calls on 2^12 and 2^15 elements, for ≥ {settings.WarmUp.Min.TotalMilliseconds:F0} ms until two {settings.WarmUp.Batch.TotalMilliseconds:F0} ms batches agree within {100 * settings.WarmUp.Tolerance:F0}%), then per row each call settled again and {settings.Rounds} interleaved rounds of samples ≥ {settings.MinSample.TotalMilliseconds:F0} ms; medians. noise = the largest interquartile range / median in the row.");
        text.AppendLine(Invariant, $"- KL, natural log, one thread, rows of strictly positive probabilities each normalized to 1 (`new Random(42)`), about {FoldElements:N0} elements per call (rows = round({FoldElements:N0} / k); float p + q = 128 KB, double 256 KB: in L2). Each = `FoldRowsEach<Plain>` (one row at a time through the ordinary fold, which itself picks the vector or, below a vector's width, the scalar loop); vector = `FoldRowsVector<Plain>` (Vector<T>.Count rows at once, one per lane, transposed in chunks of {RowSupport.ChunkColumns} columns). Both are called on the driver's blocks of `RowDriver.BlockRows(k)` rows, as the driver calls them. Batch = the public `Batch.KullbackLeibler` with MaxDegreeOfParallelism = 1 (whichever fold it picks, plus the driver).");
        text.AppendLine();
        return text.ToString();
    }

    private static string FoldTable(FoldSweep sweep)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"{sweep.Type} KL rows, ns per element (lower is better). long vector = `Information.KullbackLeibler` over the same elements as one span; kept = long-vector ns / Batch ns. Today the driver folds rows of fewer than {sweep.WideName} = {sweep.WideColumns} columns with the vector fold, longer ones one at a time.");
        text.AppendLine();
        text.AppendLine("| k | rows | each | vector | each/vector | faster | today | Batch | long vector | kept | noise |");
        text.AppendLine("|---:|---:|---:|---:|---:|---|---|---:|---:|---:|---:|");
        foreach (FoldRow row in sweep.Rows)
        {
            double each = row.Each.Median, vector = row.Vector.Median;
            string today = row.Columns < sweep.WideColumns ? "vector" : "each";
            double noise = new[] { row.Each, row.Vector, row.Batch, row.LongVector }.Max(s => s.RelativeSpread);
            text.AppendLine(Invariant, $"| {row.Columns} | {row.Rows:N0} | {each:F3} | {vector:F3} | {each / vector:F2} | {(each <= vector ? "each" : "vector")} | {today} | {row.Batch.Median:F3} | {row.LongVector.Median:F3} | {100 * row.LongVector.Median / row.Batch.Median:F0}% | {100 * noise:F0}% |");
        }

        int? crossover = FirstOfRun(sweep.Rows.Select(r => (r.Columns, r.Each.Median <= r.Vector.Median)));
        text.AppendLine();
        text.AppendLine(crossover is int k
            ? string.Create(Invariant, $"{sweep.Type}: the one-at-a-time fold is at least as fast from k = {k} on (every larger k in the sweep); today {sweep.WideName} = {sweep.WideColumns}.")
            : string.Create(Invariant, $"{sweep.Type}: the vector fold is faster at k = {ColumnCounts[^1]}, the largest in the sweep; today {sweep.WideName} = {sweep.WideColumns}."));
        text.AppendLine();
        return text.ToString();
    }

    private static string ParallelTable(List<ParallelRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Float KL rows of k = {ParallelColumns}, ns per call (lower is better). 1 thread = MaxDegreeOfParallelism 1; MaxDOP 2 = the public call with two threads allowed, which the driver keeps on one thread below RowDriver.ParallelElements = {RowDriver.ParallelElements:N0} (2^{Math.Log2(RowDriver.ParallelElements):F0}) elements or with fewer than 2 blocks; forced = the driver's parallel path called directly on 2 threads whatever the size (the same blocks of {RowDriver.BlockRows(ParallelColumns)} rows; scores checked bit-identical to 1 thread). speed-up = 1 thread / forced.");
        text.AppendLine();
        text.AppendLine("| elements | rows | blocks | 1 thread | MaxDOP 2 | MaxDOP 2 runs on | forced 2 threads | speed-up | identical | noise |");
        text.AppendLine("|---:|---:|---:|---:|---:|---|---:|---:|---|---:|");
        foreach (ParallelRow row in rows)
        {
            bool parallelToday = row.Blocks >= 2 && row.Elements >= RowDriver.ParallelElements;
            double noise = new[] { row.OneThread, row.Today, row.Forced }.Max(s => s.RelativeSpread);
            text.AppendLine(Invariant, $"| {row.Elements:N0} (2^{Math.Log2(row.Elements):F0}) | {row.Rows:N0} | {row.Blocks} | {row.OneThread.Median:N0} | {row.Today.Median:N0} | {(parallelToday ? "2 threads" : "1 thread")} | {row.Forced.Median:N0} | {row.OneThread.Median / row.Forced.Median:F2}× | {(row.Identical ? "yes" : "**no**")} | {100 * noise:F0}% |");
        }

        int? from = FirstOfRun(rows.Select(r => (r.Elements, r.Forced.Median < r.OneThread.Median)));
        text.AppendLine();
        text.AppendLine(from is int n
            ? string.Create(Invariant, $"Two threads beat one from {n:N0} elements (2^{Math.Log2(n):F0}) on (every larger size in the sweep); today RowDriver.ParallelElements = {RowDriver.ParallelElements:N0}.")
            : string.Create(Invariant, $"Two threads do not beat one even at the largest size in the sweep; today RowDriver.ParallelElements = {RowDriver.ParallelElements:N0}."));
        text.AppendLine();
        return text.ToString();
    }

    /// <summary>The first key from which the condition holds for every later entry, or null if it fails at the last.</summary>
    private static int? FirstOfRun(IEnumerable<(int Key, bool Holds)> entries)
    {
        int? first = null;
        foreach ((int key, bool holds) in entries)
        {
            first = holds ? first ?? key : null;
        }

        return first;
    }
}
