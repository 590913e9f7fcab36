using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// Batch.Softmax and Batch.LogSoftmax against the double-double softmax of <see cref="SoftmaxReference"/> at their
/// stated bounds (float softmax 1 ulp, float log-softmax 2 ulps; double log-softmax 3 ulps plus
/// 2^-53·Σ p·(m − z) absolute, the rounding of the shifts; double softmax 2 ulps plus that absolute error of its
/// log over 2^-53), on random batches with −∞ logits, ties, confident rows, strides and threads; the SEMANTICS
/// edge rows and PyTorch's float64 answers; bit-identical results across thread counts and in place; shape errors.
/// </summary>
public sealed class BatchSoftmaxTests
{
    private const double FloatSoftmaxUlps = 1.0, FloatLogSoftmaxUlps = 2.0, DoubleLogSoftmaxUlps = 3.0, DoubleSoftmaxUlps = 2.0;

    [Property(Arbitrary = new[] { typeof(FamilyCases) }, MaxTest = 60)]
    public void Double_rows_are_within_their_bounds(FamilyCase c)
    {
        double[] z = c.Logits(withNegativeInfinity: true);
        double[] softmax = Enumerable.Repeat(-7.0, z.Length).ToArray(), logSoftmax = Enumerable.Repeat(-7.0, z.Length).ToArray();
        Batch.Softmax(z, c.Columns, softmax, c.Options);
        Batch.LogSoftmax(z, c.Columns, logSoftmax, c.Options);
        CheckRows(c, z, i => softmax[i], i => logSoftmax[i], isFloat: false);
    }

    [Property(Arbitrary = new[] { typeof(FamilyCases) }, MaxTest = 60)]
    public void Float_rows_are_within_their_bounds(FamilyCase c)
    {
        float[] zf = c.Logits(withNegativeInfinity: true).Select(v => (float)v).ToArray();
        double[] z = zf.Select(v => (double)v).ToArray();
        float[] softmax = Enumerable.Repeat(-7f, z.Length).ToArray(), logSoftmax = Enumerable.Repeat(-7f, z.Length).ToArray();
        Batch.Softmax(zf, c.Columns, softmax, c.Options);
        Batch.LogSoftmax(zf, c.Columns, logSoftmax, c.Options);
        CheckRows(c, z, i => softmax[i], i => logSoftmax[i], isFloat: true);
    }

