using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// The identities and inequalities of information theory, on random distributions (integer weights with zeros,
/// normalized; lengths 0…300 and 1000…5000), for float and double. Each bound is the contract's accuracy
/// (8·ε·Σ|term| for sums, ε = 2^-52 or 2^-23) plus the final rounding of the results involved; exact-zero
/// properties are checked bit for bit.
/// </summary>
public sealed class MathematicalPropertyTests
{
    private static readonly bool[] Types = [false, true];

    [Property(Arbitrary = new[] { typeof(Distributions) }, MaxTest = 200)]
    public void GibbsInequalityKullbackLeiblerIsAtLeastTheMassDifference(DistributionPair pair)
    {
        // Σ p·log(p/q) ≥ Σ(p − q) termwise (log x ≤ x − 1); for distributions that is KL ≥ 0 up to the rounding of the sums.
        foreach (bool single in Types)
        {
            (double[] p, double[] q) = Values(pair, single);
            double kl = Api.Raw(Measure.KullbackLeibler, single, p, q);
            double massDifference = CompensatedSum(p) - CompensatedSum(q);
            double tolerance = SumBound(single, Reference.AbsoluteTermSum(Measure.KullbackLeibler, p, q)) + Ulp(single, kl);
            Assert.True(kl >= massDifference - tolerance, $"{Type(single)}: D(p‖q) = {kl:R} < Σp − Σq = {massDifference:R} − {tolerance:R}");
        }
    }

    [Property(Arbitrary = new[] { typeof(Distributions) }, MaxTest = 200)]
    public void IdenticalInputsGiveExactlyPositiveZero(Distribution d)
    {
        foreach (bool single in Types)
        {
            double[] p = single ? d.PSingle.Select(x => (double)x).ToArray() : d.P;
            foreach (LogBase? logBase in new LogBase?[] { null, LogBase.Two, LogBase.Ten })
            {
                foreach (Measure measure in new[] { Measure.KullbackLeibler, Measure.JensenShannonDivergence, Measure.JensenShannonDistance })
                {
                    double value = Api.Raw(measure, single, p, p, logBase);
                    Assert.True(BitConverter.DoubleToInt64Bits(value) == 0L, $"{Type(single)} {measure}(p, p) base {logBase?.ToString() ?? "none"} = {value:R}, not +0.0");
                }
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(Distributions) }, MaxTest = 200)]
    public void CrossEntropyIsEntropyPlusKullbackLeibler(DistributionPair pair)
    {
        foreach (bool single in Types)
        {
            (double[] p, double[] q) = Values(pair, single);
            double crossEntropy = Api.Raw(Measure.CrossEntropy, single, p, q);
            double entropy = Api.Raw(Measure.Entropy, single, p, null);
            double kl = Api.Raw(Measure.KullbackLeibler, single, p, q);
            double scale = Reference.AbsoluteTermSum(Measure.CrossEntropy, p, q) + Reference.AbsoluteTermSum(Measure.Entropy, p, null) + Reference.AbsoluteTermSum(Measure.KullbackLeibler, p, q);
            double tolerance = SumBound(single, scale) + Ulp(single, crossEntropy) + Ulp(single, entropy) + Ulp(single, kl);
            Assert.True(Math.Abs(crossEntropy - (entropy + kl)) <= tolerance, $"{Type(single)}: H(p, q) = {crossEntropy:R} but H(p) + D(p‖q) = {entropy:R} + {kl:R} (tolerance {tolerance:R})");
        }
    }

