using System;
using System.Numerics;
using System.Threading.Tasks;
using Kernels.Tests;

namespace Kernels.Benchmarks;

/// <summary>
/// The high-precision value of a measure on the benchmark's own inputs, against which every candidate's relative error
/// is taken: each term in double-double (about 1e-30 relative; the tests' DoubleDouble, linked from
/// tests/Kernels.Tests, which contains no library code) and the terms summed in double-double. Float inputs are
/// widened exactly, so the reference is the exact value of the float problem to far below float rounding.
/// Jensen–Shannon's midpoint is kept exact: log(p/m) = log(2p/s) − log1p(e/s) with s + e = p + q exactly
/// (TwoSum) and |e/s| ≤ 2⁻⁵³, so log1p(e/s) = e/s to about 1e-32.
/// </summary>
internal static class Reference
{
    private const int Chunk = 1 << 16;

    public static double Of<T>(Measure measure, T[] p, T[] q)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        measure = Workload<double>.Actual(measure);
        int chunks = (p.Length + Chunk - 1) / Chunk;
        var partial = new DoubleDouble[chunks];

        // Chunks in parallel (this runs before any timing), summed in a fixed order: the result does not depend on
        // the scheduling.
        Parallel.For(0, chunks, c =>
        {
            DoubleDouble sum = 0.0;
            int end = Math.Min(p.Length, (c + 1) * Chunk);
            for (int i = c * Chunk; i < end; i++)
            {
                sum += Term(measure, double.CreateTruncating(p[i]), double.CreateTruncating(q[i]));
            }

            partial[c] = sum;
        });

        DoubleDouble total = 0.0;
        foreach (DoubleDouble s in partial)
        {
            total += s;
        }

        return total.Value;
    }

    private static DoubleDouble Term(Measure measure, double p, double q) => measure switch
    {
        Measure.Entropy => p > 0 ? -(DoubleDouble.LogRatio(p, 1.0) * p) : 0.0,
        Measure.CrossEntropy => p > 0 ? -(DoubleDouble.LogRatio(q, 1.0) * p) : 0.0,
        Measure.KullbackLeibler => p > 0 ? DoubleDouble.LogRatio(p, q) * p : 0.0,
        Measure.JensenShannon => (FromMidpoint(p, q) + FromMidpoint(q, p)) * 0.5,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Unknown measure."),
    };

    // x·log(x/m) with m = (x + y)/2 exact.
    private static DoubleDouble FromMidpoint(double x, double y)
    {
        if (x == 0)
        {
            return 0.0;
        }

        double s = x + y;
        double e = (x - (s - (s - x))) + (y - (s - x));
        return (DoubleDouble.LogRatio(2.0 * x, s) - ((DoubleDouble)e / s)) * x;
    }
}
