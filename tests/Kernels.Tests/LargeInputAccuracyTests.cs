using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// Structured inputs at the sizes the contract names (2^24 floats, 10^7 doubles) whose exact values follow from the
/// few distinct element values: each distinct (p, q) occurs c times, so the exact result is Σ c·term(p, q), computed
/// here in 28-digit decimal arithmetic from the exact binary values of the inputs. Contract (SEMANTICS.md):
/// float entropy and cross-entropy within 4 float ulps of the exact value; double within 8·ε·Σ|term|, ε = 2^-52
/// (float KL and JS, whose terms differ in sign, within 8·ε_float·Σ|term|, as the exact-case tolerances use).
/// Buffers are allocated once per type and refilled per test.
/// </summary>
public sealed class LargeInputAccuracyTests
{
    private const int SingleLength = 1 << 24;
    private const int DoubleLength = 10_000_000;
    private const double DoubleEpsilon = 2.220446049250313e-16; // 2^-52
    private const double SingleEpsilon = 1.1920928955078125e-07; // 2^-23
    private const double OneOverN = 1.0 / SingleLength;

    // Each layout lists the measures checked on it: a call on 2^24 floats or 10^7 doubles takes about 0.5–1 s in a
    // Debug build, so the rows are chosen to cover every measure and path without repeating what a base factor adds.
    private static readonly Layout[] SingleLayouts =
    [
        new("uniform 2^-24", [(Math.ScaleB(1.0, -24), Math.ScaleB(1.0, -24))], [], ["cross-entropy bits"]),
        new("3·2^-25 | 2^-25", [(Math.ScaleB(3.0, -25), Math.ScaleB(1.0, -24)), (Math.ScaleB(1.0, -25), Math.ScaleB(1.0, -24))], [], ["entropy", "cross-entropy"]),
        new("non-dyadic", [(F(0.7 * OneOverN), F(1.1 * OneOverN)), (F(1.3 * OneOverN), F(0.9 * OneOverN))], [], ["entropy", "cross-entropy", "kl", "kl reversed", "js"]),
        new("contiguous runs", [], [(SingleLength / 4, F(1.6 * OneOverN), F(0.7 * OneOverN)), (SingleLength / 2, F(0.9 * OneOverN), F(1.2 * OneOverN)), (SingleLength / 4, F(0.6 * OneOverN), F(0.9 * OneOverN))], ["entropy", "cross-entropy", "kl"]),
        // Every vector holds zeros, so every vector takes the checked path.
        new("2^-23 | 0", [(Math.ScaleB(1.0, -23), Math.ScaleB(1.0, -24)), (0.0, Math.ScaleB(1.0, -24))], [], ["entropy", "cross-entropy", "js"]),
        new("near-equal", [(F(OneOverN), F(1.0000003 * OneOverN)), (F(0.7 * OneOverN), F(0.7 * OneOverN * (1 + 1e-6))), (F(1.3 * OneOverN), F(1.3 * OneOverN * (1 - 1e-6)))], [], ["kl", "js"]),
    ];

    private static readonly Layout[] DoubleLayouts =
    [
        new("uniform 1e-7", [(1e-7, 1e-7)], [], ["entropy", "cross-entropy"]),
        new("interleaved", [(1.5e-7, 0.8e-7), (0.5e-7, 1.2e-7)], [], ["entropy", "entropy bits", "cross-entropy", "kl", "js"]),
        new("contiguous runs", [], [(3_000_000, 1.2e-7, 0.9e-7), (3_000_000, 0.5e-7, 1.1e-7), (4_000_000, 1.1e-7, 1.0e-7)], ["entropy", "cross-entropy", "kl", "kl reversed", "js"]),
        // q = p·(1 ± 2^-20 …): naive p·log(p/q) loses about six digits per term here.
        new("near-equal", [(1e-7, 1e-7 * (1 + Math.ScaleB(1.0, -20))), (1e-7, 1e-7 * (1 - Math.ScaleB(1.0, -20))), (1e-7, 1e-7 * (1 + Math.ScaleB(3.0, -20)))], [], ["kl", "kl reversed", "js"]),
        new("with zeros", [(2e-7, 0.0), (0.0, 2e-7), (2e-7, 1e-7), (0.0, 0.0)], [], ["entropy", "js"]),
    ];

