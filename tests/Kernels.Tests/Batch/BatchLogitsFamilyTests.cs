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

/// <summary>A random batch for the logits family: rows of logits (some −∞, some tied maxima, some confident), class
/// indices (some ignored), class weights (some 0), binary targets and positive weights, strides and threads.</summary>
public sealed record FamilyCase(int Seed, int Rows, int Columns, int Padding, double Scale, double Smoothing, int? IgnoreIndex, int Threads)
{
    private double[]? _logits;

    public int Stride => Columns + Padding;

    /// <summary>Row-major logits, <see cref="Stride"/> apart; the padding holds NaN, which must never be read.</summary>
    public double[] Logits(bool withNegativeInfinity) => _logits ??= Make(withNegativeInfinity);

    private double[] Make(bool withNegativeInfinity)
    {
        var random = new Random(Seed);
        int length = Rows == 0 ? 0 : ((Rows - 1) * Stride) + Columns;
        var z = Enumerable.Repeat(double.NaN, length).ToArray();
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Columns; c++)
            {
                int kind = random.Next(20);
                z[(r * Stride) + c] = kind == 0 && withNegativeInfinity ? double.NegativeInfinity
                    : kind == 1 ? 3.0 // ties
                    : kind == 2 ? 40.0 * Scale // a confident logit
                    : (random.NextDouble() - 0.5) * 2.0 * Scale;
            }
        }

        return z;
    }

    public int[] Targets()
    {
        var random = new Random(Seed + 1);
        return Enumerable.Range(0, Rows).Select(_ => IgnoreIndex is int ignored && random.Next(6) == 0 ? ignored : random.Next(Columns)).ToArray();
    }

    public double[] Weights()
    {
        var random = new Random(Seed + 2);
        return Enumerable.Range(0, Columns).Select(_ => random.Next(5) == 0 ? 0.0 : random.NextDouble() * 3.0).ToArray();
    }

    public double[] BinaryTargets()
    {
        var random = new Random(Seed + 3);
        int length = Rows == 0 ? 0 : ((Rows - 1) * Stride) + Columns;
        return Enumerable.Range(0, length).Select(_ => random.Next(4) switch { 0 => 0.0, 1 => 1.0, _ => random.NextDouble() }).ToArray();
    }

    public BatchOptions Options => new() { RowStride = Padding == 0 ? 0 : Stride, QRowStride = Padding == 0 ? 0 : Stride, MaxDegreeOfParallelism = Threads };
}

public static class FamilyCases
{
    public static Arbitrary<FamilyCase> Cases() => Arb.From(
        from rows in Gen.Frequency((1, Gen.Choose(0, 3)), (4, Gen.Choose(4, 50)))
        from columns in Gen.Frequency((3, Gen.Choose(1, 40)), (1, Gen.Choose(41, 140)))
        from padding in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 7)))
        from scale in Gen.Elements(1.0, 10.0, 100.0)
        from smoothing in Gen.Frequency((2, Gen.Constant(0.0)), (2, Gen.Constant(0.1)), (1, Gen.Constant(1.0)), (1, Gen.Choose(1, 999).Select(i => i / 1000.0)))
        from ignoreIndex in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Constant<int?>(-100)))
        from threads in Gen.Elements(1, 2, 0)
        from seed in Gen.Choose(0, int.MaxValue - 4)
        select new FamilyCase(seed, rows, columns, padding, scale, smoothing, ignoreIndex, threads));
}

/// <summary>
/// The logits family beyond entropy and plain cross-entropy: class-weighted cross-entropy from class indices (PyTorch's
/// <c>weight=</c>, with label smoothing and an ignore index, weighted mean over Σ w[target]) and binary cross-entropy from
/// logits (with <c>pos_weight</c>). Checked against independent double-double references written from the definitions
/// (log softmax from <see cref="SoftmaxReference"/>; −pw·y·log σ(z) − (1 − y)·log(1 − σ(z)) from softplus), against
/// PyTorch 1.13's float64 answers (a committed fixture, benchmarks/pytorch/make_logits_fixtures.py), on edge rows, across
/// threads and strides. Bounds: double 1e-13 relative per row; float 4 float ulps (cross-entropy, the bound of the
/// log-sum-exp tests) and 2 float ulps (binary cross-entropy, computed in double and rounded once).
/// </summary>
public sealed class BatchLogitsFamilyTests
{
    // ---- references ----

