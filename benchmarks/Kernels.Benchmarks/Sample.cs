using System;
using System.Collections.Generic;
using System.Linq;

namespace Kernels.Benchmarks;

/// <summary>A summary of repeated timings: the median and the interquartile range relative to it (the noise).</summary>
internal readonly record struct Sample(double Median, double RelativeSpread)
{
    public static Sample Of(IReadOnlyCollection<double> values)
    {
        double[] sorted = [.. values.Order()];
        double median = Quantile(sorted, 0.5);
        return new Sample(median, (Quantile(sorted, 0.75) - Quantile(sorted, 0.25)) / median);
    }

    // Linear interpolation between closest ranks.
    private static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No values.", nameof(sorted));
        }

        double rank = q * (sorted.Length - 1);
        int below = (int)Math.Floor(rank);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((rank - below) * (sorted[above] - sorted[below]));
    }
}
