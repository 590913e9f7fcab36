using System;
using System.Linq;
using System.Numerics;
using System.Runtime.Intrinsics;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// The README's accuracy rows at their bounds on the inputs that reach them: near-equal pairs q = p·(1 + δ) with δ
/// from 1e-6 down to 1e-15 (float: down to one float ulp), q = 0 against p &gt; 0, and the exact +0 results of the
/// vector vocabulary. The references are double-double (<see cref="DoubleDouble"/>): no Fn, VectorMath or Terms inside.
/// Lengths are not multiples of any vector width, so every tail is exercised too.
/// </summary>
public sealed class NearEqualAccuracyTests
{
    private const double Epsilon = 2.220446049250313e-16; // 2^-52
    private const double FloatEpsilon = 1.1920928955078125e-7; // 2^-23

    /// <summary>Relative bound of the Jensen–Shannon divergence near p ≈ q, in units of the type's ε (2^-52, 2^-23), measured ≤ 1 in double and 0.2 in float:
    /// the answer itself is the scale, not the unpaired halves p·log(2p/(p+q)), which are 1/δ times larger.</summary>
    public const double JensenShannonRelativeUlps = 4;

    public static TheoryData<double, int> DoubleDeltas() => new()
    {
        { 1e-6, 1 }, { 1e-8, 2 }, { 1e-10, 3 }, { 1e-12, 4 }, { 1e-14, 5 }, { 1e-15, 6 },
    };

    public static TheoryData<double, int> FloatDeltas() => new()
    {
        { 1e-3, 1 }, { 1e-4, 2 }, { 1e-5, 3 }, { 1e-6, 4 }, { 4e-7, 5 },
    };

    /// <summary>Jensen–Shannon near p ≈ q in double: relative to the answer, within 4ε.</summary>
    [Theory]
    [MemberData(nameof(DoubleDeltas))]
    public void DoubleJensenShannonNearEqualIsRelativelyAccurate(double delta, int seed)
    {
        foreach (int n in new[] { 1, 3, 31, 1_003, 10_007 })
        {
            (double[] p, double[] q) = NearEqual(n, delta, seed, single: false);
            double exact = JensenShannonReference(p, q);
            double actual = Information.JensenShannonDivergence(p, q);
            double error = Math.Abs(actual - exact) / exact;
            Assert.True(exact > 0 && error <= JensenShannonRelativeUlps * Epsilon,
                $"n = {n}, δ = {delta:R}: JS {actual:R}, exact {exact:R}: relative error {error / Epsilon:F2} ε, bound {JensenShannonRelativeUlps}");
        }
    }

    /// <summary>Jensen–Shannon near p ≈ q in float (inputs float, answer float): relative to the answer, within 4 float ε.</summary>
    [Theory]
    [MemberData(nameof(FloatDeltas))]
    public void FloatJensenShannonNearEqualIsRelativelyAccurate(double delta, int seed)
    {
        foreach (int n in new[] { 1, 3, 31, 1_003, 10_007 })
        {
            (double[] p, double[] q) = NearEqual(n, delta, seed, single: true);
            double exact = JensenShannonReference(p, q);
            float actual = Information.JensenShannonDivergence(ToFloat(p), ToFloat(q));
            double error = Math.Abs(actual - exact) / exact;
            Assert.True(exact > 0 && error <= JensenShannonRelativeUlps * FloatEpsilon,
                $"n = {n}, δ = {delta:R}: JS {actual:R}, exact {exact:R}: relative error {error / FloatEpsilon:F2} float ε, bound {JensenShannonRelativeUlps}");
        }
    }

    /// <summary>KL near p ≈ q in double (terms of both signs that cancel): within the README's 8ε·Σ|term| plus half an
    /// ulp of the answer, against p·log(p/q) summed in double-double.</summary>
    [Theory]
    [MemberData(nameof(DoubleDeltas))]
    public void DoubleKullbackLeiblerNearEqualIsWithinTheSumBound(double delta, int seed)
    {
        foreach (int n in new[] { 1, 3, 31, 1_003, 10_007 })
        {
            (double[] p, double[] q) = NearEqual(n, delta, seed, single: false);
            DoubleDouble exact = 0.0;
            double absoluteSum = 0.0;
            for (int i = 0; i < n; i++)
            {
                DoubleDouble term = DoubleDouble.LogRatio(p[i], q[i]) * p[i];
                exact += term;
                absoluteSum += Math.Abs(term.Hi);
            }

            double actual = Information.KullbackLeibler(p, q);
            double bound = (8 * Epsilon * absoluteSum) + HalfUlp(exact.Hi);
            Assert.True(Math.Abs(actual - exact.Hi) <= bound,
                $"n = {n}, δ = {delta:R}: KL {actual:R}, exact {exact.Hi:R}: error {Math.Abs(actual - exact.Hi) / (Epsilon * absoluteSum):F2} ε·Σ|term|, bound 8");
        }
    }

