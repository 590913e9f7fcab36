using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.Intrinsics;
using Xunit;
using Xunit.Abstractions;

namespace Kernels.Tests;

/// <summary>
/// The vector logarithms against an independent double-double reference, over the whole positive range (subnormals
/// included), for every width: <see cref="Vector{T}"/> as the hardware gives it and <see cref="Vector512{T}"/>
/// (software-emulated where the machine has no AVX-512, so its code is still checked). Stated bounds: Log and
/// LogRatio within 2 ulp of the exact value, Log1p within 2.5 ulp (float and double; measured worst 1.86, 1.79 and
/// 2.26), Log(1) = +0 and LogRatio(x, x) = +0 exactly.
/// </summary>
public sealed class VectorMathTests
{
    private const double UlpBound = 2.0;
    private const double Log1pUlpBound = 2.5;
    private readonly ITestOutputHelper _output;

    public VectorMathTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Widths => new() { "Vector", "Vector512" };

    [Theory]
    [MemberData(nameof(Widths))]
    public void FloatLogIsWithinBoundOverTheWholeRange(string width)
    {
        float[] x = SingleSamples(new Random(1), 60_000);
        float[] y = Ones<float>(x.Length);
        float[] result = ApplySingle(width, x, y, (a, _) => VectorMath.Log(a), (a, _) => VectorMath.Log(a));
        AssertSingleUlp("Log", width, x, y, result);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void DoubleLogIsWithinBoundOverTheWholeRange(string width)
    {
        double[] x = DoubleSamples(new Random(2), 60_000);
        double[] y = Ones<double>(x.Length);
        double[] result = ApplyDouble(width, x, y, (a, _) => VectorMath.Log(a), (a, _) => VectorMath.Log(a));
        AssertDoubleUlp("Log", width, x, y, result);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void FloatLogRatioIsWithinBoundIncludingNearEqualAndExtremeRatios(string width)
    {
        var random = new Random(3);
        (float[] x, float[] y) = SinglePairs(random, 60_000);
        float[] result = ApplySingle(width, x, y, VectorMath.LogRatio, VectorMath.LogRatio);
        AssertSingleUlp("LogRatio", width, x, y, result);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void DoubleLogRatioIsWithinBoundIncludingNearEqualAndExtremeRatios(string width)
    {
        var random = new Random(4);
        (double[] x, double[] y) = DoublePairs(random, 60_000);
        double[] result = ApplyDouble(width, x, y, VectorMath.LogRatio, VectorMath.LogRatio);
        AssertDoubleUlp("LogRatio", width, x, y, result);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void UncheckedFormsAgreeWithCheckedOnesInTheirDomain(string width)
    {
        var random = new Random(5);
        int n = 4096;
        float[] xf = new float[n], yf = new float[n];
        double[] xd = new double[n], yd = new double[n];
        for (int i = 0; i < n; i++)
        {
            xf[i] = (float)Math.ScaleB(1 + random.NextDouble(), random.Next(-100, 100));
            yf[i] = (float)Math.ScaleB(1 + random.NextDouble(), random.Next(-100, 100));
            xd[i] = Math.ScaleB(1 + random.NextDouble(), random.Next(-900, 900));
            yd[i] = Math.ScaleB(1 + random.NextDouble(), random.Next(-900, 900));
        }

        Assert.Equal(ApplySingle(width, xf, yf, VectorMath.LogRatio, VectorMath.LogRatio), ApplySingle(width, xf, yf, VectorMath.LogRatioUnchecked, VectorMath.LogRatioUnchecked));
        Assert.Equal(ApplySingle(width, xf, yf, (a, _) => VectorMath.Log(a), (a, _) => VectorMath.Log(a)), ApplySingle(width, xf, yf, (a, _) => VectorMath.LogUnchecked(a), (a, _) => VectorMath.LogUnchecked(a)));
        Assert.Equal(ApplyDouble(width, xd, yd, VectorMath.LogRatio, VectorMath.LogRatio), ApplyDouble(width, xd, yd, VectorMath.LogRatioUnchecked, VectorMath.LogRatioUnchecked));
        Assert.Equal(ApplyDouble(width, xd, yd, (a, _) => VectorMath.Log(a), (a, _) => VectorMath.Log(a)), ApplyDouble(width, xd, yd, (a, _) => VectorMath.LogUnchecked(a), (a, _) => VectorMath.LogUnchecked(a)));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Log1pIsAccurateForTinyArgumentsAndExactAtTheEnds(string width)
    {
        var random = new Random(6);
        int n = 20_000;
        double[] xd = new double[n];
        float[] xf = new float[n];
        for (int i = 0; i < n; i++)
        {
            double magnitude = Math.ScaleB(1 + random.NextDouble(), random.Next(-60, 60));
            xd[i] = random.Next(2) == 0 ? magnitude : -Math.Min(magnitude, 0.999999);
            xf[i] = (float)xd[i];
            if (xf[i] <= -1f)
            {
                xf[i] = -0.99999f;
            }
        }

        double[] rd = ApplyDouble(width, xd, xd, (a, _) => VectorMath.Log1p(a), (a, _) => VectorMath.Log1p(a));
        float[] rf = ApplySingle(width, xf, xf, (a, _) => VectorMath.Log1p(a), (a, _) => VectorMath.Log1p(a));
        double worstD = 0, worstF = 0;
        for (int i = 0; i < n; i++)
        {
            // log1p(x) = log((1 + x)/1) with 1 + x formed exactly in double-double.
            DoubleDouble exactD = Log1pReference(xd[i]);
            worstD = Math.Max(worstD, DoubleUlpError(rd[i], exactD));
            worstF = Math.Max(worstF, SingleUlpError(rf[i], Log1pReference(xf[i]).Value));
        }

        _output.WriteLine($"Log1p {width}: worst {worstF:F3} float ulp, {worstD:F3} double ulp");
        Assert.True(worstD <= Log1pUlpBound, $"double Log1p worst error {worstD} ulp");
        Assert.True(worstF <= Log1pUlpBound, $"float Log1p worst error {worstF} ulp");

        double[] ends = ApplyDouble(width, Fill(8, -1.0, double.PositiveInfinity, -2.0, double.NaN, 0.0, -0.0, 1e-300, -1e-300), Fill(8, 0.0),
            (a, _) => VectorMath.Log1p(a), (a, _) => VectorMath.Log1p(a));
        Assert.Equal(double.NegativeInfinity, ends[0]);
        Assert.Equal(double.PositiveInfinity, ends[1]);
        Assert.True(double.IsNaN(ends[2]) && double.IsNaN(ends[3]));
        Assert.Equal(0.0, ends[4]);
        Assert.Equal(1e-300, ends[6]);
        Assert.Equal(-1e-300, ends[7]);
    }

    /// <summary>Log1p at its bound where it is hardest: x just above −1 (1 + x down to one ulp, log1p → −∞), huge
    /// x (2^60 up to the largest finite value) and subnormal x of both signs.</summary>
    [Theory]
    [MemberData(nameof(Widths))]
    public void Log1pIsWithinBoundNearMinusOneForHugeAndSubnormalArguments(string width)
    {
        var random = new Random(61);
        var doubles = new List<double> { Math.BitIncrement(-1.0), double.MaxValue, double.Epsilon, -double.Epsilon, 2.2250738585072009e-308 };
        var floats = new List<float> { MathF.BitIncrement(-1f), float.MaxValue, float.Epsilon, -float.Epsilon, 1.17549421e-38f };
        for (int i = 0; i < 3_000; i++)
        {
            double u = 1 + random.NextDouble();
            doubles.Add((i % 3) switch
            {
                0 => -1.0 + Math.ScaleB(u, -random.Next(1, 53)),
                1 => Math.ScaleB(u, random.Next(60, 1024)),
                _ => (random.Next(2) == 0 ? 1 : -1) * BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x0010000000000000)),
            });
            floats.Add((i % 3) switch
            {
                0 => -1f + MathF.ScaleB((float)u, -random.Next(1, 24)),
                1 => MathF.ScaleB((float)u, random.Next(60, 128)),
                _ => (random.Next(2) == 0 ? 1 : -1) * BitConverter.Int32BitsToSingle(random.Next(1, 0x00800000)),
            });
        }

        double[] xd = doubles.ToArray();
        float[] xf = floats.ToArray();
        double[] rd = ApplyDouble(width, xd, xd, (a, _) => VectorMath.Log1p(a), (a, _) => VectorMath.Log1p(a));
        float[] rf = ApplySingle(width, xf, xf, (a, _) => VectorMath.Log1p(a), (a, _) => VectorMath.Log1p(a));
        for (int i = 0; i < xd.Length; i++)
        {
            double error = DoubleUlpError(rd[i], Log1pReference(xd[i]));
            Assert.True(error <= Log1pUlpBound, $"double Log1p({xd[i]:R}) = {rd[i]:R}: {error:F3} ulp, bound {Log1pUlpBound}");
        }

        for (int i = 0; i < xf.Length; i++)
        {
            double error = SingleUlpError(rf[i], Log1pReference(xf[i]).Value);
            Assert.True(error <= Log1pUlpBound, $"float Log1p({xf[i]:R}) = {rf[i]:R}: {error:F3} ulp, bound {Log1pUlpBound}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void SpecialValuesFollowIeeeLogarithms(string width)
    {
        float[] x = Fill(16, 1f, 0f, -0f, -1f, float.NaN, float.PositiveInfinity, float.Epsilon, float.MaxValue, 2f, 0f, 3f, float.PositiveInfinity, 5f, 0f, -2f, 7f);
        float[] y = Fill(16, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 0f, 0f, float.PositiveInfinity, float.PositiveInfinity, 5f, 3f, 3f, float.Epsilon);
        float[] log = ApplySingle(width, x, y, (a, _) => VectorMath.Log(a), (a, _) => VectorMath.Log(a));
        Assert.Equal(0f, log[0]);
        Assert.True(IsPositiveZero(log[0]));
        Assert.Equal(float.NegativeInfinity, log[1]);
        Assert.Equal(float.NegativeInfinity, log[2]);
        Assert.True(float.IsNaN(log[3]) && float.IsNaN(log[4]));
        Assert.Equal(float.PositiveInfinity, log[5]);
        Assert.Equal(MathF.Log(float.Epsilon), log[6], 5e-6f);
        Assert.Equal(MathF.Log(float.MaxValue), log[7], 5e-6f);

        float[] ratio = ApplySingle(width, x, y, VectorMath.LogRatio, VectorMath.LogRatio);
        Assert.True(IsPositiveZero(ratio[0]) && IsPositiveZero(ratio[12]), "LogRatio(x, x) must be +0");
        Assert.Equal(float.PositiveInfinity, ratio[8]);   // 2/0
        Assert.True(float.IsNaN(ratio[9]));               // 0/0
        Assert.Equal(float.NegativeInfinity, ratio[10]);  // 3/∞
        Assert.True(float.IsNaN(ratio[11]));              // ∞/∞
        Assert.Equal(float.NegativeInfinity, ratio[13]);  // 0/3
        Assert.True(float.IsNaN(ratio[14]));              // −2/3
        Assert.Equal((float)(Math.Log(7) - Math.Log(double.Epsilon * 0 + float.Epsilon)), ratio[15], 1e-4f); // 7/ε overflows as a ratio, not as a log
    }

    private static bool IsPositiveZero(float x) => x == 0f && !float.IsNegative(x);

    private static T[] Fill<T>(int n, params T[] values)
    {
        var result = new T[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = values[Math.Min(i, values.Length - 1)];
        }

        return result;
    }

    private static T[] Ones<T>(int n)
        where T : INumber<T>
    {
        var result = new T[n];
        Array.Fill(result, T.One);
        return result;
    }

    private static DoubleDouble Log1pReference(double x)
    {
        // 1 + x exactly as a double-double, then the exact log of that sum.
        double s = 1.0 + x;
        double bv = s - 1.0;
        double e = (1.0 - (s - bv)) + (x - bv);
        // log(s + e) = log s + log1p(e/s), |e/s| ≤ 2^-53: two terms of the series leave an error below 2^-160.
        DoubleDouble t = new DoubleDouble(e, 0.0) / s;
        return e == 0.0 ? DoubleDouble.LogRatio(s, 1.0) : DoubleDouble.LogRatio(s, 1.0) + t - (t * t * 0.5);
    }

    private static float[] SingleSamples(Random random, int n)
    {
        var list = new List<float> { 1f, MathF.BitIncrement(1f), MathF.BitDecrement(1f), float.Epsilon, 1.1754942e-38f, 1.1754944e-38f, float.MaxValue, 0.75f, 1.5f, MathF.BitDecrement(0.75f), MathF.BitDecrement(1.5f) };
        while (list.Count < n)
        {
            int kind = random.Next(4);
            list.Add(kind switch
            {
                0 => BitConverter.Int32BitsToSingle(random.Next(1, 0x7F800000)),               // anywhere, subnormals included
                1 => 1f + (float)((random.NextDouble() - 0.5) * Math.ScaleB(1, -random.Next(1, 24))), // near 1
                2 => BitConverter.Int32BitsToSingle(random.Next(1, 0x00800000)),                // subnormal
                _ => (float)Math.ScaleB(1 + random.NextDouble(), random.Next(-126, 128)),
            });
        }

        return list.ToArray();
    }

    private static double[] DoubleSamples(Random random, int n)
    {
        var list = new List<double> { 1.0, Math.BitIncrement(1.0), Math.BitDecrement(1.0), double.Epsilon, 2.2250738585072014e-308, double.MaxValue, 0.75, 1.5 };
        while (list.Count < n)
        {
            int kind = random.Next(4);
            list.Add(kind switch
            {
                0 => BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x7FF0000000000000)),
                1 => 1.0 + ((random.NextDouble() - 0.5) * Math.ScaleB(1, -random.Next(1, 53))),
                2 => BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x0010000000000000)),
                _ => Math.ScaleB(1 + random.NextDouble(), random.Next(-1022, 1024)),
            });
        }

        return list.ToArray();
    }

    private static (float[] X, float[] Y) SinglePairs(Random random, int n)
    {
        float[] x = SingleSamples(random, n), y = new float[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = random.Next(3) switch
            {
                0 => BitConverter.Int32BitsToSingle(Math.Clamp(BitConverter.SingleToInt32Bits(x[i]) + random.Next(-5000, 5000), 1, 0x7F7FFFFF)), // near-equal
                1 => SingleSamples(random, 1)[0] is var s && s > 0 ? x[(i * 7919) % n] : 1f,
                _ => BitConverter.Int32BitsToSingle(random.Next(1, 0x7F800000)),
            };
        }

        return (x, y);
    }

    private static (double[] X, double[] Y) DoublePairs(Random random, int n)
    {
        double[] x = DoubleSamples(random, n), y = new double[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = random.Next(3) switch
            {
                0 => BitConverter.Int64BitsToDouble(Math.Clamp(BitConverter.DoubleToInt64Bits(x[i]) + random.NextInt64(-100_000, 100_000), 1, 0x7FEFFFFFFFFFFFFF)),
                1 => x[(i * 7919) % n],
                _ => BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x7FF0000000000000)),
            };
        }

        return (x, y);
    }