    [Property(Arbitrary = new[] { typeof(Distributions) }, MaxTest = 200)]
    public void ChangeOfBaseDividesByLnB(DistributionPair pair)
    {
        foreach (bool single in Types)
        {
            (double[] p, double[] q) = Values(pair, single);
            foreach (Measure measure in new[] { Measure.Entropy, Measure.CrossEntropy, Measure.KullbackLeibler, Measure.JensenShannonDivergence })
            {
                double nats = Api.Raw(measure, single, p, q);
                foreach (double b in new[] { 2.0, 10.0, 3.7 })
                {
                    double expected = nats / Math.Log(b);
                    double actual = Api.Raw(measure, single, p, q, LogBase.Of(b));
                    // Both sides round the same nats once more (float: to float, then ÷ ln b in double).
                    double tolerance = (3 * Ulp(single, expected)) + (single ? Ulp(true, nats) / Math.Log(b) : 0.0);
                    Assert.True(Math.Abs(actual - expected) <= tolerance, $"{Type(single)} {measure} base {b}: {actual:R} vs {nats:R}/ln {b} = {expected:R}");
                }
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(Distributions) }, MaxTest = 200)]
    public void EntropyIsBetweenZeroAndTheLogOfTheSupport(Distribution d)
    {
        foreach (bool single in Types)
        {
            double[] p = single ? d.PSingle.Select(x => (double)x).ToArray() : d.P;
            double entropy = Api.Raw(Measure.Entropy, single, p, null);
            Assert.True(entropy >= 0.0, $"{Type(single)}: H = {entropy:R} < 0");
            int support = p.Count(x => x > 0);
            if (support == 0)
            {
                Assert.Equal(0.0, entropy);
                continue;
            }

            // With Σp = s over k non-zero entries, H ≤ s·ln k − s·ln s (equality for p = s/k).
            double s = CompensatedSum(p);
            double upper = (s * Math.Log(support)) - (s * Math.Log(s));
            double tolerance = SumBound(single, Reference.AbsoluteTermSum(Measure.Entropy, p, null)) + Ulp(single, upper) + (4 * Math.ScaleB(1.0, -52) * Math.Abs(upper));
            Assert.True(entropy <= upper + tolerance, $"{Type(single)}: H = {entropy:R} > s·ln k − s·ln s = {upper:R} (k = {support})");
        }
    }

    [Property(Arbitrary = new[] { typeof(Distributions) }, MaxTest = 200)]
    public void UniformEntropyIsLogN(Distribution d)
    {
        int n = Math.Max(1, d.Length);
        foreach (bool single in Types)
        {
            double pi = single ? (float)(1.0 / n) : 1.0 / n;
            double[] p = Enumerable.Repeat(pi, n).ToArray();
            double entropy = Api.Raw(Measure.Entropy, single, p, null);

            // Exactly: −n·pᵢ·ln pᵢ for the rounded pᵢ (decimal); that is ln n + O(n·pᵢ − 1).
            double exact = (double)(DecimalMath.Times(n, pi) * -DecimalMath.Log(pi));
            double bound = single ? 4 * Ulp(true, exact) : (8 * Math.ScaleB(1.0, -52) * exact) + Ulp(false, exact);
            Assert.True(Math.Abs(entropy - exact) <= bound, $"{Type(single)} n={n}: H = {entropy:R}, exact {exact:R}");
            double massError = Math.Abs(Math.FusedMultiplyAdd(n, pi, -1.0));
            Assert.True(Math.Abs(entropy - Math.Log(n)) <= bound + (massError * (Math.Log(n) + 1)) + Ulp(single, Math.Log(n)), $"{Type(single)} n={n}: H = {entropy:R}, ln n = {Math.Log(n):R}");

            if ((n & (n - 1)) == 0)
            {
                // n = 2^k: pᵢ = 2^-k exactly, so H is exactly k bits.
                double bits = Api.Raw(Measure.Entropy, single, p, null, LogBase.Two);
                double k = Math.Log2(n);
                Assert.True(Math.Abs(bits - k) <= 4 * Ulp(single, k), $"{Type(single)} n={n}: H = {bits:R} bits, expected {k}");
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(Distributions) }, MaxTest = 200)]
    public void JensenShannonIsSymmetricAndBetweenZeroAndLn2(DistributionPair pair)
    {
        foreach (bool single in Types)
        {
            (double[] p, double[] q) = Values(pair, single);
            double forward = Api.Raw(Measure.JensenShannonDivergence, single, p, q);
            double backward = Api.Raw(Measure.JensenShannonDivergence, single, q, p);
            double scale = Reference.AbsoluteTermSum(Measure.JensenShannonDivergence, p, q);
            double tolerance = SumBound(single, scale) + Ulp(single, forward);
            Assert.True(Math.Abs(forward - backward) <= 2 * tolerance, $"{Type(single)}: JS(p, q) = {forward:R}, JS(q, p) = {backward:R}");
            Assert.True(forward >= 0.0, $"{Type(single)}: JS = {forward:R} < 0");

            // Each pair term is at most ½(p + q)·ln 2.
            double upper = 0.5 * Math.Log(2.0) * (CompensatedSum(p) + CompensatedSum(q));
            Assert.True(forward <= upper + tolerance, $"{Type(single)}: JS = {forward:R} > ln 2·(Σp + Σq)/2 = {upper:R}");
        }
    }