    /// <summary>(1 − ε)·w_t·(−log p_t) + (ε/k)·Σ w_j·(−log p_j) in double-double, zero weights contributing 0.</summary>
    private static double WeightedClassReference(double[] row, int target, double[] weights, double smoothing)
    {
        DoubleDouble[]? logP = SoftmaxReference.LogSoftmax(row);
        if (logP is null)
        {
            return double.NaN;
        }

        // −w·log p: 0 for w = 0 whatever p is, +∞ for w > 0 against p = 0 (kept apart: double-double sums cannot carry ∞).
        static bool Infinite(double w, DoubleDouble lp) => w != 0.0 && double.IsNegativeInfinity(lp.Hi);
        static DoubleDouble Weighted(double w, DoubleDouble lp) => w == 0.0 || double.IsNegativeInfinity(lp.Hi) ? 0.0 : -(lp * w);

        DoubleDouble smooth = 0.0;
        bool smoothInfinite = false;
        for (int j = 0; j < row.Length; j++)
        {
            smooth += Weighted(weights[j], logP[j]);
            smoothInfinite |= Infinite(weights[j], logP[j]);
        }

        bool infinite = (smoothing < 1.0 && Infinite(weights[target], logP[target])) || (smoothing > 0.0 && smoothInfinite);
        if (infinite)
        {
            return double.PositiveInfinity;
        }

        DoubleDouble main = smoothing >= 1.0 ? 0.0 : (DoubleDouble)(1.0 - smoothing) * Weighted(weights[target], logP[target]);
        DoubleDouble spread = smoothing == 0.0 ? 0.0 : smooth * smoothing / row.Length;
        return (main + spread).Value;
    }

    /// <summary>log(1 + e^x) in double-double (x finite).</summary>
    private static DoubleDouble Softplus(double x) =>
        x > 0.0 ? (DoubleDouble)x + SoftmaxReference.Log((DoubleDouble)1.0 + SoftmaxReference.Exp(-x))
        : SoftmaxReference.Log((DoubleDouble)1.0 + SoftmaxReference.Exp(x));

    /// <summary>Σ pw·y·softplus(−z) + (1 − y)·softplus(z) over a row of finite values, in double-double.</summary>
    private static double BinaryReference(double[] y, double[] z, double[]? pw)
    {
        DoubleDouble sum = 0.0;
        for (int j = 0; j < z.Length; j++)
        {
            DoubleDouble positive = (DoubleDouble)y[j] * (pw is null ? 1.0 : pw[j]);
            sum += (positive * Softplus(-z[j])) + (((DoubleDouble)1.0 - y[j]) * Softplus(z[j]));
        }

        return sum.Value;
    }

    private static double Tolerance(bool single, double exact, int ulps) =>
        single ? ulps * EdgeCaseTests.Ulp(true, exact) : 1e-13 * Math.Abs(exact) + 1e-300;

    private static double[] Row(double[] values, int r, FamilyCase input, bool single) =>
        values.Skip(r * input.Stride).Take(input.Columns).Select(v => single ? (float)v : v).ToArray();

    private static float[] Floats(double[] x) => x.Select(v => (float)v).ToArray();

    // ---- the API, float or double, as doubles ----

    private static double[] WeightedScores(bool single, int[] targets, double[] z, double[] w, int columns, FamilyCase input, BatchOptions options)
    {
        if (single)
        {
            var scores = new float[input.Rows];
            Batch.CrossEntropyFromLogits(targets, Floats(z), Floats(w), columns, scores, LogBase.E, options, input.Smoothing, input.IgnoreIndex);
            return scores.Select(s => (double)s).ToArray();
        }

        var d = new double[input.Rows];
        Batch.CrossEntropyFromLogits(targets, z, w, columns, d, LogBase.E, options, input.Smoothing, input.IgnoreIndex);
        return d;
    }

    private static double WeightedReduced(bool single, int[] targets, double[] z, double[] w, int columns, Reduction reduction, FamilyCase input, BatchOptions options) =>
        single ? Batch.CrossEntropyFromLogits(targets, Floats(z), Floats(w), columns, reduction, LogBase.E, options, input.Smoothing, input.IgnoreIndex)
        : Batch.CrossEntropyFromLogits(targets, z, w, columns, reduction, LogBase.E, options, input.Smoothing, input.IgnoreIndex);