    private static double SingleUlpError(float computed, double exact)
    {
        float rounded = (float)exact;
        double ulp = MathF.BitIncrement(MathF.Abs(rounded)) - MathF.Abs(rounded);
        return Math.Abs(computed - exact) / ulp;
    }

    private static double DoubleUlpError(double computed, DoubleDouble exact)
    {
        double ulp = Math.BitIncrement(Math.Abs(exact.Hi)) - Math.Abs(exact.Hi);
        return exact.Hi == 0.0 ? Math.Abs(computed) : Math.Abs((computed - exact.Hi) - exact.Lo) / ulp;
    }

    private void AssertSingleUlp(string name, string width, float[] x, float[] y, float[] result)
    {
        double worst = 0;
        int worstIndex = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double error = SingleUlpError(result[i], DoubleDouble.LogRatio(x[i], y[i]).Value);
            if (error > worst)
            {
                worst = error;
                worstIndex = i;
            }
        }

        _output.WriteLine($"float {name} {width}: worst {worst:F3} ulp at x = {x[worstIndex]:R}, y = {y[worstIndex]:R}");
        Assert.True(worst <= UlpBound, $"float {name} ({width}) worst error {worst:F3} ulp at x = {x[worstIndex]:R}, y = {y[worstIndex]:R}: got {result[worstIndex]:R}");
    }

    private void AssertDoubleUlp(string name, string width, double[] x, double[] y, double[] result)
    {
        double worst = 0;
        int worstIndex = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double error = DoubleUlpError(result[i], DoubleDouble.LogRatio(x[i], y[i]));
            if (error > worst)
            {
                worst = error;
                worstIndex = i;
            }
        }

        _output.WriteLine($"double {name} {width}: worst {worst:F3} ulp at x = {x[worstIndex]:R}, y = {y[worstIndex]:R}");
        Assert.True(worst <= UlpBound, $"double {name} ({width}) worst error {worst:F3} ulp at x = {x[worstIndex]:R}, y = {y[worstIndex]:R}: got {result[worstIndex]:R}");
    }

    private static float[] ApplySingle(string width, float[] x, float[] y,
        Func<Vector<float>, Vector<float>, Vector<float>> vector, Func<Vector512<float>, Vector512<float>, Vector512<float>> vector512)
    {
        var result = new float[x.Length];
        int w = width == "Vector" ? Vector<float>.Count : Vector512<float>.Count;
        var bx = new float[w];
        var by = new float[w];
        for (int i = 0; i < x.Length; i += w)
        {
            int count = Math.Min(w, x.Length - i);
            Array.Fill(bx, 1f);
            Array.Fill(by, 1f);
            Array.Copy(x, i, bx, 0, count);
            Array.Copy(y, i, by, 0, count);
            float[] r = width == "Vector"
                ? ToArray(vector(new Vector<float>(bx), new Vector<float>(by)))
                : vector512(Vector512.Create(bx), Vector512.Create(by)).ToArray();
            Array.Copy(r, 0, result, i, count);
        }

        return result;
    }

    private static double[] ApplyDouble(string width, double[] x, double[] y,
        Func<Vector<double>, Vector<double>, Vector<double>> vector, Func<Vector512<double>, Vector512<double>, Vector512<double>> vector512)
    {
        var result = new double[x.Length];
        int w = width == "Vector" ? Vector<double>.Count : Vector512<double>.Count;
        var bx = new double[w];
        var by = new double[w];
        for (int i = 0; i < x.Length; i += w)
        {
            int count = Math.Min(w, x.Length - i);
            Array.Fill(bx, 1.0);
            Array.Fill(by, 1.0);
            Array.Copy(x, i, bx, 0, count);
            Array.Copy(y, i, by, 0, count);
            double[] r = width == "Vector"
                ? ToArray(vector(new Vector<double>(bx), new Vector<double>(by)))
                : vector512(Vector512.Create(bx), Vector512.Create(by)).ToArray();
            Array.Copy(r, 0, result, i, count);
        }

        return result;
    }

    private static T[] ToArray<T>(Vector<T> v)
    {
        var array = new T[Vector<T>.Count];
        v.CopyTo(array);
        return array;
    }
}

internal static class Vector512Extensions
{
    public static T[] ToArray<T>(this Vector512<T> v)
    {
        var array = new T[Vector512<T>.Count];
        v.CopyTo(array);
        return array;
    }
}
