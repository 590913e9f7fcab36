using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// Every measure of <see cref="Measures"/> computed from its mathematical definition in double-double (natural log;
/// a base b divides by ln b once, at the end), with no library code: the independent side of the property tests.
/// Terms are formed so that nothing cancels that the definition does not cancel: p − q is exact, (√p − √q)² is
/// (p − q)²/(√p + √q)², e^v − 1 − v has its own series, and Σ pᵢ^α is a log-sum-exp around its largest term. The
/// α limits (0, 1, ∞) are their own formulas; <see cref="MeasureReferenceTests"/> checks that the general formula
/// tends to them. Special inputs follow the IEEE formulas (NaN anywhere → NaN), with the edge cases the doc comments
/// fix: empty input → 0, p = q → a zero term, zero entries contributing nothing.
/// </summary>
internal static class MeasureReference
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble Hellinger(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var sum = new Accumulator();
        for (int i = 0; i < p.Length; i++)
        {
            sum.Add(p[i] < 0 || q[i] < 0 ? Nan : HellingerTerm(p[i], q[i]));
        }

        return PreciseMath.Sqrt(Finish(sum) * 0.5);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble TotalVariation(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var sum = new Accumulator();
        for (int i = 0; i < p.Length; i++)
        {
            sum.Add(Finite(p[i], q[i]) ? PreciseMath.Abs(Difference(p[i], q[i])) : PreciseMath.Special(Math.Abs(p[i] - q[i])));
        }

        return Finish(sum) * 0.5;
    }

    /// <summary>Σ(pᵢ − qᵢ)²/qᵢ; pᵢ = qᵢ gives 0 (both 0 included), qᵢ = 0 ≠ pᵢ gives +∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble PearsonChiSquare(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var sum = new Accumulator();
        for (int i = 0; i < p.Length; i++)
        {
            sum.Add(ChiSquareTerm(p[i], q[i], q[i]));
        }

        return Finish(sum);
    }

    /// <summary>Σ(pᵢ − qᵢ)²/pᵢ; pᵢ = qᵢ gives 0, pᵢ = 0 ≠ qᵢ gives +∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble NeymanChiSquare(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var sum = new Accumulator();
        for (int i = 0; i < p.Length; i++)
        {
            sum.Add(ChiSquareTerm(p[i], q[i], p[i]));
        }

        return Finish(sum);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble BhattacharyyaCoefficient(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var sum = new Accumulator();
        for (int i = 0; i < p.Length; i++)
        {
            // √p·√q rather than √(p·q): the product of two small numbers may leave the normal range.
            sum.Add(p[i] < 0 || q[i] < 0 ? Nan : Finite(p[i], q[i]) ? PreciseMath.Sqrt(p[i]) * PreciseMath.Sqrt(q[i]) : PreciseMath.Special(Math.Sqrt(p[i]) * Math.Sqrt(q[i])));
        }

        return Finish(sum);
    }

    /// <summary>−ln BC; 0 for empty input, +∞ when BC = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble BhattacharyyaDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double? logBase = null)
    {
        if (p.Length == 0)
        {
            return PreciseMath.Zero;
        }

        return InBase(-PreciseLog(BhattacharyyaCoefficient(p, q)), logBase);
    }

    /// <summary>H_α(p) = ln(Σ_{pᵢ&gt;0} pᵢ^α)/(1 − α); α = 0: ln |support|; α = 1: −Σ p ln p; α = ∞: −ln max p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble RenyiEntropy(ReadOnlySpan<double> p, double alpha, double? logBase = null)
    {
        if (p.Length == 0)
        {
            return PreciseMath.Zero;
        }

        if (HasNaN(p) || p.ToArray().Any(x => x < 0))
        {
            return Nan;
        }

        DoubleDouble nats;
        if (alpha == 0)
        {
            nats = PreciseMath.Log(p.ToArray().Count(x => x > 0));
        }
        else if (alpha == 1)
        {
            var sum = new Accumulator();
            foreach (double x in p)
            {
                if (x > 0)
                {
                    sum.Add(-(x * PreciseMath.Log(x)));
                }
            }

            nats = Finish(sum);
        }
        else if (double.IsPositiveInfinity(alpha))
        {
            nats = -PreciseMath.Log(p.ToArray().Max());
        }
        else
        {
            nats = RenyiEntropyGeneral(p, alpha);
        }

        return InBase(nats, logBase);
    }

    /// <summary>The general formula ln(Σ pᵢ^α)/(1 − α) at any α ≠ 1, even at α = 1 ± 10^-6 (no limit taken).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble RenyiEntropyGeneral(ReadOnlySpan<double> p, double alpha)
    {
        var exponents = new List<DoubleDouble>();
        foreach (double x in p)
        {
            if (x > 0)
            {
                exponents.Add(PreciseMath.Log(x) * alpha);
            }
        }

        DoubleDouble log = LogSumExp(exponents);
        return IsFiniteValue(log) ? log / (PreciseMath.One - alpha) : PreciseMath.Special(log.Hi / (1 - alpha));
    }

    /// <summary>D_α(p‖q) = ln(Σ_{pᵢ&gt;0} pᵢ^α·qᵢ^(1−α))/(α − 1); α = 0: −ln Σ_{pᵢ&gt;0} qᵢ; α = 1: Σ p ln(p/q);
    /// α = ∞: ln max_{pᵢ&gt;0} pᵢ/qᵢ. For α ≥ 1 a pᵢ &gt; 0 against qᵢ = 0 gives +∞; for α &lt; 1 it adds nothing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble RenyiDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha, double? logBase = null)
    {
        if (p.Length == 0)
        {
            return PreciseMath.Zero;
        }

        if (HasNaN(p) || HasNaN(q) || p.ToArray().Any(x => x < 0) || q.ToArray().Any(x => x < 0))
        {
            return Nan;
        }

        for (int i = 0; i < p.Length; i++)
        {
            if (alpha >= 1 && p[i] > 0 && q[i] == 0)
            {
                return PreciseMath.Special(double.PositiveInfinity);
            }
        }

        DoubleDouble nats;
        if (alpha == 0)
        {
            var sum = new Accumulator();
            for (int i = 0; i < p.Length; i++)
            {
                if (p[i] > 0)
                {
                    sum.Add(q[i]);
                }
            }

            nats = -PreciseLog(Finish(sum));
        }
        else if (alpha == 1)
        {
            var sum = new Accumulator();
            for (int i = 0; i < p.Length; i++)
            {
                if (p[i] > 0)
                {
                    sum.Add(p[i] * (PreciseMath.Log(p[i]) - PreciseMath.Log(q[i])));
                }
            }

            nats = Finish(sum);
        }
        else if (double.IsPositiveInfinity(alpha))
        {
            DoubleDouble? largest = null;
            for (int i = 0; i < p.Length; i++)
            {
                if (p[i] > 0)
                {
                    DoubleDouble logRatio = PreciseMath.Log(p[i]) - PreciseMath.Log(q[i]);
                    largest = largest is { } l ? PreciseMath.Max(l, logRatio) : logRatio;
                }
            }

            nats = largest ?? PreciseMath.Special(double.NegativeInfinity);
        }
        else
        {
            nats = RenyiDivergenceGeneral(p, q, alpha);
        }

        return InBase(nats, logBase);
    }

    /// <summary>The general formula at any α ≠ 1 (pairs with qᵢ = 0 must already have been handled for α &gt; 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble RenyiDivergenceGeneral(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha)
    {
        var exponents = new List<DoubleDouble>();
        DoubleDouble complement = PreciseMath.One - alpha;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] > 0 && q[i] > 0)
            {
                exponents.Add((PreciseMath.Log(p[i]) * alpha) + (PreciseMath.Log(q[i]) * complement));
            }
        }

        DoubleDouble log = LogSumExp(exponents);
        return IsFiniteValue(log) ? log / (new DoubleDouble(alpha, 0.0) - 1.0) : PreciseMath.Special(log.Hi / (alpha - 1));
    }

    /// <summary>S_α(p) = (1 − Σ_{pᵢ&gt;0} pᵢ^α)/(α − 1); α = 1: −Σ p ln p. Empty input gives 0 (the class contract).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble TsallisEntropy(ReadOnlySpan<double> p, double alpha)
    {
        if (p.Length == 0)
        {
            return PreciseMath.Zero;
        }

        if (alpha == 1)
        {
            return RenyiEntropy(p, 1.0);
        }

        return TsallisEntropyGeneral(p, alpha);
    }

    /// <summary>The general Tsallis formula at any α ≠ 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble TsallisEntropyGeneral(ReadOnlySpan<double> p, double alpha)
    {
        if (HasNaN(p) || p.ToArray().Any(x => x < 0))
        {
            return Nan;
        }

        var sum = new Accumulator();
        foreach (double x in p)
        {
            if (x > 0)
            {
                sum.Add(PreciseMath.Pow(x, alpha));
            }
        }

        return (PreciseMath.One - Finish(sum)) / (new DoubleDouble(alpha, 0.0) - 1.0);
    }

    /// <summary>½ Σ(μᵢ² + e^vᵢ − 1 − vᵢ), v = log σ².</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble GaussianKullbackLeibler(ReadOnlySpan<double> mean, ReadOnlySpan<double> logVariance, double? logBase = null)
    {
        var sum = new Accumulator();
        for (int i = 0; i < mean.Length; i++)
        {
            double mu = mean[i], v = logVariance[i];
            sum.Add(Finite(mu, v)
                ? (new DoubleDouble(mu, 0.0) * mu) + PreciseMath.ExpM1MinusX(v)
                : PreciseMath.Special((mu * mu) + Math.Exp(v) - 1 - v));
        }

        return InBase(Finish(sum) * 0.5, logBase);
    }

    /// <summary>½ Σ(e^d − 1 − d + (μ₁ − μ₂)²·e^(−v₂)) with d = v₁ − v₂ = log(σ₁²/σ₂²) formed exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble GaussianKullbackLeibler(ReadOnlySpan<double> mean1, ReadOnlySpan<double> logVariance1, ReadOnlySpan<double> mean2, ReadOnlySpan<double> logVariance2, double? logBase = null)
    {
        var sum = new Accumulator();
        for (int i = 0; i < mean1.Length; i++)
        {
            double m1 = mean1[i], v1 = logVariance1[i], m2 = mean2[i], v2 = logVariance2[i];
            if (!Finite(m1, v1) || !Finite(m2, v2))
            {
                double d = v1 - v2;
                sum.Add(PreciseMath.Special(Math.Exp(d) - 1 - d + ((m1 - m2) * (m1 - m2) * Math.Exp(-v2))));
                continue;
            }

            DoubleDouble difference = Difference(v1, v2);
            DoubleDouble meanGap = Difference(m1, m2);
            sum.Add(PreciseMath.ExpM1MinusX(difference) + (meanGap * meanGap * PreciseMath.Exp(-v2)));
        }

        return InBase(Finish(sum) * 0.5, logBase);
    }

    /// <summary>I(X; Y) = Σ_{nᵢⱼ&gt;0} (nᵢⱼ/T)·ln((nᵢⱼ/rᵢ)·(T/cⱼ)) straight from the definition (not the entropy
    /// identity; the ratios paired so that counts near the top of the double range do not overflow); NaN for a zero
    /// total or a negative entry, 0 for an empty table.</summary>
    public static DoubleDouble MutualInformation(ReadOnlySpan<double> joint, int columns, double? logBase = null) =>
        TableSum(joint, columns, logBase, (n, total, row, column) => (n / total) * PreciseMath.Log((n / row) * (total / column)));

    /// <summary>H(Y | X) = Σ_{nᵢⱼ&gt;0} (nᵢⱼ/T)·ln(rᵢ/nᵢⱼ) (X indexes rows).</summary>
    public static DoubleDouble ConditionalEntropy(ReadOnlySpan<double> joint, int columns, double? logBase = null) =>
        TableSum(joint, columns, logBase, (n, total, row, _) => (n / total) * PreciseMath.Log(row / n));

    /// <summary>H(X) of the row sums of a joint table, normalized.</summary>
    public static DoubleDouble RowEntropy(ReadOnlySpan<double> joint, int columns) => CountEntropy(Sums(joint, columns, byRow: true));

    /// <summary>H(Y) of the column sums of a joint table, normalized.</summary>
    public static DoubleDouble ColumnEntropy(ReadOnlySpan<double> joint, int columns) => CountEntropy(Sums(joint, columns, byRow: false));

    /// <summary>Σ (cᵢ/N)·ln(N/cᵢ) + (K − 1)/(2N); NaN for a zero total or a negative count, 0 when empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble MillerMadowEntropy(ReadOnlySpan<double> counts, double? logBase = null)
    {
        if (counts.Length == 0)
        {
            return PreciseMath.Zero;
        }

        DoubleDouble[] values = counts.ToArray().Select(c => new DoubleDouble(c, 0.0)).ToArray();
        DoubleDouble plugIn = CountEntropy(values);
        if (!IsFiniteValue(plugIn))
        {
            return plugIn;
        }

        int support = counts.ToArray().Count(c => c > 0);
        DoubleDouble total = Total(values);
        return InBase(plugIn + (new DoubleDouble(support - 1, 0.0) / (total * 2.0)), logBase);
    }

    /// <summary>Σ (cᵢ/N)·ln(N/cᵢ) over the positive counts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DoubleDouble CountEntropy(DoubleDouble[] counts)
    {
        if (counts.Any(c => double.IsNaN(c.Hi) || c.Hi < 0))
        {
            return Nan;
        }

        DoubleDouble total = Total(counts);
        if (total.Hi == 0)
        {
            return counts.Length == 0 ? PreciseMath.Zero : Nan;
        }

        var sum = new Accumulator();
        foreach (DoubleDouble c in counts)
        {
            if (c.Hi > 0)
            {
                sum.Add(c / total * PreciseMath.Log(total / c));
            }
        }

        return Finish(sum);
    }

    // ---- pieces ----

    private static DoubleDouble Nan => PreciseMath.Special(double.NaN);

    private static bool Finite(double a, double b) => double.IsFinite(a) && double.IsFinite(b);

    private static bool HasNaN(ReadOnlySpan<double> values)
    {
        foreach (double x in values)
        {
            if (double.IsNaN(x))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFiniteValue(DoubleDouble x) => double.IsFinite(x.Hi);

    /// <summary>a − b for doubles, exactly (TwoSum).</summary>
    private static DoubleDouble Difference(double a, double b) => new DoubleDouble(a, 0.0) - b;

    private static DoubleDouble HellingerTerm(double p, double q)
    {
        if (!Finite(p, q))
        {
            double d = Math.Sqrt(p) - Math.Sqrt(q);
            return PreciseMath.Special(d * d);
        }

        if (p == q)
        {
            return PreciseMath.Zero;
        }

        // ((p − q)/(√p + √q))²: the quotient first, so that neither (p − q)² nor (√p + √q)² leaves the double range.
        DoubleDouble root = Difference(p, q) / (PreciseMath.Sqrt(p) + PreciseMath.Sqrt(q));
        return root * root;
    }

    private static DoubleDouble ChiSquareTerm(double p, double q, double denominator)
    {
        if (double.IsNaN(p) || double.IsNaN(q))
        {
            return Nan;
        }

        if (p == q)
        {
            return PreciseMath.Zero;
        }

        if (!Finite(p, q) || denominator == 0)
        {
            return PreciseMath.Special((p - q) * (p - q) / denominator);
        }

        // (p − q)·((p − q)/d): no (p − q)² to overflow when the result itself is representable.
        DoubleDouble gap = Difference(p, q);
        return gap * (gap / denominator);
    }

    /// <summary>ln of a double-double that may be 0 (→ −∞), negative or NaN (→ NaN), or +∞.</summary>
    private static DoubleDouble PreciseLog(DoubleDouble x) => IsFiniteValue(x) ? PreciseMath.Log(x) : PreciseMath.Special(Math.Log(x.Hi));

    /// <summary>ln Σ e^aᵢ, formed around the largest exponent so that no pᵢ^α under- or overflows; −∞ for no terms.</summary>
    private static DoubleDouble LogSumExp(List<DoubleDouble> exponents)
    {
        if (exponents.Count == 0)
        {
            return PreciseMath.Special(double.NegativeInfinity);
        }

        DoubleDouble largest = exponents.Aggregate(PreciseMath.Max);
        DoubleDouble sum = PreciseMath.Zero;
        foreach (DoubleDouble a in exponents)
        {
            sum += PreciseMath.Exp(a - largest);
        }

        return largest + PreciseMath.Log(sum);
    }

    /// <summary>A value in nats expressed in base b (null: nats), by one double-double division by ln b.</summary>
    public static DoubleDouble InBase(DoubleDouble nats, double? logBase) =>
        logBase is not { } b ? nats : IsFiniteValue(nats) ? nats / PreciseMath.Log(b) : PreciseMath.Special(nats.Hi / Math.Log(b));

    private static DoubleDouble Finish(Accumulator sum) => sum.Result;

    private static DoubleDouble Total(DoubleDouble[] values)
    {
        DoubleDouble total = PreciseMath.Zero;
        foreach (DoubleDouble v in values)
        {
            total += v;
        }

        return total;
    }

    private static DoubleDouble[] Sums(ReadOnlySpan<double> joint, int columns, bool byRow)
    {
        int rows = joint.Length / columns;
        var sums = new DoubleDouble[byRow ? rows : columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                sums[byRow ? i : j] += joint[(i * columns) + j];
            }
        }

        return sums;
    }

    private static DoubleDouble TableSum(ReadOnlySpan<double> joint, int columns, double? logBase, Func<DoubleDouble, DoubleDouble, DoubleDouble, DoubleDouble, DoubleDouble> term)
    {
        if (joint.Length == 0)
        {
            return PreciseMath.Zero;
        }

        if (HasNaN(joint) || joint.ToArray().Any(x => x < 0))
        {
            return Nan;
        }

        DoubleDouble[] rowSums = Sums(joint, columns, byRow: true), columnSums = Sums(joint, columns, byRow: false);
        DoubleDouble total = Total(rowSums);
        if (total.Hi == 0)
        {
            return Nan;
        }

        var sum = new Accumulator();
        for (int i = 0; i < rowSums.Length; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                double n = joint[(i * columns) + j];
                if (n > 0)
                {
                    sum.Add(term(n, total, rowSums[i], columnSums[j]));
                }
            }
        }

        return InBase(Finish(sum), logBase);
    }

    /// <summary>A double-double sum that carries ±∞ and NaN the IEEE way.</summary>
    private struct Accumulator
    {
        private DoubleDouble _sum;
        private double _special;

        public void Add(DoubleDouble term)
        {
            if (double.IsFinite(term.Hi))
            {
                _sum += term;
            }
            else
            {
                _special += term.Hi;
            }
        }

        public readonly DoubleDouble Result => _special != 0 || double.IsNaN(_special) ? PreciseMath.Special(_special) : _sum;
    }
}