    private static readonly object Gate = new();
    private static float[]? singleP, singleQ;
    private static double[]? doubleP, doubleQ;
    private static string? singleLayout, doubleLayout;

    public static TheoryData<string, string> SingleRows() => Rows(SingleLayouts);

    public static TheoryData<string, string> DoubleRows() => Rows(DoubleLayouts);

    /// <summary>Float, n = 2^24: entropy and cross-entropy within 4 float ulps; KL and JS within 8·ε_float·Σ|term|.</summary>
    [Theory]
    [MemberData(nameof(SingleRows))]
    public void SingleMatchesTheExactValue(string layoutName, string measure)
    {
        Layout layout = SingleLayouts.Single(l => l.Name == layoutName);
        (float[] p, float[] q) = FilledSingle(layout);
        (Measure kind, bool bits, bool reversed) = Parse(measure);
        double units = bits ? 1 / Math.Log(2.0) : 1.0;
        (double Value, double Scale) exact = Exact(kind, layout.Groups(SingleLength, reversed), units);
        (float[] x, float[] y) = reversed ? (q, p) : (p, q);
        LogBase logBase = bits ? LogBase.Two : LogBase.E;
        float actual = kind switch
        {
            Measure.Entropy => Information.Entropy(x, logBase),
            Measure.CrossEntropy => Information.CrossEntropy(x, y, logBase),
            Measure.KullbackLeibler => Information.KullbackLeibler(x, y, logBase),
            _ => Information.JensenShannonDivergence(x, y, logBase),
        };
        if (kind is Measure.Entropy or Measure.CrossEntropy)
        {
            AssertSingleWithinUlps(actual, exact.Value, $"{measure} of {layoutName}");
        }
        else
        {
            AssertWithinSumBound(actual, exact, SingleEpsilon, $"{measure} of {layoutName}");
        }
    }

    /// <summary>Double, n = 10^7: every measure within 8·ε·Σ|term| (JS: the unpaired halves).</summary>
    [Theory]
    [MemberData(nameof(DoubleRows))]
    public void DoubleMatchesTheExactValue(string layoutName, string measure)
    {
        Layout layout = DoubleLayouts.Single(l => l.Name == layoutName);
        (double[] p, double[] q) = FilledDouble(layout);
        (Measure kind, bool bits, bool reversed) = Parse(measure);
        double units = bits ? 1 / Math.Log(2.0) : 1.0;
        (double Value, double Scale) exact = Exact(kind, layout.Groups(DoubleLength, reversed), units);
        (double[] x, double[] y) = reversed ? (q, p) : (p, q);
        LogBase logBase = bits ? LogBase.Two : LogBase.E;
        double actual = kind switch
        {
            Measure.Entropy => Information.Entropy(x, logBase),
            Measure.CrossEntropy => Information.CrossEntropy(x, y, logBase),
            Measure.KullbackLeibler => Information.KullbackLeibler(x, y, logBase),
            _ => Information.JensenShannonDivergence(x, y, logBase),
        };
        AssertWithinSumBound(actual, exact, DoubleEpsilon, $"{measure} of {layoutName}");
    }

    [Fact]
    public void SingleUniformEntropyIs24Ln2AndExactly24Bits()
    {
        (float[] p, _) = FilledSingle(SingleLayouts[0]);
        AssertSingleWithinUlps(Information.Entropy(p), 24 * (double)DecimalMath.Ln2, "H(uniform 2^24) nats");
        AssertSingleWithinUlps(Information.Entropy(p, LogBase.Two), 24.0, "H(uniform 2^24) bits");
    }

    [Fact]
    public void SingleTwoValuedEntropyMatchesItsClosedForm()
    {
        // Half the entries 3·2^-25, half 2^-25: H = 25·ln 2 − ¾·ln 3.
        (float[] p, _) = FilledSingle(SingleLayouts[1]);
        double closedForm = (double)((25m * DecimalMath.Ln2) - (0.75m * DecimalMath.Log(3m)));
        AssertSingleWithinUlps(Information.Entropy(p, LogBase.Ten), closedForm / (double)DecimalMath.Log(10m), "H hartleys");
        AssertSingleWithinUlps(Information.Entropy(p, LogBase.Of(3.0)), closedForm / (double)DecimalMath.Log(3m), "H trits");
    }

