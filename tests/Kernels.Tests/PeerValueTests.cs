using System;
using System.Linq;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// Published values from the peers' own test suites, each checked with the tolerance that suite uses:
/// SciPy (scipy/stats/tests/test_entropy.py, scipy/special/tests/test_basic.py incl. gh-20710,
/// scipy/spatial/tests/test_distance.py) and Julia's StatsBase (test/scalarstats.jl). SciPy's <c>entropy</c> and
/// <c>jensenshannon</c> normalize their inputs, so they are compared with <see cref="Information.Normalized"/>;
/// StatsBase and <c>scipy.special</c> work on the values given, so they are compared with the raw functions.
/// </summary>
public sealed class PeerValueTests
{
    // ---- numpy.testing / Julia tolerances ----

    /// <summary>numpy's assert_almost_equal(actual, desired, decimal): |desired − actual| &lt; 1.5·10^−decimal.</summary>
    private static void AssertAlmostEqual(double actual, double desired, int decimals, string what)
    {
        if (double.IsInfinity(desired))
        {
            Assert.True(actual == desired, $"{what}: got {actual:R}, expected {desired:R}");
            return;
        }

        double bound = 1.5 * Math.Pow(10, -decimals);
        Assert.True(Math.Abs(desired - actual) < bound, $"{what}: got {actual:R}, expected {desired:R} (decimal={decimals})");
    }

    /// <summary>numpy's assert_allclose: |actual − desired| ≤ atol + rtol·|desired|.</summary>
    private static void AssertAllClose(double actual, double desired, double rtol, double atol, string what)
    {
        if (double.IsInfinity(desired) || double.IsNaN(desired))
        {
            Assert.True(actual.Equals(desired), $"{what}: got {actual:R}, expected {desired:R}");
            return;
        }

        Assert.True(Math.Abs(actual - desired) <= atol + (rtol * Math.Abs(desired)), $"{what}: got {actual:R}, expected {desired:R} (rtol={rtol}, atol={atol})");
    }

    /// <summary>Julia's x ≈ y: |x − y| ≤ √eps(T)·max(|x|, |y|).</summary>
    private static void AssertJuliaApprox(double actual, double expected, bool single, string what)
    {
        double rtol = single ? Math.Sqrt(Math.ScaleB(1.0, -23)) : Math.Sqrt(Math.ScaleB(1.0, -52));
        Assert.True(Math.Abs(actual - expected) <= rtol * Math.Max(Math.Abs(actual), Math.Abs(expected)), $"{what}: got {actual:R}, expected ≈ {expected:R}");
    }

    // ---- scipy/stats/tests/test_entropy.py ----