    /// <summary>Every element within its bound against the reference; the padding between rows left as it was.</summary>
    private static void CheckRows(FamilyCase c, double[] z, Func<int, double> softmax, Func<int, double> logSoftmax, bool isFloat)
    {
        var failures = new List<string>();
        for (int r = 0; r < c.Rows; r++)
        {
            double[] row = z.Skip(r * c.Stride).Take(c.Columns).ToArray();
            DoubleDouble[]? exact = SoftmaxReference.LogSoftmax(row);
            for (int j = 0; j < c.Columns; j++)
            {
                int i = (r * c.Stride) + j;
                if (exact is null)
                {
                    if (!double.IsNaN(softmax(i)) || !double.IsNaN(logSoftmax(i)))
                    {
                        failures.Add($"row {r} col {j}: expected NaN, got {softmax(i)} / {logSoftmax(i)}");
                    }

                    continue;
                }

                DoubleDouble x = exact[j];
                if (double.IsNegativeInfinity(x.Hi))
                {
                    if (logSoftmax(i) != double.NegativeInfinity || softmax(i) != 0.0)
                    {
                        failures.Add($"row {r} col {j}: a −∞ logit gave {softmax(i)} / {logSoftmax(i)}");
                    }

                    continue;
                }

                double logBound = isFloat ? FloatLogSoftmaxUlps : DoubleLogSoftmaxUlps + (ShiftError(row, exact) / UlpOf(x.Hi, isFloat));
                double softBound = isFloat ? FloatSoftmaxUlps
                    : DoubleSoftmaxUlps + (((DoubleLogSoftmaxUlps * UlpOf(x.Hi, isFloat)) + ShiftError(row, exact)) / Math.ScaleB(1.0, -53));
                double logError = Ulps(logSoftmax(i), x, isFloat);
                double softError = Ulps(softmax(i), SoftmaxReference.Exp(x), isFloat);
                if (!(logError <= logBound) || !(softError <= softBound))
                {
                    failures.Add($"row {r} col {j} (z = {row[j]:R}): log-softmax {logSoftmax(i):R} vs {x.Hi:R} ({logError:G3} ulps), softmax {softmax(i):R} ({softError:G3} ulps)");
                }
            }

            for (int j = c.Columns; j < c.Stride && r < c.Rows - 1; j++)
            {
                int i = (r * c.Stride) + j;
                if (softmax(i) != -7.0 || logSoftmax(i) != -7.0)
                {
                    failures.Add($"padding after row {r} written");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{c}: " + string.Join("; ", failures.Take(5)));
    }

    /// <summary>2^-53·Σ p_j·(m − z_j): what rounding the shifts z − m of double logits (the log-sum-exp folds' input)
    /// can move log A by. Float logits shift exactly in double.</summary>
    private static double ShiftError(double[] row, DoubleDouble[] logSoftmax)
    {
        double m = row.Max(), sum = 0.0;
        for (int j = 0; j < row.Length; j++)
        {
            sum += double.IsNegativeInfinity(row[j]) ? 0.0 : SoftmaxReference.Exp(logSoftmax[j]).Hi * (m - row[j]);
        }

        return Math.ScaleB(sum, -53);
    }

    private static double UlpOf(double exact, bool isFloat)
    {
        double magnitude = Math.Abs(isFloat ? (float)exact : exact);
        return isFloat ? MathF.BitIncrement((float)magnitude) - (float)magnitude : Math.BitIncrement(magnitude) - magnitude;
    }

    /// <summary>|computed − exact| in ulps of the element type at the exact value (infinities must match exactly).</summary>
    private static double Ulps(double computed, DoubleDouble exact, bool isFloat)
    {
        if (double.IsInfinity(exact.Hi) || double.IsInfinity(computed))
        {
            return computed == exact.Hi ? 0.0 : double.PositiveInfinity;
        }

        return Math.Abs((new DoubleDouble(computed, 0.0) - exact).Hi) / UlpOf(exact.Hi, isFloat);
    }

    [Fact]
    public void Semantics_edge_rows()
    {
        double inf = double.PositiveInfinity;
        double[] z = { 0, 0, -inf, 1000, 1000, 0, -inf, -inf, -inf, 1, double.NaN, 2, inf, 0, 1 };
        double[] softmax = new double[z.Length], logSoftmax = new double[z.Length];
        Batch.Softmax(z, 3, softmax);
        Batch.LogSoftmax(z, 3, logSoftmax);
        Assert.Equal(new[] { 0.5, 0.5, 0.0, 0.5, 0.5, 0.0 }, softmax.Take(6));
        Assert.Equal(new[] { -Math.Log(2), -Math.Log(2), -inf }, logSoftmax.Take(3));
        Assert.All(softmax.Skip(6), v => Assert.True(double.IsNaN(v)));
        Assert.All(logSoftmax.Skip(6), v => Assert.True(double.IsNaN(v)));

        // One logit per row: probability exactly 1, log-probability exactly +0.
        float[] single = { 5f, -3f, 0f, 1e30f }, p = new float[4], lp = new float[4];
        Batch.Softmax(single, 1, p);
        Batch.LogSoftmax(single, 1, lp);
        Assert.All(p, v => Assert.Equal(1f, v));
        Assert.All(lp, v => Assert.True(v == 0f && !float.IsNegative(v)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Agrees_with_pytorch_float64(bool log)
    {
        using JsonDocument fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "softmax-torch.json")));
        foreach (JsonElement c in fixture.RootElement.GetProperty("cases").EnumerateArray())
        {
            int columns = c.GetProperty("columns").GetInt32();
            double[] z = Numbers(c.GetProperty("logits"));
            double[] expected = Numbers(c.GetProperty(log ? "logSoftmax" : "softmax"));
            double[] actual = new double[z.Length];
            if (log) { Batch.LogSoftmax(z, columns, actual); }
            else { Batch.Softmax(z, columns, actual); }

            for (int i = 0; i < z.Length; i++)
            {
                double e = expected[i], a = actual[i];
                // PyTorch's log_softmax computes (z − m) − log Σe^(z−m) and so rounds a log Σ below 1e-16 away
                // ([50, 0, −50] gives it 0 where ours is −1.9e-22): log-probabilities agree to 1e-14 absolute near 0.
                double tolerance = log ? 1e-14 * Math.Max(1.0, Math.Abs(e)) : (1e-14 * Math.Abs(e)) + 1e-300;
                bool agrees = double.IsNaN(e) ? double.IsNaN(a) : double.IsInfinity(e) ? a == e : Math.Abs(a - e) <= tolerance;
                Assert.True(agrees, $"{columns} columns, element {i} (z = {z[i]}): PyTorch {e:R}, ours {a:R}");
            }
        }
    }

    private static double[] Numbers(JsonElement array) => array.EnumerateArray()
        .Select(e => e.ValueKind == JsonValueKind.String ? double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : e.GetDouble())
        .ToArray();

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    [InlineData(1000)]
    public void Bit_identical_across_threads_and_in_place(int columns)
    {
        int rows = (1 << 18) / columns;
        var random = new Random(columns);
        float[] z = Enumerable.Range(0, rows * columns).Select(_ => (float)((random.NextDouble() - 0.5) * 30.0)).ToArray();
        foreach (bool log in new[] { false, true })
        {
            float[] one = new float[z.Length], two = new float[z.Length], all = new float[z.Length], inPlace = (float[])z.Clone();
            Map(log, z, columns, one, new BatchOptions { MaxDegreeOfParallelism = 1 });
            Map(log, z, columns, two, new BatchOptions { MaxDegreeOfParallelism = 2 });
            Map(log, z, columns, all, default);
            Map(log, inPlace, columns, inPlace, new BatchOptions { MaxDegreeOfParallelism = 2 });
            Assert.Equal(one, two);
            Assert.Equal(one, all);
            Assert.Equal(one, inPlace);
        }
    }

    private static void Map(bool log, float[] z, int columns, float[] destination, BatchOptions options)
    {
        if (log) { Batch.LogSoftmax(z, columns, destination, options); }
        else { Batch.Softmax(z, columns, destination, options); }
    }

    [Fact]
    public void Bad_shapes_name_the_argument()
    {
        double[] z = new double[12];
        var length = Assert.Throws<ArgumentException>(() => Batch.Softmax(z, 4, new double[11]));
        Assert.Equal("destination", length.ParamName);
        Assert.Contains("12 elements: 3 rows of 4 columns", length.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Batch.LogSoftmax(z, 0, new double[12]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Batch.LogSoftmax(z, -2, new double[12]));
        var rows = Assert.Throws<ArgumentException>(() => Batch.Softmax(z, 5, new double[12]));
        Assert.Equal("logits", rows.ParamName);
        var overlap = Assert.Throws<ArgumentException>(() => Batch.Softmax(z.AsSpan(0, 8), 4, z.AsSpan(4, 8)));
        Assert.Contains("overlaps", overlap.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Batch.Softmax(z, 4, new double[12], new BatchOptions { RowStride = 3 }));
    }

    [Fact]
    public void Single_threaded_calls_allocate_nothing()
    {
        foreach ((int rows, int columns, int stride) in new[] { (37, 7, 7), (9, 200, 203), (1200, 40, 40) })
        {
            int length = ((rows - 1) * stride) + columns;
            double[] z = Enumerable.Range(0, length).Select(i => ((i * 7) % 13) - 6.0).ToArray();
            float[] zf = z.Select(v => (float)v).ToArray();
            double[] d = new double[length];
            float[] f = new float[length];
            var options = new BatchOptions { MaxDegreeOfParallelism = 1, RowStride = stride };
            foreach (Action call in new Action[]
            {
                () => Batch.Softmax(z, columns, d, options), () => Batch.LogSoftmax(z, columns, d, options),
                () => Batch.Softmax(zf, columns, f, options), () => Batch.LogSoftmax(zf, columns, f, options),
            })
            {
                call();
                long before = GC.GetAllocatedBytesForCurrentThread();
                call();
                Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            }
        }
    }
}