    [Property(Arbitrary = new[] { typeof(Distributions) }, MaxTest = 200)]
    public void PermutingBothInputsChangesNothingBeyondRounding(DistributionPair pair, int seed)
    {
        int[] order = Enumerable.Range(0, pair.Length).ToArray();
        new Random(seed).Shuffle(order);
        foreach (bool single in Types)
        {
            (double[] p, double[] q) = Values(pair, single);
            double[] pp = order.Select(i => p[i]).ToArray(), qq = order.Select(i => q[i]).ToArray();
            foreach (Measure measure in new[] { Measure.Entropy, Measure.CrossEntropy, Measure.KullbackLeibler, Measure.JensenShannonDivergence })
            {
                double before = Api.Raw(measure, single, p, q);
                double after = Api.Raw(measure, single, pp, qq);
                // Both are within the bound of the same exact value.
                double tolerance = 2 * (SumBound(single, Reference.AbsoluteTermSum(measure, p, q)) + Ulp(single, before));
                Assert.True(Math.Abs(before - after) <= tolerance, $"{Type(single)} {measure}: {before:R} before, {after:R} after permuting (tolerance {tolerance:R})");
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(Distributions) }, MaxTest = 200)]
    public void DistanceIsTheSquareRootOfTheDivergence(DistributionPair pair)
    {
        foreach (bool single in Types)
        {
            (double[] p, double[] q) = Values(pair, single);
            foreach (LogBase? logBase in new LogBase?[] { null, LogBase.Two })
            {
                double divergence = Api.Raw(Measure.JensenShannonDivergence, single, p, q, logBase);
                double distance = Api.Raw(Measure.JensenShannonDistance, single, p, q, logBase);
                double root = Math.Sqrt(divergence);
                Assert.True(Math.Abs(distance - root) <= Ulp(single, root), $"{Type(single)}: distance {distance:R}, √divergence {root:R}");
            }
        }
    }

    // ---- helpers ----

    private static (double[] P, double[] Q) Values(DistributionPair pair, bool single) =>
        single
            ? (pair.PSingle.Select(x => (double)x).ToArray(), pair.QSingle.Select(x => (double)x).ToArray())
            : (pair.P, pair.Q);

    private static string Type(bool single) => single ? "float" : "double";

    private static double SumBound(bool single, double absoluteTermSum) =>
        8 * (single ? Math.ScaleB(1.0, -23) : Math.ScaleB(1.0, -52)) * absoluteTermSum;

    private static double Ulp(bool single, double x) => Math.Max(EdgeCaseTests.Ulp(single, x), single ? float.Epsilon : double.Epsilon);

    /// <summary>Σ x with Neumaier's compensation (error about one ulp of the result).</summary>
    private static double CompensatedSum(IEnumerable<double> values)
    {
        double sum = 0.0, carry = 0.0;
        foreach (double x in values)
        {
            double t = sum + x;
            carry += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }

        return sum + carry;
    }
}