    [Fact]
    public void SciPyEntropyPositive()
    {
        // test_entropy_positive (ticket #497): entropy(pk, pk) == 0.0 exactly, entropy(pk, qk) >= 0.
        double[] pk = [0.5, 0.2, 0.3];
        double[] qk = [0.1, 0.25, 0.65];
        Assert.Equal(0.0, Information.Normalized.KullbackLeibler(pk, pk));
        Assert.Equal(0.0, Information.KullbackLeibler(pk, pk));
        Assert.True(Information.Normalized.KullbackLeibler(pk, qk) >= 0.0);
        Assert.Equal(0.0f, Information.Normalized.KullbackLeibler(Api.ToSingle(pk), Api.ToSingle(pk)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SciPyEntropyBase(bool single)
    {
        // test_entropy_base: entropy(ones(16), base=2) within 1e-5 of 4; entropy(pk, qk)/entropy(pk, qk, base=2)
        // within 1e-5 of ln 2, with qk[:8] = 2.
        double[] pk = Enumerable.Repeat(1.0, 16).ToArray();
        double[] qk = Enumerable.Range(0, 16).Select(i => i < 8 ? 2.0 : 1.0).ToArray();
        Assert.True(Math.Abs(Api.Normalized(Measure.Entropy, single, pk, null, LogBase.Two) - 4.0) < 1e-5);
        double nats = Api.Normalized(Measure.KullbackLeibler, single, pk, qk);
        double bits = Api.Normalized(Measure.KullbackLeibler, single, pk, qk, LogBase.Two);
        Assert.True(Math.Abs((nats / bits) - Math.Log(2.0)) < 1e-5, $"{nats:R} / {bits:R}");
    }

    [Fact]
    public void SciPyEntropyZero()
    {
        // test_entropy_zero (PR-479): assert_almost_equal(entropy([0, 1, 2]), 0.63651416829481278, decimal=12).
        AssertAlmostEqual(Information.Normalized.Entropy([0.0, 1.0, 2.0]), 0.63651416829481278, 12, "entropy([0, 1, 2])");
    }

    public static TheoryData<string, double[], double[]?, double, int> SciPyEntropyCases() => new()
    {
        // test_entropy_2d: entropy(pk, qk) column by column, assert_array_almost_equal (decimal=6).
        { "test_entropy_2d column 0", [0.1, 0.6, 0.3], [0.2, 0.3, 0.5], 0.1933259, 6 },
        { "test_entropy_2d column 1", [0.2, 0.3, 0.5], [0.1, 0.6, 0.3], 0.18609809, 6 },
        // test_entropy_2d_zero: a zero in qk where pk > 0 gives inf; with pk[0][0] = 0 the column is finite.
        { "test_entropy_2d_zero column 0", [0.1, 0.6, 0.3], [0.0, 0.3, 0.5], double.PositiveInfinity, 6 },
        { "test_entropy_2d_zero column 1", [0.2, 0.3, 0.5], [0.1, 0.6, 0.3], 0.18609809, 6 },
        { "test_entropy_2d_zero pk[0][0]=0 column 0", [0.0, 0.6, 0.3], [0.0, 0.3, 0.5], 0.17403988, 6 },
        // test_entropy_base_2d_nondefault_axis: entropy(pk, axis=1).
        { "test_entropy_base_2d_nondefault_axis row 0", [0.1, 0.2], null, 0.63651417, 6 },
        { "test_entropy_base_2d_nondefault_axis row 1", [0.6, 0.3], null, 0.63651417, 6 },
        { "test_entropy_base_2d_nondefault_axis row 2", [0.3, 0.5], null, 0.66156324, 6 },
        // test_entropy_2d_nondefault_axis: entropy(pk, qk, axis=1).
        { "test_entropy_2d_nondefault_axis row 0", [0.1, 0.2], [0.2, 0.1], 0.23104906, 6 },
        { "test_entropy_2d_nondefault_axis row 1", [0.6, 0.3], [0.3, 0.6], 0.23104906, 6 },
        { "test_entropy_2d_nondefault_axis row 2", [0.3, 0.5], [0.5, 0.3], 0.12770641, 6 },
    };

    [Theory]
    [MemberData(nameof(SciPyEntropyCases))]
    public void SciPyEntropyArrays(string test, double[] pk, double[]? qk, double expected, int decimals)
    {
        Measure measure = qk is null ? Measure.Entropy : Measure.KullbackLeibler;
        AssertAlmostEqual(Api.Normalized(measure, single: false, pk, qk), expected, decimals, test);
        AssertAlmostEqual(Api.Normalized(measure, single: true, pk, qk), expected, decimals, test + " (float32)");
    }

    // ---- scipy/special/tests/test_basic.py ----

    public static TheoryData<double> SciPyEntrInputs() => new() { -0.0, -0.5, -1.0, double.NegativeInfinity, 0.0, 0.5, 1.0, double.PositiveInfinity };

    [Theory]
    [MemberData(nameof(SciPyEntrInputs))]
    public void SciPyEntr(double x)
    {
        // test_entr: expected −inf for x < 0, else −xlogy(x, x); assert_func_equal(rtol=1e-13, atol=1e-13).
        double expected = x < 0 ? double.NegativeInfinity : x == 0 ? 0.0 : double.IsPositiveInfinity(x) ? double.NegativeInfinity : -x * Math.Log(x);
        AssertAllClose(Terms.Entropy(x), expected, 1e-13, 1e-13, $"Terms.Entropy({x})");
        AssertAllClose(Information.Entropy([x]), expected, 1e-13, 1e-13, $"Entropy([{x}])");
        AssertAllClose(Information.Entropy([(float)x]), expected, 1e-7, 1e-13, $"Entropy([{x}f])");
        double[] embedded = Embedded(33, 17, x, 1.0);
        AssertAllClose(Information.Entropy(embedded), expected, 1e-13, 1e-13, $"Entropy(…{x}…) in a vector of ones");
    }

    public static TheoryData<double, double> SciPyRelEntrInputs()
    {
        // test_rel_entr: all (±a, ±b) for a, b in (0, 0.5, 1). SciPy gives rel_entr(0, y < 0) = inf; SEMANTICS.md says
        // p = 0 contributes 0 "whatever q is", so those four pairs are left out here (see the report).
        var data = new TheoryData<double, double>();
        double[] values = [0.0, 0.5, 1.0];
        foreach (double sa in new[] { -1.0, 1.0 })
        {
            foreach (double va in values)
            {
                foreach (double sb in new[] { -1.0, 1.0 })
                {
                    foreach (double vb in values)
                    {
                        double x = sa * va, y = sb * vb;
                        if (x == 0 && y < 0)
                        {
                            continue;
                        }

                        data.Add(x, y);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SciPyRelEntrInputs))]
    public void SciPyRelEntr(double x, double y)
    {
        // xfunc: x > 0 and y > 0 → x·log(x/y); x == 0 and y >= 0 → 0; else inf. rtol=1e-13, atol=1e-13.
        double expected = x > 0 && y > 0 ? x * Math.Log(x / y) : x == 0 && y >= 0 ? 0.0 : double.PositiveInfinity;
        AssertAllClose(Terms.KullbackLeibler(x, y), expected, 1e-13, 1e-13, $"Terms.KullbackLeibler({x}, {y})");
        AssertAllClose(Information.KullbackLeibler([x], [y]), expected, 1e-13, 1e-13, $"KullbackLeibler([{x}], [{y}])");
        AssertAllClose(Information.KullbackLeibler([(float)x], [(float)y]), expected, 1e-7, 1e-13, $"KullbackLeibler([{x}f], [{y}f])");
        AssertRelEntrInVector(x, y, expected, 1e-13, 1e-13);
    }

    public static TheoryData<double, double, double> SciPyRelEntrGh20710() => new()
    {
        // test_rel_entr_gh_20710_near_zero: inputs very close; expected from x·mpmath.log(x/y) at dps=30.
        { 0.9456657713430001, 0.9456657713430094, -9.325873406851269e-15 },
        { 0.48066098564791515, 0.48066098564794774, -3.258504577274724e-14 },
        { 0.786048657854401, 0.7860486578542367, 1.6431300764454033e-13 },
        // test_rel_entr_gh_20710_overflow: x/y overflows (4/2.22e-308) or underflows (1e-200/1e200).
        { 4.0, 2.22e-308, 2839.139983229607 },
        { 1e-200, 1e+200, -9.210340371976183e-198 },
    };

    [Theory]
    [MemberData(nameof(SciPyRelEntrGh20710))]
    public void SciPyRelEntrNearEqualAndOverflow(double x, double y, double expected)
    {
        // assert_allclose(rel_entr(x, y), expected, rtol=1e-13, atol=0) — the term, the fold of one element and the
        // element inside vectors of every path (the rest of the vector has p = q, contributing exactly 0).
        if (x < y / 2 || x > 2 * y)
        {
            // Far from equal, the decimal reference resolves these to well under 1e-13 (a check on the typed values).
            Assert.True(Math.Abs(((double)DecimalMath.LogRatio(x, y) * x) - expected) <= 1e-13 * Math.Abs(expected), "reference self-check");
        }

        AssertAllClose(Terms.KullbackLeibler(x, y), expected, 1e-13, 0.0, "Terms.KullbackLeibler");
        AssertAllClose(Information.KullbackLeibler([x], [y]), expected, 1e-13, 0.0, "KullbackLeibler([x], [y])");
        AssertRelEntrInVector(x, y, expected, 1e-13, 0.0);
    }

    [Fact]
    public void SciPyRelEntrSubnormal()
    {
        // The subnormal case of test_rel_entr_gh_20710_overflow, rel_entr(2.22e-308, 1e-309); expected computed here
        // from the exact binary inputs (x·ln(x/y) in 28-digit decimal) rather than typed.
        double x = 2.22e-308, y = 1e-309;
        double expected = x * (double)DecimalMath.LogRatio(x, y);
        AssertAllClose(Terms.KullbackLeibler(x, y), expected, 1e-13, 0.0, "Terms.KullbackLeibler");
        AssertAllClose(Information.KullbackLeibler([x], [y]), expected, 1e-13, 0.0, "KullbackLeibler([x], [y])");
        AssertRelEntrInVector(x, y, expected, 1e-13, 0.0);
    }

    // ---- scipy/spatial/tests/test_distance.py: test_jensenshannon ----

    public static TheoryData<string, double[], double[], double, double> SciPyJensenShannonCases() => new()
    {
        // assert_almost_equal (decimal=7); base 0 below means the natural log.
        { "jensenshannon([1,0,0], [0,1,0], 2.0)", [1.0, 0.0, 0.0], [0.0, 1.0, 0.0], 2.0, 1.0 },
        { "jensenshannon([1,0], [0.5,0.5])", [1.0, 0.0], [0.5, 0.5], 0.0, 0.46450140402245893 },
        { "jensenshannon([1,0,0], [1,0,0])", [1.0, 0.0, 0.0], [1.0, 0.0, 0.0], 0.0, 0.0 },
        { "jensenshannon([[1,2]], [[0.5,1.5]], axis=0)[0]", [1.0], [0.5], 0.0, 0.0 },
        { "jensenshannon([[1,2]], [[0.5,1.5]], axis=0)[1]", [2.0], [1.5], 0.0, 0.0 },
        { "jensenshannon([[1,2]], [[0.5,1.5]], axis=1)", [1.0, 2.0], [0.5, 1.5], 0.0, 0.0649045 },
        { "jensenshannon(a, b, axis=0)[0]", [1.0, 5.0, 9.0], [13.0, 17.0, 21.0], 0.0, 0.1954288 },
        { "jensenshannon(a, b, axis=0)[1]", [2.0, 6.0, 10.0], [14.0, 18.0, 22.0], 0.0, 0.1447697 },
        { "jensenshannon(a, b, axis=0)[2]", [3.0, 7.0, 11.0], [15.0, 19.0, 23.0], 0.0, 0.1138377 },
        { "jensenshannon(a, b, axis=0)[3]", [4.0, 8.0, 12.0], [16.0, 20.0, 24.0], 0.0, 0.0927636 },
        { "jensenshannon(a, b, axis=1)[0]", [1.0, 2.0, 3.0, 4.0], [13.0, 14.0, 15.0, 16.0], 0.0, 0.1402339 },
        { "jensenshannon(a, b, axis=1)[1]", [5.0, 6.0, 7.0, 8.0], [17.0, 18.0, 19.0, 20.0], 0.0, 0.0399106 },
        { "jensenshannon(a, b, axis=1)[2]", [9.0, 10.0, 11.0, 12.0], [21.0, 22.0, 23.0, 24.0], 0.0, 0.0201815 },
    };

    [Theory]
    [MemberData(nameof(SciPyJensenShannonCases))]
    public void SciPyJensenShannon(string test, double[] p, double[] q, double logBase, double expected)
    {
        LogBase b = logBase == 0.0 ? LogBase.E : LogBase.Of(logBase);
        AssertAlmostEqual(Api.Normalized(Measure.JensenShannonDistance, single: false, p, q, b), expected, 7, test);
        AssertAlmostEqual(Api.Normalized(Measure.JensenShannonDistance, single: true, p, q, b), expected, 7, test + " (float32)");
        if (Math.Abs(p.Sum() - 1.0) == 0.0 && Math.Abs(q.Sum() - 1.0) == 0.0)
        {
            // Already distributions: the raw distance is the same number.
            AssertAlmostEqual(Api.Raw(Measure.JensenShannonDistance, single: false, p, q, b), expected, 7, test + " (raw)");
        }
    }

    [Fact]
    public void SciPyIssue20083Float32NearEqualJensenShannonIsNeitherNaNNorFarOff()
    {
        // scipy#20083: float32 jensenshannon of nearly equal inputs returned NaN or was 27% off. No published numbers:
        // the expected values are the exact JS of the float inputs, raw and normalized, computed here in decimal from
        // the inputs as integers (every input is k·2^-37), so p/Σp − q/Σq is formed without rounding.
        const int n = 1000;
        float[] p = new float[n], q = new float[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = (1 + (i % 17)) / 9000f;
            q[i] = MathF.BitIncrement(MathF.BitIncrement(p[i])); // two float ulps apart
        }

        decimal[] a = p.Select(x => (decimal)Math.ScaleB(x, 37)).ToArray();
        decimal[] b = q.Select(x => (decimal)Math.ScaleB(x, 37)).ToArray();
        Assert.All(a.Concat(b), v => Assert.Equal(decimal.Truncate(v), v));
        decimal sumA = a.Sum(), sumB = b.Sum();
        decimal exactRaw = 0m, exactNormalized = 0m;
        for (int i = 0; i < n; i++)
        {
            // Raw: pair = (p + q)/4·f(t), t = (p − q)/(p + q). Normalized: the same with p/Σp and q/Σq.
            exactRaw += (a[i] + b[i]) / 4m * JensenShannonF((a[i] - b[i]) / (a[i] + b[i]));
            decimal numerator = (a[i] * sumB) - (b[i] * sumA), denominator = (a[i] * sumB) + (b[i] * sumA);
            exactNormalized += denominator / sumA / sumB / 4m * JensenShannonF(numerator / denominator);
        }

        double raw = (double)exactRaw * Math.ScaleB(1.0, -37);
        double normalized = (double)exactNormalized;

        float rawDivergence = Information.JensenShannonDivergence(p, q);
        Assert.True(Math.Abs(rawDivergence - raw) <= 1e-5 * raw, $"raw JS: got {rawDivergence:R}, exact {raw:R}");
        float rawDistance = Information.JensenShannonDistance(p, q);
        Assert.True(Math.Abs(rawDistance - Math.Sqrt(raw)) <= 1e-5 * Math.Sqrt(raw), $"raw distance: got {rawDistance:R}, exact {Math.Sqrt(raw):R}");

        // SciPy's convention (each input scaled to sum 1), which is what scipy#20083 is about.
        float distance = Information.Normalized.JensenShannonDistance(p, q);
        Assert.False(float.IsNaN(distance));
        Assert.True(Math.Abs(distance - Math.Sqrt(normalized)) <= 1e-3 * Math.Sqrt(normalized), $"normalized distance: got {distance:R}, exact {Math.Sqrt(normalized):R} (relative error {Math.Abs(distance - Math.Sqrt(normalized)) / Math.Sqrt(normalized):G3})");
    }

    /// <summary>f(t) = (1+t)·ln(1+t) + (1−t)·ln(1−t) = Σ t^(2k)/(k(2k−1)), for small |t|.</summary>
    private static decimal JensenShannonF(decimal t)
    {
        Assert.True(Math.Abs(t) < 0.5m);
        decimal t2 = t * t, power = t2, sum = 0m;
        for (int k = 1; power != 0m; k++)
        {
            sum += power / (k * ((2 * k) - 1));
            power *= t2;
        }

        return sum;
    }

    // ---- StatsBase.jl test/scalarstats.jl (raw semantics, ≈ with rtol = √eps(T)) ----

    public static TheoryData<string, Measure, double[], double[]?, double, double> StatsBaseCases() => new()
    {
        // base 0 below means the natural log (the call without a base).
        { "entropy([0.5, 0.5])", Measure.Entropy, [0.5, 0.5], null, 0.0, 0.6931471805599453 },
        { "entropy([0.2, 0.3, 0.5])", Measure.Entropy, [0.2, 0.3, 0.5], null, 0.0, 1.0296530140645737 },
        { "entropy([0.5, 0.5], 2)", Measure.Entropy, [0.5, 0.5], null, 2.0, 1.0 },
        { "entropy([0.2, 0.3, 0.5], 2)", Measure.Entropy, [0.2, 0.3, 0.5], null, 2.0, 1.4854752972273344 },
        { "crossentropy([0.2, 0.3, 0.5], [0.3, 0.4, 0.3])", Measure.CrossEntropy, [0.2, 0.3, 0.5], [0.3, 0.4, 0.3], 0.0, 1.1176681825904018 },
        { "crossentropy([0.2, 0.3, 0.5], [0.3, 0.4, 0.3], 2)", Measure.CrossEntropy, [0.2, 0.3, 0.5], [0.3, 0.4, 0.3], 2.0, 1.6124543443825532 },
        { "kldivergence([0.2, 0.3, 0.5], [0.3, 0.4, 0.3])", Measure.KullbackLeibler, [0.2, 0.3, 0.5], [0.3, 0.4, 0.3], 0.0, 0.08801516852582819 },
        { "kldivergence([0.2, 0.3, 0.5], [0.3, 0.4, 0.3], 2)", Measure.KullbackLeibler, [0.2, 0.3, 0.5], [0.3, 0.4, 0.3], 2.0, 0.12697904715521868 },
    };

    [Theory]
    [MemberData(nameof(StatsBaseCases))]
    public void StatsBaseScalarStats(string test, Measure measure, double[] p, double[]? q, double logBase, double expected)
    {
        LogBase? b = logBase == 0.0 ? null : LogBase.Of(logBase);
        AssertJuliaApprox(Api.Raw(measure, single: false, p, q, b), expected, single: false, test);
        AssertJuliaApprox(Api.Raw(measure, single: true, p, q, b), expected, single: true, test + " (Float32)");
    }

    [Fact]
    public void StatsBaseZeroCases()
    {
        // @test iszero(entropy([0, 1])), iszero(entropy([0.0, 1.0])), iszero(kldivergence([0, 1], [0f0, 1f0])).
        Assert.True(Information.Entropy([0.0, 1.0]) == 0.0);
        Assert.True(Information.Entropy([0f, 1f]) == 0f);
        Assert.True(Information.KullbackLeibler([0f, 1f], [0f, 1f]) == 0f);
        Assert.True(Information.KullbackLeibler([0.0, 1.0], [0.0, 1.0]) == 0.0);
    }

    // ---- helpers ----

    /// <summary>The (x, y) element at several positions of vectors of several lengths whose other elements have
    /// p = q (exactly zero terms), so the scalar, unrolled, single-vector and masked-tail paths all see it.</summary>
    private static void AssertRelEntrInVector(double x, double y, double expected, double rtol, double atol)
    {
        foreach (int n in new[] { 2, 5, 8, 17, 33, 64, 100 })
        {
            foreach (int at in new[] { 0, n / 2, n - 1 })
            {
                double[] p = Enumerable.Range(0, n).Select(i => (1 + (i % 7)) / 8.0).ToArray();
                double[] q = (double[])p.Clone();
                p[at] = x;
                q[at] = y;
                AssertAllClose(Information.KullbackLeibler(p, q), expected, rtol, atol, $"KullbackLeibler with ({x:R}, {y:R}) at {at} of {n}");
            }
        }
    }

    private static double[] Embedded(int n, int at, double x, double background)
    {
        double[] values = Enumerable.Repeat(background, n).ToArray();
        values[at] = x;
        return values;
    }
}
