using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Xunit;

namespace Kernels.Tests.Vocabulary;

/// <summary>
/// The Vector512 logarithm's and log-ratio's reduction by the hardware's mantissa/exponent split (<c>vgetmant</c> to [3/4, 3/2),
/// <c>vgetexp</c>), at every place the split can go wrong: both ends of the mantissa interval in every binade
/// (0.75·2^k and 1.5·2^k and their neighbours), 1 ± ε, every subnormal binade, the largest finite value. Each result
/// is checked against the double-double reference at the stated bound (2 ulp), and, where the machine runs both
/// reductions in hardware with FMA, for equality with the bit-pattern reduction of <see cref="Vector{T}"/> (the split
/// is claimed to give the same numbers in fewer instructions).
/// </summary>
public sealed class LogPartsTests
{
    private const double UlpBound = 2.0;

    private static bool SameArithmeticBothWidths =>
        Avx512F.IsSupported && Fma.IsSupported && Vector.IsHardwareAccelerated;

    [Fact]
    public void FloatLogIsWithinBoundAtEveryReductionBoundary()
    {
        float[] x = FloatBoundaries();
        float[] log = Apply(x, VectorMath.Log);
        float[] narrow = ApplyVector(x);
        for (int i = 0; i < x.Length; i++)
        {
            double exact = DoubleDouble.LogRatio(x[i], 1.0).Value;
            float rounded = (float)exact;
            double ulp = MathF.BitIncrement(MathF.Abs(rounded)) - MathF.Abs(rounded);
            double error = exact == 0.0 ? Math.Abs(log[i]) : Math.Abs(log[i] - exact) / ulp;
            Assert.True(error <= UlpBound, $"Log({x[i]:R}) = {log[i]:R}, exact {exact:R}: {error:F2} ulp (bound {UlpBound})");
            if (SameArithmeticBothWidths)
            {
                Assert.True(BitConverter.SingleToInt32Bits(log[i]) == BitConverter.SingleToInt32Bits(narrow[i]),
                    $"Log({x[i]:R}): Vector512 gives {log[i]:R}, Vector<float> {narrow[i]:R}");
            }
        }
    }