    [Fact]
    public void SingleIdenticalInputsGiveExactlyZero()
    {
        (float[] p, float[] q) = FilledSingle(SingleLayouts[2]);
        Assert.Equal(0, BitConverter.SingleToInt32Bits(Information.KullbackLeibler(p, p)));
        Assert.Equal(0, BitConverter.SingleToInt32Bits(Information.JensenShannonDivergence(q, q)));
    }

    // ---- helpers ----

    private sealed record Layout(string Name, (double P, double Q)[] Interleaved, (long Count, double P, double Q)[] Runs, string[] Measures)
    {
        /// <summary>Each distinct (p, q) with how often it occurs (q and p swapped when reversed).</summary>
        public (long Count, double P, double Q)[] Groups(int length, bool reversed = false)
        {
            (long Count, double P, double Q)[] groups = Runs.Length > 0
                ? Runs
                : Interleaved.Select((v, k) => ((long)((length - k + Interleaved.Length - 1) / Interleaved.Length), v.P, v.Q)).ToArray();
            return reversed ? groups.Select(g => (g.Count, g.Q, g.P)).ToArray() : groups;
        }

        public void Fill(Span<double> p, Span<double> q)
        {
            if (Runs.Length == 0)
            {
                for (int i = 0; i < p.Length; i++)
                {
                    (p[i], q[i]) = Interleaved[i % Interleaved.Length];
                }

                return;
            }

            Assert.Equal(p.Length, Runs.Sum(r => r.Count));
            int at = 0;
            foreach ((long count, double x, double y) in Runs)
            {
                p.Slice(at, (int)count).Fill(x);
                q.Slice(at, (int)count).Fill(y);
                at += (int)count;
            }
        }

        public void Fill(Span<float> p, Span<float> q)
        {
            if (Runs.Length == 0)
            {
                for (int i = 0; i < p.Length; i++)
                {
                    (double x, double y) = Interleaved[i % Interleaved.Length];
                    p[i] = (float)x;
                    q[i] = (float)y;
                }

                return;
            }

            Assert.Equal(p.Length, Runs.Sum(r => r.Count));
            int at = 0;
            foreach ((long count, double x, double y) in Runs)
            {
                p.Slice(at, (int)count).Fill((float)x);
                q.Slice(at, (int)count).Fill((float)y);
                at += (int)count;
            }
        }
    }

    private static TheoryData<string, string> Rows(Layout[] layouts)
    {
        var data = new TheoryData<string, string>();
        foreach (Layout layout in layouts)
        {
            foreach (string measure in layout.Measures)
            {
                data.Add(layout.Name, measure);
            }
        }

        return data;
    }

    private static (Measure Kind, bool Bits, bool Reversed) Parse(string measure) => measure switch
    {
        "entropy" => (Measure.Entropy, false, false),
        "entropy bits" => (Measure.Entropy, true, false),
        "cross-entropy" => (Measure.CrossEntropy, false, false),
        "cross-entropy bits" => (Measure.CrossEntropy, true, false),
        "kl" => (Measure.KullbackLeibler, false, false),
        "kl reversed" => (Measure.KullbackLeibler, false, true),
        "kl bits" => (Measure.KullbackLeibler, true, false),
        "js" => (Measure.JensenShannonDivergence, false, false),
        _ => (Measure.JensenShannonDivergence, true, false),
    };

    // Tests in one class run one at a time; the buffers are filled once per layout.
    private static (float[] P, float[] Q) FilledSingle(Layout layout)
    {
        lock (Gate)
        {
            singleP ??= new float[SingleLength];
            singleQ ??= new float[SingleLength];
            if (singleLayout != layout.Name)
            {
                layout.Fill(singleP, singleQ);
                singleLayout = layout.Name;
            }

            return (singleP, singleQ);
        }
    }

    private static (double[] P, double[] Q) FilledDouble(Layout layout)
    {
        lock (Gate)
        {
            doubleP ??= new double[DoubleLength];
            doubleQ ??= new double[DoubleLength];
            if (doubleLayout != layout.Name)
            {
                layout.Fill(doubleP, doubleQ);
                doubleLayout = layout.Name;
            }

            return (doubleP, doubleQ);
        }
    }

    private static double F(double x) => (float)x;