/// <summary>
/// The reference checked against itself where mathematics says what it must give: the general Rényi and Tsallis
/// formulas near α = 1, 0 and ∞ approach the limit formulas at the rate their Taylor expansions predict (on
/// distributions that sum to exactly 1, dyadic, since otherwise ln Σp/(1 − α) diverges at α = 1), and the table and
/// Hellinger references satisfy the identities that tie them to formulas they do not use.
/// </summary>
public sealed class MeasureReferenceTests
{
    private static readonly double[] Steps = [1e-6, -1e-6, 1e-7, -1e-7];

    /// <summary>Random distributions pᵢ = wᵢ/2^k with Σw = 2^k exactly, zeros mixed in, lengths 1…300.</summary>
    private static IEnumerable<double[]> DyadicDistributions(int seed, int count)
    {
        var random = new Random(seed);
        for (int c = 0; c < count; c++)
        {
            int n = random.Next(1, 300);
            long[] w = Enumerable.Range(0, n).Select(_ => random.Next(5) == 0 ? 0L : random.Next(1, random.Next(2) == 0 ? 1000 : 1_000_000)).ToArray();
            if (w.All(x => x == 0))
            {
                w[0] = 1;
            }

            long total = w.Sum();
            int k = 0;
            while ((1L << k) < total)
            {
                k++;
            }

            w[Array.IndexOf(w, w.Max())] += (1L << k) - total;
            yield return w.Select(x => Math.ScaleB(x, -k)).ToArray();
        }
    }

