using System;
using System.Linq;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// The new measures on small fixed inputs against values computed outside this repository, pasted as literals (the
/// build and the tests never run Python). Each value names the expression that produced it, run with the Debian
/// packages python3-scipy 1.10.1, numpy 1.24.2 and mpmath 1.2.1 under <c>/usr/bin/python3</c>, with this preamble:
/// <code>
/// import numpy as np, scipy.stats as st, scipy.special as sp, scipy.spatial.distance as dist
/// from scipy.stats import chi2_contingency
/// from mpmath import mp, mpf; mp.dps = 50
/// M = lambda v: [mpf(float(x)) for x in v]          # the exact doubles, at 50 digits
/// W = (np.array([0.36, 0.48, 0.16]), np.array([1/3, 1/3, 1/3]))                    # Wikipedia's KL example
/// D = (np.array([0.5, 0.25, 0.125, 0.125, 0.0]), np.array([0.125, 0.125, 0.25, 0.25, 0.25]))   # dyadic, p has a 0
/// </code>
/// and <c>repr(float(value))</c> printed. Where SciPy has the function its value is given and an mpmath value of
/// the definition agreed with it to the last digit unless a comment says otherwise. Literature values (Wikipedia's
/// KL example, the SciPy documentation's chi-square example, hand-worked Miller–Madow and Gaussian cases) are
/// checked to the digits they were published with.
/// Tolerances: double within 4e-15 relative (a few ulps: these are sums of under ten well-conditioned terms) plus
/// 1e-16 absolute; float within 4 float ulps of the value for dyadic and integer inputs (exact in float), and within
/// 2e-6 relative for case W, whose inputs (0.36, 1/3, …) move by up to 6e-8 relative when rounded to float and
/// whose measures here have condition numbers below 10.
/// </summary>
public sealed class PublishedValueTests
{
    private static readonly double[] WP = [0.36, 0.48, 0.16], WQ = [1.0 / 3, 1.0 / 3, 1.0 / 3];
    private static readonly double[] DP = [0.5, 0.25, 0.125, 0.125, 0.0], DQ = [0.125, 0.125, 0.25, 0.25, 0.25];

    public static TheoryData<bool> Types() => new() { false, true };

    // ---- distances and chi-squares ----

