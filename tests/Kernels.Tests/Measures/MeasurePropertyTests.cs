using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Kernels.Tests;

/// <summary>A Gaussian pair (means and log-variances): all values k/64, k/32 or m·2^-j, so exact in float too.</summary>
public sealed record GaussianCase(double[] Mean1, double[] LogVariance1, double[] Mean2, double[] LogVariance2)
{
    public int Length => Mean1.Length;

    public override string ToString() =>
        $"GaussianCase(n={Length}, μ₁=[{string.Join(",", Mean1)}], v₁=[{string.Join(",", LogVariance1)}], μ₂=[{string.Join(",", Mean2)}], v₂=[{string.Join(",", LogVariance2)}])";
}

/// <summary>A rows×columns joint table of integer counts (zeros mixed in, never all zero), exact in float.</summary>
public sealed record JointTable(double[] Counts, int Columns)
{
    public int Rows => Counts.Length / Columns;

    public override string ToString() => $"JointTable({Rows}×{Columns}, [{string.Join(",", Counts)}])";
}

/// <summary>A joint table that is an outer product aᵢ·bⱼ: X and Y independent, so I(X; Y) = 0 and H(Y|X) = H(Y).</summary>
public sealed record ProductTable(JointTable Table)
{
    public override string ToString() => $"Product{Table}";
}

/// <summary>
/// Inputs for the measure properties: distributions and pairs from integer weights (as in <see cref="Distributions"/>
/// but with lengths 0…300 and 1000…3000, so vector loops, tails and scalar fallbacks are all hit), orders α with
/// the limits and the points next to them, Gaussians whose log-variances come close to 0 (where e^v − 1 − v
/// cancels if formed naively), joint tables up to 3000 cells and product tables (independent X and Y).
/// </summary>
public static class MeasureArbitraries
{
    public static Gen<int> Lengths { get; } = Gen.Frequency((12, Gen.Choose(0, 300)), (1, Gen.Choose(1000, 3000)));

    private static Gen<int> Weights { get; } =
        Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 1000)), (1, Gen.Choose(1, 1_000_000)));

    private static Gen<int> PositiveWeights { get; } = Gen.Frequency((3, Gen.Choose(1, 1000)), (1, Gen.Choose(1, 1_000_000)));

    private static Gen<int[]> WeightVectors { get; } = Lengths.SelectMany(n => Gen.ArrayOf(Weights, n)).Select(EnsureSomeMass);

    /// <summary>The orders every Rényi/Tsallis property runs: the three limits, both sides of each, and ordinary ones.</summary>
    public static readonly double[] Orders = [0.0, 1e-3, 0.25, 0.5, 0.999, 1 - 1e-6, 1.0, 1 + 1e-6, 1.001, 1.5, 2.0, 3.0, 7.5, 20.0, double.PositiveInfinity];

    public static Arbitrary<Distribution> Vectors() => Arb.From(WeightVectors.Select(w => new Distribution(w)));

    public static Arbitrary<DistributionPair> Pairs() =>
        Arb.From(Gen.Frequency(
            (3, WeightVectors.SelectMany(p => Gen.CollectToArray(p, w => w > 0 ? PositiveWeights : Weights).Select(EnsureSomeMass), (p, q) => new DistributionPair(p, q))),
            (1, WeightVectors.SelectMany(p => Gen.CollectToArray(p, w => Gen.Choose(-1, 1).Select(d => w > 0 ? Math.Max(1, w + d) : 0)).Select(EnsureSomeMass), (p, q) => new DistributionPair(p, q)))));

    public static Arbitrary<GaussianCase> Gaussians() => Arb.From(
        from n in Lengths
        from mean1 in Gen.ArrayOf(Means, n)
        from v1 in Gen.ArrayOf(LogVariances, n)
        from kind in Gen.Choose(0, 3)
        from mean2 in Gen.ArrayOf(Means, n)
        from v2 in Gen.ArrayOf(LogVariances, n)
        from nudge in Gen.ArrayOf(Gen.Choose(-2, 2), n)
        select kind switch
        {
            // Near-identical: v₂ = v₁ + a few 2^-30, μ₂ = μ₁ or one step away, where the 4-span form's d = v₁ − v₂ is tiny.
            0 => new GaussianCase(mean1, v1, mean1.Select((m, i) => nudge[i] == 0 ? m : m + (nudge[i] / 64.0)).ToArray(), v1.Select((v, i) => v + Math.ScaleB(nudge[i], -30)).ToArray()),
            _ => new GaussianCase(mean1, v1, mean2, v2),
        });

    public static Arbitrary<JointTable> Tables() => Arb.From(Gen.Frequency(
        (6, from rows in Gen.Choose(1, 17) from columns in Gen.Choose(1, 17) from cells in Gen.ArrayOf(Weights, rows * columns) select Table(cells, columns)),
        (1, from rows in Gen.Choose(30, 60) from columns in Gen.Choose(34, 50) from cells in Gen.ArrayOf(Weights, rows * columns) select Table(cells, columns))));

    /// <summary>nᵢⱼ = aᵢ·bⱼ with a, b ≤ 4096 (so every count is exact in float): X and Y independent, I(X; Y) = 0.</summary>
    public static Arbitrary<ProductTable> ProductTables() => Arb.From(
        from rows in Gen.Choose(1, 40)
        from columns in Gen.Choose(1, 40)
        from a in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 4096))), rows)
        from b in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 4096))), columns)
        select new ProductTable(Table(EnsureSomeMass(a).SelectMany(x => EnsureSomeMass(b).Select(y => (int)((long)x * y))).ToArray(), columns)));

    private static Gen<double> Means { get; } =
        Gen.Frequency((1, Gen.Constant(0.0)), (4, Gen.Choose(-256, 256).Select(k => k / 64.0)));

    private static Gen<double> LogVariances { get; } = Gen.Frequency(
        (3, Gen.Choose(-160, 160).Select(k => k / 32.0)),
        (1, Gen.Constant(0.0)),
        (2, from m in Gen.Choose(-1000, 1000) from j in Gen.Choose(10, 40) select Math.ScaleB(m, -j)));

    private static JointTable Table(int[] cells, int columns) => new(EnsureSomeMass(cells).Select(x => (double)x).ToArray(), columns);

    private static int[] EnsureSomeMass(int[] weights)
    {
        if (weights.Length > 0 && weights.All(w => w == 0))
        {
            weights[weights.Length / 2] = 1;
        }

        return weights;
    }
}

/// <summary>
/// Every measure of <see cref="Measures"/>, float and double, against <see cref="MeasureReference"/> (double-double, from
/// the definitions; float inputs are compared with the reference on the same values widened to double), and the
/// inequalities and identities of the measures themselves. The bounds, with ε = 2^-52 (double) or 2^-23 (float):
/// <list type="bullet">
/// <item>arithmetic sums (TV, Pearson, Neyman, BC, the Hellinger sum): 16ε·Σ|term| — a term is at most three
/// roundings (p − q exact or one rounding, a square, a division or root) and the house sum bound is 8ε·Σ|term|;
/// </item>
/// <item>sums of logarithmic terms (Shannon, KL, tables, Miller–Madow): the README's 8ε·Σ|term| (float 8ε_f·Σ|term|);
/// </item>
/// <item>Σ pᵢ^α (Rényi, Tsallis): 16ε·Σ pᵢ^α·(3 + |α ln pᵢ| + …), because pᵢ^α = e^(α ln pᵢ) turns an ε error in
/// ln pᵢ into α·|ln pᵢ|·ε relative;</item>
/// <item>finalizers amplify: √ (Hellinger) halves the relative error of its sum; ln (Bhattacharyya, Rényi) turns a
/// relative error of its argument into an absolute one; 1/|1 − α| (Rényi, Tsallis) multiplies it, up to 10^6 at
/// α = 1 ± 10^-6 (the general formula cannot do better without a rewrite; the bound says exactly how much);</item>
/// <item>plus 2 ulps of the result (4 float ulps) for the final roundings, and a base b divides everything by |ln b|.
/// </item>
/// </list>
/// ±∞ and NaN must match exactly.
/// </summary>
public sealed class MeasurePropertyTests
{
    private const int Runs = 100;

