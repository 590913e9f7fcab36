using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// <see cref="Information.Normalized"/>: SciPy's convention, p and q each scaled to sum 1 (scipy.stats.entropy(p),
/// entropy(p, q), scipy.spatial.distance.jensenshannon(p, q, base)). Checked against normalizing by hand and calling
/// the raw function, against closed forms, and on the edge cases (a row summing to 0 gives NaN, empty gives 0).
/// </summary>
public sealed class NormalizedTests
{
    private static readonly Measure[] AllMeasures = [Measure.Entropy, Measure.CrossEntropy, Measure.KullbackLeibler, Measure.JensenShannonDivergence, Measure.JensenShannonDistance];

    public static TheoryData<Measure, bool> Cases()
    {
        var data = new TheoryData<Measure, bool>();
        foreach (Measure measure in AllMeasures)
        {
            data.Add(measure, false);
            data.Add(measure, true);
        }

        return data;
    }

    // ---- against normalizing by hand ----

    [Property(Arbitrary = new[] { typeof(Distributions) }, MaxTest = 200)]
    public void NormalizedEqualsRawOnInputsNormalizedByHand(DistributionPair pair)
    {
        // Counts (integer weights, exact in float below 2^24) against the raw function on w/Σw. Normalizing by hand
        // rounds each element once (½ ulp), which moves the result by at most about ε·(Σ|term| + Σp + Σq).
        foreach (bool single in new[] { false, true })
        {
            double[] counts = pair.First.Counts, countsQ = pair.Second.Counts;
            (double[] p, double[] q) = single
                ? (pair.PSingle.Select(x => (double)x).ToArray(), pair.QSingle.Select(x => (double)x).ToArray())
                : (pair.P, pair.Q);
            double epsilon = single ? Math.ScaleB(1.0, -23) : Math.ScaleB(1.0, -52);
            foreach (Measure measure in AllMeasures)
            {
                foreach (LogBase logBase in new[] { LogBase.E, LogBase.Two })
                {
                    double[]? second = measure == Measure.Entropy ? null : q;
                    double expected = Api.Raw(measure, single, p, second, logBase);
                    double actual = Api.Normalized(measure, single, counts, measure == Measure.Entropy ? null : countsQ, logBase);
                    if (pair.Length == 0)
                    {
                        // Empty input gives 0 (checked bit for bit in EmptyInputGivesZero).
                        continue;
                    }

                    Measure termMeasure = measure == Measure.JensenShannonDistance ? Measure.JensenShannonDivergence : measure;
                    double scale = Reference.AbsoluteTermSum(termMeasure, p, second) + p.Sum() + q.Sum();
                    double tolerance = (16 * epsilon * scale * logBase.NatsToUnits) + (2 * EdgeCaseTests.Ulp(single, expected));
                    if (measure == Measure.JensenShannonDistance)
                    {
                        // d = √D: an error e in D moves d by at most √e.
                        double divergenceTolerance = (16 * epsilon * scale * logBase.NatsToUnits) + (2 * EdgeCaseTests.Ulp(single, expected * expected));
                        tolerance = Math.Sqrt(divergenceTolerance) + (2 * EdgeCaseTests.Ulp(single, expected));
                    }

                    Assert.True(Math.Abs(actual - expected) <= tolerance, $"{(single ? "float" : "double")} {measure} base {logBase}: normalized {actual:R}, by hand {expected:R} (tolerance {tolerance:R})");
                }
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(Distributions) }, MaxTest = 100)]
    public void ScalingTheInputsByAPowerOfTwoChangesNothingBeyondRounding(DistributionPair pair, bool single)
    {
        // 2^k·w normalizes to exactly the same distribution as w.
        if (pair.Length == 0)
        {
            return;
        }

        double[] p = pair.First.Counts, q = pair.Second.Counts;
        foreach (int k in new[] { -40, -3, 5, 60 })
        {
            double[] ps = p.Select(x => Math.ScaleB(x, k)).ToArray(), qs = q.Select(x => Math.ScaleB(x, k)).ToArray();
            foreach (Measure measure in new[] { Measure.Entropy, Measure.CrossEntropy, Measure.KullbackLeibler, Measure.JensenShannonDivergence })
            {
                double before = Api.Normalized(measure, single, p, q);
                double after = Api.Normalized(measure, single, ps, qs);
                double epsilon = single ? Math.ScaleB(1.0, -23) : Math.ScaleB(1.0, -52);
                // The fused form adds Σterm/Σw and log Σw, whose sizes grow with log Σw and |k|·ln 2.
                double tolerance = 32 * epsilon * (Math.Abs(before) + (Math.Abs(k) * Math.Log(2.0)) + Math.Log(p.Sum() + q.Sum() + 1) + 1);
                Assert.True(Math.Abs(before - after) <= tolerance, $"{(single ? "float" : "double")} {measure}: {before:R} for w, {after:R} for 2^{k}·w");
            }
        }
    }

