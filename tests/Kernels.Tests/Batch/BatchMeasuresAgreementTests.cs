using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// The batch forms of <see cref="Measures"/> score every row as the single-vector function scores it: raw and
/// normalized (each row scaled by 1/Σ first, q too), whatever the shape, stride, q form, log base and thread count;
/// the orders α at their special values (0, ½, 1, 2, ∞) and general ones, and orders large enough that Σp^α leaves the
/// normal range (the rescaled rows). Rows are folded a vector's width at a time and the single vector in one span, so
/// sums round differently: double within 1e-12, float within 6 float ε, of the sum's error scale (Σ|term| carried
/// through the finisher: relative for a root or a sum of nonnegative terms, 1/|α − 1| for a logarithm of a sum; with
/// normalization also Σ|p| + Σ|q| + 1 for the rounding of each scaled input), plus two ulps of the result; NaN and ±∞
/// must match exactly.
/// </summary>
public sealed class BatchMeasuresAgreementTests
{
    private delegate void DoubleBatch(double[] p, double[] q, int columns, double[] destination, LogBase logBase, BatchOptions options);

    private delegate void SingleBatch(float[] p, float[] q, int columns, float[] destination, LogBase logBase, BatchOptions options);

    /// <summary>One measure: its batch calls, its single-vector function on one row, and the error scale of a row's
    /// result (in nats) from the row, q and the expected value.</summary>
    private sealed record RowMeasure(
        string Name,
        bool Pair,
        bool Based,
        DoubleBatch Double,
        SingleBatch Single,
        Func<double[], double[], LogBase, double> DoubleRow,
        Func<float[], float[], LogBase, float> SingleRow,
        Func<double[], double[], double, double> ErrorScale,
        double Alpha = double.NaN,
        Func<double, double>? SumOfResult = null);

    private static double SumOf(double[] p, double[] q, Func<double, double, double> term) =>
        p.Select((x, i) => Math.Abs(term(x, q.Length == 0 ? 0.0 : q[i]))).Sum();

    private static double LogScale(double alpha) => double.IsPositiveInfinity(alpha) ? 0.0 : 1.0 / Math.Abs(alpha - 1.0);