    private static double[] BinaryScores(bool single, double[] y, double[] z, double[]? pw, int rows, int columns, BatchOptions options)
    {
        if (single)
        {
            var scores = new float[rows];
            if (pw is null) { Batch.BinaryCrossEntropyFromLogits(Floats(y), Floats(z), columns, scores, options); }
            else { Batch.BinaryCrossEntropyFromLogits(Floats(y), Floats(z), Floats(pw), columns, scores, options); }
            return scores.Select(s => (double)s).ToArray();
        }

        var d = new double[rows];
        if (pw is null) { Batch.BinaryCrossEntropyFromLogits(y, z, columns, d, options); }
        else { Batch.BinaryCrossEntropyFromLogits(y, z, pw, columns, d, options); }
        return d;
    }

    private static double BinaryReduced(bool single, double[] y, double[] z, double[]? pw, int columns, Reduction reduction, BatchOptions options) =>
        single
            ? pw is null ? Batch.BinaryCrossEntropyFromLogits(Floats(y), Floats(z), columns, reduction, options) : Batch.BinaryCrossEntropyFromLogits(Floats(y), Floats(z), Floats(pw), columns, reduction, options)
            : pw is null ? Batch.BinaryCrossEntropyFromLogits(y, z, columns, reduction, options) : Batch.BinaryCrossEntropyFromLogits(y, z, pw, columns, reduction, options);

    // ---- properties against the double-double references ----

    [Property(Arbitrary = new[] { typeof(FamilyCases) }, MaxTest = 60)]
    public void ClassWeightedCrossEntropyMatchesTheReference(FamilyCase input)
    {
        double[] z = input.Logits(withNegativeInfinity: true), w = input.Weights();
        int[] targets = input.Targets();
        var failures = new List<string>();
        foreach (bool single in new[] { false, true })
        {
            double[] weights = single ? w.Select(v => (double)(float)v).ToArray() : w;
            double[] actual = WeightedScores(single, targets, z, w, input.Columns, input, input.Options);
            double sum = 0.0, weightOfTargets = 0.0;
            for (int r = 0; r < input.Rows; r++)
            {
                bool ignored = targets[r] == input.IgnoreIndex;
                double exact = ignored ? 0.0 : WeightedClassReference(Row(z, r, input, single), targets[r], weights, input.Smoothing);
                sum += exact;
                weightOfTargets += ignored ? 0.0 : weights[targets[r]];
                if (!Api.Agrees(actual[r], exact, Tolerance(single, exact, 4)))
                {
                    failures.Add($"{(single ? "float" : "double")} row {r}: got {actual[r]:R}, exact {exact:R}");
                }
            }

            double total = WeightedReduced(single, targets, z, w, input.Columns, Reduction.Sum, input, input.Options);
            double mean = WeightedReduced(single, targets, z, w, input.Columns, Reduction.Mean, input, input.Options);
            double bound = (single ? 4 * 6e-8 : 1e-12) * Math.Abs(sum) + 1e-300;
            if (!Api.Agrees(total, sum, bound)) { failures.Add($"{(single ? "float" : "double")} sum: got {total:R}, exact {sum:R}"); }
            if (!Api.Agrees(mean, sum / weightOfTargets, bound / Math.Max(weightOfTargets, 1e-300))) { failures.Add($"{(single ? "float" : "double")} mean: got {mean:R}, exact {sum / weightOfTargets:R}"); }
        }

        Assert.True(failures.Count == 0, $"{input}\n{string.Join("\n", failures.Take(20))}");
    }

