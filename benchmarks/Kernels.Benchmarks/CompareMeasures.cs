using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;

namespace Kernels.Benchmarks;

/// <summary>
/// <c>compare measures</c>: each <see cref="Measures"/> function against the naive scalar loop a user would otherwise
/// write (<see cref="NaiveMeasures"/>), float and double, at 4,096 and 1,048,576 elements (tables 64×64 and 1024×1024),
/// in the quick modes' way (steady state, interleaved rounds, medians; see <see cref="SteadyState"/>). Also the bytes
/// each call allocates and the relative difference of the two results. About two minutes here.
/// </summary>
internal static class CompareMeasures
{
    private static readonly int[] Sizes = [4096, 1048576];

    /// <summary>Warm-up inputs: 4,096 elements and 65,536, whose table is 64 × 1024 (wide rows, as the large table's)
    /// while the small one has rows of 64, so every path is compiled and profiled before anything is timed.</summary>
    private const int WarmUpElements = 65536;

    private const int AllocationCalls = 4;

    /// <summary>Relative differences above these are flagged: double results should agree with a plain double loop to
    /// about the loop's own rounding (1e-13 at 1M); the float results are rounded to float (about 6e-8).</summary>
    private const double DoubleTolerance = 1e-6;
    private const double FloatTolerance = 1e-5;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private sealed record Result(
        string Measure, string Type, int Elements, string Shape, Sample Ours, Sample Naive, long OursBytes, long NaiveBytes, double OursValue, double NaiveValue)
    {
        public double Difference => Math.Abs(OursValue - NaiveValue) / Math.Abs(NaiveValue);

        public bool Flagged => !(Difference <= (Type == "double" ? DoubleTolerance : FloatTolerance));
    }

    /// <summary>Times every measure, or those whose name contains <paramref name="only"/> (ordinal, ignoring case);
    /// false (and a message) when that matches none.</summary>
    public static bool Run(bool quick, string? only)
    {
        Func<string, bool> selected = name => only is null || name.Contains(only, StringComparison.OrdinalIgnoreCase);
        if (!MeasurePairs.All<double>().Any(p => selected(p.Name)))
        {
            Console.Error.WriteLine($"compare measures --only {only}: no measure's name contains it; the names are " +
                string.Join(", ", MeasurePairs.All<double>().Select(p => p.Name)));
            return false;
        }

        TimingSettings settings = TimingSettings.OfBatch(quick);
        var clock = Stopwatch.StartNew();
        Console.Out.Write(Header(settings, quick));

        var unsettled = new List<string>();
        var results = new List<Result>();
        results.AddRange(MeasureType<float>("float", settings, unsettled, selected));
        results.AddRange(MeasureType<double>("double", settings, unsettled, selected));

        Console.Out.Write(Table(results));
        Console.Out.Write(Flags(results));
        Console.Out.Write(SteadyState.Footer(unsettled, clock.Elapsed));
        return true;
    }

    private static List<Result> MeasureType<T>(string type, TimingSettings settings, List<string> unsettled, Func<string, bool> selected)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var small = MeasuresWorkload<T>.OfSize(Sizes[0]);
        var medium = new MeasuresWorkload<T>(WarmUpElements, WarmUpElements / 1024, 1024);
        MeasuresWorkload<T>[] timed = [small, MeasuresWorkload<T>.OfSize(Sizes[1])];

        var results = new List<Result>();
        foreach (MeasurePair<T> pair in MeasurePairs.All<T>().Where(p => selected(p.Name)))
        {
            // Both candidates of a pair warm up together: each is called on both warm-up sizes in every round.
            if (!SteadyState.Settle(() => pair.Ours(small) + pair.Ours(medium) + pair.Naive(small) + pair.Naive(medium), settings.WarmUp))
            {
                unsettled.Add($"warm-up/{pair.Name}/{type}");
            }

            foreach (MeasuresWorkload<T> workload in timed)
            {
                string label = $"{pair.Name}/{type}/{workload.Length}";
                Sample[] samples = SteadyState.Interleaved(
                    [new Timed($"{label}/ours", () => pair.Ours(workload)), new Timed($"{label}/naive", () => pair.Naive(workload))],
                    pair.Elements(workload), settings, unsettled);
                string shape = pair.Table ? string.Create(Invariant, $"{workload.TableRows}×{workload.TableColumns}") : string.Create(Invariant, $"{workload.Length:N0}");
                results.Add(new Result(
                    pair.Name, type, pair.Elements(workload), shape, samples[0], samples[1],
                    SteadyState.AllocatedPerCall(() => pair.Ours(workload), AllocationCalls), SteadyState.AllocatedPerCall(() => pair.Naive(workload), AllocationCalls),
                    pair.Ours(workload), pair.Naive(workload)));
            }
        }