    private static IEnumerable<RowMeasure> All()
    {
        yield return new("Hellinger", true, false,
            (p, q, c, d, lb, o) => Batch.Hellinger(p, q, c, d, o), (p, q, c, d, lb, o) => Batch.Hellinger(p, q, c, d, o),
            (p, q, lb) => Measures.Hellinger(p, q), (p, q, lb) => Measures.Hellinger(p, q), (p, q, v) => Math.Abs(v));
        yield return new("TotalVariation", true, false,
            (p, q, c, d, lb, o) => Batch.TotalVariation(p, q, c, d, o), (p, q, c, d, lb, o) => Batch.TotalVariation(p, q, c, d, o),
            (p, q, lb) => Measures.TotalVariation(p, q), (p, q, lb) => Measures.TotalVariation(p, q), (p, q, v) => Math.Abs(v));
        yield return new("PearsonChiSquare", true, false,
            (p, q, c, d, lb, o) => Batch.PearsonChiSquare(p, q, c, d, o), (p, q, c, d, lb, o) => Batch.PearsonChiSquare(p, q, c, d, o),
            (p, q, lb) => Measures.PearsonChiSquare(p, q), (p, q, lb) => Measures.PearsonChiSquare(p, q), (p, q, v) => SumOf(p, q, Terms.PearsonChiSquare));
        yield return new("NeymanChiSquare", true, false,
            (p, q, c, d, lb, o) => Batch.NeymanChiSquare(p, q, c, d, o), (p, q, c, d, lb, o) => Batch.NeymanChiSquare(p, q, c, d, o),
            (p, q, lb) => Measures.NeymanChiSquare(p, q), (p, q, lb) => Measures.NeymanChiSquare(p, q), (p, q, v) => SumOf(p, q, Terms.NeymanChiSquare));
        yield return new("BhattacharyyaCoefficient", true, false,
            (p, q, c, d, lb, o) => Batch.BhattacharyyaCoefficient(p, q, c, d, o), (p, q, c, d, lb, o) => Batch.BhattacharyyaCoefficient(p, q, c, d, o),
            (p, q, lb) => Measures.BhattacharyyaCoefficient(p, q), (p, q, lb) => Measures.BhattacharyyaCoefficient(p, q), (p, q, v) => Math.Abs(v));
        yield return new("BhattacharyyaDistance", true, true,
            (p, q, c, d, lb, o) => Batch.BhattacharyyaDistance(p, q, c, d, lb, o), (p, q, c, d, lb, o) => Batch.BhattacharyyaDistance(p, q, c, d, lb, o),
            (p, q, lb) => Measures.BhattacharyyaDistance(p, q, lb), (p, q, lb) => Measures.BhattacharyyaDistance(p, q, lb), (p, q, v) => 1.0 + Math.Abs(v),
            SumOfResult: v => Math.Exp(-v));
        foreach (double alpha in new[] { 0.0, 0.5, 1.0, 2.0, 0.3, 3.5, 1500.0, double.PositiveInfinity })
        {
            double a = alpha;
            yield return new($"RenyiDivergence(α={a})", true, true,
                (p, q, c, d, lb, o) => Batch.RenyiDivergence(p, q, c, d, a, lb, o), (p, q, c, d, lb, o) => Batch.RenyiDivergence(p, q, c, d, a, lb, o),
                (p, q, lb) => Measures.RenyiDivergence(p, q, a, lb), (p, q, lb) => Measures.RenyiDivergence(p, q, a, lb),
                (p, q, v) => a == 1.0 ? SumOf(p, q, Terms.KullbackLeibler) : LogScale(a) + Math.Abs(v), a,
                a == 1.0 || double.IsPositiveInfinity(a) ? null : v => Math.Exp((a - 1.0) * v));
            yield return new($"RenyiEntropy(α={a})", false, true,
                (p, q, c, d, lb, o) => Batch.RenyiEntropy(p, c, d, a, lb, o), (p, q, c, d, lb, o) => Batch.RenyiEntropy(p, c, d, a, lb, o),
                (p, q, lb) => Measures.RenyiEntropy(p, a, lb), (p, q, lb) => Measures.RenyiEntropy(p, a, lb),
                (p, q, v) => a == 1.0 ? SumOf(p, q, (x, _) => Terms.Entropy(x)) : LogScale(a) + Math.Abs(v), a,
                a == 1.0 || double.IsPositiveInfinity(a) ? null : v => Math.Exp((1.0 - a) * v));
            if (double.IsFinite(a) && a < 100)
            {
                yield return new($"TsallisEntropy(α={a})", false, false,
                    (p, q, c, d, lb, o) => Batch.TsallisEntropy(p, c, d, a, o), (p, q, c, d, lb, o) => Batch.TsallisEntropy(p, c, d, a, o),
                    (p, q, lb) => Measures.TsallisEntropy(p, a), (p, q, lb) => Measures.TsallisEntropy(p, a),
                    (p, q, v) => a == 1.0 ? SumOf(p, q, (x, _) => Terms.Entropy(x)) : (LogScale(a) * Math.Abs(1.0 - (v * (a - 1.0)))) + Math.Abs(v), a,
                    a == 1.0 ? null : _ => 1.0 / LogScale(a));
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(BatchCases) }, MaxTest = 60)]
    public void EveryRowEqualsTheSingleVectorFunction(BatchCase input)
    {
        var failures = new List<string>();
        foreach (RowMeasure measure in All())
        {
            foreach (bool single in new[] { false, true })
            {
                foreach (bool normalize in new[] { false, true })
                {
                    Compare(measure, input, single, normalize, failures);
                }
            }
        }

        Assert.True(failures.Count == 0, $"{input}\n{failures.Count} row(s) differ:\n{string.Join("\n", failures.Take(20))}");
    }

    [Theory]
    [InlineData("RenyiEntropy(α=1500)")]
    [InlineData("RenyiDivergence(α=1500)")]
    public void LargeOrdersRescaleTheRowsWhoseSumsLeaveTheNormalRange(string name)
    {
        // Values spread over 2^-110 … 2^40 raised to α = 1500 give Σp^α (and Σp^α·q^(1−α)) far outside 2^±1000, and
        // normalized rows (largest value below 1) far below: those rows take the rescaled path, which must give the
        // single-vector value.
        RowMeasure measure = All().Single(m => m.Name == name);
        var failures = new List<string>();
        int outOfRange = 0;
        foreach ((int rows, int columns) in new[] { (5, 3), (40, 17), (33, 70), (3, 300) })
        {
            var input = new BatchCase("wide", (rows * 31) + columns, rows, columns, -1, -1, sharedQ: false, padLastRow: false, baseIndex: 1, threads: 1);
            Compare(measure, input, single: false, normalize: false, failures);
            Compare(measure, input, single: true, normalize: false, failures);
            Compare(measure, input, single: false, normalize: true, failures);
            outOfRange += Enumerable.Range(0, rows).Count(r => Math.Abs(1500 * Math.Log2(input.P.Row(r, false).Max())) > 1000);
        }

        Assert.True(outOfRange > 0, "no row's Σp^α left the normal range");
        Assert.True(failures.Count == 0, $"{failures.Count} row(s) differ:\n{string.Join("\n", failures.Take(20))}");
    }