    [Fact]
    public void RenyiEntropyNearOneIsShannonMinusHalfTheVarianceOfTheLog()
    {
        foreach (double[] p in DyadicDistributions(1, 40))
        {
            // α = 1 + t: ln Σ p·e^(tℓ) = tμ₁ + t²(μ₂ − μ₁²)/2 + t³κ₃/6 + …, so H(1 + t) = H₁ − t·Var(ℓ)/2 + O(t²·E|ℓ − μ₁|³).
            double shannon = MeasureReference.RenyiEntropy(p, 1.0).Value;
            double[] logs = p.Where(x => x > 0).Select(x => Math.Log(x)).ToArray();
            double[] mass = p.Where(x => x > 0).ToArray();
            double mean = logs.Zip(mass, (l, m) => l * m).Sum();
            double variance = logs.Zip(mass, (l, m) => (l - mean) * (l - mean) * m).Sum();
            double third = logs.Zip(mass, (l, m) => Math.Pow(Math.Abs(l - mean), 3) * m).Sum();
            Assert.Equal(-mean, shannon, 1e-12);
            foreach (double t in Steps)
            {
                double general = MeasureReference.RenyiEntropyGeneral(p, 1 + t).Value;
                double predicted = shannon - (t * variance / 2);
                Assert.True(Math.Abs(general - predicted) <= (t * t * (1 + third)) + 1e-15, $"n={p.Length} t={t}: H(1+t) = {general:R}, H₁ − t·Var/2 = {predicted:R}");
            }
        }
    }

