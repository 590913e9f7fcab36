using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;

namespace Kernels.Benchmarks;

/// <summary>
/// A quick steady-state comparison printed as Markdown. The runtime is left at its defaults (tiered compilation and
/// dynamic PGO on, as in BenchmarkDotNet's default job), so every candidate is first called until its speed settles:
/// under tiering TensorPrimitives needs more than 250 ms before it reaches its final code. Then, per size and measure,
/// interleaved rounds (ours, scalar, TensorPrimitives, roofline, ours, ...) of samples that each repeat the call for
/// at least 5 ms; the table shows medians.
/// </summary>
internal static class Compare
{
    private static readonly int[] Sizes = [1000, 65543, 16777216];
    private const int AccuracySize = 16777216;
    private static readonly Candidate[] AllCandidates = Enum.GetValues<Candidate>();
    private static readonly Measure[] AllMeasures = Enum.GetValues<Measure>();
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private sealed record Row(
        Measure Measure, string Type, int N, IReadOnlyDictionary<Candidate, Sample> NsPerElement, Accuracy? Accuracy);

    /// <summary>Relative errors of the float results against our double kernel run on the same inputs widened.</summary>
    private sealed record Accuracy(double Reference, double Ours, double ScalarLoop, double TensorPrimitives);

    public static void Run(bool quick)
    {
        TimingSettings settings = TimingSettings.Of(quick);
        var clock = Stopwatch.StartNew();
        Console.Out.Write(Header(settings, quick));

        var rows = new List<Row>();
        var unsettled = new List<string>();
        rows.AddRange(MeasureType<float>("float", settings, unsettled));
        rows.AddRange(MeasureType<double>("double", settings, unsettled));

        Console.Out.Write(Table(rows));
        Console.Out.Write(AccuracyTable(rows));
        Console.Out.Write(SteadyState.Footer(unsettled, clock.Elapsed));
    }

    private static List<Row> MeasureType<T>(string type, TimingSettings settings, List<string> unsettled)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Tiering is per method, not per size, but a kernel may take size-dependent paths: warm each candidate on the
        // two cache-resident sizes in turn, so every path is compiled (and profiled) before anything is timed.
        var small = new Workload<T>(Sizes[0]);
        var medium = new Workload<T>(Sizes[1]);
        foreach (Measure measure in AllMeasures)
        {
            foreach (Candidate candidate in AllCandidates)
            {
                if (!SteadyState.Settle(() => small.Run(candidate, measure) + medium.Run(candidate, measure), settings.WarmUp))
                {
                    unsettled.Add($"{measure}/{type}/{candidate}");
                }
            }
        }

        var rows = new List<Row>();
        foreach (int n in Sizes)
        {
            var workload = new Workload<T>(n);
            foreach (Measure measure in AllMeasures)
            {
                Accuracy? accuracy = n == AccuracySize && typeof(T) == typeof(float) ? AccuracyOf(workload, measure) : null;
                rows.Add(new Row(measure, type, n, Time(workload, measure, settings, $"{measure}/{type}/{n}", unsettled), accuracy));
            }

            workload = null;
            GC.Collect();
        }