    [Theory]
    [MemberData(nameof(Types))]
    public void HellingerTotalVariationAndBhattacharyya(bool single)
    {
        // dist.euclidean(np.sqrt(p), np.sqrt(q))/np.sqrt(2); mpmath sqrt(Σ(√p − √q)²/2) gives the same digits.
        Pair(single, false, WP, WQ, Measures.Hellinger, Measures.Hellinger, 0.1504982751076378, "Hellinger W");
        Pair(single, true, DP, DQ, Measures.Hellinger, Measures.Hellinger, 0.4686895711556737, "Hellinger D");
        // dist.cityblock(p, q)/2
        Pair(single, false, WP, WQ, Measures.TotalVariation, Measures.TotalVariation, 0.17333333333333334, "TV W");
        Pair(single, true, DP, DQ, Measures.TotalVariation, Measures.TotalVariation, 0.5, "TV D");
        // np.sum(np.sqrt(p*q)) (mpmath Σ sqrt(p·q) agrees)
        Pair(single, false, WP, WQ, Measures.BhattacharyyaCoefficient, Measures.BhattacharyyaCoefficient, 0.9773502691896258, "BC W");
        Pair(single, true, DP, DQ, Measures.BhattacharyyaCoefficient, Measures.BhattacharyyaCoefficient, 0.7803300858899106, "BC D");
        // -mp.log(Σ mp.sqrt(a*b)) and the same / mp.log(2)
        Pair(single, false, WP, WQ, (p, q) => Measures.BhattacharyyaDistance(p, q), (p, q) => Measures.BhattacharyyaDistance(p, q), 0.022910176155072553, "BD W");
        Pair(single, false, WP, WQ, (p, q) => Measures.BhattacharyyaDistance(p, q, LogBase.Two), (p, q) => Measures.BhattacharyyaDistance(p, q, LogBase.Two), 0.03305239752481575, "BD W bits");
        Pair(single, true, DP, DQ, (p, q) => Measures.BhattacharyyaDistance(p, q), (p, q) => Measures.BhattacharyyaDistance(p, q), 0.24803826177853291, "BD D");
        Pair(single, true, DP, DQ, (p, q) => Measures.BhattacharyyaDistance(p, q, LogBase.Two), (p, q) => Measures.BhattacharyyaDistance(p, q, LogBase.Two), 0.35784357021860796, "BD D bits");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void PearsonAndNeymanChiSquare(bool single)
    {
        // SciPy documentation of scipy.stats.chisquare: chisquare([16, 18, 16, 14, 12, 12], f_exp=[16, 16, 16, 16, 16, 8])
        // has statistic 3.5 (exactly, in binary too).
        double[] observed = [16, 18, 16, 14, 12, 12], expected = [16, 16, 16, 16, 16, 8];
        Pair(single, true, observed, expected, Measures.PearsonChiSquare, Measures.PearsonChiSquare, 3.5, "chisquare docs example");

        // st.power_divergence(observed, f_exp=expected, lambda_="neyman").statistic = 3.1746031746031713, which is 2^-49
        // relative off the exact Σ(o − e)²/o = 200/63: mpmath gives 3.1746031746031744, used here.
        Pair(single, true, observed, expected, Measures.NeymanChiSquare, Measures.NeymanChiSquare, 3.1746031746031744, "Neyman docs example");

        // st.chisquare(*W).statistic = 0.1568 (mpmath Σ(a − b)²/b agrees).
        Pair(single, false, WP, WQ, Measures.PearsonChiSquare, Measures.PearsonChiSquare, 0.1568, "Pearson W");
        // mpmath Σ(a − b)²/a = 0.23456790123456786; st.power_divergence(*W, lambda_="neyman").statistic = 0.23456790123456772.
        Pair(single, false, WP, WQ, Measures.NeymanChiSquare, Measures.NeymanChiSquare, 0.23456790123456786, "Neyman W");
        // mpmath Σ(a − b)²/b for D = 1.625 (D has a 0 in p, not in q: a finite Pearson term).
        Pair(single, true, DP, DQ, Measures.PearsonChiSquare, Measures.PearsonChiSquare, 1.625, "Pearson D");
        // Neyman D: p₄ = 0 < q₄ makes the documented +∞. SciPy's power_divergence(*D, lambda_="neyman") returns nan
        // there (0·(0/q)^-2 = 0·∞): the contract and SciPy differ on purpose.
        Pair(single, true, DP, DQ, Measures.NeymanChiSquare, Measures.NeymanChiSquare, double.PositiveInfinity, "Neyman D");
    }

    // ---- Rényi and Tsallis ----

    public static TheoryData<string, double, double, double> RenyiDivergenceCases() => new()
    {
        // case, α, nats, bits: renyi_d(p, q, α) in mpmath as defined in Measures.cs (the α = 0, 1, ∞ limits by their
        // own formulas), and the same / mp.log(2). α = 1 is also st.entropy(p, q) and sp.rel_entr(p, q).sum(), both
        // 0.0852996013183706 for W and 0.6931471805599453 for D; Wikipedia (Kullback–Leibler divergence, "Basic
        // example") publishes D(P‖Q) = 0.0852996 nats for W.
        // α = 0 on W: −log Σq with Σ(1/3 as a double)·3 = 1 − 2^-54 exactly, so 5.55e-17: checked absolutely below.
        { "W", 0.0, 5.551115123125783e-17, 8.008566259537294e-17 },
        { "W", 0.5, 0.045820352310145106, 0.0661047950496315 },
        { "W", 1.0, 0.08529960131837058, 0.12306131181181892 },
        { "W", 2.0, 0.14565757242236319, 0.2101394574016684 },
        { "W", double.PositiveInfinity, 0.3646431135879093, 0.5260688116675877 },
        { "D", 0.0, 0.2876820724517809, 0.4150374992788438 },
        { "D", 0.5, 0.49607652355706583, 0.7156871404372159 },
        { "D", 1.0, 0.6931471805599453, 1.0 },
        { "D", 2.0, 0.965080896043587, 1.3923174227787602 },
        { "D", double.PositiveInfinity, 1.3862943611198906, 2.0 },
    };

    [Theory]
    [MemberData(nameof(RenyiDivergenceCases))]
    public void RenyiDivergence(string @case, double alpha, double nats, double bits)
    {
        (double[] p, double[] q) = @case == "W" ? (WP, WQ) : (DP, DQ);
        bool dyadic = @case == "D";
        foreach (bool single in new[] { false, true })
        {
            if (@case == "W" && alpha == 0)
            {
                // Float: three float(1/3) sum to 1 + 2^-25 + …, so −log Σq ≈ −3e-8; both are "0 within the input rounding".
                Assert.True(Math.Abs((single ? Measures.RenyiDivergence(F(p), F(q), alpha) : Measures.RenyiDivergence(p, q, alpha)) - nats) <= (single ? 1e-7 : 1e-16), $"{Type(single)} D_0 W");
                continue;
            }

            Pair(single, dyadic, p, q, (a, b) => Measures.RenyiDivergence(a, b, alpha), (a, b) => Measures.RenyiDivergence(a, b, alpha), nats, $"D_{alpha} {@case}");
            Pair(single, dyadic, p, q, (a, b) => Measures.RenyiDivergence(a, b, alpha, LogBase.Two), (a, b) => Measures.RenyiDivergence(a, b, alpha, LogBase.Two), bits, $"D_{alpha} {@case} bits");
        }
    }

    public static TheoryData<string, double, double, double> RenyiEntropyCases() => new()
    {
        // case, α, nats, bits: renyi_h(p, α) in mpmath, and / mp.log(2). α = 1 is also st.entropy(p) (1.0133126873497391
        // for W; 1.2130075659799042 for D, whose st.entropy(p, base=2) is 1.75 exactly).
        { "W", 0.0, 1.0986122886681098, 1.584962500721156 },
        { "W", 0.5, 1.0527919363579648, 1.5188577056715247 },
        { "W", 1.0, 1.0133126873497391, 1.4619011889093372 },
        { "W", 2.0, 0.9529547162457466, 1.374823043319488 },
        { "W", 3.0, 0.9121082737083412, 1.3158940832328172 },
        { "W", double.PositiveInfinity, 0.7339691750802004, 1.0588936890535685 },
        { "D", 0.0, 1.3862943611198906, 2.0 },
        { "D", 0.5, 1.2986137317871613, 1.873503590879648 },
        { "D", 1.0, 1.2130075659799042, 1.75 },
        { "D", 2.0, 1.067840630001356, 1.5405683813627027 },
        { "D", 3.0, 0.967129765917669, 1.3952733171855252 },
        { "D", double.PositiveInfinity, 0.6931471805599453, 1.0 },
    };

    [Theory]
    [MemberData(nameof(RenyiEntropyCases))]
    public void RenyiEntropy(string @case, double alpha, double nats, double bits)
    {
        double[] p = @case == "W" ? WP : DP;
        foreach (bool single in new[] { false, true })
        {
            One(single, @case == "D", p, a => Measures.RenyiEntropy(a, alpha), a => Measures.RenyiEntropy(a, alpha), nats, $"H_{alpha} {@case}");
            One(single, @case == "D", p, a => Measures.RenyiEntropy(a, alpha, LogBase.Two), a => Measures.RenyiEntropy(a, alpha, LogBase.Two), bits, $"H_{alpha} {@case} bits");
        }
    }

    public static TheoryData<string, double, double> TsallisCases() => new()
    {
        // case, α, value: (1 − Σ p^α)/(α − 1) in mpmath (α = 1: −Σ p ln p). α = 2 is the Gini–Simpson index 1 − Σp²:
        // 1 - np.sum(p**2) = 0.6144000000000001 for W and 0.65625 for D.
        { "W", 0.5, 1.3856406460551018 },
        { "W", 1.0, 1.0133126873497391 },
        { "W", 2.0, 0.6144000000000001 },
        { "W", 3.0, 0.41932800000000003 },
        { "D", 0.5, 1.82842712474619 },
        { "D", 1.0, 1.2130075659799042 },
        { "D", 2.0, 0.65625 },
        { "D", 3.0, 0.427734375 },
    };

    [Theory]
    [MemberData(nameof(TsallisCases))]
    public void TsallisEntropy(string @case, double alpha, double value)
    {
        double[] p = @case == "W" ? WP : DP;
        foreach (bool single in new[] { false, true })
        {
            One(single, @case == "D", p, a => Measures.TsallisEntropy(a, alpha), a => Measures.TsallisEntropy(a, alpha), value, $"S_{alpha} {@case}");
        }
    }

    // ---- Gaussians ----

    [Theory]
    [MemberData(nameof(Types))]
    public void GaussianKullbackLeibler(bool single)
    {
        // μ = [0.5, -1.25, 0, 2], v = log σ² = [0.25, -2, 1e-9, -0.5]:
        // mpmath Σ(m² + exp(v) − 1 − v)/2 = 3.5441956798184937 (bits: 5.11319353121423); the numpy closed form of KL
        // between multivariate normals, 0.5*(tr(S2⁻¹S1) + d·S2⁻¹·d − k + log(det S2/det S1)) with S1 = diag(exp(v)),
        // S2 = I, gives 3.5441956798184933. 1e-9 is not exact in float, so float is held to 2e-6 relative.
        double[] mean = [0.5, -1.25, 0.0, 2.0], logVariance = [0.25, -2.0, 1e-9, -0.5];
        Pair(single, false, mean, logVariance, (m, v) => Measures.GaussianKullbackLeibler(m, v), (m, v) => Measures.GaussianKullbackLeibler(m, v), 3.5441956798184937, "VAE KL");
        Pair(single, false, mean, logVariance, (m, v) => Measures.GaussianKullbackLeibler(m, v, LogBase.Two), (m, v) => Measures.GaussianKullbackLeibler(m, v, LogBase.Two), 5.11319353121423, "VAE KL bits");

        // μ₂ = [0.25, -1, 0.5, 2], v₂ = [0, -1.5, 1e-9, 0.75]: mpmath Σ(exp(a−b) − 1 − (a−b) + (m1−m2)²·exp(−b))/2 and the
        // numpy matrix form both give 0.6348332199533471.
        double[] mean2 = [0.25, -1.0, 0.5, 2.0], logVariance2 = [0.0, -1.5, 1e-9, 0.75];
        double twoGaussians = single
            ? Measures.GaussianKullbackLeibler(F(mean), F(logVariance), F(mean2), F(logVariance2))
            : Measures.GaussianKullbackLeibler(mean, logVariance, mean2, logVariance2);
        Close(single, false, twoGaussians, 0.6348332199533471, "two-Gaussian KL");

        // By hand: KL(N(0, e) ‖ N(0, 1)) = ½(e − 1 − 1) = (e − 2)/2 = 0.3591409142295226 (mpmath (mp.e-2)/2).
        double[] zero = [0.0], one = [1.0];
        Pair(single, false, zero, one, (m, v) => Measures.GaussianKullbackLeibler(m, v), (m, v) => Measures.GaussianKullbackLeibler(m, v), 0.3591409142295226, "KL(N(0,e)‖N(0,1))");

        // σ² ≈ 1, where e^v − 1 − v cancels if formed naively: v = [1e-8, -3e-9] gives mpmath Σ(exp(v) − 1 − v)/2 =
        // 2.7250000081083335e-17 (≈ Σv²/4). A naive expm1(v) − v would be off by about ε/v ≈ 1e-8 relative.
        double[] zeros = [0.0, 0.0], small = [1e-8, -3e-9];
        if (!single)
        {
            Close(false, false, Measures.GaussianKullbackLeibler(zeros, small), 2.7250000081083335e-17, "VAE KL at σ² ≈ 1", relative: 1e-13);
        }
        else
        {
            // The float images of 1e-8 and −3e-9 differ from them by up to 3e-8 relative: hold to 1e-6.
            Close(true, false, Measures.GaussianKullbackLeibler(F(zeros), F(small)), 2.7250000081083335e-17, "VAE KL at σ² ≈ 1", relative: 1e-6);
        }
    }

    // ---- tables and counts ----

    /// <summary>The 3×4 count table of the next test (X = rows, Y = columns).</summary>
    private static readonly double[] Table = [10, 20, 0, 5, 3, 0, 7, 1, 0, 4, 4, 16];

    [Theory]
    [MemberData(nameof(Types))]
    public void MutualInformationAndConditionalEntropy(bool single)
    {
        // T = np.array([[10,20,0,5],[3,0,7,1],[0,4,4,16]], dtype=float), N = T.sum():
        // chi2_contingency(T, correction=False, lambda_="log-likelihood").statistic/(2*N) = 0.4238085375650729 (the G
        // statistic is 2N·I); st.entropy(T.sum(axis=1)) + st.entropy(T.sum(axis=0)) − st.entropy(T.ravel()) =
        // 0.4238085375650731; mpmath Σ n/N·log(n·N/(r·c)) = 0.423808537565073 (used; bits 0.6114264754315347).
        One(single, true, Table, t => Measures.MutualInformation(t, 4), t => Measures.MutualInformation(t, 4), 0.423808537565073, "MI counts");
        One(single, true, Table, t => Measures.MutualInformation(t, 4, LogBase.Two), t => Measures.MutualInformation(t, 4, LogBase.Two), 0.6114264754315347, "MI counts bits");

        // The same table as probabilities (÷ 70, not exact in binary: the documented normalization makes it the same).
        double[] probabilities = Table.Select(x => x / 70).ToArray();
        One(single, false, probabilities, t => Measures.MutualInformation(t, 4), t => Measures.MutualInformation(t, 4), 0.423808537565073, "MI probabilities");

        // st.entropy(T.ravel()) − st.entropy(T.sum(axis=1)) = 0.9104379109126333; mpmath Σ n/N·log(r/n) =
        // 0.9104379109126332 (used; bits 1.3134842591109637).
        One(single, true, Table, t => Measures.ConditionalEntropy(t, 4), t => Measures.ConditionalEntropy(t, 4), 0.9104379109126332, "H(Y|X)");
        One(single, true, Table, t => Measures.ConditionalEntropy(t, 4, LogBase.Two), t => Measures.ConditionalEntropy(t, 4, LogBase.Two), 1.3134842591109637, "H(Y|X) bits");

        // By hand: a fair bit copied, [[1, 0], [0, 1]], has I = ln 2 and H(Y|X) = 0; a product table has I = 0.
        double[] copied = [1, 0, 0, 1];
        One(single, true, copied, t => Measures.MutualInformation(t, 2), t => Measures.MutualInformation(t, 2), Math.Log(2), "MI of a copied bit");
        One(single, true, copied, t => Measures.MutualInformation(t, 2, LogBase.Two), t => Measures.MutualInformation(t, 2, LogBase.Two), 1.0, "MI of a copied bit, bits");
        One(single, true, copied, t => Measures.ConditionalEntropy(t, 2), t => Measures.ConditionalEntropy(t, 2), 0.0, "H(Y|X) of a copied bit");
        double[] product = [1, 2, 3, 2, 4, 6]; // [1, 2]ᵀ·[1, 2, 3]
        double mi = single ? Measures.MutualInformation(F(product), 3) : Measures.MutualInformation(product, 3);
        Assert.True(Math.Abs(mi) <= (single ? 4e-7 : 4e-16), $"{Type(single)} MI of a product table = {mi:R}");
    }

    public static TheoryData<double[], double, double> MillerMadowCases() => new()
    {
        // counts, nats, bits: st.entropy(c) + (np.count_nonzero(c) - 1)/(2*np.sum(c)); mpmath −Σ x/n·log(x/n) + (k−1)/(2n)
        // gives the same digits. Worked by hand for [1, 1, 2]: N = 4, K = 3, plug-in ln 4 − (2 ln 2)/4 = 1.5 ln 2,
        // correction (K − 1)/(2N) = 1/4, so 1.5·ln 2 + 0.25 = 1.2897207708399179.
        { new double[] { 1, 1, 2 }, 1.2897207708399179, 1.860673760222241 },
        { new double[] { 10, 20, 0, 5, 3, 0, 7, 1 }, 1.53723066012861, 2.2177550500700134 },
        { new double[] { 5, 5, 5, 5 }, 1.4612943611198905, 2.1082021280666723 },
    };

    [Theory]
    [MemberData(nameof(MillerMadowCases))]
    public void MillerMadowEntropy(double[] counts, double nats, double bits)
    {
        foreach (bool single in new[] { false, true })
        {
            One(single, true, counts, c => Measures.MillerMadowEntropy(c), c => Measures.MillerMadowEntropy(c), nats, "Miller–Madow");
            // The whole estimate (plug-in and correction) is an entropy in nats, converted once: the sensible reading.
            One(single, true, counts, c => Measures.MillerMadowEntropy(c, LogBase.Two), c => Measures.MillerMadowEntropy(c, LogBase.Two), bits, "Miller–Madow bits");
        }
    }

    // ---- helpers ----

    private static float[] F(double[] x) => x.Select(v => (float)v).ToArray();

    private static string Type(bool single) => single ? "float" : "double";

    private static void Pair(bool single, bool exactInFloat, double[] p, double[] q, SpanPair<double> ofDouble, SpanPair<float> ofSingle, double expected, string what) =>
        Close(single, exactInFloat, single ? ofSingle(F(p), F(q)) : ofDouble(p, q), expected, what);

    private static void One(bool single, bool exactInFloat, double[] p, SpanOne<double> ofDouble, SpanOne<float> ofSingle, double expected, string what) =>
        Close(single, exactInFloat, single ? ofSingle(F(p)) : ofDouble(p), expected, what);

    private delegate T SpanPair<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q);

    private delegate T SpanOne<T>(ReadOnlySpan<T> p);

    private static void Close(bool single, bool exactInFloat, double actual, double expected, string what, double? relative = null)
    {
        if (!double.IsFinite(expected))
        {
            Assert.True(actual.Equals(expected), $"{Type(single)} {what}: got {actual:R}, expected {expected:R}");
            return;
        }

        double bound = relative is { } r ? r * Math.Abs(expected)
            : !single ? (4e-15 * Math.Abs(expected)) + 1e-16
            : exactInFloat ? (4 * Math.ScaleB(1.0, -23) * Math.Abs(expected)) + 1e-30
            : (2e-6 * Math.Abs(expected)) + 1e-12;
        Assert.True(Math.Abs(actual - expected) <= bound, $"{Type(single)} {what}: got {actual:R}, expected {expected:R} (bound {bound:R})");
    }
}
