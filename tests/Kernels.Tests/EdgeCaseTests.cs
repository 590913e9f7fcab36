using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// Every row of SEMANTICS.md's edge-case table, for each measure and both element types, with the special element
/// placed first, in the middle and last of vectors whose lengths put it in the scalar path, the unrolled vector
/// block, the single-vector loop and the masked overlapping tail. The other elements are a "background" whose terms
/// are exactly zero (p = q for KL and JS, q = 1 for cross-entropy, p = 1 for entropy) when the special element's own
/// term is the expected result, or ordinary positive values when the special value must dominate (∞, NaN).
/// </summary>
public sealed class EdgeCaseTests
{
    private static readonly int[] Lengths = [1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 257];

    public static TheoryData<Measure, bool> AllMeasures() => Cases(Measure.Entropy, Measure.CrossEntropy, Measure.KullbackLeibler, Measure.JensenShannonDivergence, Measure.JensenShannonDistance);

    public static TheoryData<Measure, bool> PairMeasures() => Cases(Measure.CrossEntropy, Measure.KullbackLeibler, Measure.JensenShannonDivergence, Measure.JensenShannonDistance);

    public static TheoryData<Measure, bool> TermMeasures() => Cases(Measure.Entropy, Measure.CrossEntropy, Measure.KullbackLeibler, Measure.JensenShannonDivergence);

    public static TheoryData<bool> Types() => new() { false, true };

    // ---- p_i = 0 contributes exactly 0, whatever q_i is (q_i = 0 included) ----