    /// <summary>Σ count·term in nats (times <paramref name="units"/>), and the bound's scale Σ|count·term| (for JS the
    /// unpaired halves ½|p·log(p/m)| + ½|q·log(q/m)|). p &gt; 0 = q gives +∞ for cross-entropy and KL.</summary>
    private static (double Value, double Scale) Exact(Measure measure, IEnumerable<(long Count, double P, double Q)> groups, double units = 1.0)
    {
        decimal sum = 0m;
        double scale = 0.0;
        foreach ((long count, double p, double q) in groups)
        {
            if (measure is Measure.CrossEntropy or Measure.KullbackLeibler && p > 0 && q == 0)
            {
                return (double.PositiveInfinity, 0.0);
            }

            decimal term = measure switch
            {
                Measure.Entropy => p == 0 ? 0m : -DecimalMath.Times(count, p) * DecimalMath.Log(p),
                Measure.CrossEntropy => p == 0 ? 0m : -DecimalMath.Times(count, p) * DecimalMath.Log(q),
                Measure.KullbackLeibler => p == 0 ? 0m : DecimalMath.Times(count, p) * DecimalMath.LogRatio(p, q),
                _ => p == 0 || q == 0 ? DecimalMath.Times(count, p + q) * DecimalMath.Ln2 / 2m : DecimalMath.Times(count, q) * DecimalMath.JensenShannonPairOverQ(p, q),
            };
            sum += term;
            scale += measure == Measure.JensenShannonDivergence ? count * Reference.JensenShannonHalves(p, q) : Math.Abs((double)term);
        }

        return ((double)sum * units, scale * Math.Abs(units));
    }

    private static void AssertSingleWithinUlps(float actual, double exact, string what)
    {
        if (double.IsInfinity(exact))
        {
            Assert.Equal((float)exact, actual);
            return;
        }

        float nearest = (float)exact;
        double ulp = MathF.BitIncrement(Math.Abs(nearest)) - Math.Abs(nearest);
        double error = Math.Abs(actual - exact);
        Assert.True(error <= 4 * ulp, $"{what}: got {actual:R}, exact {exact:R}, error {error / ulp:F2} ulp (bound 4)");
    }

    private static void AssertWithinSumBound(double actual, (double Value, double Scale) exact, double epsilon, string what)
    {
        if (double.IsInfinity(exact.Value))
        {
            Assert.Equal(exact.Value, actual);
            return;
        }

        double bound = (8 * epsilon * exact.Scale) + (0.5 * EdgeCaseTests.Ulp(epsilon != DoubleEpsilon, exact.Value));
        double error = Math.Abs(actual - exact.Value);
        Assert.True(error <= bound, $"{what}: got {actual:R}, exact {exact.Value:R}, error {error:R} = {error / (epsilon * exact.Scale):F2}·ε·Σ|term| (bound 8)");
    }
}

/// <summary>
/// Reference arithmetic in System.Decimal (28 digits) on the exact binary values of doubles: ln 2 from its atanh
/// series, logarithms by reduction to [0.75, 1.5] and the atanh series, log(p/q) from the exact p − q near p ≈ q.
/// Independent of Math.Log and of the library. Valid for moderate magnitudes of the decimal intermediates.
/// </summary>
internal static class DecimalMath
{
    /// <summary>ln 2 = 2·atanh(1/3).</summary>
    public static readonly decimal Ln2 = 2m * Atanh(1m / 3m);

    /// <summary>ln v for a positive decimal.</summary>
    public static decimal Log(decimal v)
    {
        if (v <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(v), v, "ln needs a positive argument.");
        }

        int k = 0;
        while (v > 1.5m)
        {
            v /= 2m;
            k++;
        }

        while (v < 0.75m)
        {
            v *= 2m;
            k--;
        }

