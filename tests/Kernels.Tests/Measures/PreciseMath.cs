using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// Elementary functions in <see cref="DoubleDouble"/> (about 106 bits) for the measure references, built from first
/// principles: exact argument reduction by powers of two and multiples of ln 2, then a series that converges to
/// 2^-106. Accurate to about 1e-30 relative (Exp: 1e-30·(1 + |x|)) for positive finite arguments whose results stay
/// normal doubles; no call to <see cref="Math.Log(double)"/> or <see cref="Math.Exp"/> decides a digit.
/// The loops are compiled fully optimized from the first call: unoptimized (tier-0) code calls
/// <see cref="Math.FusedMultiplyAdd"/>, which every double-double product uses, as a helper at about 2 µs a call.
/// </summary>
internal static class PreciseMath
{
    /// <summary>ln 2 as three doubles (mpmath, 60 digits): k·ln 2 stays exact to 2^-150 for |k| ≤ 2^11.</summary>
    private const double Ln2Hi = 0.6931471805599453, Ln2Mid = 2.3190468138462996e-17, Ln2Lo = 5.707708438416212e-34;

    private const double SqrtHalf = 0.7071067811865476, Sqrt2 = 1.4142135623730951;

    /// <summary>Exp reduces its argument to |r| ≤ ln 2/2, then by 2^-ExpHalvings before the series.</summary>
    private const int ExpHalvings = 10;

    /// <summary>1/(2k + 1) for the atanh series and 1/k! for the exponential series, each to double-double.</summary>
    private static readonly DoubleDouble[] OddReciprocals = Table(40, k => One / (2 * k + 1));

    private static readonly DoubleDouble[] InverseFactorials = BuildInverseFactorials(40);

    public static DoubleDouble One => new(1.0, 0.0);

    public static DoubleDouble Zero => new(0.0, 0.0);

    /// <summary>ln 2 to double-double (the first two of the three parts).</summary>
    public static DoubleDouble Ln2 => new(Ln2Hi, Ln2Mid);

    /// <summary>A value that is not finite (±∞ or NaN) carried as a double-double with a zero low part.</summary>
    public static DoubleDouble Special(double value) => new(value, 0.0);

    public static bool IsFinite(DoubleDouble x) => double.IsFinite(x.Hi) && double.IsFinite(x.Lo);

    public static DoubleDouble Abs(DoubleDouble x) => x.Hi < 0 || (x.Hi == 0 && x.Lo < 0) ? -x : x;

    public static int Sign(DoubleDouble x) => x.Hi != 0 ? Math.Sign(x.Hi) : Math.Sign(x.Lo);

    /// <summary>a &lt; b, exactly (the parts of a normalized double-double do not overlap).</summary>
    public static bool Less(DoubleDouble a, DoubleDouble b) => a.Hi < b.Hi || (a.Hi == b.Hi && a.Lo < b.Lo);

    public static DoubleDouble Max(DoubleDouble a, DoubleDouble b) => Less(a, b) ? b : a;

    /// <summary>x·2^k, exact while both parts stay normal.</summary>
    public static DoubleDouble ScaleB(DoubleDouble x, int k) => new(Math.ScaleB(x.Hi, k), Math.ScaleB(x.Lo, k));

    /// <summary>|a − b| / |b| as a double (for the self-tests and for error reports).</summary>
    public static double RelativeError(DoubleDouble a, DoubleDouble b) => Math.Abs((a - b).Hi) / Math.Abs(b.Hi);

    /// <summary>A decimal string ("-1.234e-5" style) to double-double, through exact integers: the numerator and
    /// 10^k are scaled so that one integer division keeps 128 significant bits, then split into two doubles.</summary>
    public static DoubleDouble Parse(string text)
    {
        string s = text.Trim();
        bool negative = s.StartsWith('-');
        s = s.TrimStart('-', '+');
        int exponent = 0;
        int e = s.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            exponent = int.Parse(s[(e + 1)..], CultureInfo.InvariantCulture);
            s = s[..e];
        }

        int dot = s.IndexOf('.');
        if (dot >= 0)
        {
            exponent -= s.Length - dot - 1;
            s = s.Remove(dot, 1);
        }

        BigInteger numerator = BigInteger.Parse(s, CultureInfo.InvariantCulture);
        BigInteger denominator = BigInteger.One;
        if (exponent >= 0)
        {
            numerator *= BigInteger.Pow(10, exponent);
        }
        else
        {
            denominator = BigInteger.Pow(10, -exponent);
        }

        if (numerator.IsZero)
        {
            return Zero;
        }