    /// <summary>Fewer cases where each one sweeps all fifteen orders (each order costs a double-double pass).</summary>
    private const int OrderSweepRuns = 40;

    private static readonly bool[] Types = [false, true];

    /// <summary>The bases the agreement properties run (nats and bits); <see cref="ChangeOfBaseDividesByLnB"/> adds more.</summary>
    private static readonly (LogBase Library, double? Reference)[] Bases = [(LogBase.E, null), (LogBase.Two, 2.0)];

    // ---- agreement with the reference ----

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = Runs)]
    public void HellingerAgrees(DistributionPair pair)
    {
        foreach (bool single in Types)
        {
            (double[] p, double[] q) = Values(pair, single);
            DoubleDouble exact = MeasureReference.Hellinger(p, q);
            // H = √(S/2): δH = δS/(4H) = 16ε·S/(4H) = 2ε·H… written as 4ε·H, or √(δS/2) when H is 0.
            double h = exact.Value;
            double bound = h > 0 ? ArithmeticConstant * Eps(single) * h / 2 : 0.0;
            Agree(single, "Hellinger", Lib.Hellinger(single, p, q), exact, bound + Ulps(single, h), pair);
        }
    }

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = Runs)]
    public void TotalVariationAgrees(DistributionPair pair)
    {
        foreach (bool single in Types)
        {
            (double[] p, double[] q) = Values(pair, single);
            DoubleDouble exact = MeasureReference.TotalVariation(p, q);
            Agree(single, "TV", Lib.TotalVariation(single, p, q), exact, Arithmetic(single, exact.Value), pair);
        }
    }

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = Runs)]
    public void ChiSquaresAgreeInBothOrders(DistributionPair pair)
    {
        // The pairs have q > 0 wherever p > 0 but often p = 0 < q: Pearson(p, q) and Neyman(q, p) are finite,
        // Pearson(q, p) and Neyman(p, q) are often +∞, which must then be exact.
        foreach (bool single in Types)
        {
            (double[] p, double[] q) = Values(pair, single);
            foreach ((double[] a, double[] b, string order) in new[] { (p, q, "(p, q)"), (q, p, "(q, p)") })
            {
                DoubleDouble pearson = MeasureReference.PearsonChiSquare(a, b), neyman = MeasureReference.NeymanChiSquare(a, b);
                Agree(single, $"Pearson{order}", Lib.Pearson(single, a, b), pearson, Arithmetic(single, pearson.Value), pair);
                Agree(single, $"Neyman{order}", Lib.Neyman(single, a, b), neyman, Arithmetic(single, neyman.Value), pair);
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = Runs)]
    public void BhattacharyyaAgrees(DistributionPair pair)
    {
        foreach (bool single in Types)
        {
            (double[] p, double[] q) = Values(pair, single);
            DoubleDouble bc = MeasureReference.BhattacharyyaCoefficient(p, q);
            Agree(single, "BC", Lib.BhattacharyyaCoefficient(single, p, q), bc, Arithmetic(single, bc.Value), pair);
            foreach ((LogBase library, double? b) in Bases)
            {
                // −ln BC: the relative error 16ε of BC becomes an absolute 16ε.
                DoubleDouble exact = MeasureReference.BhattacharyyaDistance(p, q, b);
                double bound = (p.Length == 0 ? 0 : ArithmeticConstant * Eps(single) / LnBase(b)) + Ulps(single, exact.Value);
                Agree(single, $"BD base {library}", Lib.BhattacharyyaDistance(single, p, q, library), exact, bound, pair);
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = OrderSweepRuns)]
    public void RenyiEntropyAgreesAtEveryOrder(Distribution d)
    {
        foreach (bool single in Types)
        {
            double[] p = Values(d, single);
            foreach (double alpha in MeasureArbitraries.Orders)
            {
                DoubleDouble nats = MeasureReference.RenyiEntropy(p, alpha);
                foreach ((LogBase library, double? b) in Bases)
                {
                    DoubleDouble exact = MeasureReference.InBase(nats, b);
                    double bound = (RenyiEntropyNatsBound(single, p, alpha) / LnBase(b)) + Ulps(single, exact.Value);
                    Agree(single, $"H_{alpha} base {library}", Lib.RenyiEntropy(single, p, alpha, library), exact, bound, d);
                }
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = OrderSweepRuns)]
    public void RenyiDivergenceAgreesAtEveryOrderInBothDirections(DistributionPair pair)
    {
        // (q, p) puts q = 0 against p > 0 where the pair has zeros: +∞ for α ≥ 1, nothing for α < 1.
        foreach (bool single in Types)
        {
            (double[] p, double[] q) = Values(pair, single);
            foreach ((double[] a, double[] b, string order) in new[] { (p, q, "(p‖q)"), (q, p, "(q‖p)") })
            {
                foreach (double alpha in MeasureArbitraries.Orders)
                {
                    DoubleDouble nats = MeasureReference.RenyiDivergence(a, b, alpha);
                    foreach ((LogBase library, double? logBase) in Bases)
                    {
                        DoubleDouble exact = MeasureReference.InBase(nats, logBase);
                        double bound = (RenyiDivergenceNatsBound(single, a, b, alpha) / LnBase(logBase)) + Ulps(single, exact.Value);
                        Agree(single, $"D_{alpha}{order} base {library}", Lib.RenyiDivergence(single, a, b, alpha, library), exact, bound, pair);
                    }
                }
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = OrderSweepRuns)]
    public void TsallisEntropyAgreesAtEveryFiniteOrder(Distribution d)
    {
        foreach (bool single in Types)
        {
            double[] p = Values(d, single);
            foreach (double alpha in MeasureArbitraries.Orders.Where(double.IsFinite))
            {
                DoubleDouble exact = MeasureReference.TsallisEntropy(p, alpha);
                double bound;
                if (alpha == 1)
                {
                    bound = Logarithmic(single, ShannonScale(p));
                }
                else
                {
                    // (1 − S)/(α − 1): δS and the rounding of 1 − S, both divided by |α − 1|.
                    (double s, double powerScale) = PowerSum(p, alpha);
                    bound = ((ArithmeticConstant * Eps(single) * powerScale) + (2 * Eps(single) * Math.Max(1, s))) / Math.Abs(alpha - 1);
                }

                Agree(single, $"S_{alpha}", Lib.Tsallis(single, p, alpha), exact, bound + Ulps(single, exact.Value), d);
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = Runs)]
    public void GaussianKullbackLeiblerAgreesInBothForms(GaussianCase g)
    {
        foreach (bool single in Types)
        {
            foreach ((LogBase library, double? b) in Bases)
            {
                // Non-negative terms, held to 8ε of the answer even where σ² ≈ 1.
                DoubleDouble vae = MeasureReference.GaussianKullbackLeibler(g.Mean1, g.LogVariance1, b);
                Agree(single, $"VAE KL base {library}", Lib.GaussianVae(single, g.Mean1, g.LogVariance1, library), vae, Logarithmic(single, Math.Abs(vae.Value)) + Ulps(single, vae.Value), g);
                DoubleDouble two = MeasureReference.GaussianKullbackLeibler(g.Mean1, g.LogVariance1, g.Mean2, g.LogVariance2, b);
                Agree(single, $"two-Gaussian KL base {library}", Lib.GaussianTwo(single, g, library), two, Logarithmic(single, Math.Abs(two.Value)) + Ulps(single, two.Value), g);
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = Runs)]
    public void TableMeasuresAgree(JointTable t)
    {
        foreach (bool single in Types)
        {
            foreach ((LogBase library, double? b) in Bases)
            {
                double scale = TableScale(t) / LnBase(b);
                DoubleDouble mi = MeasureReference.MutualInformation(t.Counts, t.Columns, b);
                Agree(single, $"MI base {library}", Lib.MutualInformation(single, t, library), mi, Logarithmic(single, scale) + Ulps(single, mi.Value), t);
                DoubleDouble ce = MeasureReference.ConditionalEntropy(t.Counts, t.Columns, b);
                Agree(single, $"H(Y|X) base {library}", Lib.ConditionalEntropy(single, t, library), ce, Logarithmic(single, scale) + Ulps(single, ce.Value), t);
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = Runs)]
    public void MillerMadowAgrees(Distribution d)
    {
        foreach (bool single in Types)
        {
            foreach ((LogBase library, double? b) in Bases)
            {
                DoubleDouble exact = MeasureReference.MillerMadowEntropy(d.Counts, b);
                double scale = CountScale(d.Counts) / LnBase(b);
                Agree(single, $"Miller–Madow base {library}", Lib.MillerMadow(single, d.Counts, library), exact, Logarithmic(single, scale) + Ulps(single, exact.Value), d);
            }
        }
    }

    // ---- mathematical properties ----

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = Runs)]
    public void DistancesAreBoundedSymmetricAndOrderedLikeLeCam(DistributionPair pair)
    {
        foreach (bool single in Types)
        {
            (double[] p, double[] q) = Values(pair, single);
            if (p.Length == 0)
            {
                continue;
            }

            double sumP = Mass(p), sumQ = Mass(q);
            double h = Lib.Hellinger(single, p, q), tv = Lib.TotalVariation(single, p, q), bc = Lib.BhattacharyyaCoefficient(single, p, q);
            double slack = 64 * Eps(single) * Math.Max(1, Math.Max(sumP, sumQ));

            // Σp and Σq are 1 only within rounding: the bounds 1 are (Σp + Σq)/2 exactly.
            Assert.True(h >= 0 && h <= Math.Sqrt((sumP + sumQ) / 2) + slack, $"{Type(single)}: Hellinger {h:R} outside [0, 1]");
            Assert.True(tv >= 0 && tv <= ((sumP + sumQ) / 2) + slack, $"{Type(single)}: TV {tv:R} outside [0, 1]");
            Assert.True(bc >= 0 && bc <= Math.Sqrt(sumP * sumQ) + slack, $"{Type(single)}: BC {bc:R} > √(Σp·Σq) (Cauchy–Schwarz)");

            Assert.True(Math.Abs(h - Lib.Hellinger(single, q, p)) <= slack, $"{Type(single)}: Hellinger not symmetric");
            Assert.True(Math.Abs(tv - Lib.TotalVariation(single, q, p)) <= slack, $"{Type(single)}: TV not symmetric");
            Assert.True(Math.Abs(bc - Lib.BhattacharyyaCoefficient(single, q, p)) <= slack, $"{Type(single)}: BC not symmetric");
            double bd = Lib.BhattacharyyaDistance(single, p, q, LogBase.E);
            Assert.True(Math.Abs(bd - Lib.BhattacharyyaDistance(single, q, p, LogBase.E)) <= slack, $"{Type(single)}: BD not symmetric");

            // H² = (Σp + Σq)/2 − BC, and the Le Cam inequalities H² ≤ TV ≤ √2·H (for Σp = Σq = 1).
            Assert.True(Math.Abs((h * h) - (((sumP + sumQ) / 2) - bc)) <= slack, $"{Type(single)}: H² = {h * h:R} but 1 − BC = {1 - bc:R}");
            Assert.True(h * h <= tv + slack, $"{Type(single)}: H² = {h * h:R} > TV = {tv:R}");
            Assert.True(tv <= (Math.Sqrt(2) * h) + slack, $"{Type(single)}: TV = {tv:R} > √2·H = {Math.Sqrt(2) * h:R}");

            // Pinsker: TV ≤ √(KL/2), with the library's own Kullback–Leibler.
            double kl = single ? Information.KullbackLeibler(F(p), F(q)) : Information.KullbackLeibler(p, q);
            Assert.True(tv <= Math.Sqrt(Math.Max(0, kl) / 2) + Math.Sqrt(slack), $"{Type(single)}: TV = {tv:R} > √(KL/2) = {Math.Sqrt(kl / 2):R}");
        }
    }

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = Runs)]
    public void RenyiOrdersAreMonotoneAndBracketed(DistributionPair pair)
    {
        // D_α is non-decreasing and H_α non-increasing in α for distributions. With Σp = 1 + δ (rounding), the exact
        // values carry an extra ln(1 + δ)/(1 − α), which the tolerance includes; orders within 10^-3 of 1 are left to
        // the agreement properties, where that term is in the reference.
        double[] orders = [0.0, 0.25, 0.5, 0.9, 1.0, 1.5, 2.0, 5.0, double.PositiveInfinity];
        foreach (bool single in Types)
        {
            (double[] p, double[] q) = Values(pair, single);
            if (p.Length == 0)
            {
                continue;
            }

            double massError = Math.Abs(Math.Log(Mass(p)));
            double[] entropies = orders.Select(a => Lib.RenyiEntropy(single, p, a, LogBase.E)).ToArray();
            double[] divergences = orders.Select(a => Lib.RenyiDivergence(single, p, q, a, LogBase.E)).ToArray();
            for (int i = 1; i < orders.Length; i++)
            {
                double slack = Slack(single, p, q, orders[i - 1]) + Slack(single, p, q, orders[i])
                    + (massError * (Amplification(orders[i - 1]) + Amplification(orders[i])));
                Assert.True(entropies[i] <= entropies[i - 1] + slack, $"{Type(single)}: H_{orders[i]} = {entropies[i]:R} > H_{orders[i - 1]} = {entropies[i - 1]:R}");
                Assert.True(divergences[i] >= divergences[i - 1] - slack, $"{Type(single)}: D_{orders[i]} = {divergences[i]:R} < D_{orders[i - 1]} = {divergences[i - 1]:R}");
            }

            int support = p.Count(x => x > 0);
            Assert.True(Math.Abs(entropies[0] - Math.Log(support)) <= Ulps(single, Math.Log(support)), $"{Type(single)}: H_0 = {entropies[0]:R}, ln {support} = {Math.Log(support):R}");
            Assert.True(entropies[^1] >= -Ulps(single, 1), $"{Type(single)}: H_∞ = {entropies[^1]:R} < 0");
            Assert.True(divergences[0] >= -Slack(single, p, q, 0), $"{Type(single)}: D_0 = {divergences[0]:R} < 0");

            // α = 1 is Shannon and Kullback–Leibler, as the library's own Information computes them.
            double shannon = single ? Information.Entropy(F(p)) : Information.Entropy(p);
            double kl = single ? Information.KullbackLeibler(F(p), F(q)) : Information.KullbackLeibler(p, q);
            Assert.True(Math.Abs(entropies[4] - shannon) <= 2 * Logarithmic(single, ShannonScale(p)) + Ulps(single, shannon), $"{Type(single)}: H_1 = {entropies[4]:R}, Shannon {shannon:R}");
            Assert.True(Math.Abs(divergences[4] - kl) <= 2 * Logarithmic(single, KullbackLeiblerScale(p, q)) + Ulps(single, kl), $"{Type(single)}: D_1 = {divergences[4]:R}, KL {kl:R}");
            double tsallis = Lib.Tsallis(single, p, 1.0);
            Assert.True(Math.Abs(tsallis - shannon) <= 2 * Logarithmic(single, ShannonScale(p)) + Ulps(single, shannon), $"{Type(single)}: S_1 = {tsallis:R}, Shannon {shannon:R}");
        }
    }

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = Runs)]
    public void TsallisIsNonNegativeForDistributions(Distribution d)
    {
        foreach (bool single in Types)
        {
            double[] p = Values(d, single);
            foreach (double alpha in new[] { 0.0, 0.5, 2.0, 3.0 })
            {
                // S_α ≥ 0 needs Σp = 1; with Σp = 1 + δ it is ≥ −δ/(α − 1)·… : allow the rounding of Σp over |α − 1|.
                double s = Lib.Tsallis(single, p, alpha);
                double mass = Mass(p);
                double slack = ((Math.Abs(mass - 1) + (32 * Eps(single) * Math.Max(1, PowerSum(p, alpha).Scale))) / Math.Abs(alpha - 1)) + Ulps(single, s);
                Assert.True(p.Length == 0 ? s == 0 : s >= -slack, $"{Type(single)}: S_{alpha} = {s:R} < 0");
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = Runs)]
    public void InformationFromTablesIsBoundedAndConsistent(JointTable t)
    {
        double hx = MeasureReference.RowEntropy(t.Counts, t.Columns).Value, hy = MeasureReference.ColumnEntropy(t.Counts, t.Columns).Value;
        foreach (bool single in Types)
        {
            double mi = Lib.MutualInformation(single, t, LogBase.E), ce = Lib.ConditionalEntropy(single, t, LogBase.E);
            double slack = Logarithmic(single, TableScale(t)) + Ulps(single, hy);
            Assert.True(mi >= -slack, $"{Type(single)}: I = {mi:R} < 0");
            Assert.True(mi <= Math.Min(hx, hy) + slack, $"{Type(single)}: I = {mi:R} > min(H(X), H(Y)) = {Math.Min(hx, hy):R}");
            Assert.True(ce >= -slack && ce <= hy + slack, $"{Type(single)}: H(Y|X) = {ce:R} outside [0, H(Y) = {hy:R}]");
            Assert.True(Math.Abs(mi + ce - hy) <= 2 * slack, $"{Type(single)}: I + H(Y|X) = {mi + ce:R} ≠ H(Y) = {hy:R}");

            // Transposing swaps X and Y: I is symmetric.
            double[] transposed = Enumerable.Range(0, t.Counts.Length).Select(k => t.Counts[((k % t.Rows) * t.Columns) + (k / t.Rows)]).ToArray();
            double miT = Lib.MutualInformation(single, new JointTable(transposed, t.Rows), LogBase.E);
            Assert.True(Math.Abs(mi - miT) <= 2 * slack, $"{Type(single)}: I(X;Y) = {mi:R} but I(Y;X) = {miT:R}");
        }
    }

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = Runs)]
    public void ProductTablesCarryNoInformation(ProductTable product)
    {
        JointTable t = product.Table;
        double hy = MeasureReference.ColumnEntropy(t.Counts, t.Columns).Value;
        foreach (bool single in Types)
        {
            // Exactly 0 mathematically; the library's I is within its bound of 0 and H(Y|X) within it of H(Y).
            double slack = Logarithmic(single, TableScale(t)) + Ulps(single, hy);
            double mi = Lib.MutualInformation(single, t, LogBase.E), ce = Lib.ConditionalEntropy(single, t, LogBase.E);
            Assert.True(Math.Abs(mi) <= slack, $"{Type(single)}: I = {mi:R} for a product table (bound {slack:E3})");
            Assert.True(Math.Abs(ce - hy) <= slack, $"{Type(single)}: H(Y|X) = {ce:R} ≠ H(Y) = {hy:R} for a product table");
        }
    }

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = Runs)]
    public void GaussianKullbackLeiblerIsZeroOnlyForIdenticalGaussiansAndTheFormsAgree(GaussianCase g)
    {
        double[] zeros = new double[g.Length];
        foreach (bool single in Types)
        {
            double same = Lib.GaussianTwo(single, g with { Mean2 = g.Mean1, LogVariance2 = g.LogVariance1 }, LogBase.E);
            Assert.True(same == 0.0, $"{Type(single)}: KL(N‖N) = {same:R}");
            double two = Lib.GaussianTwo(single, g, LogBase.E);
            Assert.True(two >= 0, $"{Type(single)}: two-Gaussian KL = {two:R} < 0");

            // KL(N(μ, σ²) ‖ N(0, 1)) two ways.
            double vae = Lib.GaussianVae(single, g.Mean1, g.LogVariance1, LogBase.E);
            double asTwo = Lib.GaussianTwo(single, new GaussianCase(g.Mean1, g.LogVariance1, zeros, zeros), LogBase.E);
            double exact = MeasureReference.GaussianKullbackLeibler(g.Mean1, g.LogVariance1).Value;
            Assert.True(vae >= 0, $"{Type(single)}: VAE KL = {vae:R} < 0");
            Assert.True(Math.Abs(vae - asTwo) <= 2 * (Logarithmic(single, exact) + Ulps(single, exact)), $"{Type(single)}: VAE form {vae:R}, four-span form {asTwo:R}");
        }
    }

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = 50)]
    public void ChangeOfBaseDividesByLnB(DistributionPair pair)
    {
        foreach (bool single in Types)
        {
            (double[] p, double[] q) = Values(pair, single);
            // p's counts, padded with zeros to whole rows, as a three-column table (never all zero: the weights are not).
            var table = new JointTable(pair.First.Counts.Concat(new double[(3 - (pair.Length % 3)) % 3]).ToArray(), 3);
            var measures = new (string Name, Func<LogBase, double> Value)[]
            {
                ("BD", b => Lib.BhattacharyyaDistance(single, p, q, b)),
                ("H_0.5", b => Lib.RenyiEntropy(single, p, 0.5, b)),
                ("H_∞", b => Lib.RenyiEntropy(single, p, double.PositiveInfinity, b)),
                ("D_2", b => Lib.RenyiDivergence(single, p, q, 2.0, b)),
                ("D_1", b => Lib.RenyiDivergence(single, p, q, 1.0, b)),
                ("MI", b => Lib.MutualInformation(single, table, b)),
                ("H(Y|X)", b => Lib.ConditionalEntropy(single, table, b)),
                ("Miller–Madow", b => Lib.MillerMadow(single, pair.First.Counts, b)),
                ("VAE KL", b => Lib.GaussianVae(single, p, q, b)),
            };
            foreach ((string name, Func<LogBase, double> value) in measures)
            {
                double nats = value(LogBase.E);
                foreach (double b in new[] { 2.0, 10.0, 3.7, 0.5 })
                {
                    double expected = nats / Math.Log(b);
                    double actual = value(LogBase.Of(b));
                    // One more rounding each side (float: the nats were rounded to float once more).
                    double tolerance = (3 * Ulps(false, expected)) + (single ? Ulps(true, nats) / Math.Abs(Math.Log(b)) + Ulps(true, expected) : 0.0);
                    Assert.True(actual.Equals(expected) || Math.Abs(actual - expected) <= tolerance, $"{Type(single)} {name} base {b}: {actual:R} vs {nats:R}/ln {b} = {expected:R}");
                }
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(MeasureArbitraries) }, MaxTest = Runs)]
    public void MillerMadowAddsItsCorrectionToThePlugInEstimate(Distribution d)
    {
        if (d.Length == 0)
        {
            return;
        }

        double n = d.Counts.Sum();
        int k = d.Counts.Count(c => c > 0);
        foreach (bool single in Types)
        {
            double plugIn = single ? Information.Normalized.Entropy(F(d.Counts)) : Information.Normalized.Entropy(d.Counts);
            double estimate = Lib.MillerMadow(single, d.Counts, LogBase.E);
            double correction = (k - 1) / (2 * n);
            double slack = 2 * Logarithmic(single, CountScale(d.Counts)) + Ulps(single, estimate) + Ulps(single, plugIn);
            Assert.True(Math.Abs(estimate - plugIn - correction) <= slack, $"{Type(single)}: Miller–Madow {estimate:R} − plug-in {plugIn:R} ≠ (K − 1)/(2N) = {correction:R}");
        }
    }

    // ---- helpers: bounds ----

    /// <summary>The constant of the arithmetic-sum bound (three roundings per term plus the house 8ε sum).</summary>
    private const double ArithmeticConstant = 16;

    private static double Eps(bool single) => single ? Math.ScaleB(1.0, -23) : Math.ScaleB(1.0, -52);

    private static string Type(bool single) => single ? "float" : "double";

    /// <summary>2 ulps of the result in double, 4 float ulps in float, never below the smallest subnormal.</summary>
    private static double Ulps(bool single, double x) =>
        single ? 4 * Math.Max(EdgeCaseTests.Ulp(true, x), float.Epsilon) : 2 * Math.Max(EdgeCaseTests.Ulp(false, x), double.Epsilon);

    /// <summary>Σx in double-double, rounded once: the exact mass of a vector whose elements are doubles.</summary>
    private static double Mass(double[] x) => x.Aggregate(PreciseMath.Zero, (sum, v) => sum + v).Value;

    private static double Arithmetic(bool single, double absoluteTermSum) =>
        (ArithmeticConstant * Eps(single) * Math.Abs(absoluteTermSum)) + Ulps(single, absoluteTermSum);

    private static double Logarithmic(bool single, double absoluteTermSum) =>
        8 * Eps(single) * absoluteTermSum;

    private static double LnBase(double? b) => b is { } v ? Math.Abs(Math.Log(v)) : 1.0;

    private static double ShannonScale(double[] p) => p.Where(x => x > 0).Sum(x => Math.Abs(x * Math.Log(x)));

    private static double KullbackLeiblerScale(double[] p, double[] q) =>
        p.Zip(q).Where(x => x.First > 0 && x.Second > 0).Sum(x => Math.Abs(x.First * Math.Log(x.First / x.Second)));

    /// <summary>Σ pᵢ^α and its error scale Σ pᵢ^α·(3 + |α ln pᵢ|).</summary>
    private static (double Sum, double Scale) PowerSum(double[] p, double alpha)
    {
        double sum = 0, scale = 0;
        foreach (double x in p.Where(x => x > 0))
        {
            double term = Math.Pow(x, alpha);
            sum += term;
            scale += term * (3 + Math.Abs(alpha * Math.Log(x)));
        }

        return (sum, scale);
    }

    private static double RenyiEntropyNatsBound(bool single, double[] p, double alpha)
    {
        if (p.Length == 0)
        {
            return 0;
        }

        if (alpha == 0 || double.IsPositiveInfinity(alpha))
        {
            return 2 * Eps(single); // ln of an exact count or of the exact maximum
        }

        if (alpha == 1)
        {
            return Logarithmic(single, ShannonScale(p));
        }

        // ln(S)/(1 − α): the relative error of S, over |1 − α|. A log-sum-exp formulation computes S/max^α instead;
        // the same relative bound holds for it.
        (double s, double scale) = PowerSumScaled(p, alpha);
        return (((ArithmeticConstant * Eps(single) * scale) / s) + Eps(single)) / Math.Abs(1 - alpha);
    }

    /// <summary>Σ (pᵢ/max)^α and its error scale, computed around the maximum so that it never underflows.</summary>
    private static (double Sum, double Scale) PowerSumScaled(double[] p, double alpha)
    {
        double max = p.Max();
        double sum = 0, scale = 0;
        foreach (double x in p.Where(x => x > 0))
        {
            double term = Math.Exp(alpha * Math.Log(x / max));
            sum += term;
            scale += term * (3 + Math.Abs(alpha * Math.Log(x)));
        }

        return (sum, scale);
    }

    private static double RenyiDivergenceNatsBound(bool single, double[] p, double[] q, double alpha)
    {
        int[] support = Enumerable.Range(0, p.Length).Where(i => p[i] > 0).ToArray();
        if (support.Length == 0)
        {
            return 0;
        }

        if (alpha == 0)
        {
            return 8 * Eps(single);
        }

        if (double.IsPositiveInfinity(alpha))
        {
            return 3 * Eps(single); // ln of p/q rounded once
        }

        if (alpha == 1)
        {
            return Logarithmic(single, KullbackLeiblerScale(p, q));
        }

        // Terms pᵢ^α·qᵢ^(1−α) = e^(α ln pᵢ + (1 − α) ln qᵢ), scaled around the largest exponent.
        int[] both = support.Where(i => q[i] > 0).ToArray();
        if (both.Length == 0)
        {
            return 0;
        }

        double[] exponents = both.Select(i => (alpha * Math.Log(p[i])) + ((1 - alpha) * Math.Log(q[i]))).ToArray();
        double largest = exponents.Max();
        double sum = 0, scale = 0;
        for (int k = 0; k < both.Length; k++)
        {
            int i = both[k];
            double term = Math.Exp(exponents[k] - largest);
            sum += term;
            scale += term * (3 + (Math.Abs(alpha) * Math.Abs(Math.Log(p[i]))) + ((Math.Abs(alpha) + Math.Abs(1 - alpha)) * Math.Abs(Math.Log(q[i]))));
        }

        return (((ArithmeticConstant * Eps(single) * scale) / sum) + Eps(single)) / Math.Abs(alpha - 1);
    }

    /// <summary>The monotonicity slack of one order: its agreement bound plus the reference's distance from the value.</summary>
    private static double Slack(bool single, double[] p, double[] q, double alpha) =>
        RenyiEntropyNatsBound(single, p, alpha) + RenyiDivergenceNatsBound(single, p, q, alpha) + Ulps(single, 4.0);

    private static double Amplification(double alpha) => alpha == 1 || double.IsPositiveInfinity(alpha) ? 0 : 1 / Math.Abs(1 - alpha);

    /// <summary>The pieces an entropy-identity implementation cancels: ln T and Σ(n/T)|ln n| for cells, rows, columns.</summary>
    private static double TableScale(JointTable t)
    {
        double total = t.Counts.Sum();
        if (total == 0)
        {
            return 0;
        }

        double[] rows = Enumerable.Range(0, t.Rows).Select(i => t.Counts.Skip(i * t.Columns).Take(t.Columns).Sum()).ToArray();
        double[] columns = Enumerable.Range(0, t.Columns).Select(j => Enumerable.Range(0, t.Rows).Sum(i => t.Counts[(i * t.Columns) + j])).ToArray();
        return CountScale(t.Counts) + CountScale(rows) + CountScale(columns);
    }

    private static double CountScale(double[] counts)
    {
        double total = counts.Sum();
        return total == 0 ? 0 : Math.Abs(Math.Log(total)) + counts.Where(c => c > 0).Sum(c => c / total * Math.Abs(Math.Log(c))) + 1.0;
    }

    private static void Agree(bool single, string what, double actual, DoubleDouble exact, double bound, object input)
    {
        double expected = exact.Value;
        if (!double.IsFinite(expected) || !double.IsFinite(actual))
        {
            Assert.True(actual.Equals(expected), $"{Type(single)} {what}: got {actual:R}, expected {expected:R} for {input}");
            return;
        }

        double error = Math.Abs(actual - expected);
        Assert.True(error <= bound, $"{Type(single)} {what}: got {actual:R}, expected {expected:R}, error {error:E3} > bound {bound:E3} for {input}");
    }

    // ---- helpers: inputs ----

    internal static float[] F(double[] x) => x.Select(v => (float)v).ToArray();

    private static double[] Values(Distribution d, bool single) => single ? d.PSingle.Select(x => (double)x).ToArray() : d.P;

    private static (double[] P, double[] Q) Values(DistributionPair pair, bool single) =>
        single
            ? (pair.PSingle.Select(x => (double)x).ToArray(), pair.QSingle.Select(x => (double)x).ToArray())
            : (pair.P, pair.Q);

    /// <summary>The library, called with double arrays (float: on their float images, which are exact by construction).</summary>
    private static class Lib
    {
        public static double Hellinger(bool single, double[] p, double[] q) => single ? Measures.Hellinger(F(p), F(q)) : Measures.Hellinger(p, q);

        public static double TotalVariation(bool single, double[] p, double[] q) => single ? Measures.TotalVariation(F(p), F(q)) : Measures.TotalVariation(p, q);

        public static double Pearson(bool single, double[] p, double[] q) => single ? Measures.PearsonChiSquare(F(p), F(q)) : Measures.PearsonChiSquare(p, q);

        public static double Neyman(bool single, double[] p, double[] q) => single ? Measures.NeymanChiSquare(F(p), F(q)) : Measures.NeymanChiSquare(p, q);

        public static double BhattacharyyaCoefficient(bool single, double[] p, double[] q) => single ? Measures.BhattacharyyaCoefficient(F(p), F(q)) : Measures.BhattacharyyaCoefficient(p, q);

        public static double BhattacharyyaDistance(bool single, double[] p, double[] q, LogBase b) => single ? Measures.BhattacharyyaDistance(F(p), F(q), b) : Measures.BhattacharyyaDistance(p, q, b);

        public static double RenyiEntropy(bool single, double[] p, double alpha, LogBase b) => single ? Measures.RenyiEntropy(F(p), alpha, b) : Measures.RenyiEntropy(p, alpha, b);

        public static double RenyiDivergence(bool single, double[] p, double[] q, double alpha, LogBase b) => single ? Measures.RenyiDivergence(F(p), F(q), alpha, b) : Measures.RenyiDivergence(p, q, alpha, b);

        public static double Tsallis(bool single, double[] p, double alpha) => single ? Measures.TsallisEntropy(F(p), alpha) : Measures.TsallisEntropy(p, alpha);

        public static double GaussianVae(bool single, double[] mean, double[] logVariance, LogBase b) =>
            single ? Measures.GaussianKullbackLeibler(F(mean), F(logVariance), b) : Measures.GaussianKullbackLeibler(mean, logVariance, b);

        public static double GaussianTwo(bool single, GaussianCase g, LogBase b) =>
            single
                ? Measures.GaussianKullbackLeibler(F(g.Mean1), F(g.LogVariance1), F(g.Mean2), F(g.LogVariance2), b)
                : Measures.GaussianKullbackLeibler(g.Mean1, g.LogVariance1, g.Mean2, g.LogVariance2, b);

        public static double MutualInformation(bool single, JointTable t, LogBase b) => single ? Measures.MutualInformation(F(t.Counts), t.Columns, b) : Measures.MutualInformation(t.Counts, t.Columns, b);

        public static double ConditionalEntropy(bool single, JointTable t, LogBase b) => single ? Measures.ConditionalEntropy(F(t.Counts), t.Columns, b) : Measures.ConditionalEntropy(t.Counts, t.Columns, b);

        public static double MillerMadow(bool single, double[] counts, LogBase b) => single ? Measures.MillerMadowEntropy(F(counts), b) : Measures.MillerMadowEntropy(counts, b);
    }
}