    [Property(Arbitrary = new[] { typeof(FamilyCases) }, MaxTest = 60)]
    public void BinaryCrossEntropyFromLogitsMatchesTheReference(FamilyCase input)
    {
        double[] z = input.Logits(withNegativeInfinity: false), y = input.BinaryTargets();
        double[] pw = input.Weights();
        var failures = new List<string>();
        foreach (bool single in new[] { false, true })
        {
            foreach (double[]? weights in new[] { null, pw })
            {
                double[]? roundedWeights = weights is null ? null : single ? weights.Select(v => (double)(float)v).ToArray() : weights;
                double[] actual = BinaryScores(single, y, z, weights, input.Rows, input.Columns, input.Options);
                double sum = 0.0;
                for (int r = 0; r < input.Rows; r++)
                {
                    double exact = BinaryReference(Row(y, r, input, single), Row(z, r, input, single), roundedWeights);
                    sum += exact;
                    if (!Api.Agrees(actual[r], exact, Tolerance(single, exact, 2)))
                    {
                        failures.Add($"{(single ? "float" : "double")}{(weights is null ? "" : " pos_weight")} row {r}: got {actual[r]:R}, exact {exact:R}");
                    }
                }

                double total = BinaryReduced(single, y, z, weights, input.Columns, Reduction.Sum, input.Options);
                double mean = BinaryReduced(single, y, z, weights, input.Columns, Reduction.Mean, input.Options);
                double bound = (single ? 2 * 6e-8 : 1e-12) * Math.Abs(sum) + 1e-300;
                if (!Api.Agrees(total, sum, bound)) { failures.Add($"{(single ? "float" : "double")} sum: got {total:R}, exact {sum:R}"); }
                if (input.Rows > 0 && !Api.Agrees(mean, sum / input.Rows, bound / input.Rows)) { failures.Add($"{(single ? "float" : "double")} mean: got {mean:R}, exact {sum / input.Rows:R}"); }
            }
        }

        Assert.True(failures.Count == 0, $"{input}\n{string.Join("\n", failures.Take(20))}");
    }

    // ---- PyTorch's float64 answers ----