    [Fact]
    public void RenyiDivergenceNearOneIsKullbackLeiblerPlusHalfTheVarianceOfTheLogRatio()
    {
        foreach ((double[] p, double[] q) in DyadicDistributions(3, 40).Zip(DyadicDistributions(4, 40)).Select(x => Pad(x.First, x.Second)))
        {
            double kl = MeasureReference.RenyiDivergence(p, q, 1.0).Value;
            if (double.IsInfinity(kl))
            {
                continue;
            }

            // α = 1 + t: ln Σ p·e^(tℓ), ℓ = ln(p/q) under p: D(1 + t) = KL + t·Var_p(ℓ)/2 + O(t²·E|ℓ − KL|³).
            int[] support = Enumerable.Range(0, p.Length).Where(i => p[i] > 0).ToArray();
            double[] ratio = support.Select(i => Math.Log(p[i] / q[i])).ToArray();
            double[] mass = support.Select(i => p[i]).ToArray();
            double mean = ratio.Zip(mass, (l, m) => l * m).Sum();
            double variance = ratio.Zip(mass, (l, m) => (l - mean) * (l - mean) * m).Sum();
            double third = ratio.Zip(mass, (l, m) => Math.Pow(Math.Abs(l - mean), 3) * m).Sum();
            Assert.Equal(mean, kl, 1e-12);
            foreach (double t in Steps)
            {
                double general = MeasureReference.RenyiDivergenceGeneral(p, q, 1 + t).Value;
                double predicted = kl + (t * variance / 2);
                Assert.True(Math.Abs(general - predicted) <= (t * t * (1 + third)) + 1e-15, $"t={t}: D(1+t) = {general:R}, KL + t·Var/2 = {predicted:R}");
            }
        }
    }