/// <summary>
/// The edge cases of SEMANTICS.md and of the doc comments in <see cref="Measures"/>, for every measure and both element
/// types, with the special element first, in the middle and last of vectors whose lengths reach the scalar path,
/// the vector loops and the tails. Failures are collected so one run shows the whole picture.
/// </summary>
public sealed class MeasureEdgeCaseTests
{
    private static readonly int[] Lengths = [1, 2, 3, 7, 8, 9, 16, 17, 31, 33, 64, 65, 257, 1000];

    private static readonly double[] Orders = [0.0, 0.5, 1.0, 2.0, double.PositiveInfinity];

    /// <summary>A measure as a call on (p, q), q ignored by one-input measures; tables use one column.</summary>
    private sealed record Call(string Name, bool TwoInputs, Func<bool, double[], double[], double> Value)
    {
        public override string ToString() => Name;
    }

    private static IEnumerable<Call> Calls()
    {
        yield return new("Hellinger", true, (s, p, q) => s ? Measures.Hellinger(F(p), F(q)) : Measures.Hellinger(p, q));
        yield return new("TV", true, (s, p, q) => s ? Measures.TotalVariation(F(p), F(q)) : Measures.TotalVariation(p, q));
        yield return new("Pearson", true, (s, p, q) => s ? Measures.PearsonChiSquare(F(p), F(q)) : Measures.PearsonChiSquare(p, q));
        yield return new("Neyman", true, (s, p, q) => s ? Measures.NeymanChiSquare(F(p), F(q)) : Measures.NeymanChiSquare(p, q));
        yield return new("BC", true, (s, p, q) => s ? Measures.BhattacharyyaCoefficient(F(p), F(q)) : Measures.BhattacharyyaCoefficient(p, q));
        yield return new("BD", true, (s, p, q) => s ? Measures.BhattacharyyaDistance(F(p), F(q)) : Measures.BhattacharyyaDistance(p, q));
        yield return new("BD bits", true, (s, p, q) => s ? Measures.BhattacharyyaDistance(F(p), F(q), LogBase.Two) : Measures.BhattacharyyaDistance(p, q, LogBase.Two));
        foreach (double a in Orders)
        {
            yield return new($"H_{Order(a)}", false, (s, p, _) => s ? Measures.RenyiEntropy(F(p), a) : Measures.RenyiEntropy(p, a));
            yield return new($"D_{Order(a)}", true, (s, p, q) => s ? Measures.RenyiDivergence(F(p), F(q), a) : Measures.RenyiDivergence(p, q, a));
        }

        foreach (double a in new[] { 0.0, 0.5, 1.0, 2.0 })
        {
            yield return new($"S_{Order(a)}", false, (s, p, _) => s ? Measures.TsallisEntropy(F(p), a) : Measures.TsallisEntropy(p, a));
        }

        yield return new("VAE KL", true, (s, m, v) => s ? Measures.GaussianKullbackLeibler(F(m), F(v)) : Measures.GaussianKullbackLeibler(m, v));
        yield return new("two-Gaussian KL (μ₁, v₁)", true, (s, m, v) => s ? Measures.GaussianKullbackLeibler(F(m), F(v), F(Zeros(m)), F(Zeros(m))) : Measures.GaussianKullbackLeibler(m, v, Zeros(m), Zeros(m)));
        yield return new("two-Gaussian KL (μ₂, v₂)", true, (s, m, v) => s ? Measures.GaussianKullbackLeibler(F(Zeros(m)), F(Zeros(m)), F(m), F(v)) : Measures.GaussianKullbackLeibler(Zeros(m), Zeros(m), m, v));
        yield return new("MI n×1", false, (s, t, _) => s ? Measures.MutualInformation(F(t), 1) : Measures.MutualInformation(t, 1));
        yield return new("MI 1×n", false, (s, t, _) => s ? Measures.MutualInformation(F(t), Math.Max(1, t.Length)) : Measures.MutualInformation(t, Math.Max(1, t.Length)));
        yield return new("H(Y|X) n×1", false, (s, t, _) => s ? Measures.ConditionalEntropy(F(t), 1) : Measures.ConditionalEntropy(t, 1));
        yield return new("H(Y|X) 1×n", false, (s, t, _) => s ? Measures.ConditionalEntropy(F(t), Math.Max(1, t.Length)) : Measures.ConditionalEntropy(t, Math.Max(1, t.Length)));
        yield return new("Miller–Madow", false, (s, c, _) => s ? Measures.MillerMadowEntropy(F(c)) : Measures.MillerMadowEntropy(c));
    }