    [Theory]
    [MemberData(nameof(Types))]
    public void ZeroProbabilityContributesExactlyZeroToCrossEntropyAndKullbackLeibler(bool single)
    {
        var failures = new List<string>();
        double[] partners = [0.0, -0.0, 0.5, 1.0, 3.0, Tiny(single), Subnormal(single), Max(single), double.PositiveInfinity];
        foreach (Measure measure in new[] { Measure.CrossEntropy, Measure.KullbackLeibler })
        {
            foreach (double pi in new[] { 0.0, -0.0 })
            {
                foreach (double qi in partners)
                {
                    ForEachPlacement((n, at) =>
                    {
                        (double[] p, double[] q) = ZeroBackground(measure, n, at, pi, qi);
                        Expect(failures, $"{measure} p[{at}]={pi} q[{at}]={qi}", n, Api.Raw(measure, single, p, q), 0.0, 0.0);
                    });
                }
            }
        }

        AssertNone(failures);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void ZeroProbabilityContributesExactlyZeroToEntropy(bool single)
    {
        var failures = new List<string>();
        foreach (double pi in new[] { 0.0, -0.0 })
        {
            ForEachPlacement((n, at) =>
            {
                (double[] p, _) = ZeroBackground(Measure.Entropy, n, at, pi, 0.0);
                Expect(failures, $"entropy p[{at}]={pi}", n, Api.Raw(Measure.Entropy, single, p, null), 0.0, 0.0);
            });
        }

        AssertNone(failures);
    }

    [Theory]
    [MemberData(nameof(TermMeasures))]
    public void ZeroProbabilityAmongOrdinaryValuesChangesNothing(Measure measure, bool single)
    {
        // Against an ordinary background, a (0, x) element must give the same value as the vector without it
        // (for Jensen–Shannon only x = 0 contributes nothing). Summation order differs, so allow rounding.
        var failures = new List<string>();
        double[] partners = measure is Measure.Entropy or Measure.JensenShannonDivergence ? [0.0] : [0.0, 0.5, 3.0, Subnormal(single), Max(single), double.PositiveInfinity];
        foreach (double qi in partners)
        {
            ForEachPlacement((n, at) =>
            {
                (double[] p, double[] q) = OrdinaryBackground(n);
                p[at] = 0.0;
                q[at] = qi;
                double[] pWithout = p.Where((_, i) => i != at).ToArray();
                double[] qWithout = q.Where((_, i) => i != at).ToArray();
                double expected = Api.Raw(measure, single, pWithout, qWithout);
                double tolerance = 16 * Epsilon(single) * Reference.AbsoluteTermSum(measure, pWithout, qWithout) + Ulp(single, expected);
                Expect(failures, $"{measure} p[{at}]=0 q[{at}]={qi}", n, Api.Raw(measure, single, p, measure == Measure.Entropy ? null : q), expected, tolerance);
            });
        }

        AssertNone(failures);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void JensenShannonOfZeroAgainstPositiveIsHalfQTimesLn2(bool single)
    {
        // ½[0 + q·log(2q/q)] = ½·q·ln 2 (and symmetrically); (0, 0) contributes nothing.
        var failures = new List<string>();
        foreach ((double pi, double qi) in new[] { (0.0, 0.5), (0.5, 0.0), (0.0, 3.0), (3.0, 0.0), (0.0, 0.0), (1.0, 0.0) })
        {
            double expected = 0.5 * Math.Log(2.0) * (pi + qi);
            ForEachPlacement((n, at) =>
            {
                (double[] p, double[] q) = ZeroBackground(Measure.JensenShannonDivergence, n, at, pi, qi);
                Expect(failures, $"JS p[{at}]={pi} q[{at}]={qi}", n, Api.Raw(Measure.JensenShannonDivergence, single, p, q), expected, 2 * Ulp(single, expected));
            });
        }

        AssertNone(failures);
    }

    // ---- p_i > 0, q_i = 0 → +∞ for cross-entropy and KL ----

    [Theory]
    [MemberData(nameof(Types))]
    public void PositiveProbabilityAgainstZeroIsPositiveInfinity(bool single)
    {
        var failures = new List<string>();
        foreach (Measure measure in new[] { Measure.CrossEntropy, Measure.KullbackLeibler })
        {
            foreach (double pi in new[] { 0.5, 1.0, 3.0, Tiny(single), Subnormal(single), Max(single) })
            {
                foreach (double qi in new[] { 0.0, -0.0 })
                {
                    ForEachPlacement((n, at) =>
                    {
                        (double[] p, double[] q) = OrdinaryBackground(n);
                        p[at] = pi;
                        q[at] = qi;
                        Expect(failures, $"{measure} p[{at}]={pi} q[{at}]={qi}", n, Api.Raw(measure, single, p, q), double.PositiveInfinity, 0.0);
                    });
                }
            }
        }

        AssertNone(failures);
    }

    // ---- negative values: IEEE results, no exception ----

    [Theory]
    [MemberData(nameof(Types))]
    public void NegativeValueGivesNegativeInfinityForEntropy(bool single)
    {
        var failures = new List<string>();
        foreach (double pi in new[] { -0.25, -Tiny(single), -Subnormal(single), -1.0, -Max(single), double.NegativeInfinity })
        {
            ForEachPlacement((n, at) =>
            {
                (double[] p, _) = OrdinaryBackground(n);
                p[at] = pi;
                Expect(failures, $"entropy p[{at}]={pi}", n, Api.Raw(Measure.Entropy, single, p, null), double.NegativeInfinity, 0.0);
            });
        }

        AssertNone(failures);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void NegativeValueGivesPositiveInfinityForKullbackLeiblerAndJensenShannon(bool single)
    {
        var failures = new List<string>();
        (double, double)[] pairs = [(-0.25, 0.5), (0.5, -0.25), (-0.25, -0.25), (-0.25, 0.0), (-Tiny(single), 0.5), (0.5, -Tiny(single)), (-Max(single), 0.5), (0.5, double.NegativeInfinity)];
        foreach (Measure measure in new[] { Measure.KullbackLeibler, Measure.JensenShannonDivergence, Measure.JensenShannonDistance })
        {
            foreach ((double pi, double qi) in pairs)
            {
                ForEachPlacement((n, at) =>
                {
                    (double[] p, double[] q) = OrdinaryBackground(n);
                    p[at] = pi;
                    q[at] = qi;
                    Expect(failures, $"{measure} p[{at}]={pi} q[{at}]={qi}", n, Api.Raw(measure, single, p, q), double.PositiveInfinity, 0.0);
                });
            }
        }

        AssertNone(failures);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void NegativeValueInCrossEntropyFollowsIeee(bool single)
    {
        // −p·log q: log of a negative q is NaN; a negative p against 0 < q < 1 is an ordinary (negative) number.
        var failures = new List<string>();
        foreach (double qi in new[] { -0.25, -Tiny(single), double.NegativeInfinity })
        {
            ForEachPlacement((n, at) =>
            {
                (double[] p, double[] q) = OrdinaryBackground(n);
                p[at] = 0.5;
                q[at] = qi;
                Expect(failures, $"CE p[{at}]=0.5 q[{at}]={qi}", n, Api.Raw(Measure.CrossEntropy, single, p, q), double.NaN, 0.0);
            });
        }

        double expected = -0.25 * Math.Log(2.0); // −(−0.25)·log(0.5)
        ForEachPlacement((n, at) =>
        {
            (double[] p, double[] q) = ZeroBackground(Measure.CrossEntropy, n, at, -0.25, 0.5);
            Expect(failures, $"CE p[{at}]=-0.25 q[{at}]=0.5", n, Api.Raw(Measure.CrossEntropy, single, p, q), expected, 2 * Ulp(single, expected));
        });

        AssertNone(failures);
    }

    // ---- NaN anywhere → NaN ----

    [Theory]
    [MemberData(nameof(AllMeasures))]
    public void NaNAnywhereGivesNaN(Measure measure, bool single)
    {
        var failures = new List<string>();
        (double, double)[] pairs = measure == Measure.Entropy
            ? [(double.NaN, 0.0)]
            : [(double.NaN, 0.5), (double.NaN, 0.0), (0.5, double.NaN), (0.0, double.NaN), (double.NaN, double.NaN), (double.NaN, double.PositiveInfinity), (double.PositiveInfinity, double.NaN)];
        foreach ((double pi, double qi) in pairs)
        {
            ForEachPlacement((n, at) =>
            {
                // Against an ordinary background and against one whose terms are all zero.
                (double[] p, double[] q) = OrdinaryBackground(n);
                p[at] = pi;
                q[at] = qi;
                Expect(failures, $"{measure} ordinary p[{at}]={pi} q[{at}]={qi}", n, Api.Raw(measure, single, p, measure == Measure.Entropy ? null : q), double.NaN, 0.0);
                (p, q) = ZeroBackground(measure, n, at, pi, qi);
                Expect(failures, $"{measure} zero-term p[{at}]={pi} q[{at}]={qi}", n, Api.Raw(measure, single, p, measure == Measure.Entropy ? null : q), double.NaN, 0.0);
            });
        }

        AssertNone(failures);
    }

    // ---- ±∞: as the IEEE formula gives ----

    public static TheoryData<Measure, double, double, double> InfinityRows() => new()
    {
        // entr(+∞) = −∞; entr(−∞) = −∞ (negative).
        { Measure.Entropy, double.PositiveInfinity, 0.0, double.NegativeInfinity },
        { Measure.Entropy, double.NegativeInfinity, 0.0, double.NegativeInfinity },
        // −xlogy(p, q)
        { Measure.CrossEntropy, double.PositiveInfinity, 0.5, double.PositiveInfinity },
        { Measure.CrossEntropy, 0.5, double.PositiveInfinity, double.NegativeInfinity },
        { Measure.CrossEntropy, double.PositiveInfinity, double.PositiveInfinity, double.NegativeInfinity },
        { Measure.CrossEntropy, double.PositiveInfinity, 0.0, double.PositiveInfinity },
        { Measure.CrossEntropy, double.PositiveInfinity, 1.0, double.NaN },
        // rel_entr(p, q)
        { Measure.KullbackLeibler, double.PositiveInfinity, 0.5, double.PositiveInfinity },
        { Measure.KullbackLeibler, 0.5, double.PositiveInfinity, double.NegativeInfinity },
        { Measure.KullbackLeibler, double.PositiveInfinity, double.PositiveInfinity, double.NaN },
        { Measure.KullbackLeibler, double.PositiveInfinity, 0.0, double.PositiveInfinity },
        // ½[p·log(2p/(p+q)) + q·log(2q/(p+q))]: ∞/∞ inside the logarithm.
        { Measure.JensenShannonDivergence, double.PositiveInfinity, 0.5, double.NaN },
        { Measure.JensenShannonDivergence, 0.5, double.PositiveInfinity, double.NaN },
        { Measure.JensenShannonDivergence, double.PositiveInfinity, double.PositiveInfinity, double.NaN },
    };

    [Theory]
    [MemberData(nameof(InfinityRows))]
    public void InfinityFollowsTheIeeeFormula(Measure measure, double pi, double qi, double expected)
    {
        var failures = new List<string>();
        foreach (bool single in new[] { false, true })
        {
            ForEachPlacement((n, at) =>
            {
                (double[] p, double[] q) = OrdinaryBackground(n);
                p[at] = pi;
                q[at] = qi;
                Expect(failures, $"{(single ? "float" : "double")} p[{at}]={pi} q[{at}]={qi}", n, Api.Raw(measure, single, p, measure == Measure.Entropy ? null : q), expected, 0.0);
            });
        }

        AssertNone(failures);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void ZeroProbabilityAgainstInfinityContributesNothing(bool single)
    {
        var failures = new List<string>();
        foreach (Measure measure in new[] { Measure.CrossEntropy, Measure.KullbackLeibler })
        {
            ForEachPlacement((n, at) =>
            {
                (double[] p, double[] q) = ZeroBackground(measure, n, at, 0.0, double.PositiveInfinity);
                Expect(failures, $"{measure} p[{at}]=0 q[{at}]=+inf", n, Api.Raw(measure, single, p, q), 0.0, 0.0);
            });
        }

        AssertNone(failures);
    }

    // ---- every path agrees with the scalar term (the specification) on every special pair ----

    [Theory]
    [MemberData(nameof(TermMeasures))]
    public void EveryPathAgreesWithTheScalarTermOnSpecialValues(Measure measure, bool single)
    {
        double[] specials = new[] { 0.0, -0.0, 0.5, 1.0, 3.0, -0.25, Tiny(single), Subnormal(single), Max(single), Max(single) / 3, double.PositiveInfinity, double.NegativeInfinity, double.NaN }
            .Select(x => single ? (float)x : x).ToArray();
        var failures = new List<string>();
        foreach (double pi in specials)
        {
            foreach (double qi in measure == Measure.Entropy ? [0.0] : specials)
            {
                double term = Api.Term(measure, pi, qi);
                double expected = single ? (float)term : term;
                double tolerance = single ? 4 * Ulp(true, expected) : Math.Max(1e-13 * Math.Abs(expected), 2 * double.Epsilon);
                ForEachPlacement((n, at) =>
                {
                    (double[] p, double[] q) = ZeroBackground(measure, n, at, pi, qi);
                    Expect(failures, $"{measure} p[{at}]={pi:R} q[{at}]={qi:R}", n, Api.Raw(measure, single, p, measure == Measure.Entropy ? null : q), expected, tolerance);
                });
            }
        }

        AssertNone(failures);
    }

    // ---- empty input → 0 for every measure ----

    [Theory]
    [MemberData(nameof(AllMeasures))]
    public void EmptyInputGivesPositiveZero(Measure measure, bool single)
    {
        var failures = new List<string>();
        foreach (LogBase? logBase in new LogBase?[] { null, LogBase.Two, LogBase.E, LogBase.Ten, LogBase.Of(3.7), LogBase.Of(0.5) })
        {
            // The contract says "0"; a sign is only required where no negative factor 1/ln b is involved.
            bool positive = logBase is not { } b || b.Value > 1.0;
            Expect(failures, $"{measure} base {logBase?.ToString() ?? "none"}", 0, Api.Raw(measure, single, [], measure == Measure.Entropy ? null : [], logBase), 0.0, 0.0, requirePositiveZero: positive);
        }

        AssertNone(failures);
    }

    // ---- different lengths → ArgumentException naming both ----

    [Theory]
    [MemberData(nameof(PairMeasures))]
    public void LengthMismatchThrowsArgumentExceptionNamingBothLengths(Measure measure, bool single)
    {
        foreach ((int pLength, int qLength) in new[] { (1, 0), (0, 1), (3, 2), (17, 16), (64, 65), (257, 100), (5000, 4999) })
        {
            double[] p = Enumerable.Repeat(1.0 / pLength, pLength).ToArray();
            double[] q = Enumerable.Repeat(0.5, qLength).ToArray();
            foreach (LogBase? logBase in new LogBase?[] { null, LogBase.Two })
            {
                ArgumentException error = Assert.Throws<ArgumentException>(() => Api.Raw(measure, single, p, q, logBase));
                Assert.True(NamesNumber(error.Message, pLength) && NamesNumber(error.Message, qLength), $"lengths {pLength} and {qLength} not both named in: {error.Message}");
            }
        }
    }

    // ---- p = q → KL and JS exactly +0.0 ----

    [Theory]
    [MemberData(nameof(Types))]
    public void IdenticalInputsGiveExactlyPositiveZeroForKullbackLeiblerAndJensenShannon(bool single)
    {
        var failures = new List<string>();
        foreach (LogBase? logBase in new LogBase?[] { null, LogBase.Two, LogBase.Ten, LogBase.Of(3.7), LogBase.Of(0.5) })
        {
            foreach (int n in Lengths)
            {
                // Zeros, subnormals, the largest finite value and ordinary values, at every lane.
                double[] p = Enumerable.Range(0, n).Select(i => (i % 9) switch
                {
                    0 => 0.0,
                    1 => Tiny(single),
                    2 => Subnormal(single),
                    3 => Max(single),
                    _ => (1 + ((i * 7) % 13)) / 16.0,
                }).ToArray();
                double[] plain = OrdinaryBackground(n).P;
                foreach (Measure measure in new[] { Measure.KullbackLeibler, Measure.JensenShannonDivergence, Measure.JensenShannonDistance })
                {
                    Expect(failures, $"{measure} specials base {logBase?.ToString() ?? "none"}", n, Api.Raw(measure, single, p, (double[])p.Clone(), logBase), 0.0, 0.0, requirePositiveZero: true);
                    Expect(failures, $"{measure} ordinary base {logBase?.ToString() ?? "none"}", n, Api.Raw(measure, single, plain, (double[])plain.Clone(), logBase), 0.0, 0.0, requirePositiveZero: true);
                }
            }
        }

        AssertNone(failures);
    }

    // ---- JS([1, 0], [0, 1]): distance √ln 2, not 0 ----

    [Theory]
    [MemberData(nameof(Types))]
    public void DisjointOneHotVectorsAreLn2ApartInJensenShannon(bool single)
    {
        var failures = new List<string>();
        double ln2 = Math.Log(2.0);
        foreach (int n in Lengths.Where(n => n >= 2))
        {
            foreach ((int i, int j) in new[] { (0, 1), (1, 0), (0, n - 1), (n - 1, 0), (n / 2, n - 1) }.Where(t => t.Item1 != t.Item2).Distinct())
            {
                double[] p = new double[n], q = new double[n];
                p[i] = 1.0;
                q[j] = 1.0;
                Expect(failures, $"JS divergence e{i} vs e{j}", n, Api.Raw(Measure.JensenShannonDivergence, single, p, q), ln2, 2 * Ulp(single, ln2));
                Expect(failures, $"JS distance e{i} vs e{j}", n, Api.Raw(Measure.JensenShannonDistance, single, p, q), Math.Sqrt(ln2), 2 * Ulp(single, Math.Sqrt(ln2)));
                Expect(failures, $"JS divergence bits e{i} vs e{j}", n, Api.Raw(Measure.JensenShannonDivergence, single, p, q, LogBase.Two), 1.0, 2 * Ulp(single, 1.0));
                Expect(failures, $"JS distance bits e{i} vs e{j}", n, Api.Raw(Measure.JensenShannonDistance, single, p, q, LogBase.Two), 1.0, 2 * Ulp(single, 1.0));
            }
        }

        AssertNone(failures);
    }

    // ---- subnormal entries ----

    [Theory]
    [MemberData(nameof(Types))]
    public void SubnormalEntriesAreAccurate(bool single)
    {
        // Subnormal inputs whose terms are normal numbers: the logarithm of a subnormal must be as accurate as any.
        double[] values = single
            ? [Math.ScaleB(1.0, -127), Math.ScaleB(1.0, -130), Math.ScaleB(3.0, -133), (float)1e-39, (float)3.3e-40]
            : [Math.ScaleB(1.0, -1023), Math.ScaleB(1.0, -1030), Math.ScaleB(3.0, -1034), 1e-310, 5e-311];
        var failures = new List<string>();
        foreach (int n in Lengths)
        {
            double[] p = Enumerable.Range(0, n).Select(i => values[i % values.Length]).ToArray();
            double exact = -p.Sum(x => x * (double)DecimalMath.Log(x)); // same-sign terms: no cancellation
            Expect(failures, "entropy of subnormals", n, Api.Raw(Measure.Entropy, single, p, null), exact, AccuracyBound(single, exact, Math.Abs(exact)));

            // Subnormal model probabilities against ordinary targets: −p·log q and p·log(p/q) of size ~700 (double) / ~90 (float).
            double[] target = Enumerable.Range(0, n).Select(i => (1 + (i % 4)) / 8.0).ToArray();
            double crossExact = 0, crossScale = 0, klExact = 0, klScale = 0;
            for (int i = 0; i < n; i++)
            {
                double logQ = (double)DecimalMath.Log(p[i]);
                double logRatio = (double)(DecimalMath.Log(target[i]) - DecimalMath.Log(p[i]));
                crossExact += -target[i] * logQ;
                crossScale += Math.Abs(target[i] * logQ);
                klExact += target[i] * logRatio;
                klScale += Math.Abs(target[i] * logRatio);
            }

            Expect(failures, "cross-entropy against subnormal q", n, Api.Raw(Measure.CrossEntropy, single, target, p), crossExact, AccuracyBound(single, crossExact, crossScale));
            double klBound = single ? (8 * Epsilon(true) * klScale) + (0.5 * Ulp(true, klExact)) : AccuracyBound(false, klExact, klScale);
            Expect(failures, "KL against subnormal q", n, Api.Raw(Measure.KullbackLeibler, single, target, p), klExact, klBound);
        }

        AssertNone(failures);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void TinySubnormalTermsStayFiniteAndNonNegative(bool single)
    {
        // Terms of the smallest subnormals are themselves subnormal (float: below 2^-126), so only an absolute
        // bound of half a subnormal step per element applies on top of the relative one.
        double[] values = single ? [float.Epsilon, 7 * (double)float.Epsilon, (float)1e-44] : [double.Epsilon, 7 * double.Epsilon, 1e-320];
        var failures = new List<string>();
        foreach (int n in Lengths)
        {
            double[] p = Enumerable.Range(0, n).Select(i => values[i % values.Length]).ToArray();
            double exact = -p.Sum(x => x * (double)DecimalMath.Log(x));
            double step = single ? float.Epsilon : double.Epsilon;
            Expect(failures, "entropy of tiny subnormals", n, Api.Raw(Measure.Entropy, single, p, null), exact, AccuracyBound(single, exact, exact) + n * step);
            Expect(failures, "KL(p, p) of tiny subnormals", n, Api.Raw(Measure.KullbackLeibler, single, p, p), 0.0, 0.0, requirePositiveZero: true);
        }

        AssertNone(failures);
    }

    // ---- values near the largest finite number ----

    [Theory]
    [MemberData(nameof(Types))]
    public void ValuesNearTheLargestFiniteNumberAreAccurateOrOverflowCorrectly(bool single)
    {
        double Typed(double x) => single ? (float)x : x;
        double max = Max(single);
        double big = single ? Math.ScaleB(1.0, 120) : Math.ScaleB(1.0, 1000);
        double threeQuarters = Typed(0.75 * max), half = max / 2, sevenEighths = Typed(0.875 * max);
        double tiny = single ? Math.ScaleB(1.0, -126) : Math.ScaleB(1.0, -1022);
        var failures = new List<string>();

        // (measure, p_i, q_i, exact term): each placed alone in a background of exactly-zero terms.
        (Measure, double, double, double)[] rows =
        [
            // −big·log big is representable; −max·log max is not, so the correctly rounded result is −∞.
            (Measure.Entropy, big, 0.0, -big * (double)DecimalMath.Log(big)),
            (Measure.Entropy, max, 0.0, double.NegativeInfinity),
            // −1·log max = −ln max.
            (Measure.CrossEntropy, 1.0, max, -(double)DecimalMath.Log(max)),
            // rel_entr at the top of the range, both ways.
            (Measure.KullbackLeibler, max, threeQuarters, max * (double)(DecimalMath.Log(max) - DecimalMath.Log(threeQuarters))),
            (Measure.KullbackLeibler, threeQuarters, max, threeQuarters * (double)(DecimalMath.Log(threeQuarters) - DecimalMath.Log(max))),
            // p/q beyond the range: rel_entr(4, smallest normal) is finite.
            (Measure.KullbackLeibler, 4.0, tiny, 4.0 * (double)(DecimalMath.Log(4.0) - DecimalMath.Log(tiny))),
            // Jensen–Shannon where p + q overflows: the result is finite (≈ 0.0425·max and ≈ 0.0043·max).
            (Measure.JensenShannonDivergence, max, half, DecimalMath.JensenShannonPair(max, half)),
            (Measure.JensenShannonDivergence, max, sevenEighths, DecimalMath.JensenShannonPair(max, sevenEighths)),
            (Measure.JensenShannonDivergence, half, max, DecimalMath.JensenShannonPair(half, max)),
        ];
        foreach ((Measure measure, double pi, double qi, double exact) in rows)
        {
            ForEachPlacement((n, at) =>
            {
                (double[] p, double[] q) = ZeroBackground(measure, n, at, pi, qi);
                Expect(failures, $"{measure} p[{at}]={pi:R} q[{at}]={qi:R}", n, Api.Raw(measure, single, p, measure == Measure.Entropy ? null : q), exact, TermBound(single, exact));
            });
        }

        AssertNone(failures);
    }

    // ---- LogBase.Of ----

    [Fact]
    public void LogBaseOfRejectsInvalidBasesNamingTheValue()
    {
        foreach (double b in new[] { 0.0, -0.0, 1.0, -2.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -double.Epsilon })
        {
            ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => LogBase.Of(b));
            Assert.Equal(b, Assert.IsType<double>(error.ActualValue));
            Assert.Contains(b.ToString("R", CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LogBaseOfAcceptsValidBases()
    {
        Assert.Equal(LogBase.E, default);
        Assert.Equal(LogBase.Two, LogBase.Of(2.0));
        Assert.Equal(LogBase.Ten, LogBase.Of(10.0));
        Assert.Equal(LogBase.E, LogBase.Of(Math.E));
        Assert.Equal(2.0, LogBase.Two.Value);
        Assert.Equal(10.0, LogBase.Ten.Value);
        Assert.Equal(Math.E, LogBase.E.Value);
        Assert.Equal(1.0, LogBase.E.NatsToUnits);
    }

    [Fact]
    public void LogBaseOfKeepsTheBaseAndItsFactorForEveryValidBase()
    {
        // Any finite b > 0, b ≠ 1 is valid: Value must be b itself and NatsToUnits 1/ln b (within 2 ulps).
        var failures = new List<string>();
        foreach (double b in new[] { 2.0, 10.0, 3.7, 0.5, 0.1, 1e-3, 1e-300, double.Epsilon, 1.0 + 1e-12, 1.0 - 1e-12, 1e300, double.MaxValue })
        {
            LogBase logBase = LogBase.Of(b);
            double expected = 1.0 / (double)DecimalMath.Log(b);
            if (logBase.Value != b)
            {
                failures.Add($"LogBase.Of({b:R}).Value = {logBase.Value:R}");
            }

            if (!(Math.Abs(logBase.NatsToUnits - expected) <= 2 * (Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected))))
            {
                failures.Add($"LogBase.Of({b:R}).NatsToUnits = {logBase.NatsToUnits:R}, expected {expected:R}");
            }
        }

        AssertNone(failures);
    }

    // ---- helpers ----

    private static TheoryData<Measure, bool> Cases(params Measure[] measures)
    {
        var data = new TheoryData<Measure, bool>();
        foreach (Measure measure in measures)
        {
            data.Add(measure, false);
            data.Add(measure, true);
        }

        return data;
    }

    private static void ForEachPlacement(Action<int, int> check)
    {
        foreach (int n in Lengths)
        {
            foreach (int at in new[] { 0, n / 2, n - 1 }.Distinct())
            {
                check(n, at);
            }
        }
    }

    /// <summary>Positive, float-exact values (1/16 … 13/16) with p ≠ q in most lanes.</summary>
    private static (double[] P, double[] Q) OrdinaryBackground(int n) =>
        (Enumerable.Range(0, n).Select(i => (1 + ((i * 7) % 13)) / 16.0).ToArray(),
         Enumerable.Range(0, n).Select(i => (1 + ((i * 5) % 11)) / 16.0).ToArray());

    /// <summary>A background whose every term is exactly zero, with (pᵢ, qᵢ) placed at <paramref name="at"/>: the
    /// measure's value is then that one element's term.</summary>
    private static (double[] P, double[] Q) ZeroBackground(Measure measure, int n, int at, double pi, double qi)
    {
        double[] ordinary = OrdinaryBackground(n).P;
        (double[] p, double[] q) = measure switch
        {
            Measure.Entropy => (Enumerable.Repeat(1.0, n).ToArray(), new double[n]),
            Measure.CrossEntropy => (ordinary, Enumerable.Repeat(1.0, n).ToArray()),
            _ => (ordinary, (double[])ordinary.Clone()),
        };
        p[at] = pi;
        q[at] = qi;
        return (p, q);
    }

    private static double Tiny(bool single) => single ? float.Epsilon : double.Epsilon;

    private static double Subnormal(bool single) => single ? (float)1e-40 : 1e-310;

    private static double Max(bool single) => single ? float.MaxValue : double.MaxValue;

    private static double Epsilon(bool single) => single ? Math.ScaleB(1.0, -23) : Math.ScaleB(1.0, -52);

    /// <summary>The spacing of the type's values at |x| (0 for non-finite x).</summary>
    internal static double Ulp(bool single, double x)
    {
        if (!double.IsFinite(x))
        {
            return 0.0;
        }

        if (single)
        {
            float f = Math.Abs((float)x);
            return float.IsFinite(f) ? (double)MathF.BitIncrement(f) - f : 0.0;
        }

        double d = Math.Abs(x);
        return Math.BitIncrement(d) - d;
    }

    /// <summary>The contract: float within 4 ulps of the exact value, double within 8·ε·Σ|term| (plus half an ulp).</summary>
    private static double AccuracyBound(bool single, double exact, double absoluteTermSum) =>
        single ? 4 * Ulp(true, exact) : (8 * Math.ScaleB(1.0, -52) * absoluteTermSum) + (0.5 * Ulp(false, exact));

    /// <summary>One element term: float within 4 ulps, double within 1e-13 relative (SciPy's xsf rel_entr).</summary>
    private static double TermBound(bool single, double exact) =>
        single ? 4 * Ulp(true, exact) : Math.Max(1e-13 * Math.Abs(exact), 2 * double.Epsilon);

    private static bool NamesNumber(string message, int value) =>
        Regex.IsMatch(message, $@"(?<![\d.]){value}(?!\d)");

    private static void Expect(List<string> failures, string what, int n, double actual, double expected, double tolerance, bool requirePositiveZero = false)
    {
        if (!Api.Agrees(actual, expected, tolerance, requirePositiveZero))
        {
            failures.Add($"n={n} {what}: got {actual:R} (bits {BitConverter.DoubleToInt64Bits(actual):X16}), expected {expected:R} ± {tolerance:R}");
        }
    }

    private static void AssertNone(List<string> failures)
    {
        // The same failure at many lengths and positions is summarized once, with the lengths it occurs at.
        var patterns = failures
            .Select(f => (Length: Regex.Match(f, @"^n=(\d+) ").Groups[1].Value, Pattern: Regex.Replace(Regex.Replace(f, @"^n=\d+ ", ""), @"\[\d+\]", "[i]")))
            .GroupBy(f => f.Pattern)
            .Select(g => g.First().Length.Length == 0 ? $"{g.Count()}× {g.Key}" : $"{g.Count()}× {g.Key}  (n = {string.Join(", ", g.Select(f => f.Length).Distinct())})");
        Assert.True(failures.Count == 0, $"{failures.Count} failure(s):\n{string.Join("\n", patterns.Take(40))}");
    }
}

/// <summary>The measures under test, in the shape the tests call them.</summary>
public enum Measure
{
    Entropy,
    CrossEntropy,
    KullbackLeibler,
    JensenShannonDivergence,
    JensenShannonDistance,
}

/// <summary>Calls the public API for a measure on float or double inputs (given as doubles exactly representable in
/// the chosen type) and returns the result widened to double.</summary>
internal static class Api
{
    public static double Raw(Measure measure, bool single, double[] p, double[]? q, LogBase? logBase = null)
    {
        double[] second = q ?? [];
        if (single)
        {
            float[] ps = ToSingle(p), qs = ToSingle(second);
            return logBase is { } b
                ? measure switch
                {
                    Measure.Entropy => Information.Entropy(ps, b),
                    Measure.CrossEntropy => Information.CrossEntropy(ps, qs, b),
                    Measure.KullbackLeibler => Information.KullbackLeibler(ps, qs, b),
                    Measure.JensenShannonDivergence => Information.JensenShannonDivergence(ps, qs, b),
                    _ => Information.JensenShannonDistance(ps, qs, b),
                }
                : measure switch
                {
                    Measure.Entropy => Information.Entropy(ps),
                    Measure.CrossEntropy => Information.CrossEntropy(ps, qs),
                    Measure.KullbackLeibler => Information.KullbackLeibler(ps, qs),
                    Measure.JensenShannonDivergence => Information.JensenShannonDivergence(ps, qs),
                    _ => Information.JensenShannonDistance(ps, qs),
                };
        }

        return logBase is { } lb
            ? measure switch
            {
                Measure.Entropy => Information.Entropy(p, lb),
                Measure.CrossEntropy => Information.CrossEntropy(p, second, lb),
                Measure.KullbackLeibler => Information.KullbackLeibler(p, second, lb),
                Measure.JensenShannonDivergence => Information.JensenShannonDivergence(p, second, lb),
                _ => Information.JensenShannonDistance(p, second, lb),
            }
            : measure switch
            {
                Measure.Entropy => Information.Entropy(p),
                Measure.CrossEntropy => Information.CrossEntropy(p, second),
                Measure.KullbackLeibler => Information.KullbackLeibler(p, second),
                Measure.JensenShannonDivergence => Information.JensenShannonDivergence(p, second),
                _ => Information.JensenShannonDistance(p, second),
            };
    }

    public static double Normalized(Measure measure, bool single, double[] p, double[]? q, LogBase logBase = default)
    {
        double[] second = q ?? [];
        if (single)
        {
            float[] ps = ToSingle(p), qs = ToSingle(second);
            return measure switch
            {
                Measure.Entropy => Information.Normalized.Entropy(ps, logBase),
                Measure.CrossEntropy => Information.Normalized.CrossEntropy(ps, qs, logBase),
                Measure.KullbackLeibler => Information.Normalized.KullbackLeibler(ps, qs, logBase),
                Measure.JensenShannonDivergence => Information.Normalized.JensenShannonDivergence(ps, qs, logBase),
                _ => Information.Normalized.JensenShannonDistance(ps, qs, logBase),
            };
        }

        return measure switch
        {
            Measure.Entropy => Information.Normalized.Entropy(p, logBase),
            Measure.CrossEntropy => Information.Normalized.CrossEntropy(p, second, logBase),
            Measure.KullbackLeibler => Information.Normalized.KullbackLeibler(p, second, logBase),
            Measure.JensenShannonDivergence => Information.Normalized.JensenShannonDivergence(p, second, logBase),
            _ => Information.Normalized.JensenShannonDistance(p, second, logBase),
        };
    }

    /// <summary>The scalar specification term in nats (<see cref="Terms"/>).</summary>
    public static double Term(Measure measure, double p, double q) => measure switch
    {
        Measure.Entropy => Terms.Entropy(p),
        Measure.CrossEntropy => Terms.CrossEntropy(p, q),
        Measure.KullbackLeibler => Terms.KullbackLeibler(p, q),
        Measure.JensenShannonDivergence => Terms.JensenShannon(p, q),
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "The distance has no element term."),
    };

    /// <summary>NaN matches NaN, infinities match exactly, finite values within the tolerance (and, when asked, a
    /// zero must be +0.0).</summary>
    public static bool Agrees(double actual, double expected, double tolerance, bool requirePositiveZero = false)
    {
        if (double.IsNaN(expected))
        {
            return double.IsNaN(actual);
        }

        if (double.IsInfinity(expected))
        {
            return actual == expected;
        }

        if (requirePositiveZero && expected == 0.0)
        {
            return BitConverter.DoubleToInt64Bits(actual) == 0L;
        }

        return double.IsFinite(actual) && Math.Abs(actual - expected) <= tolerance;
    }

    public static float[] ToSingle(double[] values) => values.Select(x => (float)x).ToArray();
}

/// <summary>Σ|term| of a measure on given inputs, in double with Math.Log: the scale the accuracy bounds multiply.</summary>
internal static class Reference
{
    public static double AbsoluteTermSum(Measure measure, double[] p, double[]? q)
    {
        double total = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i], qi = q is null ? 0.0 : q[i];
            total += measure switch
            {
                Measure.Entropy => pi > 0 ? Math.Abs(pi * Math.Log(pi)) : 0.0,
                Measure.CrossEntropy => pi != 0 ? Math.Abs(pi * Math.Log(qi)) : 0.0,
                Measure.KullbackLeibler => pi > 0 ? Math.Abs(pi * (Math.Log(pi) - Math.Log(qi))) : 0.0,
                _ => JensenShannonHalves(pi, qi),
            };
        }

        return total;
    }

    /// <summary>½|p·log(p/m)| + ½|q·log(q/m)|, m = (p + q)/2: the unpaired halves that scale the JS bound.</summary>
    public static double JensenShannonHalves(double p, double q)
    {
        double m = 0.5 * (p + q);
        double a = p > 0 ? Math.Abs(p * Math.Log(p / m)) : 0.0;
        double b = q > 0 ? Math.Abs(q * Math.Log(q / m)) : 0.0;
        return 0.5 * (a + b);
    }
}
