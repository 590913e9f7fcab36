using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Kernels.Benchmarks;

/// <summary>Call in batches of <paramref name="Batch"/> for at least <paramref name="Min"/> until two consecutive
/// batches agree within <paramref name="Tolerance"/>, or give up at <paramref name="Max"/>.</summary>
internal sealed record Settling(TimeSpan Min, TimeSpan Max, TimeSpan Batch, double Tolerance);

/// <summary>How the quick modes time: a long warm-up per candidate (tiering), a short settling run per candidate and
/// size, then <paramref name="Rounds"/> interleaved rounds of samples of at least <paramref name="MinSample"/>.</summary>
internal sealed record TimingSettings(int Rounds, Settling WarmUp, Settling PreRun, TimeSpan MinSample)
{
    /// <summary>The settings of every quick mode (<c>--quick</c>: fewer rounds).</summary>
    public static TimingSettings Of(bool quick) => new(
        Rounds: quick ? 3 : 5,
        WarmUp: new Settling(Ms(200), Ms(800), Ms(20), 0.05),
        PreRun: new Settling(Ms(20), Ms(300), Ms(10), 0.05),
        MinSample: Ms(5));

    /// <summary>The settings of the batch modes: the row paths go through more methods (driver, measure, row folds)
    /// that tiered compilation promotes one by one, so each call is warmed up for at least 1.5 s (0.8 s with
    /// <c>--quick</c>) before two batches are compared; shorter warm-ups measured the row paths up to 30% slow.</summary>
    public static TimingSettings OfBatch(bool quick) => Of(quick) with
    {
        WarmUp = new Settling(Ms(quick ? 800 : 1500), Ms(quick ? 1600 : 3000), Ms(20), 0.05),
    };

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}

/// <summary>A call to time, named for the report of calls that did not settle. It returns a value that goes into a
/// checksum, so that the JIT cannot drop it.</summary>
internal sealed record Timed(string Label, Func<double> Call);

/// <summary>
/// Steady-state timing shared by the quick modes: settle a call (repeat it until two consecutive batches agree), then
/// time candidates in interleaved rounds (a, b, c, a, b, c, ...) so that a noisy moment hits all of them alike, and
/// summarize each candidate's samples by their median.
/// </summary>
internal static class SteadyState
{
    private static double s_sink;

    /// <summary>The sum of every value the timed calls returned.</summary>
    public static double Checksum => s_sink;

    public static bool Settle(Func<double> call, Settling settling) => Settle(call, settling, out _);

    public static bool Settle(Func<double> call, Settling settling, out double secondsPerCall)
    {
        var elapsed = Stopwatch.StartNew();
        double previous = double.NaN;
        while (true)
        {
            secondsPerCall = SecondsPerCall(call, settling.Batch);
            bool steady = Math.Abs(secondsPerCall - previous) <= settling.Tolerance * previous;
            if (elapsed.Elapsed >= settling.Min && steady)
            {
                return true;
            }

            if (elapsed.Elapsed >= settling.Max)
            {
                return false;
            }

            previous = secondsPerCall;
        }
    }

    /// <summary>
    /// Settles each candidate at this size (which also sets its repetitions per sample), then times them in interleaved
    /// rounds. Returns, per candidate in order, the summary of ns per call divided by <paramref name="unitsPerCall"/>
    /// (the element count for ns per element, 1 for ns per call). Labels of candidates that did not settle go to
    /// <paramref name="unsettled"/>.
    /// </summary>
    public static Sample[] Interleaved(IReadOnlyList<Timed> candidates, double unitsPerCall, TimingSettings settings, List<string> unsettled)
    {
        // A short settling run per candidate at this size (touches the pages, fills the caches) sets the repetitions.
        var repetitions = new int[candidates.Count];
        for (int c = 0; c < candidates.Count; c++)
        {
            if (!Settle(candidates[c].Call, settings.PreRun, out double secondsPerCall))
            {
                unsettled.Add(candidates[c].Label);
            }

            repetitions[c] = Math.Max(1, (int)Math.Ceiling(1.1 * settings.MinSample.TotalSeconds / secondsPerCall));
        }

        var samples = candidates.Select(_ => new List<double>(settings.Rounds)).ToArray();
        for (int round = 0; round < settings.Rounds; round++)
        {
            for (int c = 0; c < candidates.Count; c++)
            {
                Func<double> call = candidates[c].Call;
                long start = Stopwatch.GetTimestamp();
                for (int r = 0; r < repetitions[c]; r++)
                {
                    s_sink += call();
                }

                double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                samples[c].Add(seconds * 1e9 / repetitions[c] / unitsPerCall);
            }
        }

        return samples.Select(Sample.Of).ToArray();
    }

    /// <summary>The last lines of a quick mode's report: the calls that did not settle, if any, the time taken, the
    /// load at the end and the checksum.</summary>
    /// <summary>Bytes allocated per call over <paramref name="calls"/> calls (after timing, so pooled buffers are already
    /// pooled): on this thread only, or by the whole process (the workers of a parallel call allocate on theirs; other
    /// activity in the process would count too).</summary>
    public static long AllocatedPerCall(Func<double> call, int calls, bool allThreads = false)
    {
        long before = allThreads ? GC.GetTotalAllocatedBytes(precise: true) : GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < calls; i++)
        {
            _ = call();
        }

        long after = allThreads ? GC.GetTotalAllocatedBytes(precise: true) : GC.GetAllocatedBytesForCurrentThread();
        return (after - before) / calls;
    }

    public static string Footer(IReadOnlyCollection<string> unsettled, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        if (unsettled.Count > 0)
        {
            text.AppendLine($"Did not settle within the cap (noisy machine?): {string.Join(", ", unsettled)}.");
            text.AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Total time {elapsed.TotalSeconds:F1} s; load average at the end {Machine.LoadAverage()} (checksum {Checksum:G6}).");
        return text.ToString();
    }

    private static double SecondsPerCall(Func<double> call, TimeSpan atLeast)
    {
        long start = Stopwatch.GetTimestamp();
        int calls = 0;
        TimeSpan spent;
        do
        {
            s_sink += call();
            calls++;
            spent = Stopwatch.GetElapsedTime(start);
        }
        while (spent < atLeast);

        return spent.TotalSeconds / calls;
    }
}
