using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// The batch measures whose inputs are not distributions: Miller–Madow from counts, and KL of diagonal Gaussians from
/// means and log-variances (against N(0, I), and between two Gaussians per row). Each row equals the
/// <see cref="Measures"/> function on that row (double within 1e-12, float within 6 float ε, of Σ|term| + |result|, plus
/// two ulps); a negative count throws as <see cref="Measures.MillerMadowEntropy(ReadOnlySpan{double}, LogBase)"/> does,
/// naming its index in the counts span, on one thread and across cores; the orders α are checked as Measures checks
/// them; normalization is refused; the four-matrix form checks every shape, is bit-identical whatever the thread count
/// and allocates nothing on one thread.
/// </summary>
public sealed class BatchCountsAndGaussiansTests
{
    public static Arbitrary<(int Rows, int Columns, int Padding, int Seed, int Threads)> Shapes() => Arb.From(
        from rows in Gen.Choose(0, 150)
        from columns in Gen.Frequency((4, Gen.Choose(1, 40)), (1, Gen.Choose(41, 300)))
        from padding in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 7)))
        from seed in Gen.Choose(0, int.MaxValue)
        from threads in Gen.Elements(1, 2)
        select (rows, columns, padding, seed, threads));

    [Property(Arbitrary = new[] { typeof(BatchCountsAndGaussiansTests) }, MaxTest = 60)]
    public void MillerMadowRowsEqualTheSingleVectorFunction((int Rows, int Columns, int Padding, int Seed, int Threads) shape)
    {
        (double[] counts, _) = BatchValues.Probabilities(shape.Seed % 3 == 0 ? "zeros" : "counts", shape.Rows * shape.Columns, shape.Columns, shape.Seed);
        var rows = new StridedRows(counts, shape.Rows, shape.Columns, shape.Padding == 0 ? 0 : shape.Columns + shape.Padding, padLastRow: false);
        var options = new BatchOptions { RowStride = rows.OptionStride, MaxDegreeOfParallelism = shape.Threads };
        var failures = new List<string>();
        foreach (bool single in new[] { false, true })
        {
            double[] actual = single ? Widen(Score(rows.Single, d => Batch.MillerMadowEntropy(rows.Single, shape.Columns, d, LogBase.Two, options), shape.Rows))
                : Score(rows.Buffer, d => Batch.MillerMadowEntropy(rows.Buffer, shape.Columns, d, LogBase.Two, options), shape.Rows);
            for (int r = 0; r < shape.Rows; r++)
            {
                double[] row = rows.Row(r, single);
                double expected = single ? Measures.MillerMadowEntropy(row.Select(x => (float)x).ToArray(), LogBase.Two) : Measures.MillerMadowEntropy(row, LogBase.Two);
                double total = row.Sum();
                double scale = 1.0 + Math.Abs(expected) + (row.Sum(c => Math.Abs(Fn.XLogY(c, c))) / total);
                Check(failures, $"MillerMadow {(single ? "float" : "double")} row {r}", actual[r], expected, 1e-12 * scale * 1.4426950408889634, single);
            }
        }

        Assert.True(failures.Count == 0, $"{shape}\n{string.Join("\n", failures.Take(20))}");
    }

    [Property(Arbitrary = new[] { typeof(BatchCountsAndGaussiansTests) }, MaxTest = 60)]
    public void GaussianRowsEqualTheSingleVectorFunction((int Rows, int Columns, int Padding, int Seed, int Threads) shape)
    {
        int length = shape.Rows * shape.Columns;
        int stride = shape.Padding == 0 ? 0 : shape.Columns + shape.Padding;
        StridedRows Rows(int seed) => new(BatchValues.Logits("normal", length, shape.Columns, seed), shape.Rows, shape.Columns, stride, padLastRow: false);
        StridedRows mean1 = Rows(shape.Seed), logVariance1 = Rows(shape.Seed + 1), mean2 = Rows(shape.Seed + 2), logVariance2 = Rows(shape.Seed + 3);
        var options = new BatchOptions { RowStride = stride, QRowStride = stride, MaxDegreeOfParallelism = shape.Threads };
        var failures = new List<string>();
        foreach (bool single in new[] { false, true })
        {
            double[] prior = single
                ? Widen(Score(mean1.Single, d => Batch.GaussianKullbackLeibler(mean1.Single, logVariance1.Single, shape.Columns, d, LogBase.Ten, options), shape.Rows))
                : Score(mean1.Buffer, d => Batch.GaussianKullbackLeibler(mean1.Buffer, logVariance1.Buffer, shape.Columns, d, LogBase.Ten, options), shape.Rows);
            double[] pair = single
                ? Widen(Score(mean1.Single, d => Batch.GaussianKullbackLeibler(mean1.Single, logVariance1.Single, mean2.Single, logVariance2.Single, shape.Columns, d, LogBase.Ten, options), shape.Rows))
                : Score(mean1.Buffer, d => Batch.GaussianKullbackLeibler(mean1.Buffer, logVariance1.Buffer, mean2.Buffer, logVariance2.Buffer, shape.Columns, d, LogBase.Ten, options), shape.Rows);
            for (int r = 0; r < shape.Rows; r++)
            {
                double[] m1 = mean1.Row(r, single), v1 = logVariance1.Row(r, single), m2 = mean2.Row(r, single), v2 = logVariance2.Row(r, single);
                double expectedPrior = single
                    ? Measures.GaussianKullbackLeibler(Api.ToSingle(m1), Api.ToSingle(v1), LogBase.Ten)
                    : Measures.GaussianKullbackLeibler(m1, v1, LogBase.Ten);
                double expectedPair = single
                    ? Measures.GaussianKullbackLeibler(Api.ToSingle(m1), Api.ToSingle(v1), Api.ToSingle(m2), Api.ToSingle(v2), LogBase.Ten)
                    : Measures.GaussianKullbackLeibler(m1, v1, m2, v2, LogBase.Ten);
                double relative = single ? 6 * Math.ScaleB(1.0, -23) : 1e-12;
                // Every term is ≥ 0, so Σ|term| is the result (in nats).
                Check(failures, $"Gaussian {(single ? "float" : "double")} row {r}", prior[r], expectedPrior, relative * (1.0 + Math.Abs(expectedPrior)), single);
                Check(failures, $"Gaussian pair {(single ? "float" : "double")} row {r}", pair[r], expectedPair, relative * (1.0 + Math.Abs(expectedPair)), single);
            }
        }

        Assert.True(failures.Count == 0, $"{shape}\n{string.Join("\n", failures.Take(20))}");
    }

    [Theory]
    [InlineData(1, 40, 7)]
    [InlineData(1, 3000, 40)]
    [InlineData(2, 3000, 40)]
    [InlineData(0, 3000, 40)]
    public void ANegativeCountThrowsNamingItsIndexInTheCountsSpan(int threads, int rows, int columns)
    {
        var counts = Enumerable.Range(0, rows * columns).Select(i => (double)(i % 17)).ToArray();
        int at = ((rows - 3) * columns) + 5;
        counts[at] = -2.5;
        var options = new BatchOptions { MaxDegreeOfParallelism = threads };
        ArgumentException scored = Assert.Throws<ArgumentException>(() => Batch.MillerMadowEntropy(counts, columns, new double[rows], LogBase.E, options));
        ArgumentException single = Assert.Throws<ArgumentException>(() => Measures.MillerMadowEntropy(counts.AsSpan(at - 5, columns)));
        Assert.Equal("counts", scored.ParamName);
        Assert.Contains($"counts[{at}] is -2.5", scored.Message, StringComparison.Ordinal);
        Assert.Equal(single.Message.Replace("counts[5]", $"counts[{at}]", StringComparison.Ordinal), scored.Message);
        ArgumentException reduced = Assert.Throws<ArgumentException>(() => Batch.MillerMadowEntropy(counts.Select(x => (float)x).ToArray(), columns, Reduction.Sum, LogBase.E, options));
        Assert.Contains($"counts[{at}] is -2.5", reduced.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void OrdersAreCheckedAsMeasuresChecksThem(double alpha)
    {
        double[] p = [0.25, 0.75, 0.5, 0.5];
        var destination = new double[2];
        ArgumentOutOfRangeException expected = Assert.Throws<ArgumentOutOfRangeException>(() => Measures.RenyiEntropy(p, alpha));
        foreach (Action call in new Action[]
        {
            () => Batch.RenyiEntropy(p, 2, destination, alpha, LogBase.E),
            () => Batch.RenyiEntropy(p, 2, Reduction.Mean, alpha, LogBase.E),
            () => Batch.RenyiDivergence(p, p, 2, destination, alpha, LogBase.E),
            () => Batch.RenyiDivergence(p, p, 2, Reduction.Sum, alpha, LogBase.E),
        })
        {
            ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(call);
            Assert.Equal("alpha", thrown.ParamName);
            Assert.Equal(expected.Message, thrown.Message);
        }

        if (!double.IsFinite(alpha))
        {
            ArgumentOutOfRangeException tsallis = Assert.Throws<ArgumentOutOfRangeException>(() => Measures.TsallisEntropy(p, alpha));
            ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => Batch.TsallisEntropy(p, 2, destination, alpha));
            Assert.Equal(tsallis.Message, thrown.Message);
        }

        ArgumentOutOfRangeException infinite = Assert.Throws<ArgumentOutOfRangeException>(() => Batch.TsallisEntropy(p, 2, destination, double.PositiveInfinity));
        Assert.Equal("alpha", infinite.ParamName);
        Assert.Contains("Infinity", infinite.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFourMatrixGaussianFormChecksItsShapesAndRefusesNormalization()
    {
        double[] full = new double[12], destination = new double[3];
        foreach ((string name, Action call) in new (string, Action)[]
        {
            ("logVariance1", () => Batch.GaussianKullbackLeibler(full, new double[8], full, full, 4, destination, LogBase.E)),
            ("mean2", () => Batch.GaussianKullbackLeibler(full, full, new double[4], full, 4, destination, LogBase.E)),
            ("logVariance2", () => Batch.GaussianKullbackLeibler(full, full, full, new double[16], 4, Reduction.Sum, LogBase.E)),
        })
        {
            ArgumentException thrown = Assert.Throws<ArgumentException>(call);
            Assert.Equal(name, thrown.ParamName);
            Assert.Contains("12", thrown.Message, StringComparison.Ordinal);
        }

        ArgumentException destinationError = Assert.Throws<ArgumentException>(() => Batch.GaussianKullbackLeibler(full, full, full, full, 4, new double[2], LogBase.E));
        Assert.Equal("destination", destinationError.ParamName);
        ArgumentException normalize = Assert.Throws<ArgumentException>(() => Batch.GaussianKullbackLeibler(full, full, full, full, 4, destination, LogBase.E, new BatchOptions { Normalize = true }));
        Assert.Equal("options", normalize.ParamName);
        Assert.Contains("Normalize", normalize.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFourMatrixGaussianFormIsBitIdenticalWhateverTheThreadsAndAllocatesNothingOnOne()
    {
        const int rows = 3001, columns = 40;
        double[] m1 = BatchValues.Logits("normal", rows * columns, columns, 1), v1 = BatchValues.Logits("normal", rows * columns, columns, 2);
        double[] m2 = BatchValues.Logits("normal", rows * columns, columns, 3), v2 = BatchValues.Logits("normal", rows * columns, columns, 4);
        double[] one = new double[rows], many = new double[rows];
        var single = new BatchOptions { MaxDegreeOfParallelism = 1 };
        Batch.GaussianKullbackLeibler(m1, v1, m2, v2, columns, one, LogBase.Two, single);
        Batch.GaussianKullbackLeibler(m1, v1, m2, v2, columns, many, LogBase.Two, new BatchOptions { MaxDegreeOfParallelism = 2 });
        Assert.Equal(one.Select(BitConverter.DoubleToInt64Bits), many.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(
            BitConverter.DoubleToInt64Bits(Batch.GaussianKullbackLeibler(m1, v1, m2, v2, columns, Reduction.Mean, LogBase.Two, single)),
            BitConverter.DoubleToInt64Bits(Batch.GaussianKullbackLeibler(m1, v1, m2, v2, columns, Reduction.Mean, LogBase.Two, new BatchOptions { MaxDegreeOfParallelism = 0 })));

        long before = GC.GetAllocatedBytesForCurrentThread();
        Batch.GaussianKullbackLeibler(m1, v1, m2, v2, columns, one, LogBase.Two, single);
        _ = Batch.GaussianKullbackLeibler(m1, v1, m2, v2, columns, Reduction.Sum, LogBase.Two, single);
        Assert.Equal(0L, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static double[] Score(double[] input, Action<double[]> call, int rows)
    {
        var destination = new double[rows];
        Array.Fill(destination, -12345.0);
        call(destination);
        return destination;
    }

    private static float[] Score(float[] input, Action<float[]> call, int rows)
    {
        var destination = new float[rows];
        Array.Fill(destination, -12345f);
        call(destination);
        return destination;
    }

    private static double[] Widen(float[] values) => values.Select(x => (double)x).ToArray();

    private static void Check(List<string> failures, string what, double actual, double expected, double bound, bool single)
    {
        double tolerance = bound + (2 * EdgeCaseTests.Ulp(single, expected));
        if (!Api.Agrees(actual, expected, tolerance))
        {
            failures.Add($"{what}: batch {actual:R}, single-vector {expected:R} (tolerance {tolerance:E2})");
        }
    }
}
