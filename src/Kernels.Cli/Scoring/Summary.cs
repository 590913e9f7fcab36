using System;
using System.Collections.Generic;
using System.Globalization;

namespace Kernels.Cli.Scoring;

/// <summary>
/// Running statistics of the scores: count, mean, min, max, NaN and ±∞ counts, and the 50th and 95th percentiles.
/// Percentiles are exact up to <see cref="ExactLimit"/> finite scores; beyond that they come from a uniform reservoir
/// sample of that size (fixed seed, so runs repeat), and the summary says so. Memory: at most ExactLimit doubles.
/// </summary>
internal sealed class Summary
{
    /// <summary>Finite scores kept for percentiles (8 MB).</summary>
    public const int ExactLimit = 1 << 20;

    private readonly List<double> _kept = new();
    private readonly Random _random = new(12345);
    private double _sum;
    private double _carry;

    public long Rows { get; private set; }

    public long Finite { get; private set; }

    public long NaN { get; private set; }

    public long PositiveInfinity { get; private set; }

    public long NegativeInfinity { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Mean of the finite scores (NaN if there are none).</summary>
    public double Mean => Finite == 0 ? double.NaN : (_sum + _carry) / Finite;

    public bool Sampled => Finite > ExactLimit;

    public void Add(ReadOnlySpan<double> scores)
    {
        foreach (double score in scores)
        {
            Rows++;
            if (double.IsNaN(score))
            {
                NaN++;
                continue;
            }

            if (double.IsPositiveInfinity(score))
            {
                PositiveInfinity++;
                continue;
            }

            if (double.IsNegativeInfinity(score))
            {
                NegativeInfinity++;
                continue;
            }

            Finite++;
            double t = _sum + score;
            _carry += Math.Abs(_sum) >= Math.Abs(score) ? (_sum - t) + score : (score - t) + _sum;
            _sum = t;
            Min = Math.Min(Min, score);
            Max = Math.Max(Max, score);
            if (_kept.Count < ExactLimit)
            {
                _kept.Add(score);
            }
            else
            {
                long slot = _random.NextInt64(Finite);
                if (slot < ExactLimit)
                {
                    _kept[(int)slot] = score;
                }
            }
        }
    }

    /// <summary>The q-quantile of the finite scores (linear interpolation, as NumPy's default), NaN if none.</summary>
    public double Percentile(double q)
    {
        if (_kept.Count == 0)
        {
            return double.NaN;
        }

        _kept.Sort();
        double position = q * (_kept.Count - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, _kept.Count - 1);
        return _kept[below] + ((position - below) * (_kept[above] - _kept[below]));
    }

    public string Format(string unit)
    {
        string F(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
        string approx = Sampled ? " (percentiles from a sample of " + ExactLimit.ToString("N0", CultureInfo.InvariantCulture) + ")" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"rows {Rows:N0}  mean {F(Mean)}  min {F(Finite == 0 ? double.NaN : Min)}  max {F(Finite == 0 ? double.NaN : Max)}  p50 {F(Percentile(0.5))}  p95 {F(Percentile(0.95))}{(unit.Length == 0 ? string.Empty : "  " + unit)}{approx}\n" +
            $"NaN {NaN:N0}  +inf {PositiveInfinity:N0}  -inf {NegativeInfinity:N0}");
    }
}