    [Fact]
    public void TsallisNearOneIsShannonMinusHalfTheSecondMoment()
    {
        foreach (double[] p in DyadicDistributions(5, 40))
        {
            // α = 1 + t: (1 − Σ p·e^(tℓ))/t = −μ₁ − tμ₂/2 − t²μ₃/6 − …
            double shannon = MeasureReference.TsallisEntropy(p, 1.0).Value;
            double[] logs = p.Where(x => x > 0).Select(x => Math.Log(x)).ToArray();
            double[] mass = p.Where(x => x > 0).ToArray();
            double second = logs.Zip(mass, (l, m) => l * l * m).Sum();
            double third = logs.Zip(mass, (l, m) => Math.Abs(l * l * l) * m).Sum();
            foreach (double t in Steps)
            {
                double general = MeasureReference.TsallisEntropyGeneral(p, 1 + t).Value;
                double predicted = shannon - (t * second / 2);
                Assert.True(Math.Abs(general - predicted) <= (t * t * (1 + third)) + 1e-15, $"t={t}: S(1+t) = {general:R}, H₁ − t·μ₂/2 = {predicted:R}");
            }
        }
    }

    [Fact]
    public void RenyiNearZeroIsHartleyAndTheMassOfTheSupport()
    {
        foreach ((double[] p, double[] q) in DyadicDistributions(6, 30).Zip(DyadicDistributions(7, 30)).Select(x => Pad(x.First, x.Second)))
        {
            int support = p.Count(x => x > 0);
            double hartley = MeasureReference.RenyiEntropy(p, 0.0).Value;
            Assert.Equal(Math.Log(support), hartley, 1e-15);

            // α = t: ln Σ e^(tℓ) = ln K + t·mean(ℓ) + O(t²), so H(t) − ln K = t·(ln K + mean ℓ) + O(t²).
            double meanLog = p.Where(x => x > 0).Average(x => Math.Log(x));
            double covered = MeasureReference.RenyiDivergence(p, q, 0.0).Value;
            int[] both = Enumerable.Range(0, p.Length).Where(i => p[i] > 0 && q[i] > 0).ToArray();
            Assert.Equal(-Math.Log(both.Sum(i => q[i])), covered, 1e-13);
            foreach (double t in new[] { 1e-6, 1e-7 })
            {
                double general = MeasureReference.RenyiEntropyGeneral(p, t).Value;
                double predicted = hartley + (t * (hartley + meanLog));
                Assert.True(Math.Abs(general - predicted) <= 1e3 * t * t * (1 + (meanLog * meanLog)), $"t={t}: H(t) = {general:R}, ln K + t(ln K + mean ℓ) = {predicted:R}");
                double divergence = MeasureReference.RenyiDivergenceGeneral(p, q, t).Value;
                Assert.True(Math.Abs(divergence - covered) <= 1e3 * t, $"t={t}: D(t) = {divergence:R}, −ln Σ_(p>0) q = {covered:R}");
            }
        }
    }