        return results;
    }

    private static string Header(TimingSettings settings, bool quick)
    {
        var text = new StringBuilder();
        text.Append(Machine.Title("compare measures", quick));
        text.AppendLine(Invariant, $"- Method: as `compare` (one process, default tiered compilation + dynamic PGO). Warm-up per measure, type and α: ours and the naive loop called together on {Sizes[0]:N0} and {WarmUpElements:N0} elements (tables 64×64 and 64×1024) for ≥ {settings.WarmUp.Min.TotalMilliseconds:F0} ms until two {settings.WarmUp.Batch.TotalMilliseconds:F0} ms batches agree within {100 * settings.WarmUp.Tolerance:F0}% (cap {settings.WarmUp.Max.TotalMilliseconds:F0} ms). Per row: both settled again at that size (≥ {settings.PreRun.Min.TotalMilliseconds:F0} ms), then {settings.Rounds} interleaved rounds (ours, naive, ours, ...), each sample ≥ {settings.MinSample.TotalMilliseconds:F0} ms of repeated calls through a delegate: a measuring window of about {2 * settings.Rounds * settings.MinSample.TotalMilliseconds:F0} ms per row (the quick mode's; BenchmarkDotNet's `--filter '*Measures*'` measures longer); medians. noise = the larger interquartile range / median of the two.");
        text.AppendLine("- Inputs: `new Random(42)`; p, q strictly positive, each normalized to 1; means and log-variances uniform in [−2, 2); joint tables of weights in (0, 1] (the measures normalize); counts integers 0–19. Float inputs are the double draws rounded.");
        text.AppendLine("- ours = `Kernels.Measures` (natural log). naive = the textbook loop over the span: each element widened to double, Math.Sqrt/Math.Pow/Math.Log/Math.Exp, one plain double accumulator (Hellinger √(½Σ(√p − √q)²); Rényi log(Σ Math.Pow(p, α))/(1 − α), at α = 1 Shannon and at α = ∞ −log max p; Rényi divergence log(Σ Math.Pow(p, α)·Math.Pow(q, 1 − α))/(α − 1), at α = 1 KL and at α = ∞ log max p/q; Gaussian KL ½Σ(μ² + e^v − 1 − v); MI and H(Y|X) from marginals arrays, then Σ p log(p/(r c)) and −Σ p log(p/r); Miller–Madow −Σ f log f + (K − 1)/(2N) in two passes).");
        text.AppendLine(Invariant, $"- Times are ns per element (per table entry for the tables; lower is better). naive/ours = speed-up of ours (below 1.00× ours is slower). bytes/call: allocated on this thread per call over {AllocationCalls} calls after timing. rel.diff = |ours − naive| / |naive|, flagged (⚠) above {DoubleTolerance:0E+0} for double and {FloatTolerance:0E+0} for float (ours returns float there).");
        text.AppendLine();
        return text.ToString();
    }

    private static string Table(List<Result> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| measure | type | n | ours | naive | naive/ours | noise | ours bytes/call | naive bytes/call | rel.diff |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (Result row in results)
        {
            double noise = Math.Max(row.Ours.RelativeSpread, row.Naive.RelativeSpread);
            double ratio = row.Naive.Median / row.Ours.Median;
            string speedUp = ratio < 1.0 ? string.Create(Invariant, $"**{ratio:F2}×**") : string.Create(Invariant, $"{ratio:F2}×");
            text.AppendLine(Invariant, $"| {row.Measure} | {row.Type} | {row.Shape} | {row.Ours.Median:F3} | {row.Naive.Median:F3} | {speedUp} | {100 * noise:F0}% | {row.OursBytes:N0} | {row.NaiveBytes:N0} | {Scientific(row.Difference)}{(row.Flagged ? " ⚠" : "")} |");
        }

        text.AppendLine();
        return text.ToString();
    }

    private static string Flags(List<Result> results)
    {
        var text = new StringBuilder();
        Result[] slower = results.Where(r => r.Naive.Median < r.Ours.Median).ToArray();
        Result[] differ = results.Where(r => r.Flagged).ToArray();
        Result[] allocate = results.Where(r => r.OursBytes != 0).ToArray();
        text.AppendLine(Invariant, $"Slower than the naive loop: {List(slower)}.");
        text.AppendLine(Invariant, $"Results differing beyond the tolerance: {List(differ)}.");
        text.AppendLine(Invariant, $"Ours allocating in steady state: {(allocate.Length == 0 ? "none" : string.Join(", ", allocate.Select(r => $"{r.Measure}/{r.Type}/{r.Shape} ({r.OursBytes:N0} B)")))}.");
        text.AppendLine();
        return text.ToString();

        static string List(Result[] rows) => rows.Length == 0 ? "none" : string.Join(", ", rows.Select(r => $"{r.Measure}/{r.Type}/{r.Shape}"));
    }

    private static string Scientific(double value) => value.ToString("0.0E+0", Invariant);
}