    /// <summary>q = 0 against p &gt; 0 gives +∞ for KL and cross-entropy at every position of a long vector (each
    /// vector lane and the tail), in float and double; p = 0 against q = 0 contributes exactly 0.</summary>
    [Fact]
    public void AZeroModelValueAgainstAPositiveTargetIsInfiniteAtEveryPosition()
    {
        const int n = 67;
        double[] p = Enumerable.Range(0, n).Select(i => 1.0 / (i + 2)).ToArray();
        double[] q = p.Select(x => x * 0.75).ToArray();
        for (int at = 0; at < n; at++)
        {
            double[] q0 = (double[])q.Clone();
            q0[at] = 0.0;
            Assert.Equal(double.PositiveInfinity, Information.KullbackLeibler(p, q0));
            Assert.Equal(double.PositiveInfinity, Information.CrossEntropy(p, q0));
            Assert.Equal(float.PositiveInfinity, Information.KullbackLeibler(ToFloat(p), ToFloat(q0)));
            Assert.Equal(float.PositiveInfinity, Information.CrossEntropy(ToFloat(p), ToFloat(q0)));

            double[] p0 = (double[])p.Clone();
            p0[at] = 0.0;
            double withoutElement = Information.KullbackLeibler(p0.Where((_, i) => i != at).ToArray(), q.Where((_, i) => i != at).ToArray());
            Assert.True(double.IsFinite(Information.KullbackLeibler(p0, q0)), $"p = 0 against q = 0 at {at} must contribute 0");
            Assert.True(Math.Abs(Information.KullbackLeibler(p0, q0) - withoutElement) <= 8 * Epsilon * n,
                $"p = 0 against q = 0 at {at}: KL differs from the vector without that element");
        }
    }

    /// <summary>KL(p, p) and JS(p, p) are exactly +0.0 (bits 0) for vectors of every length, in float and double,
    /// values spanning subnormals to huge.</summary>
    [Fact]
    public void KullbackLeiblerAndJensenShannonOfAVectorWithItselfArePlusZero()
    {
        var random = new Random(7);
        foreach (int n in new[] { 1, 2, 7, 8, 15, 16, 17, 63, 64, 65, 1_001 })
        {
            double[] p = Enumerable.Range(0, n).Select(_ => Math.ScaleB(random.NextDouble() + 0.5, random.Next(-1070, 1000))).ToArray();
            float[] f = Enumerable.Range(0, n).Select(_ => MathF.ScaleB((float)random.NextDouble() + 0.5f, random.Next(-148, 120))).ToArray();
            AssertPlusZero(Information.KullbackLeibler(p, p), $"KL(p, p) double, n = {n}");
            AssertPlusZero(Information.JensenShannonDivergence(p, p), $"JS(p, p) double, n = {n}");
            AssertPlusZero(Information.KullbackLeibler(f, f), $"KL(p, p) float, n = {n}");
            AssertPlusZero(Information.JensenShannonDivergence(f, f), $"JS(p, p) float, n = {n}");
        }
    }

    /// <summary>The vector Log(1) and LogRatio(x, x) are exactly +0 in every lane, Vector&lt;T&gt; and Vector512, float
    /// and double, x from the smallest subnormal to the largest finite value.</summary>
    [Fact]
    public void VectorLogOfOneAndLogRatioOfEqualValuesArePlusZero()
    {
        AssertLanesPlusZero(VectorMath.Log(Vector<double>.One), "Log(1) Vector<double>");
        AssertLanesPlusZero(VectorMath.Log(Vector<float>.One), "Log(1) Vector<float>");
        AssertLanesPlusZero(VectorMath.Log(Vector512<double>.One), "Log(1) Vector512<double>");
        AssertLanesPlusZero(VectorMath.Log(Vector512<float>.One), "Log(1) Vector512<float>");
        double[] doubles = [double.Epsilon, 1e-310, 2.2250738585072014e-308, 1e-300, 0.5, 1.0, 1.0000000000000002, 3.0, 1e300, double.MaxValue];
        float[] floats = [float.Epsilon, 1e-40f, 1.17549435e-38f, 1e-30f, 0.5f, 1.0f, 1.00000012f, 3.0f, 1e38f, float.MaxValue];
        foreach (double x in doubles)
        {
            AssertLanesPlusZero(VectorMath.LogRatio(new Vector<double>(x), new Vector<double>(x)), $"LogRatio({x:R}, {x:R}) Vector<double>");
            AssertLanesPlusZero(VectorMath.LogRatio(Vector512.Create(x), Vector512.Create(x)), $"LogRatio({x:R}, {x:R}) Vector512<double>");
        }

        foreach (float x in floats)
        {
            AssertLanesPlusZero(VectorMath.LogRatio(new Vector<float>(x), new Vector<float>(x)), $"LogRatio({x:R}, {x:R}) Vector<float>");
            AssertLanesPlusZero(VectorMath.LogRatio(Vector512.Create(x), Vector512.Create(x)), $"LogRatio({x:R}, {x:R}) Vector512<float>");
        }
    }