    [Fact]
    public void RenyiTowardInfinityIsSqueezedOntoTheMinEntropyAndTheLargestRatio()
    {
        foreach ((double[] p, double[] q) in DyadicDistributions(8, 30).Zip(DyadicDistributions(9, 30)).Select(x => Pad(x.First, x.Second)))
        {
            double minEntropy = MeasureReference.RenyiEntropy(p, double.PositiveInfinity).Value;
            Assert.Equal(-Math.Log(p.Max()), minEntropy, 1e-15);
            double logSupport = Math.Log(p.Count(x => x > 0));
            double largestRatio = MeasureReference.RenyiDivergence(p, q, double.PositiveInfinity).Value;
            foreach (double alpha in new[] { 1e3, 1e4, 1e6 })
            {
                // max^α ≤ Σ p^α ≤ K·max^α gives H∞ ≤ H_α ≤ H∞ + (H∞ + ln K)/(α − 1) … in the other direction:
                // H_α = (α·ln max + ln(Σ (p/max)^α))/(1 − α), the last log in [0, ln K].
                double general = MeasureReference.RenyiEntropyGeneral(p, alpha).Value;
                double lower = (alpha * -minEntropy + logSupport) / (1 - alpha), upper = alpha * -minEntropy / (1 - alpha);
                Assert.True(general >= lower - 1e-12 && general <= upper + 1e-12, $"α={alpha}: H_α = {general:R} not in [{lower:R}, {upper:R}]");
                Assert.True(Math.Abs(general - minEntropy) <= (minEntropy + logSupport) / (alpha - 1) + 1e-12, $"α={alpha}: H_α = {general:R}, H∞ = {minEntropy:R}");

                if (!double.IsInfinity(largestRatio))
                {
                    // Σ p·(p/q)^(α−1) lies between p*·R^(α−1) and Σp·R^(α−1), p* the mass at the largest ratio R.
                    double divergence = MeasureReference.RenyiDivergenceGeneral(p, q, alpha).Value;
                    double smallest = p.Where(x => x > 0).Min();
                    Assert.True(Math.Abs(divergence - largestRatio) <= (-Math.Log(smallest) / (alpha - 1)) + 1e-12, $"α={alpha}: D_α = {divergence:R}, D∞ = {largestRatio:R}");
                }
            }
        }
    }