        // Scale so the quotient has about 128 bits; the truncation is then below 2^-127 relative.
        int shift = 128 - (int)(numerator.GetBitLength() - denominator.GetBitLength());
        BigInteger quotient = shift >= 0 ? (numerator << shift) / denominator : numerator / (denominator << -shift);
        double hi = (double)quotient;
        double lo = (double)(quotient - new BigInteger(hi));
        DoubleDouble value = new DoubleDouble(hi, 0.0) + lo;
        value = ScaleB(value, -shift);
        return negative ? -value : value;
    }

    /// <summary>√x by two Newton steps from the double square root (each doubles the correct bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble Sqrt(DoubleDouble x)
    {
        if (x.Hi < 0 || double.IsNaN(x.Hi))
        {
            return Special(double.NaN);
        }

        if (x.Hi == 0 || double.IsPositiveInfinity(x.Hi))
        {
            return Special(x.Hi);
        }

        // √(2^2k·m) = 2^k·√m with m near 1, so that y·y below keeps a normal low part even for tiny or huge x.
        int k = Math.ILogB(x.Hi) / 2;
        DoubleDouble m = ScaleB(x, -2 * k);
        DoubleDouble y = Math.Sqrt(m.Hi);
        for (int step = 0; step < 2; step++)
        {
            y = Add(y, Div(Add(m, -Mul(y, y)), ScaleB(y, 1)));
        }

        return ScaleB(y, k);
    }

    /// <summary>ln x: x = 2^k·m with m in [√½, √2) (exact), ln m = 2·atanh((m − 1)/(m + 1)) by its series
    /// (|s| ≤ 0.172, 22 terms for 2^-106), plus k·ln 2 from the three-part constant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble Log(DoubleDouble x)
    {
        if (double.IsNaN(x.Hi) || x.Hi < 0)
        {
            return Special(double.NaN);
        }

        if (x.Hi == 0)
        {
            return Special(double.NegativeInfinity);
        }

        if (double.IsPositiveInfinity(x.Hi))
        {
            return Special(double.PositiveInfinity);
        }

        int k = Math.ILogB(x.Hi);
        DoubleDouble m = ScaleB(x, -k);
        if (m.Hi >= Sqrt2)
        {
            m = ScaleB(m, -1);
            k++;
        }
        else if (m.Hi < SqrtHalf)
        {
            m = ScaleB(m, 1);
            k--;
        }

        // m − 1 is exact in the high part (Sterbenz), so s keeps its relative accuracy even for m ≈ 1.
        DoubleDouble s = Div(Add(m, new DoubleDouble(-1.0, 0.0)), Add(m, new DoubleDouble(1.0, 0.0)));
        DoubleDouble sum = Series(s, Mul(s, s), OddReciprocals, 0);
        return Add(ScaleB(sum, 1), KLn2(k));
    }

    /// <summary>ln x for a double.</summary>
    public static DoubleDouble Log(double x) => Log(new DoubleDouble(x, 0.0));

    /// <summary>e^x − 1 for |x| ≤ ln 2/2, accurate relative to the (possibly tiny) result: the series on x/2^10,
    /// then ten doublings t ↦ t·(2 + t), which never form 1 + t.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble ExpM1Reduced(DoubleDouble x)
    {
        DoubleDouble r = ScaleB(x, -ExpHalvings);
        DoubleDouble t = Series(r, r, InverseFactorials, 1);
        for (int i = 0; i < ExpHalvings; i++)
        {
            t = Mul(t, Add(t, new DoubleDouble(2.0, 0.0)));
        }

        return t;
    }

    /// <summary>e^x: x = k·ln 2 + r with |r| ≤ ln 2/2 (k·ln 2 from three parts, so r is exact to 2^-150·|k|), then
    /// (1 + expm1(r))·2^k. Underflows to 0 below −745 and overflows to +∞ above 709.79.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble Exp(DoubleDouble x)
    {
        if (double.IsNaN(x.Hi))
        {
            return Special(double.NaN);
        }

        if (x.Hi > 709.79)
        {
            return Special(double.PositiveInfinity);
        }

        if (x.Hi < -745.2)
        {
            return Zero;
        }

        int k = (int)Math.Round(x.Hi / Ln2Hi);
        DoubleDouble r = Add(x, -KLn2(k));
        DoubleDouble result = Add(ExpM1Reduced(r), new DoubleDouble(1.0, 0.0));

        // Split the scaling so neither factor overflows before the product is formed (k up to 1024).
        int half = k / 2;
        return ScaleB(ScaleB(result, half), k - half);
    }

    /// <summary>e^x for a double.</summary>
    public static DoubleDouble Exp(double x) => Exp(new DoubleDouble(x, 0.0));

    /// <summary>e^x − 1 − x, accurate relative to the result near 0 (≈ x²/2): its own series for |x| &lt; ½, where
    /// forming e^x would cancel; the plain difference elsewhere, where it cannot cancel much.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble ExpM1MinusX(DoubleDouble x)
    {
        if (Math.Abs(x.Hi) >= 0.5)
        {
            return Add(Add(Exp(x), new DoubleDouble(-1.0, 0.0)), -x);
        }

        return Series(Mul(x, x), x, InverseFactorials, 2);
    }

    /// <summary>Σ_{n ≥ from} first·ratio^(n − from)·coefficients[n], until a term no longer moves the sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DoubleDouble Series(DoubleDouble first, DoubleDouble ratio, DoubleDouble[] coefficients, int from)
    {
        DoubleDouble power = first;
        DoubleDouble sum = Mul(first, coefficients[from]);
        for (int n = from + 1; n < coefficients.Length; n++)
        {
            power = Mul(power, ratio);
            DoubleDouble add = Mul(power, coefficients[n]);
            sum = Add(sum, add);
            if (Math.Abs(add.Hi) <= 1e-34 * Math.Abs(sum.Hi))
            {
                break;
            }
        }

        return sum;
    }

    /// <summary>x^α = e^(α·ln x) for x &gt; 0; 0^α is 0 for α &gt; 0, 1 for α = 0 and +∞ for α &lt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble Pow(DoubleDouble x, DoubleDouble alpha)
    {
        if (x.Hi == 0)
        {
            return alpha.Hi > 0 ? Zero : alpha.Hi == 0 ? One : Special(double.PositiveInfinity);
        }

        return Exp(Mul(alpha, Log(x)));
    }

    // The functions' arithmetic, inlined into them: the same product and quotient as DoubleDouble's operators and
    // the accurate sum (TwoSum of both parts), so that no call to unoptimized code is left on the hot paths.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static DoubleDouble Mul(DoubleDouble a, DoubleDouble b)
    {
        double p = a.Hi * b.Hi;
        double e = Math.FusedMultiplyAdd(a.Hi, b.Hi, -p) + ((a.Hi * b.Lo) + (a.Lo * b.Hi));
        double s = p + e;
        return new DoubleDouble(s, e - (s - p));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static DoubleDouble Add(DoubleDouble a, DoubleDouble b)
    {
        double s = a.Hi + b.Hi;
        double bv = s - a.Hi;
        double e = (a.Hi - (s - bv)) + (b.Hi - bv);
        double t = a.Lo + b.Lo;
        double tv = t - a.Lo;
        double f = (a.Lo - (t - tv)) + (b.Lo - tv);
        e += t;
        double u = s + e;
        e = e - (u - s) + f;
        s = u + e;
        return new DoubleDouble(s, e - (s - u));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static DoubleDouble Div(DoubleDouble a, DoubleDouble b)
    {
        double q1 = a.Hi / b.Hi;
        DoubleDouble r = Add(a, Mul(b, new DoubleDouble(-q1, 0.0)));
        double q2 = r.Hi / b.Hi;
        r = Add(r, Mul(b, new DoubleDouble(-q2, 0.0)));
        double q3 = r.Hi / b.Hi;
        return Add(Add(new DoubleDouble(q1, 0.0), new DoubleDouble(q2, 0.0)), new DoubleDouble(q3, 0.0));
    }

    /// <summary>k·ln 2 with k·ln2Hi and k·ln2Mid exact double-double products.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static DoubleDouble KLn2(int k) =>
        k == 0 ? Zero : Add(Mul(new DoubleDouble(k, 0.0), new DoubleDouble(Ln2Hi, 0.0)), Add(Mul(new DoubleDouble(k, 0.0), new DoubleDouble(Ln2Mid, 0.0)), new DoubleDouble(k * Ln2Lo, 0.0)));

    private static DoubleDouble[] Table(int count, Func<int, DoubleDouble> entry)
    {
        var table = new DoubleDouble[count];
        for (int k = 0; k < count; k++)
        {
            table[k] = entry(k);
        }

        return table;
    }

    private static DoubleDouble[] BuildInverseFactorials(int count)
    {
        var table = new DoubleDouble[count];
        table[0] = One;
        for (int n = 1; n < count; n++)
        {
            table[n] = table[n - 1] / n;
        }

        return table;
    }
}

/// <summary>
/// The double-double functions against constants to 36 digits (mpmath, <c>mp.dps = 60</c>; the classical values of
/// ln 2, e, √2, ln 10 agree with any table) and against identities that do not share the functions' reductions.
/// </summary>
public sealed class PreciseMathTests
{
    /// <summary>The functions promise about 1e-30; the constants' parsing adds 2^-127.</summary>
    private const double Tight = 1e-29;

    public static TheoryData<string, string, string> Constants() => new()
    {
        // name, function and argument (as the test evaluates it), value (mpmath, 36 significant digits)
        { "ln 2", "log 2", "0.693147180559945309417232121458176568" },
        { "ln 10", "log 10", "2.30258509299404568401799145468436421" },
        { "ln 3", "log 3", "1.0986122886681096913952452369225257" },
        { "e", "exp 1", "2.7182818284590452353602874713526625" },
        { "e^-5", "exp -5", "0.00673794699908546709663604842314842425" },
        { "e^10", "exp 10", "22026.4657948067165169579006452842444" },
        { "e^-700", "exp -700", "9.85967654375977085670537294784946511e-305" },
        { "√2", "sqrt 2", "1.41421356237309504880168872420969808" },
        { "√10", "sqrt 10", "3.16227766016837933199889354443271853" },
        { "2^0.5", "pow 2 0.5", "1.41421356237309504880168872420969808" },
        { "10^0.5", "pow 10 0.5", "3.16227766016837933199889354443271853" },
    };

    [Theory]
    [MemberData(nameof(Constants))]
    public void MatchesPublishedConstants(string name, string call, string value)
    {
        string[] parts = call.Split(' ');
        double x = double.Parse(parts[1], CultureInfo.InvariantCulture);
        DoubleDouble got = parts[0] switch
        {
            "log" => PreciseMath.Log(x),
            "exp" => PreciseMath.Exp(x),
            "sqrt" => PreciseMath.Sqrt(x),
            "pow" => PreciseMath.Pow(x, double.Parse(parts[2], CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException(call),
        };
        DoubleDouble expected = PreciseMath.Parse(value);
        double error = PreciseMath.RelativeError(got, expected);
        Assert.True(error <= Tight, $"{name}: got {got.Hi:R} + {got.Lo:R}, expected {value}, relative error {error:E3}");
    }

    [Fact]
    public void ParseIsExactForDyadicsAndCloseForDecimals()
    {
        Assert.Equal(new DoubleDouble(0.75, 0.0), PreciseMath.Parse("0.75"));
        Assert.Equal(new DoubleDouble(-1536.0, 0.0), PreciseMath.Parse("-1.536e3"));
        DoubleDouble tenth = PreciseMath.Parse("0.1");
        Assert.True(PreciseMath.RelativeError(tenth * 10.0, PreciseMath.One) < 1e-31);
        Assert.Equal(PreciseMath.Ln2, PreciseMath.Parse("0.693147180559945309417232121458176568"));
    }

    [Fact]
    public void LogAgreesWithTheIndependentLogRatio()
    {
        var random = new Random(20261125);
        for (int i = 0; i < 2000; i++)
        {
            double x = Math.ScaleB(0.5 + random.NextDouble(), random.Next(-1000, 1000));
            double error = AbsoluteError(PreciseMath.Log(x), DoubleDouble.LogRatio(x, 1.0));
            Assert.True(error <= 1e-30 * Math.Max(1.0, Math.Abs(Math.Log(x))), $"x = {x:R}: |Log − LogRatio| = {error:E3}");
        }
    }

    [Fact]
    public void LogNearOneKeepsItsRelativeAccuracy()
    {
        // ln(1 + ε) = ε − ε²/2 + ε³/3 − ε⁴/4 + …, exact to 2^-120·ε with five terms for ε = 2^-24 and smaller.
        foreach (int j in new[] { 24, 30, 40, 52 })
        {
            foreach (double sign in new[] { 1.0, -1.0 })
            {
                double eps = sign * Math.ScaleB(1.0, -j);
                DoubleDouble e = eps;
                DoubleDouble series = e - (e * e * 0.5) + (e * e * e / 3.0) - (e * e * e * e * 0.25) + (e * e * e * e * e * 0.2);
                double error = PreciseMath.RelativeError(PreciseMath.Log(1.0 + eps), series);
                Assert.True(error <= Tight, $"ln(1 + {eps:R}): relative error {error:E3}");
            }
        }
    }

    [Fact]
    public void ExpInvertsLogAndAddsExponents()
    {
        var random = new Random(7);
        for (int i = 0; i < 2000; i++)
        {
            double x = Math.ScaleB(0.5 + random.NextDouble(), random.Next(-900, 900));
            double error = PreciseMath.RelativeError(PreciseMath.Exp(PreciseMath.Log(x)), x);
            // Exp's relative error is the absolute error of its argument, which is about 1e-32·|ln x| here.
            Assert.True(error <= 1e-31 * (1 + Math.Abs(Math.Log(x))), $"exp(ln {x:R}): relative error {error:E3}");

            double a = (random.NextDouble() - 0.5) * 40, b = (random.NextDouble() - 0.5) * 40;
            DoubleDouble product = PreciseMath.Exp(a) * PreciseMath.Exp(b);
            error = PreciseMath.RelativeError(product, PreciseMath.Exp(new DoubleDouble(a, 0.0) + b));
            Assert.True(error <= Tight, $"e^{a:R}·e^{b:R}: relative error {error:E3}");
        }
    }

    [Fact]
    public void ExpNearZeroAndItsCorrectedSeriesAreAccurate()
    {
        foreach (double x in new[] { 1e-20, -1e-12, 3e-8, -2.5e-4, 0.01, -0.3, 0.49, 0.5, -0.75, 2.0 })
        {
            // Σ_{n≥2} xⁿ/n! summed directly with divisions by n! (the functions multiply by tabulated 1/n!).
            DoubleDouble d = x;
            DoubleDouble tail = PreciseMath.Zero;
            DoubleDouble power = d;
            DoubleDouble factorial = PreciseMath.One;
            for (int n = 2; n < 60; n++)
            {
                power *= d;
                factorial *= n;
                tail += power / factorial;
            }

            double error = PreciseMath.RelativeError(PreciseMath.ExpM1MinusX(d), tail);
            Assert.True(error <= Tight, $"e^x − 1 − x at {x:R}: relative error {error:E3}");
            if (Math.Abs(x) <= 0.35)
            {
                error = PreciseMath.RelativeError(PreciseMath.ExpM1Reduced(d), tail + d);
                Assert.True(error <= Tight, $"e^x − 1 at {x:R}: relative error {error:E3}");
            }
        }
    }

    [Fact]
    public void SqrtSquaresBackAndPowMatchesProducts()
    {
        var random = new Random(11);
        for (int i = 0; i < 2000; i++)
        {
            // Up to 2^±900 so that root·root keeps a normal low part.
            DoubleDouble x = new DoubleDouble(Math.ScaleB(0.5 + random.NextDouble(), random.Next(-900, 900)), 0.0);
            DoubleDouble root = PreciseMath.Sqrt(x);
            Assert.True(PreciseMath.RelativeError(root * root, x) <= 1e-31, $"√{x.Hi:R}² ≠ {x.Hi:R}");

            double y = 1e-3 + random.NextDouble() * 10, a = random.NextDouble() * 4 - 1, b = random.NextDouble() * 4 - 1;
            DoubleDouble product = PreciseMath.Pow(y, a) * PreciseMath.Pow(y, b);
            double error = PreciseMath.RelativeError(product, PreciseMath.Pow(y, new DoubleDouble(a, 0.0) + b));
            Assert.True(error <= Tight, $"{y:R}^{a:R}·{y:R}^{b:R}: relative error {error:E3}");
        }

        Assert.Equal(PreciseMath.One, PreciseMath.Pow(0.0, 0.0));
        Assert.Equal(PreciseMath.Zero, PreciseMath.Pow(0.0, 2.5));
        Assert.True(PreciseMath.RelativeError(PreciseMath.Pow(3.0, 4.0), 81.0) <= Tight);
        Assert.True(PreciseMath.RelativeError(PreciseMath.Pow(0.25, -1.5), 8.0) <= Tight);
    }

    [Fact]
    public void SpecialArgumentsGiveTheLimits()
    {
        Assert.Equal(double.NegativeInfinity, PreciseMath.Log(0.0).Hi);
        Assert.True(double.IsNaN(PreciseMath.Log(-1.0).Hi));
        Assert.Equal(PreciseMath.Zero, PreciseMath.Log(1.0));
        Assert.Equal(PreciseMath.One, PreciseMath.Exp(0.0));
        Assert.Equal(PreciseMath.Zero, PreciseMath.Exp(-800.0));
        Assert.Equal(double.PositiveInfinity, PreciseMath.Exp(710.0).Hi);
        Assert.Equal(PreciseMath.Zero, PreciseMath.Sqrt(0.0));
    }

    private static double AbsoluteError(DoubleDouble a, DoubleDouble b) => Math.Abs((a - b).Hi);
}