    private static void Compare(RowMeasure measure, BatchCase input, bool single, bool normalize, List<string> failures)
    {
        LogBase logBase = measure.Based ? input.LogBase : LogBase.E;
        double[] actual = Scores(measure, input, single, normalize, logBase);
        for (int r = 0; r < input.Rows; r++)
        {
            double[] p = input.P.Row(r, single);
            double[] q = measure.Pair ? input.QRow(r, single) : [];
            double expected;
            if (normalize && measure.Alpha == 1.0)
            {
                // Order 1 is Shannon's entropy or KL, normalized as Information.Normalized (and Batch.Entropy, Batch.KullbackLeibler) do.
                Measure shannon = measure.Pair ? Measure.KullbackLeibler : Measure.Entropy;
                double[]? second = measure.Pair ? q : null;
                expected = Api.Normalized(shannon, single, p, second, logBase);
                double bound = BatchAgreementTests.RowTolerance(shannon, single, normalize: true, p, second, logBase, expected);
                if (!Api.Agrees(actual[r], expected, bound))
                {
                    failures.Add($"{measure.Name} {(single ? "float" : "double")} normalized row {r}: batch {actual[r]:R}, Information.Normalized {expected:R} (tolerance {bound:E2})");
                }

                continue;
            }

            if (normalize)
            {
                (p, bool pValid) = Normalized(p);
                (q, bool qValid) = measure.Pair ? Normalized(q) : (q, true);
                double value = measure.DoubleRow(p, q, logBase);
                expected = !(pValid && qValid) ? double.NaN : single ? (float)value : value;
            }
            else
            {
                expected = single
                    ? measure.SingleRow(p.Select(x => (float)x).ToArray(), q.Select(x => (float)x).ToArray(), logBase)
                    : measure.DoubleRow(p, q, logBase);
            }

            double relative = single && !normalize ? 6 * Math.ScaleB(1.0, -23) : 1e-12 * (2.0 + (double.IsFinite(measure.Alpha) ? Math.Abs(measure.Alpha) : 0.0));
            // Normalized inputs are rounded once each when scaled: a term of nearly equal p and q (|p − q|, log p/q) moves by
            // about that rounding of p and q, however small the term.
            double inputs = normalize ? 1.0 + p.Sum(Math.Abs) + q.Sum(Math.Abs) : 0.0;
            double scale = (measure.ErrorScale(p, q, expected / logBase.NatsToUnits) + inputs) * Math.Abs(logBase.NatsToUnits);
            // A term of subnormal size is off by up to a few of the smallest subnormals (float terms in float): an absolute
            // error of the sum, which a logarithm of the sum divides by the sum.
            double floor = (single ? 8 * (double)float.Epsilon : 4 * double.Epsilon) * p.Length;
            if (measure.SumOfResult is { } sumOf && double.IsFinite(expected))
            {
                floor *= (double.IsFinite(measure.Alpha) ? LogScale(measure.Alpha) : 1.0) / sumOf(expected / logBase.NatsToUnits) * Math.Abs(logBase.NatsToUnits);
            }

            double tolerance = (relative * scale) + (2 * EdgeCaseTests.Ulp(single, expected)) + floor;
            if (!Api.Agrees(actual[r], expected, tolerance))
            {
                failures.Add($"{measure.Name} {(single ? "float" : "double")}{(normalize ? " normalized" : "")} row {r}: batch {actual[r]:R}, single-vector {expected:R} (tolerance {tolerance:E2})");
            }
        }
    }

    /// <summary>The row scaled by 1/Σ as the batch scales it; not valid (the row scores NaN) when 1/Σ is not finite.</summary>
    private static (double[] Row, bool Valid) Normalized(double[] row)
    {
        double scale = 1.0 / row.Sum();
        return (row.Select(x => x * scale).ToArray(), double.IsFinite(scale));
    }

    private static double[] Scores(RowMeasure measure, BatchCase input, bool single, bool normalize, LogBase logBase)
    {
        BatchOptions options = input.Options(normalize);
        if (!measure.Pair)
        {
            options = options with { QRowStride = 0 };
        }

        if (single)
        {
            var destination = new float[input.Rows];
            Array.Fill(destination, -12345f);
            measure.Single(input.P.Single, input.Q.Single, input.Columns, destination, logBase, options);
            return destination.Select(x => (double)x).ToArray();
        }

        var scores = new double[input.Rows];
        Array.Fill(scores, -12345.0);
        measure.Double(input.P.Buffer, input.Q.Buffer, input.Columns, scores, logBase, options);
        return scores;
    }
}
