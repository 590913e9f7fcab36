using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;

namespace Kernels.Benchmarks;

/// <summary>One measured row of <see cref="Compare"/>: ns per element per candidate, the high-precision reference value
/// and each candidate's relative error against it (the roofline computes no measure and has none).</summary>
internal sealed record CompareRow(
    Measure Measure, string Type, int N, IReadOnlyDictionary<Candidate, Sample> NsPerElement, double Reference,
    IReadOnlyDictionary<Candidate, double> RelativeError);

/// <summary>
/// A quick steady-state comparison printed as Markdown. The runtime is left at its defaults (tiered compilation and
/// dynamic PGO on, as in BenchmarkDotNet's default job) unless the caller sets knobs (the report is meant to be made
/// with DOTNET_TieredCompilation=0), so every candidate is first called until its speed settles: under tiering
/// TensorPrimitives needs more than 250 ms before it reaches its final code. Then, per size and measure, interleaved
/// rounds (ours, scalar, TensorPrimitives, roofline, native peers, ours, ...) of samples that each repeat the call for
/// at least 5 ms; the table shows medians. Every candidate's result is also compared with a double-double reference
/// on the same inputs (<see cref="Reference"/>). The native peers (<see cref="NativePeers"/>) join when built.
/// <c>--report DIR</c> sweeps n from about 1K to 16M instead and writes DIR/report.md with SVG plots
/// (<see cref="Report"/>).
/// </summary>
internal static class Compare
{
    private static readonly int[] Sizes = [1000, 65543, 16777216];

    /// <summary>The report's sweep: about 1K to 16M in steps of 4, off the vector widths (+7) so tails are measured
    /// (KERNELS_REPORT_SIZES=n1,n2,... replaces it, e.g. for a quick look at the plots).</summary>
    private static readonly int[] ReportSizes = [1031, 4103, 16391, 65543, 262151, 1048583, 4194311, 16777216];

    private static readonly Measure[] ReportMeasures =
        [Measure.Entropy, Measure.CrossEntropy, Measure.KullbackLeibler, Measure.JensenShannon];

    private static readonly Candidate[] AllCandidates = Enum.GetValues<Candidate>();
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Run(bool quick) => Run(quick, reportDirectory: null);

    public static void Run(bool quick, string? reportDirectory)
    {
        bool report = reportDirectory is not null;
        int[] sizes = report ? BenchmarkSizes.FromEnvironment("KERNELS_REPORT_SIZES", ReportSizes).ToArray() : Sizes;
        Measure[] measures = report ? ReportMeasures : Enum.GetValues<Measure>();
        TimingSettings settings = TimingSettings.Of(quick);
        var clock = Stopwatch.StartNew();
        string header = Header(settings, quick, sizes, report);
        Console.Out.Write(header);

        var rows = new List<CompareRow>();
        var unsettled = new List<string>();
        rows.AddRange(MeasureType<float>("float", sizes, measures, settings, unsettled));
        rows.AddRange(MeasureType<double>("double", sizes, measures, settings, unsettled));

        string tables = Table(rows) + AccuracyTable(rows);
        string footer = SteadyState.Footer(unsettled, clock.Elapsed);
        Console.Out.Write(tables);
        Console.Out.Write(footer);
        if (reportDirectory is not null)
        {
            string written = Report.Write(reportDirectory, header, rows, footer);
            Console.Out.WriteLine($"Report written to {written}");
        }
    }

    private static List<CompareRow> MeasureType<T>(
        string type, int[] sizes, Measure[] measures, TimingSettings settings, List<string> unsettled)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Tiering is per method, not per size, but a kernel may take size-dependent paths: warm each candidate on the
        // two cache-resident sizes in turn, so every path is compiled (and profiled) before anything is timed.
        var small = new Workload<T>(Sizes[0]);
        var medium = new Workload<T>(Sizes[1]);
        foreach (Measure measure in measures)
        {
            foreach (Candidate candidate in Offered<T>(measure))
            {
                if (!SteadyState.Settle(() => small.Run(candidate, measure) + medium.Run(candidate, measure), settings.WarmUp))
                {
                    unsettled.Add($"{measure}/{type}/{candidate}");
                }
            }
        }