    [Fact]
    public void TablesAndDistancesSatisfyTheIdentitiesTheyDoNotUse()
    {
        var random = new Random(10);
        for (int c = 0; c < 50; c++)
        {
            int rows = random.Next(1, 12), columns = random.Next(1, 12);
            double[] joint = Enumerable.Range(0, rows * columns).Select(_ => random.Next(4) == 0 ? 0.0 : random.Next(1, 1000)).ToArray();
            joint[0] += 1;
            double mi = MeasureReference.MutualInformation(joint, columns).Value;
            double hx = MeasureReference.RowEntropy(joint, columns).Value, hy = MeasureReference.ColumnEntropy(joint, columns).Value;
            double hxy = MeasureReference.CountEntropy(joint.Select(x => new DoubleDouble(x, 0.0)).ToArray()).Value;
            Assert.Equal(hx + hy - hxy, mi, 1e-13);
            Assert.Equal(hxy - hx, MeasureReference.ConditionalEntropy(joint, columns).Value, 1e-13);
            Assert.True(mi >= -1e-30);

            double[] a = Enumerable.Range(0, rows).Select(_ => (double)random.Next(1, 50)).ToArray();
            double[] b = Enumerable.Range(0, columns).Select(_ => (double)random.Next(1, 50)).ToArray();
            double[] product = a.SelectMany(x => b.Select(y => x * y)).ToArray();
            Assert.True(Math.Abs(MeasureReference.MutualInformation(product, columns).Value) <= 1e-28, "MI of a product table");
        }

        foreach ((double[] p, double[] q) in DyadicDistributions(11, 30).Zip(DyadicDistributions(12, 30)).Select(x => Pad(x.First, x.Second)))
        {
            // For distributions: H² = 1 − BC, and the Hellinger and TV references form their terms differently.
            double h = MeasureReference.Hellinger(p, q).Value, bc = MeasureReference.BhattacharyyaCoefficient(p, q).Value;
            Assert.Equal(1 - bc, h * h, 1e-14);
            Assert.Equal(0.5 * p.Zip(q, (x, y) => Math.Abs(x - y)).Sum(), MeasureReference.TotalVariation(p, q).Value, 1e-14);
        }

        double[] mean = [0.5, -1.25, 0.0], logVariance = [0.25, -2.0, 1e-9], zeros = [0.0, 0.0, 0.0];
        double vae = MeasureReference.GaussianKullbackLeibler(mean, logVariance).Value;
        Assert.Equal(vae, MeasureReference.GaussianKullbackLeibler(mean, logVariance, zeros, zeros).Value, 1e-16);
        Assert.Equal(0.5 * ((0.25 + Math.Exp(0.25) - 1.25) + (1.5625 + Math.Exp(-2.0) + 1.0) + 5e-19), vae, 1e-15);
        Assert.Equal(0.0, MeasureReference.GaussianKullbackLeibler(mean, logVariance, mean, logVariance).Value);
    }