    /// <summary>Pairs q = p·(1 + δ·u), u uniform in [−1, 1], p spread over three decades; rounded to float when
    /// <paramref name="single"/> (the reference then sees the float values exactly).</summary>
    private static (double[] P, double[] Q) NearEqual(int n, double delta, int seed, bool single)
    {
        var random = new Random(seed * 7919 + n);
        var p = new double[n];
        var q = new double[n];
        for (int i = 0; i < n; i++)
        {
            double x = Math.Pow(10, -3 * random.NextDouble()) / n;
            double y = x * (1 + (delta * ((2 * random.NextDouble()) - 1)));
            p[i] = single ? (float)x : x;
            q[i] = single ? (float)y : y;
        }

        // At least one pair must differ, or the answer is 0 and no relative error exists.
        if (p.AsSpan().SequenceEqual(q))
        {
            q[0] = single ? MathF.BitIncrement((float)p[0]) : Math.BitIncrement(p[0]);
        }

        return (p, q);
    }

    /// <summary>Σ ½[p·log(2p/(p+q)) + q·log(2q/(p+q))] for near-equal pairs, in double-double, from the series
    /// (1+r)log(1+r) + (1−r)log(1−r) = Σₖ r^(2k)/(k(2k−1)), r = (p−q)/(p+q), so each term is (p+q)/4 times that sum:
    /// no cancellation anywhere. p − q is exact (Sterbenz), p + q exact as a double-double.</summary>
    private static double JensenShannonReference(double[] p, double[] q)
    {
        DoubleDouble total = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            DoubleDouble sum = (DoubleDouble)p[i] + q[i];
            DoubleDouble r = (DoubleDouble)(p[i] - q[i]) / sum;
            Assert.True(Math.Abs(r.Hi) < 1e-2, "the series reference is for near-equal pairs only");
            DoubleDouble r2 = r * r;
            DoubleDouble series = 0.0;
            DoubleDouble power = r2;
            for (int k = 1; k <= 12; k++)
            {
                series += power / (double)(k * ((2 * k) - 1));
                power *= r2;
            }

            total += sum * series / 4.0;
        }

        return total.Hi;
    }

    private static double HalfUlp(double x) => 0.5 * (Math.BitIncrement(Math.Abs(x)) - Math.Abs(x));

    private static float[] ToFloat(double[] x) => x.Select(v => (float)v).ToArray();

    private static void AssertPlusZero(double value, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(value) == 0L, $"{what}: got {value:R} (bits {BitConverter.DoubleToInt64Bits(value):X16}), expected +0.0");

    private static void AssertPlusZero(float value, string what) =>
        Assert.True(BitConverter.SingleToInt32Bits(value) == 0, $"{what}: got {value:R} (bits {BitConverter.SingleToInt32Bits(value):X8}), expected +0.0");

    private static void AssertLanesPlusZero<T>(Vector<T> v, string what)
        where T : struct
    {
        for (int i = 0; i < Vector<T>.Count; i++)
        {
            AssertPlusZero(Convert.ToDouble(v[i], System.Globalization.CultureInfo.InvariantCulture), $"{what} lane {i}");
        }
    }

    private static void AssertLanesPlusZero<T>(Vector512<T> v, string what)
        where T : struct
    {
        for (int i = 0; i < Vector512<T>.Count; i++)
        {
            AssertPlusZero(Convert.ToDouble(v[i], System.Globalization.CultureInfo.InvariantCulture), $"{what} lane {i}");
        }
    }
}