    public static TheoryData<bool> Types() => new() { false, true };

    private static string Order(double alpha) => double.IsPositiveInfinity(alpha) ? "∞" : alpha.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    // ---- empty input → 0 ----

    [Theory]
    [MemberData(nameof(Types))]
    public void EmptyInputGivesZero(bool single)
    {
        // The class contract ("empty input gives 0") for every measure, Tsallis included although its formula would
        // give 1/(α − 1), and the tables and counts whose doc comments say so again.
        var failures = new List<string>();
        foreach (Call call in Calls())
        {
            Expect(failures, call.Name, () => call.Value(single, [], []), v => v == 0.0, "0");
        }

        AssertNone(failures);
    }

    // ---- different lengths → ArgumentException naming both ----

    [Theory]
    [MemberData(nameof(Types))]
    public void LengthMismatchThrowsArgumentExceptionNamingBothLengths(bool single)
    {
        var failures = new List<string>();
        foreach ((int n, int m) in new[] { (5, 7), (7, 5), (0, 3), (64, 65), (1000, 999) })
        {
            double[] p = Enumerable.Repeat(0.5, n).ToArray(), q = Enumerable.Repeat(0.25, m).ToArray(), same = Enumerable.Repeat(0.25, n).ToArray();
            foreach (Call call in Calls().Where(c => c.TwoInputs && !c.Name.StartsWith("two-Gaussian", StringComparison.Ordinal)))
            {
                ExpectLengthError(failures, $"{call.Name} ({n}, {m})", n, m, () => call.Value(single, p, q));
            }

            // Each of the four Gaussian spans in turn has the odd length.
            for (int odd = 0; odd < 4; odd++)
            {
                double[][] spans = [same, same, same, same];
                spans[odd] = q;
                ExpectLengthError(failures, $"two-Gaussian KL span {odd} ({n}, {m})", n, m, () => single
                    ? Measures.GaussianKullbackLeibler(F(spans[0]), F(spans[1]), F(spans[2]), F(spans[3]))
                    : Measures.GaussianKullbackLeibler(spans[0], spans[1], spans[2], spans[3]));
            }
        }

        AssertNone(failures);
    }