        return (2m * Atanh((v - 1m) / (v + 1m))) + (k * Ln2);
    }

    /// <summary>ln x for a positive finite double (subnormals included), from x = m·2^e exactly.</summary>
    public static decimal Log(double x)
    {
        (ulong m, int e) = Decompose(x);
        if (m == 0 || !double.IsFinite(x) || x < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "ln needs a positive finite argument.");
        }

        int top = 63 - BitOperations.LeadingZeroCount(m);
        return Log((decimal)m / Pow2(top)) + ((e + top) * Ln2);
    }

    /// <summary>ln(a/b) for positive finite doubles; near a ≈ b from the exact a − b (Sterbenz), so small results
    /// keep their digits (down to decimal's 28 decimal places).</summary>
    public static decimal LogRatio(double a, double b)
    {
        if (a >= b / 2 && a <= 2 * b)
        {
            decimal d = Ratio(a - b, b); // a/b − 1, with a − b exact
            return 2m * Atanh(d / (2m + d)); // log1p(d)
        }

        return Log(a) - Log(b);
    }

    /// <summary>a/b in decimal from the exact binary values (b &gt; 0, any sign of a).</summary>
    public static decimal Ratio(double a, double b)
    {
        if (a == 0)
        {
            return 0m;
        }

        (ulong ma, int ea) = Decompose(Math.Abs(a));
        (ulong mb, int eb) = Decompose(b);

        // Left-align both mantissas so that the decimal quotient lies in (0.5, 2) and keeps all 28 digits (a quotient
        // of odd-reduced mantissas can be tiny, and decimal keeps only 28 places after the point).
        int sa = BitOperations.LeadingZeroCount(ma), sb = BitOperations.LeadingZeroCount(mb);
        decimal v = Shift((decimal)(ma << sa) / (mb << sb), (ea - sa) - (eb - sb));
        return a < 0 ? -v : v;
    }

    /// <summary>count·x in decimal from the exact binary value of x ≥ 0 (for moderate results).</summary>
    public static decimal Times(long count, double x)
    {
        if (x == 0)
        {
            return 0m;
        }

        (ulong m, int e) = Decompose(x);
        return Shift((decimal)m * count, e);
    }

    /// <summary>The Jensen–Shannon pair ½[p·log(2p/(p+q)) + q·log(2q/(p+q))] divided by q (p, q &gt; 0): with
    /// d = p/q − 1 and t = d/(2 + d) = (p − q)/(p + q), the pair is q·(2 + d)/4·f(t),
    /// f(t) = (1+t)·ln(1+t) + (1−t)·ln(1−t) = Σ t^(2k)/(k(2k−1)).</summary>
    public static decimal JensenShannonPairOverQ(double p, double q)
    {
        decimal d = p >= q / 2 && p <= 2 * q ? Ratio(p - q, q) : Ratio(p, q) - 1m;
        decimal t = d / (2m + d);
        decimal f;
        if (Math.Abs(t) <= 0.5m)
        {
            decimal t2 = t * t, power = t2;
            f = 0m;
            for (int k = 1; power != 0m; k++)
            {
                f += power / (k * ((2 * k) - 1));
                power *= t2;
            }
        }
        else
        {
            f = ((1m + t) * Log(1m + t)) + ((1m - t) * Log(1m - t));
        }

        return (2m + d) / 4m * f;
    }

    /// <summary>The Jensen–Shannon pair of positive finite p and q as a double.</summary>
    public static double JensenShannonPair(double p, double q) => q * (double)JensenShannonPairOverQ(p, q);

    private static decimal Atanh(decimal z)
    {
        decimal z2 = z * z, power = z, sum = 0m;
        for (int k = 1; power != 0m; k += 2)
        {
            sum += power / k;
            power *= z2;
        }

        return sum;
    }

    private static decimal Shift(decimal v, int e)
    {
        for (; e > 0; e -= Math.Min(e, 60))
        {
            v *= Pow2(Math.Min(e, 60));
        }

        for (; e < 0; e += Math.Min(-e, 60))
        {
            v /= Pow2(Math.Min(-e, 60));
        }

        return v;
    }

    private static decimal Pow2(int k) => 1UL << k;

    /// <summary>x = m·2^e with m odd (m = 0 for x = 0).</summary>
    private static (ulong Mantissa, int Exponent) Decompose(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x) & long.MaxValue;
        int field = (int)(bits >> 52);
        ulong m = (ulong)(bits & ((1L << 52) - 1));
        int e = -1074;
        if (field != 0)
        {
            m |= 1UL << 52;
            e = field - 1075;
        }

        if (m == 0)
        {
            return (0, 0);
        }

        int zeros = BitOperations.TrailingZeroCount(m);
        return (m >> zeros, e + zeros);
    }
}