    [Fact]
    public void AgreesWithPyTorchsFloat64Answers()
    {
        using JsonDocument fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "logits-family-torch.json")));
        static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String ? double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : e.GetDouble();
        static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(Number).ToArray();
        var failures = new List<string>();
        int index = 0;
        foreach (JsonElement c in fixture.RootElement.GetProperty("cases").EnumerateArray())
        {
            int columns = c.GetProperty("columns").GetInt32();
            double[] z = Numbers(c.GetProperty("logits")), none = Numbers(c.GetProperty("none"));
            double sum = Number(c.GetProperty("sum")), mean = Number(c.GetProperty("mean"));
            double[] scores = new double[none.Length];
            double oursSum, oursMean;
            string op = c.GetProperty("op").GetString()!;
            if (op == "cross-entropy")
            {
                int[] targets = c.GetProperty("targets").EnumerateArray().Select(t => t.GetInt32()).ToArray();
                double[] w = Numbers(c.GetProperty("weights"));
                double smoothing = c.GetProperty("smoothing").GetDouble();
                int ignore = c.GetProperty("ignoreIndex").GetInt32();
                Batch.CrossEntropyFromLogits(targets, z, w, columns, scores, LogBase.E, default, smoothing, ignore);
                oursSum = Batch.CrossEntropyFromLogits(targets, z, w, columns, Reduction.Sum, LogBase.E, default, smoothing, ignore);
                oursMean = Batch.CrossEntropyFromLogits(targets, z, w, columns, Reduction.Mean, LogBase.E, default, smoothing, ignore);
            }
            else
            {
                double[] y = Numbers(c.GetProperty("targets"));
                double[]? pw = c.GetProperty("weights").ValueKind == JsonValueKind.Null ? null : Numbers(c.GetProperty("weights"));
                scores = BinaryScores(false, y, z, pw, none.Length, columns, default);
                oursSum = BinaryReduced(false, y, z, pw, columns, Reduction.Sum, default);
                oursMean = BinaryReduced(false, y, z, pw, columns, Reduction.Mean, default);
            }

            for (int r = 0; r < none.Length; r++)
            {
                if (!Api.Agrees(scores[r], none[r], 1e-12 * Math.Abs(none[r]) + 1e-15)) { failures.Add($"case {index} ({op}) row {r}: ours {scores[r]:R}, PyTorch {none[r]:R}"); }
            }

            if (!Api.Agrees(oursSum, sum, 1e-12 * Math.Abs(sum))) { failures.Add($"case {index} ({op}) sum: ours {oursSum:R}, PyTorch {sum:R}"); }
            if (!Api.Agrees(oursMean, mean, 1e-12 * Math.Abs(mean))) { failures.Add($"case {index} ({op}) mean: ours {oursMean:R}, PyTorch {mean:R}"); }
            index++;
        }

        Assert.True(index >= 15, $"the fixture has {index} cases");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // ---- edge rows ----

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BinaryCrossEntropyEdgeRows(bool single)
    {
        double inf = double.PositiveInfinity, nan = double.NaN, ln2 = Math.Log(2.0);
        (double Y, double Z, double PositiveWeight, double Expected)[] cases =
        [
            (1, inf, 1, 0), (0, inf, 1, inf), (0, -inf, 1, 0), (1, -inf, 1, inf), (0.5, inf, 1, inf), (0.5, -inf, 1, inf),
            (0.5, nan, 1, nan), (nan, 0, 1, nan), (nan, inf, 1, nan), (0, 0, 1, ln2), (1, 0, 1, ln2), (0.25, 0, 1, ln2),
            (2, 1, 1, -1 + Math.Log(1 + Math.Exp(-1))), // outside [0, 1]: the formula's value, as PyTorch
            (1, -inf, 0, 0), (1, -inf, 3, inf), (1, 0, 3, 3 * ln2), (0, -inf, 3, 0), (1, inf, 0, 0), (0, 0, 0, ln2),
        ];
        var failures = new List<string>();
        foreach (bool weighted in new[] { false, true })
        {
            foreach ((double y, double z, double pw, double expected) in cases.Where(c => weighted || c.PositiveWeight == 1))
            {
                // Each case in a row of its own, among finite neighbours in the other rows, at a narrow and a wide width.
                foreach (int columns in new[] { 1, 3, 70 })
                {
                    int rows = 5;
                    double[] ys = Enumerable.Range(0, rows * columns).Select(i => i % columns == 0 ? 0.0 : 0.0).ToArray();
                    double[] zs = Enumerable.Range(0, rows * columns).Select(i => -40.0).ToArray(); // e^-40 underflows nothing; loss tiny
                    ys[2 * columns] = y;
                    zs[2 * columns] = z;
                    double[]? pws = weighted ? Enumerable.Repeat(pw, columns).ToArray() : null;
                    double[] actual = BinaryScores(single, ys, zs, pws, rows, columns, default);
                    double rest = (columns - 1) * Math.Exp(-40.0); // log1p(u) = u to within u²/2 here (double.LogP1 is log(1 + u): 0)
                    double want = double.IsFinite(expected) ? expected + rest : expected;
                    if (!Api.Agrees(actual[2], want, Tolerance(single, want, 2) + 1e-30))
                    {
                        failures.Add($"{(single ? "float" : "double")} y={y} z={z} pw={(weighted ? pw : double.NaN)} columns={columns}: got {actual[2]:R}, expected {want:R}");
                    }

                    if (!double.IsFinite(actual[1]) || !double.IsFinite(actual[3]))
                    {
                        failures.Add($"columns={columns}: a special value leaked into a neighbouring row");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ClassWeightedCrossEntropyEdgeRows(bool single)
    {
        double inf = double.PositiveInfinity;
        double[] w = [0.0, 2.0, 1.0];
        // Target 0 weighs nothing: 0 without smoothing, even on a −∞ logit; with smoothing a −∞ logit of a weighted class gives +∞.
        (double[] Row, int Target, double Smoothing, double Expected)[] cases =
        [
            ([0, 0, 0], 0, 0.0, 0.0),
            ([-inf, 0, 0], 0, 0.0, 0.0),
            ([0, -inf, 0], 1, 0.0, inf),
            ([0, -inf, 0], 2, 0.1, inf),
            ([-inf, 0, 0], 1, 0.1, (0.9 * 2.0 * Math.Log(2)) + (0.1 / 3 * 3.0 * Math.Log(2))),
            ([-inf, -inf, -inf], 1, 0.0, double.NaN),
            ([double.NaN, 0, 0], 1, 0.0, double.NaN),
            ([inf, 0, 0], 1, 0.0, double.NaN),
            ([1000, 1000, 0], 1, 0.0, 2.0 * Math.Log(2)),
        ];
        var failures = new List<string>();
        foreach ((double[] row, int target, double smoothing, double expected) in cases)
        {
            double[] actual = single ? Scores(Floats(row), Floats(w)) : Scores(row, w);
            if (!Api.Agrees(actual[0], expected, Tolerance(single, expected, 4)))
            {
                failures.Add($"{(single ? "float" : "double")} [{string.Join(", ", row)}] target {target} ε={smoothing}: got {actual[0]:R}, expected {expected:R}");
            }

            double[] Scores<T>(T[] z, T[] weights) where T : unmanaged
            {
                if (typeof(T) == typeof(float))
                {
                    var d = new float[1];
                    Batch.CrossEntropyFromLogits([target], (float[])(object)z, (float[])(object)weights, 3, d, LogBase.E, default, smoothing);
                    return [d[0]];
                }

                var e = new double[1];
                Batch.CrossEntropyFromLogits([target], (double[])(object)z, (double[])(object)weights, 3, e, LogBase.E, default, smoothing);
                return e;
            }
        }

        // The weighted mean divides by Σ w[target] of the rows not ignored: all of weight 0 gives NaN, like PyTorch.
        Assert.True(double.IsNaN(Batch.CrossEntropyFromLogits([0, 0], [1.0, 2.0, 3.0, 1.0, 2.0, 3.0], w, 3, Reduction.Mean, LogBase.E)));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // ---- threads ----

    [Theory]
    [InlineData(false, 7)]
    [InlineData(true, 7)]
    [InlineData(false, 300)]
    [InlineData(true, 300)]
    public void ResultsAreBitIdenticalAcrossThreadCounts(bool single, int columns)
    {
        var input = new FamilyCase(Seed: columns, Rows: 200_000 / columns + 17, Columns: columns, Padding: 0, Scale: 10.0, Smoothing: 0.1, IgnoreIndex: -100, Threads: 1);
        double[] z = input.Logits(withNegativeInfinity: true), w = input.Weights(), y = input.BinaryTargets();
        double[] finite = z.Select(v => double.IsFinite(v) ? v : -5.0).ToArray();
        int[] targets = input.Targets();
        var one = new BatchOptions { MaxDegreeOfParallelism = 1 };
        var two = new BatchOptions { MaxDegreeOfParallelism = 2 };
        Assert.Equal(WeightedScores(single, targets, z, w, columns, input, one), WeightedScores(single, targets, z, w, columns, input, two));
        Assert.Equal(WeightedReduced(single, targets, z, w, columns, Reduction.Mean, input, one), WeightedReduced(single, targets, z, w, columns, Reduction.Mean, input, two));
        foreach (double[]? pw in new[] { null, w })
        {
            Assert.Equal(BinaryScores(single, y, finite, pw, input.Rows, columns, one), BinaryScores(single, y, finite, pw, input.Rows, columns, two));
            Assert.Equal(BinaryReduced(single, y, finite, pw, columns, Reduction.Sum, one), BinaryReduced(single, y, finite, pw, columns, Reduction.Sum, two));
        }
    }

    // ---- errors ----

    [Fact]
    public void WeightsAreCheckedNamingTheArgumentAndTheIndex()
    {
        double[] z = new double[6], y = new double[6], d = new double[2];
        int[] targets = [0, 1];
        var length = Assert.Throws<ArgumentException>(() => Batch.CrossEntropyFromLogits(targets, z, [1.0, 1.0], 3, d, LogBase.E));
        Assert.Equal("classWeights", length.ParamName);
        Assert.Contains("classWeights has 2 elements; expected 3, one per column", length.Message);
        foreach (double bad in new[] { -1.0, double.NaN, double.PositiveInfinity })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => Batch.CrossEntropyFromLogits(targets, z, [1.0, 1.0, bad], 3, Reduction.Mean, LogBase.E));
            Assert.Equal("classWeights", e.ParamName);
            Assert.Contains("classWeights[2] is", e.Message);
            var f = Assert.Throws<ArgumentOutOfRangeException>(() => Batch.BinaryCrossEntropyFromLogits(Floats(y), Floats(z), [1f, (float)bad, 1f], 3, new float[2]));
            Assert.Equal("positiveWeights", f.ParamName);
            Assert.Contains("positiveWeights[1] is", f.Message);
        }

        Assert.Throws<ArgumentException>(() => Batch.BinaryCrossEntropyFromLogits(y, new double[9], 3, d));
        Assert.Throws<ArgumentException>(() => Batch.BinaryCrossEntropyFromLogits(y, z, 3, new double[3]));
        Assert.Throws<ArgumentException>(() => Batch.BinaryCrossEntropyFromLogits(y, z, [1.0, 1.0], 3, d));
        Assert.Throws<ArgumentException>(() => Batch.BinaryCrossEntropyFromLogits(y, z, 3, d, new BatchOptions { Normalize = true }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Batch.CrossEntropyFromLogits([0, 3], z, [1.0, 1.0, 1.0], 3, d, LogBase.E));
    }
}