    [Fact]
    public void DoubleLogIsWithinBoundAtEveryReductionBoundary()
    {
        double[] x = DoubleBoundaries();
        double[] log = Apply(x, VectorMath.Log);
        double[] narrow = ApplyVector(x);
        for (int i = 0; i < x.Length; i++)
        {
            DoubleDouble exact = DoubleDouble.LogRatio(x[i], 1.0);
            double ulp = Math.BitIncrement(Math.Abs(exact.Hi)) - Math.Abs(exact.Hi);
            double error = exact.Hi == 0.0 ? Math.Abs(log[i]) : Math.Abs((log[i] - exact.Hi) - exact.Lo) / ulp;
            Assert.True(error <= UlpBound, $"Log({x[i]:R}) = {log[i]:R}, exact {exact.Hi:R}: {error:F2} ulp (bound {UlpBound})");
            if (SameArithmeticBothWidths)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(log[i]) == BitConverter.DoubleToInt64Bits(narrow[i]),
                    $"Log({x[i]:R}): Vector512 gives {log[i]:R}, Vector<double> {narrow[i]:R}");
            }
        }
    }

    [Fact]
    public void FloatLogRatioIsWithinBoundForBoundaryPairs()
    {
        (float[] x, float[] y) = Pairs(FloatBoundaries(), new Random(12), MathF.BitIncrement);
        float[] ratio = Apply(x, y, VectorMath.LogRatio);
        float[] narrow = ApplyVector(x, y, (a, b) => VectorMath.LogRatio(a, b));
        for (int i = 0; i < x.Length; i++)
        {
            double exact = DoubleDouble.LogRatio(x[i], y[i]).Value;
            float rounded = (float)exact;
            double ulp = MathF.BitIncrement(MathF.Abs(rounded)) - MathF.Abs(rounded);
            double error = exact == 0.0 ? Math.Abs(ratio[i]) : Math.Abs(ratio[i] - exact) / ulp;
            Assert.True(error <= UlpBound, $"LogRatio({x[i]:R}, {y[i]:R}) = {ratio[i]:R}, exact {exact:R}: {error:F2} ulp");
            if (SameArithmeticBothWidths)
            {
                Assert.True(BitConverter.SingleToInt32Bits(ratio[i]) == BitConverter.SingleToInt32Bits(narrow[i]),
                    $"LogRatio({x[i]:R}, {y[i]:R}): Vector512 gives {ratio[i]:R}, Vector<float> {narrow[i]:R}");
            }
        }
    }

    [Fact]
    public void DoubleLogRatioIsWithinBoundForBoundaryPairs()
    {
        (double[] x, double[] y) = Pairs(DoubleBoundaries(), new Random(13), Math.BitIncrement);
        double[] ratio = Apply(x, y, VectorMath.LogRatio);
        double[] narrow = ApplyVector(x, y, (a, b) => VectorMath.LogRatio(a, b));
        for (int i = 0; i < x.Length; i++)
        {
            DoubleDouble exact = DoubleDouble.LogRatio(x[i], y[i]);
            double ulp = Math.BitIncrement(Math.Abs(exact.Hi)) - Math.Abs(exact.Hi);
            double error = exact.Hi == 0.0 ? Math.Abs(ratio[i]) : Math.Abs((ratio[i] - exact.Hi) - exact.Lo) / ulp;
            Assert.True(error <= UlpBound, $"LogRatio({x[i]:R}, {y[i]:R}) = {ratio[i]:R}, exact {exact.Hi:R}: {error:F2} ulp");
            if (SameArithmeticBothWidths)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(ratio[i]) == BitConverter.DoubleToInt64Bits(narrow[i]),
                    $"LogRatio({x[i]:R}, {y[i]:R}): Vector512 gives {ratio[i]:R}, Vector<double> {narrow[i]:R}");
            }
        }
    }

    [Fact]
    public void UncheckedLogEqualsCheckedLogInsideItsDomain()
    {
        float[] xf = Array.FindAll(FloatBoundaries(), v => v >= 7.9e-31f && v <= 1.2e30f); // [2^−100, 2^100]
        double[] xd = Array.FindAll(DoubleBoundaries(), v => v >= 1.5e-271 && v <= 6.7e270); // [2^−900, 2^900]
        Assert.Equal(Apply(xf, VectorMath.Log), Apply(xf, VectorMath.LogUnchecked));
        Assert.Equal(Apply(xd, VectorMath.Log), Apply(xd, VectorMath.LogUnchecked));
    }

    [Fact]
    public void SpecialValuesFollowIeeeLog()
    {
        float[] xf = [1f, 0f, -0f, -1f, float.NegativeInfinity, float.PositiveInfinity, float.NaN, float.Epsilon];
        float[] lf = Apply(xf, VectorMath.Log);
        Assert.True(lf[0] == 0f && !float.IsNegative(lf[0]), "Log(1) must be +0");
        Assert.Equal(float.NegativeInfinity, lf[1]);
        Assert.Equal(float.NegativeInfinity, lf[2]);
        Assert.True(float.IsNaN(lf[3]) && float.IsNaN(lf[4]) && float.IsNaN(lf[6]), "negatives and NaN give NaN");
        Assert.Equal(float.PositiveInfinity, lf[5]);
        Assert.Equal(MathF.Log(float.Epsilon), lf[7], 1e-5f);

        double[] xd = [1.0, 0.0, -0.0, -1.0, double.NegativeInfinity, double.PositiveInfinity, double.NaN, double.Epsilon];
        double[] ld = Apply(xd, VectorMath.Log);
        Assert.True(ld[0] == 0.0 && !double.IsNegative(ld[0]), "Log(1) must be +0");
        Assert.Equal(double.NegativeInfinity, ld[1]);
        Assert.Equal(double.NegativeInfinity, ld[2]);
        Assert.True(double.IsNaN(ld[3]) && double.IsNaN(ld[4]) && double.IsNaN(ld[6]), "negatives and NaN give NaN");
        Assert.Equal(double.PositiveInfinity, ld[5]);
        Assert.Equal(Math.Log(double.Epsilon), ld[7], 1e-12);
    }

    private static float[] FloatBoundaries()
    {
        var values = new List<float> { 1f, MathF.BitIncrement(1f), MathF.BitDecrement(1f), float.MaxValue, float.Epsilon };
        for (int k = -149; k <= 127; k++)
        {
            foreach (double m in new[] { 0.75, 1.0, 1.5 })
            {
                float v = (float)Math.ScaleB(m, k);
                if (v > 0f && float.IsFinite(v))
                {
                    values.AddRange([v, MathF.BitDecrement(v), MathF.BitIncrement(v)]);
                }
            }
        }

        return values.FindAll(v => v > 0f && float.IsFinite(v)).ToArray();
    }

    private static double[] DoubleBoundaries()
    {
        var values = new List<double> { 1.0, Math.BitIncrement(1.0), Math.BitDecrement(1.0), double.MaxValue, double.Epsilon };
        for (int k = -1074; k <= 1023; k++)
        {
            foreach (double m in new[] { 0.75, 1.0, 1.5 })
            {
                double v = Math.ScaleB(m, k);
                if (v > 0.0 && double.IsFinite(v))
                {
                    values.AddRange([v, Math.BitDecrement(v), Math.BitIncrement(v)]);
                }
            }
        }

        return values.FindAll(v => v > 0.0 && double.IsFinite(v)).ToArray();
    }

    /// <summary>Each boundary value against a random other one (extreme ratios, subnormal against huge), against itself
    /// (exactly 0) and against its neighbour (near-equal, where p − q must stay exact).</summary>
    private static (T[] X, T[] Y) Pairs<T>(T[] values, Random random, Func<T, T> next)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = new List<T>();
        var y = new List<T>();
        foreach (T v in values)
        {
            T neighbour = next(v);
            x.AddRange([v, v, v]);
            y.AddRange([values[random.Next(values.Length)], v, T.IsFinite(neighbour) ? neighbour : v]);
        }

        return (x.ToArray(), y.ToArray());
    }

    private static T[] Apply<T>(T[] x, T[] y, Func<Vector512<T>, Vector512<T>, Vector512<T>> f)
        where T : unmanaged
    {
        int width = Vector512<T>.Count;
        var result = new T[x.Length];
        var a = new T[width];
        var b = new T[width];
        for (int i = 0; i < x.Length; i += width)
        {
            Array.Fill(a, x[0]);
            Array.Fill(b, y[0]);
            Array.Copy(x, i, a, 0, Math.Min(width, x.Length - i));
            Array.Copy(y, i, b, 0, Math.Min(width, y.Length - i));
            Vector512<T> r = f(Vector512.Create(a), Vector512.Create(b));
            for (int j = 0; j < width && i + j < x.Length; j++)
            {
                result[i + j] = r[j];
            }
        }

        return result;
    }

    private static T[] ApplyVector<T>(T[] x, T[] y, Func<Vector<T>, Vector<T>, Vector<T>> f)
        where T : unmanaged
    {
        int width = Vector<T>.Count;
        var result = new T[x.Length];
        var a = new T[width];
        var b = new T[width];
        for (int i = 0; i < x.Length; i += width)
        {
            Array.Fill(a, x[0]);
            Array.Fill(b, y[0]);
            Array.Copy(x, i, a, 0, Math.Min(width, x.Length - i));
            Array.Copy(y, i, b, 0, Math.Min(width, y.Length - i));
            Vector<T> r = f(new Vector<T>(a), new Vector<T>(b));
            for (int j = 0; j < width && i + j < x.Length; j++)
            {
                result[i + j] = r[j];
            }
        }

        return result;
    }

    private static T[] Apply<T>(T[] x, Func<Vector512<T>, Vector512<T>> f)
        where T : unmanaged
    {
        int width = Vector512<T>.Count;
        var result = new T[x.Length];
        var lane = new T[width];
        for (int i = 0; i < x.Length; i += width)
        {
            Array.Fill(lane, x[0]);
            Array.Copy(x, i, lane, 0, Math.Min(width, x.Length - i));
            Vector512<T> y = f(Vector512.Create(lane));
            for (int j = 0; j < width && i + j < x.Length; j++)
            {
                result[i + j] = y[j];
            }
        }

        return result;
    }

    private static float[] ApplyVector(float[] x) => ApplyVector(x, v => VectorMath.Log(v));

    private static double[] ApplyVector(double[] x) => ApplyVector(x, v => VectorMath.Log(v));

    private static T[] ApplyVector<T>(T[] x, Func<Vector<T>, Vector<T>> f)
        where T : unmanaged
    {
        int width = Vector<T>.Count;
        var result = new T[x.Length];
        var lane = new T[width];
        for (int i = 0; i < x.Length; i += width)
        {
            Array.Fill(lane, x[0]);
            Array.Copy(x, i, lane, 0, Math.Min(width, x.Length - i));
            Vector<T> y = f(new Vector<T>(lane));
            for (int j = 0; j < width && i + j < x.Length; j++)
            {
                result[i + j] = y[j];
            }
        }

        return result;
    }
}