    [Fact]
    public void ExtremeMagnitudesStayInRange()
    {
        // Terms whose squares or products leave the double range although the measures do not.
        Assert.Equal(Math.Sqrt(0.5e300), MeasureReference.Hellinger([1e300, 1e300], [1e-300, 1e300]).Value, 1e136);
        Assert.Equal(1e-155, MeasureReference.Hellinger([double.Epsilon, 1e-310], [1e-310, double.Epsilon]).Value, 1e-160);
        Assert.Equal(8.1e200, MeasureReference.PearsonChiSquare([1e200, 1.0], [1e199, 1.0]).Value, 1e186);
        Assert.Equal(0.0, MeasureReference.MutualInformation([1e300, 1e300, 1e300, 1e300], 2).Value);
        Assert.Equal(Math.Log(2), MeasureReference.MutualInformation([1e300, 0, 0, 1e300], 2).Value, 1e-15);
    }

    /// <summary>Two dyadic distributions cut to one length, q renormalized exactly (by the same padding trick).</summary>
    private static (double[] P, double[] Q) Pad(double[] p, double[] q)
    {
        int n = Math.Min(p.Length, q.Length);
        return (Renormalize(p[..n]), Renormalize(q[..n]));
    }

    private static double[] Renormalize(double[] x)
    {
        double[] y = (double[])x.Clone();
        if (y.All(v => v == 0))
        {
            y[0] = 1;
        }

        double total = y.Sum(); // dyadic with at most 2^-k granularity: exact for these sizes
        int largest = Array.IndexOf(y, y.Max());
        y[largest] += 1 - total;
        return y;
    }
}