        return rows;
    }

    private static Dictionary<Candidate, Sample> Time<T>(
        Workload<T> workload, Measure measure, TimingSettings settings, string label, List<string> unsettled)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var candidates = AllCandidates.Select(c => new Timed($"{label}/{c}", () => workload.Run(c, measure))).ToArray();
        Sample[] samples = SteadyState.Interleaved(candidates, workload.Length, settings, unsettled);
        return AllCandidates.ToDictionary(c => c, c => samples[(int)c]);
    }

    private static Accuracy AccuracyOf<T>(Workload<T> workload, Measure measure)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double[] p = workload.P.Select(double.CreateTruncating).ToArray();
        double[] q = workload.SecondInput(measure).Select(double.CreateTruncating).ToArray();
        double reference = Candidates.Ours<double>(Workload<T>.Actual(measure), p, q);
        double Error(double value) => Math.Abs(value - reference) / Math.Abs(reference);
        return new Accuracy(
            reference,
            Error(workload.Ours(measure)),
            Error(workload.ScalarLoop(measure)),
            Error(workload.TensorPrimitives(measure)));
    }

    private static string Header(TimingSettings settings, bool quick)
    {
        var text = new StringBuilder();
        text.Append(Machine.Title("compare", quick));
        text.AppendLine(Invariant, $"- Method: one process, default tiered compilation + dynamic PGO, no runtime knobs. Warm-up: each candidate called on n = {Sizes[0]:N0} and n = {Sizes[1]:N0} in turn for ≥ {settings.WarmUp.Min.TotalMilliseconds:F0} ms until two {settings.WarmUp.Batch.TotalMilliseconds:F0} ms batches agree within {100 * settings.WarmUp.Tolerance:F0}% (cap {settings.WarmUp.Max.TotalMilliseconds:F0} ms). Per row: each candidate settled again at that size (≥ {settings.PreRun.Min.TotalMilliseconds:F0} ms), then {settings.Rounds} interleaved rounds (ours, scalar, TP, roofline, ours, ...), each sample ≥ {settings.MinSample.TotalMilliseconds:F0} ms of repeated calls through a delegate; medians. noise = largest interquartile range / median among the row's four candidates.");
        text.AppendLine("- Inputs: strictly positive, normalized to 1, p ≠ q, `new Random(42)`; float inputs are the double inputs rounded.");
        text.AppendLine("- ours = `Kernels.Information` (natural log; float terms summed in double). scalar = plain loop, terms in T with MathF.Log/Math.Log, p = 0 → 0, summed in double. TP = TensorPrimitives composition through a preallocated n-element buffer (H = −Dot(p, Log p), CE = −Dot(p, Log q), KL = Dot(p, Log(p/q)), JS via m = (p+q)/2, two Divide/Log/Dot), summed in T. roofline = TensorPrimitives.Sum over the same arrays (p for H; p and q otherwise).");
        text.AppendLine("- Times are ns per element (lower is better). TP/ours and scalar/ours are speed-ups of ours; roofline % = roofline ns / ours ns.");
        text.AppendLine();
        return text.ToString();
    }

    private static string Table(List<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| measure | type | n | ours | scalar | TP | roofline | TP/ours | scalar/ours | ours % of roofline | noise | ours rel.err (n = 16M, float) |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (Row row in rows.OrderBy(r => r.Measure).ThenBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.N))
        {
            double ours = row.NsPerElement[Candidate.Kernels].Median;
            double scalar = row.NsPerElement[Candidate.ScalarLoop].Median;
            double composed = row.NsPerElement[Candidate.TensorPrimitives].Median;
            double roofline = row.NsPerElement[Candidate.Roofline].Median;
            double noise = row.NsPerElement.Values.Max(s => s.RelativeSpread);
            string error = row.Accuracy is { } a ? Scientific(a.Ours)
                : row.N == AccuracySize ? "n/a (no finer reference for double)"
                : "";
            text.AppendLine(Invariant, $"| {Name(row.Measure)} | {row.Type} | {row.N:N0} | {ours:F3} | {scalar:F3} | {composed:F3} | {roofline:F3} | {composed / ours:F2}× | {scalar / ours:F1}× | {100 * roofline / ours:F0}% | {100 * noise:F0}% | {error} |");
        }

        text.AppendLine();
        return text.ToString();
    }

    private static string AccuracyTable(List<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Float accuracy at n = {AccuracySize:N0}: relative error of each float result against our double kernel on the same inputs widened to double (a reference about 1e-15 accurate, not an exact one; double rows have no finer reference here and are not rated). Ours and TP return float, so about 3e-8 (half an ulp of the result) is the floor for them; the scalar loop's double sum is not rounded to float.");
        text.AppendLine();
        text.AppendLine("| measure | reference (nats) | ours | scalar (double sum) | TP (float Dot) |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (Row row in rows.Where(r => r.Accuracy is not null).OrderBy(r => r.Measure))
        {
            Accuracy a = row.Accuracy!;
            text.AppendLine(Invariant, $"| {Name(row.Measure)} | {a.Reference:R} | {Scientific(a.Ours)} | {Scientific(a.ScalarLoop)} | {Scientific(a.TensorPrimitives)} |");
        }

        text.AppendLine();
        return text.ToString();
    }

    private static string Name(Measure measure) => measure switch
    {
        Measure.Entropy => "H",
        Measure.CrossEntropy => "CE",
        Measure.KullbackLeibler => "KL",
        Measure.JensenShannon => "JS",
        Measure.JensenShannonNearEqual => "JS, q ≈ p",
        _ => measure.ToString(),
    };

    private static string Scientific(double value) => value.ToString("0.0E+0", Invariant);
}