    // ---- NaN anywhere → NaN ----

    [Theory]
    [MemberData(nameof(Types))]
    public void NaNAnywhereGivesNaN(bool single)
    {
        // Including where the NaN meets a zero partner (p = 0 "contributes nothing" does not drop a NaN q, as for KL
        // in EdgeCaseTests), and for the orders whose limits take a count or a maximum, where a NaN is easy to skip.
        var failures = new List<string>();
        foreach (Call call in Calls())
        {
            ExpectNaNWherever(failures, single, call, call.TwoInputs
                ? [(double.NaN, 0.25), (0.25, double.NaN), (0.0, double.NaN), (double.NaN, 0.0), (double.NaN, double.NaN)]
                : [(double.NaN, 0.0)]);
        }

        AssertNone(failures);
    }

    // ---- negative values ----

    [Theory]
    [MemberData(nameof(Types))]
    public void NegativeEntriesGiveNaNForTheRootedMeasures(bool single)
    {
        // Documented for Hellinger and BC ("NaN for negative entries"); BD = −ln BC follows.
        var failures = new List<string>();
        foreach (Call call in Calls().Where(c => c.Name is "Hellinger" or "BC" or "BD"))
        {
            ExpectNaNWherever(failures, single, call, [(-0.25, 0.5), (0.5, -0.25), (-0.25, 0.0), (0.0, -0.25)]);
        }

        AssertNone(failures);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void NegativeTableEntryThrowsNamingItsRowAndColumn(bool single)
    {
        // A 7×9 table (63 cells: vector loops and a tail) with −1 at row 5, column 6 (zero-based; flat index 51).
        double[] table = Enumerable.Range(0, 63).Select(i => (double)(1 + (i % 5))).ToArray();
        table[(5 * 9) + 6] = -1;
        foreach ((string name, Func<double> value) in new (string, Func<double>)[]
        {
            ("MI", () => single ? Measures.MutualInformation(F(table), 9) : Measures.MutualInformation(table, 9)),
            ("H(Y|X)", () => single ? Measures.ConditionalEntropy(F(table), 9) : Measures.ConditionalEntropy(table, 9)),
        })
        {
            ArgumentException error = Assert.ThrowsAny<ArgumentException>(() => value());
            Assert.True(NamesNumber(error.Message, 5) && NamesNumber(error.Message, 6), $"{name}: row 5 and column 6 not both named in: {error.Message}");
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void NegativeCountThrowsNamingItsIndex(bool single)
    {
        foreach (int n in new[] { 1, 9, 40, 1000 })
        {
            double[] counts = Enumerable.Range(0, n).Select(i => (double)(i % 4)).ToArray();
            int at = (n * 2) / 3;
            counts[at] = -3;
            ArgumentException error = Assert.ThrowsAny<ArgumentException>(() => single ? Measures.MillerMadowEntropy(F(counts)) : Measures.MillerMadowEntropy(counts));
            Assert.True(NamesNumber(error.Message, at), $"n={n}: index {at} not named in: {error.Message}");
        }
    }

    // ---- invalid orders and tables ----

    [Theory]
    [MemberData(nameof(Types))]
    public void InvalidOrdersThrowArgumentOutOfRange(bool single)
    {
        double[] p = [0.5, 0.25, 0.25], q = [0.25, 0.25, 0.5];
        foreach (double alpha in new[] { -0.5, -1e-300, double.NegativeInfinity, double.NaN })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => single ? Measures.RenyiEntropy(F(p), alpha) : Measures.RenyiEntropy(p, alpha));
            Assert.Throws<ArgumentOutOfRangeException>(() => single ? Measures.RenyiDivergence(F(p), F(q), alpha) : Measures.RenyiDivergence(p, q, alpha));
        }

        // Tsallis: "α must be finite" (the exception type is not stated; ArgumentOutOfRange is the house's for values).
        foreach (double alpha in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => single ? Measures.TsallisEntropy(F(p), alpha) : Measures.TsallisEntropy(p, alpha));
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void TsallisAcceptsNegativeFiniteOrders(bool single)
    {
        // The doc restricts α only to finite values: S_−0.5 = (1 − Σ p^−0.5)/(−1.5) over the nonzero entries.
        double[] p = [0.5, 0.25, 0.0, 0.25];
        double expected = MeasureReference.TsallisEntropy(p, -0.5).Value;
        double actual = single ? Measures.TsallisEntropy(F(p), -0.5) : Measures.TsallisEntropy(p, -0.5);
        Assert.True(Math.Abs(actual - expected) <= (single ? 1e-6 : 1e-14) * Math.Abs(expected), $"{(single ? "float" : "double")}: S_-0.5 = {actual:R}, expected {expected:R}");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void TablesWhoseShapeDoesNotFitThrow(bool single)
    {
        // Not stated in the doc comments; the sensible reading: a length that is not a multiple of columns, or
        // columns ≤ 0, is an ArgumentException (or a subclass, such as ArgumentOutOfRangeException).
        double[] table = [1, 2, 3, 4, 5, 6, 7];
        foreach (int columns in new[] { 2, 3, 0, -1 })
        {
            Assert.ThrowsAny<ArgumentException>(() => single ? Measures.MutualInformation(F(table), columns) : Measures.MutualInformation(table, columns));
            Assert.ThrowsAny<ArgumentException>(() => single ? Measures.ConditionalEntropy(F(table), columns) : Measures.ConditionalEntropy(table, columns));
        }
    }

    // ---- zero totals → NaN ----

    [Theory]
    [MemberData(nameof(Types))]
    public void ZeroTotalsGiveNaN(bool single)
    {
        var failures = new List<string>();
        foreach (int n in new[] { 1, 4, 12, 64, 300 })
        {
            double[] zeros = new double[n];
            Expect(failures, $"MI zeros n={n}", () => single ? Measures.MutualInformation(F(zeros), 2 - (n % 2)) : Measures.MutualInformation(zeros, 2 - (n % 2)), double.IsNaN, "NaN");
            Expect(failures, $"H(Y|X) zeros n={n}", () => single ? Measures.ConditionalEntropy(F(zeros), 1) : Measures.ConditionalEntropy(zeros, 1), double.IsNaN, "NaN");
            Expect(failures, $"Miller–Madow zeros n={n}", () => single ? Measures.MillerMadowEntropy(F(zeros)) : Measures.MillerMadowEntropy(zeros), double.IsNaN, "NaN");
        }

        AssertNone(failures);
    }

    // ---- p = q → exactly +0 ----

    [Theory]
    [MemberData(nameof(Types))]
    public void IdenticalInputsGiveExactlyPositiveZero(bool single)
    {
        // Documented for the chi-squares ("a term with pᵢ = qᵢ (both 0 included) is 0"); for TV and Hellinger
        // |p − p| and (√p − √p)² are exactly 0; D_1 is Kullback–Leibler (SEMANTICS: exactly +0) and D_∞ is ln 1.
        var failures = new List<string>();
        var random = new Random(5);
        foreach (int n in Lengths)
        {
            double[] p = Enumerable.Range(0, n).Select(_ => random.Next(4) == 0 ? 0.0 : random.NextDouble()).ToArray();
            foreach (string name in new[] { "Hellinger", "TV", "Pearson", "Neyman", "D_1", "D_∞" })
            {
                Call call = Calls().First(c => c.Name == name);
                Expect(failures, $"{name}(p, p) n={n}", () => call.Value(single, p, p), v => BitConverter.DoubleToInt64Bits(v) == 0L, "+0.0");
            }
        }

        AssertNone(failures);
    }

    // ---- the documented infinities ----

    [Theory]
    [MemberData(nameof(Types))]
    public void ZeroPartnersGiveTheDocumentedInfinities(bool single)
    {
        var failures = new List<string>();
        ForEachPlacement((n, at) =>
        {
            double[] p = Background(n, 0.5), q = Background(n, 0.5);
            q[at] = 0.0;
            // qᵢ = 0 < pᵢ: Pearson +∞; D_α +∞ for α ≥ 1; finite for α < 1.
            Expect(failures, $"Pearson n={n} q[{at}]=0", () => single ? Measures.PearsonChiSquare(F(p), F(q)) : Measures.PearsonChiSquare(p, q), double.IsPositiveInfinity, "+∞");
            foreach (double alpha in new[] { 1.0, 1.5, 2.0, double.PositiveInfinity })
            {
                Expect(failures, $"D_{alpha} n={n} q[{at}]=0", () => single ? Measures.RenyiDivergence(F(p), F(q), alpha) : Measures.RenyiDivergence(p, q, alpha), double.IsPositiveInfinity, "+∞");
            }

            if (n > 1)
            {
                foreach (double alpha in new[] { 0.0, 0.5, 0.999 })
                {
                    Expect(failures, $"D_{alpha} n={n} q[{at}]=0", () => single ? Measures.RenyiDivergence(F(p), F(q), alpha) : Measures.RenyiDivergence(p, q, alpha), double.IsFinite, "finite");
                }
            }

            // pᵢ = 0 < qᵢ: Neyman +∞.
            Expect(failures, $"Neyman n={n} p[{at}]=0", () => single ? Measures.NeymanChiSquare(F(q), F(p)) : Measures.NeymanChiSquare(q, p), double.IsPositiveInfinity, "+∞");
        });

        // Disjoint supports: BC = 0, BD = +∞.
        double[] left = [0.5, 0.5, 0, 0, 0], right = [0, 0, 0.25, 0.25, 0.5];
        Expect(failures, "BD disjoint", () => single ? Measures.BhattacharyyaDistance(F(left), F(right)) : Measures.BhattacharyyaDistance(left, right), double.IsPositiveInfinity, "+∞");
        Expect(failures, "BC disjoint", () => single ? Measures.BhattacharyyaCoefficient(F(left), F(right)) : Measures.BhattacharyyaCoefficient(left, right), v => v == 0.0, "0");
        AssertNone(failures);
    }

    // ---- zero entries contribute nothing, for every order ----

    [Theory]
    [MemberData(nameof(Types))]
    public void ZeroEntriesContributeNothingAtEveryOrder(bool single)
    {
        // The traps: 0^0 = 1 (α = 0), 0^α·0^(1−α) = 0·∞ (α > 1 with p = q = 0), 0·ln 0 (α = 1).
        var failures = new List<string>();
        double[] p = [0.5, 0.25, 0.125, 0.125], q = [0.25, 0.25, 0.25, 0.25];
        foreach (double alpha in new[] { 0.0, 0.5, 1.0, 2.0, 3.0, double.PositiveInfinity })
        {
            foreach (double partner in new[] { 0.0, 0.5 })
            {
                ForEachPlacement((n, at) =>
                {
                    if (n < 5)
                    {
                        return;
                    }

                    // p and q spread over n slots; the free slots hold p = 0 against q = 0 and, at `at`, the partner.
                    double[] pp = new double[n], qq = new double[n];
                    int[] slots = Enumerable.Range(0, n).Where(i => i != at).Take(4).ToArray();
                    for (int k = 0; k < 4; k++)
                    {
                        pp[slots[k]] = p[k];
                        qq[slots[k]] = q[k];
                    }

                    qq[at] = partner;
                    double hExpected = single ? Measures.RenyiEntropy(F(p), alpha) : Measures.RenyiEntropy(p, alpha);
                    double dExpected = single ? Measures.RenyiDivergence(F(p), F(q), alpha) : Measures.RenyiDivergence(p, q, alpha);
                    Expect(failures, $"H_{alpha} zeros n={n}", () => single ? Measures.RenyiEntropy(F(pp), alpha) : Measures.RenyiEntropy(pp, alpha), v => Near(single, v, hExpected), $"{hExpected:R}");
                    Expect(failures, $"D_{alpha} p[{at}]=0 q[{at}]={partner} n={n}", () => single ? Measures.RenyiDivergence(F(pp), F(qq), alpha) : Measures.RenyiDivergence(pp, qq, alpha), v => Near(single, v, dExpected), $"{dExpected:R}");
                    if (double.IsFinite(alpha))
                    {
                        double sExpected = single ? Measures.TsallisEntropy(F(p), alpha) : Measures.TsallisEntropy(p, alpha);
                        Expect(failures, $"S_{alpha} zeros n={n}", () => single ? Measures.TsallisEntropy(F(pp), alpha) : Measures.TsallisEntropy(pp, alpha), v => Near(single, v, sExpected), $"{sExpected:R}");
                    }
                });
            }
        }

        AssertNone(failures);
    }

    // ---- large orders ----

    [Theory]
    [MemberData(nameof(Types))]
    public void LargeOrdersNeitherUnderflowNorOverflow(bool single)
    {
        // H_200 of a uniform p over 1000 (pᵢ^200 ≈ 1e-600 underflows in any floating type) is ln 1000 up to the
        // rounding of pᵢ; D_100 of p = (¾, ¼) against q = (¼, ¾) has a term 3^100/4 ≈ 1.3e47, beyond float. The values
        // are defined and moderate; the reference forms them around the largest term.
        double[] uniform = Enumerable.Repeat(0.001, 1000).ToArray();
        double[] p = [0.75, 0.25], q = [0.25, 0.75];
        double[] up = single ? F(uniform).Select(x => (double)x).ToArray() : uniform;
        double h = single ? Measures.RenyiEntropy(F(uniform), 200.0) : Measures.RenyiEntropy(uniform, 200.0);
        double hExact = MeasureReference.RenyiEntropy(up, 200.0).Value;
        Assert.True(Math.Abs(h - hExact) <= (single ? 1e-5 : 1e-12) * hExact, $"H_200(uniform 1000) = {h:R}, exact {hExact:R}");
        double d = single ? Measures.RenyiDivergence(F(p), F(q), 100.0) : Measures.RenyiDivergence(p, q, 100.0);
        double dExact = MeasureReference.RenyiDivergence(p, q, 100.0).Value;
        Assert.True(Math.Abs(d - dExact) <= (single ? 1e-5 : 1e-12) * dExact, $"D_100((¾, ¼)‖(¼, ¾)) = {d:R}, exact {dExact:R}");
    }

    // ---- helpers ----

    private static float[] F(double[] x) => MeasurePropertyTests.F(x);

    private static double[] Zeros(double[] like) => new double[like.Length];

    private static double[] Background(int n, double value) => Enumerable.Repeat(value, n).ToArray();

    private static bool Near(bool single, double actual, double expected) =>
        actual.Equals(expected) || Math.Abs(actual - expected) <= (single ? 1e-6 : 1e-14) * Math.Max(1, Math.Abs(expected));

    /// <summary>Each (pᵢ, qᵢ) placed first, in the middle and last of p = ½…, q = ¼… gives NaN.</summary>
    private static void ExpectNaNWherever(List<string> failures, bool single, Call call, (double P, double Q)[] specials)
    {
        foreach ((double pi, double qi) in specials)
        {
            ForEachPlacement((n, at) =>
            {
                double[] p = Background(n, 0.5), q = Background(n, 0.25);
                p[at] = pi;
                q[at] = qi;
                Expect(failures, $"{call.Name} n={n} p[{at}]={pi} q[{at}]={qi}", () => call.Value(single, p, q), double.IsNaN, "NaN");
            });
        }
    }

    private static void ForEachPlacement(Action<int, int> test)
    {
        foreach (int n in Lengths)
        {
            foreach (int at in new[] { 0, n / 2, n - 1 }.Distinct())
            {
                test(n, at);
            }
        }
    }

    private static void Expect(List<string> failures, string what, Func<double> value, Func<double, bool> ok, string expected)
    {
        try
        {
            double v = value();
            if (!ok(v))
            {
                failures.Add($"{what}: got {v:R}, expected {expected}");
            }
        }
        catch (Exception e) when (e is not NotImplementedException)
        {
            failures.Add($"{what}: threw {e.GetType().Name}: {e.Message}, expected {expected}");
        }
    }

    private static void ExpectLengthError(List<string> failures, string what, int n, int m, Func<double> call)
    {
        try
        {
            double v = call();
            failures.Add($"{what}: returned {v:R} instead of throwing");
        }
        catch (ArgumentException e) when (e.GetType() == typeof(ArgumentException))
        {
            if (!NamesNumber(e.Message, n) || !NamesNumber(e.Message, m))
            {
                failures.Add($"{what}: lengths {n} and {m} not both named in: {e.Message}");
            }
        }
        catch (Exception e) when (e is not NotImplementedException)
        {
            failures.Add($"{what}: threw {e.GetType().Name} ({e.Message}) instead of ArgumentException");
        }
    }

    private static bool NamesNumber(string message, int value) => Regex.IsMatch(message, $@"(?<![\d.]){value}(?!\d)");

    private static void AssertNone(List<string> failures) =>
        Assert.True(failures.Count == 0, $"{failures.Count} failure(s):\n" + string.Join("\n", failures.Take(60)));
}