        var rows = new List<CompareRow>();
        foreach (int n in sizes)
        {
            var workload = new Workload<T>(n);

            // At 4M elements and more a call takes milliseconds to a tenth of a second: fewer rounds keep the sweep short.
            TimingSettings atSize = n >= 4_000_000 ? settings with { Rounds = Math.Min(settings.Rounds, 3) } : settings;
            foreach (Measure measure in measures)
            {
                Candidate[] offered = Offered<T>(measure);
                double reference = Reference.Of(measure, workload.P, workload.SecondInput(measure));
                var errors = offered.Where(c => c != Candidate.Roofline)
                    .ToDictionary(c => c, c => RelativeError(workload.Run(c, measure), reference));
                var times = Time(workload, measure, offered, atSize, $"{measure}/{type}/{n}", unsettled);
                rows.Add(new CompareRow(measure, type, n, times, reference, errors));
            }

            workload = null;
            GC.Collect();
        }

        return rows;
    }

    private static Candidate[] Offered<T>(Measure measure)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        AllCandidates.Where(c => Workload<T>.Offers(c, measure)).ToArray();

    /// <summary>|value − reference| / |reference|; a NaN or infinite result is rated ∞.</summary>
    public static double RelativeError(double value, double reference) =>
        double.IsFinite(value) ? Math.Abs(value - reference) / Math.Abs(reference) : double.PositiveInfinity;

    private static Dictionary<Candidate, Sample> Time<T>(
        Workload<T> workload, Measure measure, Candidate[] offered, TimingSettings settings, string label, List<string> unsettled)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var candidates = offered.Select(c => new Timed($"{label}/{c}", () => workload.Run(c, measure))).ToArray();
        Sample[] samples = SteadyState.Interleaved(candidates, workload.Length, settings, unsettled);
        return offered.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => samples[x.i]);
    }

    private static string Header(TimingSettings settings, bool quick, int[] sizes, bool report)
    {
        var text = new StringBuilder();
        text.Append(Machine.Title(report ? "compare --report" : "compare", quick));
        text.AppendLine(Invariant, $"- Method: one process, no runtime knobs unless listed above. Warm-up: each candidate called on n = {Sizes[0]:N0} and n = {Sizes[1]:N0} in turn for ≥ {settings.WarmUp.Min.TotalMilliseconds:F0} ms until two {settings.WarmUp.Batch.TotalMilliseconds:F0} ms batches agree within {100 * settings.WarmUp.Tolerance:F0}% (cap {settings.WarmUp.Max.TotalMilliseconds:F0} ms). Per row: each candidate settled again at that size (≥ {settings.PreRun.Min.TotalMilliseconds:F0} ms), then {settings.Rounds} interleaved rounds ({Math.Min(settings.Rounds, 3)} from n = 4M on), each sample ≥ {settings.MinSample.TotalMilliseconds:F0} ms of repeated calls through a delegate; medians. noise = largest interquartile range / median among the row's candidates.");
        text.AppendLine(Invariant, $"- Sizes: {string.Join(", ", sizes.Select(n => n.ToString("N0", Invariant)))}. Inputs: strictly positive, normalized to 1, p ≠ q, `new Random(42)`; float inputs are the double inputs rounded.");
        text.AppendLine("- ours = `Kernels.Information` (natural log; float terms summed in double). scalar = plain loop, terms in T with MathF.Log/Math.Log, p = 0 → 0, summed in double. TP = TensorPrimitives composition through a preallocated n-element buffer (H = −Dot(p, Log p), CE = −Dot(p, Log q), KL = Dot(p, Log(p/q)), JS via m = (p+q)/2, two Divide/Log/Dot), summed in T. roofline = TensorPrimitives.Sum over the same arrays (p for H; p and q otherwise).");
        text.AppendLine("- gcc -Ofast = the plain C loop (terms and sum in T) compiled with gcc -Ofast -march=native onto glibc's vector log; SimSIMD = its KL and JS kernels (an epsilon of 1e-7 added to every input; JS returned as a distance and squared back). Both from benchmarks/native/build.sh:");
        foreach (string line in NativePeers.Status)
        {
            text.AppendLine(Invariant, $"  - {line}");
        }

        text.AppendLine("- Accuracy: relative error |result − reference| / reference, the reference being the measure on the same inputs (float inputs widened exactly) with every term and the sum in double-double (about 1e-30). Float results returned in float (ours, TP, gcc, SimSIMD) carry a floor of about 3e-8 (half an ulp of the result); the scalar loop returns its double sum unrounded.");
        text.AppendLine("- Times are ns per element (lower is better). TP/ours, gcc/ours and scalar/ours are speed-ups of ours; roofline % = roofline ns / ours ns.");
        text.AppendLine();
        return text.ToString();
    }

    private static string Table(List<CompareRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| measure | type | n | ours | scalar | TP | gcc -Ofast | SimSIMD | roofline | TP/ours | gcc/ours | scalar/ours | ours % of roofline | noise |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (CompareRow row in Ordered(rows))
        {
            double ours = row.NsPerElement[Candidate.Kernels].Median;
            string Ns(Candidate c) => row.NsPerElement.TryGetValue(c, out Sample s) ? s.Median.ToString("F3", Invariant) : "";
            string Ratio(Candidate c, string format) =>
                row.NsPerElement.TryGetValue(c, out Sample s) ? (s.Median / ours).ToString(format, Invariant) + "×" : "";
            double roofline = row.NsPerElement[Candidate.Roofline].Median;
            double noise = row.NsPerElement.Values.Max(s => s.RelativeSpread);
            text.AppendLine(Invariant, $"| {Name(row.Measure)} | {row.Type} | {row.N:N0} | {ours:F3} | {Ns(Candidate.ScalarLoop)} | {Ns(Candidate.TensorPrimitives)} | {Ns(Candidate.GccOfast)} | {Ns(Candidate.SimSimd)} | {roofline:F3} | {Ratio(Candidate.TensorPrimitives, "F2")} | {Ratio(Candidate.GccOfast, "F2")} | {Ratio(Candidate.ScalarLoop, "F1")} | {100 * roofline / ours:F0}% | {100 * noise:F0}% |");
        }

        text.AppendLine();
        return text.ToString();
    }

    private static string AccuracyTable(List<CompareRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("Relative error against the double-double reference on the same inputs (0 = exactly the reference rounded to double):");
        text.AppendLine();
        text.AppendLine("| measure | type | n | reference (nats) | ours | scalar (double sum) | TP | gcc -Ofast | SimSIMD |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (CompareRow row in Ordered(rows))
        {
            string Error(Candidate c) => row.RelativeError.TryGetValue(c, out double e) ? Scientific(e) : "";
            text.AppendLine(Invariant, $"| {Name(row.Measure)} | {row.Type} | {row.N:N0} | {row.Reference:R} | {Error(Candidate.Kernels)} | {Error(Candidate.ScalarLoop)} | {Error(Candidate.TensorPrimitives)} | {Error(Candidate.GccOfast)} | {Error(Candidate.SimSimd)} |");
        }

        text.AppendLine();
        return text.ToString();
    }

    private static IEnumerable<CompareRow> Ordered(IEnumerable<CompareRow> rows) =>
        rows.OrderBy(r => r.Measure).ThenBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.N);

    public static string Name(Measure measure) => measure switch
    {
        Measure.Entropy => "H",
        Measure.CrossEntropy => "CE",
        Measure.KullbackLeibler => "KL",
        Measure.JensenShannon => "JS",
        Measure.JensenShannonNearEqual => "JS, q ≈ p",
        _ => measure.ToString(),
    };

    public static string Scientific(double value) =>
        value == 0 ? "0" : double.IsPositiveInfinity(value) ? "∞ (NaN/∞ result)" : value.ToString("0.0E+0", Invariant);
}