    // ---- closed forms (SciPy agrees: entropy([1,1,2,4], base=2) = 1.75, entropy([1,1,2,4], [1,1,1,1], base=2) = 0.25) ----

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CountsOneOneTwoFourHaveClosedFormMeasures(bool single)
    {
        // P = [1/8, 1/8, 1/4, 1/2], Q = [1/4, 1/4, 1/4, 1/4]: H(P) = 1.75 bits, H(P, Q) = 2 bits, D(P‖Q) = 0.25 bits,
        // JS(P, Q) = 1.25 − 0.75·log2 3 bits.
        double[] counts = [1, 1, 2, 4];
        double[] uniform = [5, 5, 5, 5];
        double log2Of3 = (double)(DecimalMath.Log(3m) / DecimalMath.Ln2);
        double js = (double)(1.25m - (0.75m * DecimalMath.Log(3m) / DecimalMath.Ln2));
        AssertClose(single, 1.75, Api.Normalized(Measure.Entropy, single, counts, null, LogBase.Two), "H bits");
        AssertClose(single, 1.75 * Math.Log(2.0), Api.Normalized(Measure.Entropy, single, counts, null), "H nats");
        AssertClose(single, 2.0, Api.Normalized(Measure.CrossEntropy, single, counts, uniform, LogBase.Two), "H(P, Q) bits");
        // KL and JS have terms of both signs: their bound is 8·ε·Σ|term| (JS: the unpaired halves), in bits.
        double[] p = [0.125, 0.125, 0.25, 0.5], q = [0.25, 0.25, 0.25, 0.25];
        double klScale = Reference.AbsoluteTermSum(Measure.KullbackLeibler, p, q) / Math.Log(2.0);
        double jsScale = Reference.AbsoluteTermSum(Measure.JensenShannonDivergence, p, q) / Math.Log(2.0);
        AssertClose(single, 0.25, Api.Normalized(Measure.KullbackLeibler, single, counts, uniform, LogBase.Two), "D(P‖Q) bits", klScale);
        AssertClose(single, js, Api.Normalized(Measure.JensenShannonDivergence, single, counts, uniform, LogBase.Two), "JS bits", jsScale);
        AssertClose(single, js, Api.Normalized(Measure.JensenShannonDivergence, single, uniform, counts, LogBase.Two), "JS(Q, P) bits", jsScale);
        double distance = Api.Normalized(Measure.JensenShannonDistance, single, counts, uniform, LogBase.Two);
        AssertClose(single, js, distance * distance, "JS distance² bits", jsScale);
        Assert.True(log2Of3 > 1.58 && log2Of3 < 1.59);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void IdenticalOrProportionalInputsGiveZero(bool single)
    {
        double[] counts = [3, 0, 7, 1, 0, 12, 5, 5, 9, 2, 0, 1, 4, 8, 6, 11, 2];
        foreach (Measure measure in new[] { Measure.KullbackLeibler, Measure.JensenShannonDivergence, Measure.JensenShannonDistance })
        {
            double same = Api.Normalized(measure, single, counts, (double[])counts.Clone());
            Assert.True(BitConverter.DoubleToInt64Bits(same) == 0L, $"{measure}(p, p) normalized = {same:R}, not +0.0");
            double proportional = Api.Normalized(measure, single, counts, counts.Select(x => x * 4).ToArray());
            Assert.True(Math.Abs(proportional) <= (measure == Measure.JensenShannonDistance ? 1e-3 : 1e-6), $"{measure}(p, 4p) normalized = {proportional:R}");
        }
    }

    // ---- edge cases ----

    [Theory]
    [MemberData(nameof(Cases))]
    public void RowSummingToZeroGivesNaN(Measure measure, bool single)
    {
        double[] ordinary = [1, 2, 3];
        foreach (double[] zeroSum in new[] { new double[] { 0, 0, 0 }, new double[] { 1, -1, 0 } })
        {
            Assert.True(double.IsNaN(Api.Normalized(measure, single, zeroSum, measure == Measure.Entropy ? null : ordinary)), $"{measure} p = [{string.Join(", ", zeroSum)}]");
            if (measure != Measure.Entropy)
            {
                Assert.True(double.IsNaN(Api.Normalized(measure, single, ordinary, zeroSum)), $"{measure} q = [{string.Join(", ", zeroSum)}]");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EmptyInputGivesZero(Measure measure, bool single)
    {
        // SEMANTICS.md: "empty input → 0 for every measure" — the normalized variants included.
        var failures = new List<string>();
        foreach (LogBase logBase in new[] { LogBase.E, LogBase.Two, LogBase.Ten })
        {
            double value = Api.Normalized(measure, single, [], measure == Measure.Entropy ? null : [], logBase);
            if (BitConverter.DoubleToInt64Bits(value) != 0L)
            {
                failures.Add($"base {logBase}: got {value:R}");
            }
        }

        Assert.True(failures.Count == 0, $"{(single ? "float" : "double")} Normalized.{measure}([]) should be +0.0: {string.Join("; ", failures)}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NaNAnywhereGivesNaN(Measure measure, bool single)
    {
        double[] ordinary = Enumerable.Range(1, 40).Select(i => (double)i).ToArray();
        foreach (int at in new[] { 0, 17, 39 })
        {
            double[] withNaN = (double[])ordinary.Clone();
            withNaN[at] = double.NaN;
            Assert.True(double.IsNaN(Api.Normalized(measure, single, withNaN, measure == Measure.Entropy ? null : ordinary)), $"{measure} NaN in p at {at}");
            if (measure != Measure.Entropy)
            {
                Assert.True(double.IsNaN(Api.Normalized(measure, single, ordinary, withNaN)), $"{measure} NaN in q at {at}");
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PositiveAgainstZeroIsInfiniteForCrossEntropyAndKullbackLeibler(bool single)
    {
        double[] p = Enumerable.Range(1, 40).Select(i => (double)i).ToArray();
        foreach (int at in new[] { 0, 17, 39 })
        {
            double[] q = (double[])p.Clone();
            q[at] = 0;
            Assert.Equal(double.PositiveInfinity, Api.Normalized(Measure.CrossEntropy, single, p, q));
            Assert.Equal(double.PositiveInfinity, Api.Normalized(Measure.KullbackLeibler, single, p, q));
            Assert.True(double.IsFinite(Api.Normalized(Measure.JensenShannonDivergence, single, p, q)));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LengthMismatchThrowsArgumentExceptionNamingBothLengths(Measure measure, bool single)
    {
        if (measure == Measure.Entropy)
        {
            return;
        }

        ArgumentException error = Assert.Throws<ArgumentException>(() => Api.Normalized(measure, single, [1, 2, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]));
        Assert.Contains("3", error.Message, StringComparison.Ordinal);
        Assert.Contains("17", error.Message, StringComparison.Ordinal);

        // An empty p against a non-empty q is a mismatch too, not "empty input".
        Assert.Throws<ArgumentException>(() => Api.Normalized(measure, single, [], [1]));
        Assert.Throws<ArgumentException>(() => Api.Normalized(measure, single, [1], []));
    }

    private static void AssertClose(bool single, double expected, double actual, string what, double absoluteTermSum = 0.0)
    {
        double epsilon = single ? Math.ScaleB(1.0, -23) : Math.ScaleB(1.0, -52);
        double tolerance = (4 * EdgeCaseTests.Ulp(single, expected)) + (8 * epsilon * absoluteTermSum);
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"{(single ? "float" : "double")} {what}: got {actual:R}, expected {expected:R}");
    }
}
