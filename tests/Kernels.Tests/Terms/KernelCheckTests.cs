using System;
using System.Linq;
using System.Numerics;
using System.Runtime.Intrinsics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kernels.Verification;
using Xunit;

namespace Kernels.Tests;

/// <summary>The verification helpers shipped for users (<see cref="KernelCheck"/>, <see cref="KernelInputs"/>) do what
/// their documentation says; the built-in kernels are checked with them in the other tests of this folder.</summary>
public sealed class KernelCheckTests
{
    [Theory]
    [InlineData(double.NaN, double.NaN, true)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity, true)]
    [InlineData(double.NegativeInfinity, double.NegativeInfinity, true)]
    [InlineData(double.PositiveInfinity, double.NegativeInfinity, false)]
    [InlineData(double.NaN, double.PositiveInfinity, false)]
    [InlineData(double.PositiveInfinity, double.NaN, false)]
    [InlineData(1.0, double.NaN, false)]
    [InlineData(double.NaN, 1.0, false)]
    [InlineData(double.PositiveInfinity, 1.0, false)]
    [InlineData(double.MaxValue, double.PositiveInfinity, false)]
    [InlineData(0.0, -0.0, true)]
    [InlineData(1.0, 1.0, true)]
    public void SpecialValuesAgreeOnlyWithThemselves(double kernel, double reference, bool agrees)
    {
        Assert.Equal(agrees, KernelCheck.Agrees(kernel, reference, 1.0, 1e-3));
        Assert.Equal(agrees, KernelCheck.Explain(kernel, reference, 1.0, 1e-3) is null);
    }

    [Fact]
    public void FiniteValuesAgreeWithinToleranceTimesMagnitude()
    {
        Assert.True(KernelCheck.Agrees(1.0 + 1e-6, 1.0, 10.0, 1e-7)); // 1e-6 ≤ 1e-7·10 (at the bound)
        Assert.False(KernelCheck.Agrees(1.0 + 2e-6, 1.0, 10.0, 1e-7));
        Assert.True(KernelCheck.Agrees(-3.0, -3.0, 0.0, 0.0)); // exact agreement needs no tolerance
        Assert.True(KernelCheck.Agrees(1.0 + 1e-6, 1.0, -10.0, 1e-7)); // the magnitude's sign does not matter
        Assert.False(KernelCheck.Agrees(1.0 + 1e-6, 1.0, 10.0, double.NaN));
    }

    [Fact]
    public void ExplainAndAssertNameBothValuesAndTheBound()
    {
        string message = KernelCheck.Explain(0.30000000000000004, 0.3, 2.0, 1e-17, "Jeffreys n=17")!;
        Assert.StartsWith("Jeffreys n=17: ", message, StringComparison.Ordinal);
        Assert.Contains("kernel 0.30000000000000004", message, StringComparison.Ordinal);
        Assert.Contains("reference 0.3", message, StringComparison.Ordinal);
        Assert.Contains("bound 2.000E-017", message, StringComparison.Ordinal);
        var thrown = Assert.Throws<KernelMismatchException>(() => KernelCheck.Assert(double.NaN, 0.3, 2.0, 1e-17));
        Assert.Contains("kernel NaN, reference 0.3", thrown.Message, StringComparison.Ordinal);
        KernelCheck.Assert(double.NaN, double.NaN, 0.0, 0.0);
    }

    [Fact]
    public void MagnitudeSumsTheFiniteTermsAbsolutely()
    {
        double[] p = [0.5, 0.25, 0.0, double.NaN];
        double[] q = [0.25, 0.5, 0.1, 0.1];
        double expected = Math.Abs(Terms.KullbackLeibler(0.5, 0.25)) + Math.Abs(Terms.KullbackLeibler(0.25, 0.5));
        Assert.Equal(expected, KernelCheck.Magnitude(p, q, Terms.KullbackLeibler));
        Assert.Equal(expected, KernelCheck.Magnitude(KernelInputs.ToSingle(p), KernelInputs.ToSingle(q), Terms.KullbackLeibler));
        Assert.Equal(1.5, KernelCheck.Magnitude([1.0, -0.5, double.PositiveInfinity], Math.Abs));
        Assert.Equal(1.5, KernelCheck.Magnitude([1f, -0.5f, float.NaN], x => x));
        var mismatch = Assert.Throws<ArgumentException>(() => KernelCheck.Magnitude([1.0], [1.0, 2.0], Terms.KullbackLeibler));
        Assert.Contains("1 elements and q has 2", mismatch.Message, StringComparison.Ordinal);
    }

    public static Arbitrary<(KernelInputKind Kind, int Seed, int Length)> Inputs() => Arb.From(
        from kind in Gen.Elements(KernelInputs.Kinds.ToArray())
        from seed in Gen.Choose(0, int.MaxValue)
        from length in Gen.Choose(0, 2000)
        select (kind, seed, length));

    [Property(Arbitrary = new[] { typeof(KernelCheckTests) }, MaxTest = 100)]
    public void EachKindIsReproducibleAndWhatItSays((KernelInputKind Kind, int Seed, int Length) input)
    {
        (double[] p, double[] q) = KernelInputs.Pair(input.Kind, input.Seed, input.Length);
        (double[] p2, double[] q2) = KernelInputs.Pair(input.Kind, input.Seed, input.Length);
        Assert.Equal(p, p2);
        Assert.Equal(q, q2);
        Assert.Equal(input.Length, p.Length);
        Assert.Equal(input.Length, q.Length);
        bool big = input.Length >= 400; // long enough that each feature appears with overwhelming probability
        switch (input.Kind)
        {
            case KernelInputKind.Clean:
                Assert.All(p.Concat(q), x => Assert.True(x > 0 && x <= 1));
                if (input.Length > 0)
                {
                    Assert.Equal(1.0, p.Sum(), 1e-12);
                }

                break;
            case KernelInputKind.Zeros:
                Assert.All(p.Concat(q), x => Assert.True(x >= 0 && x <= 1));
                Assert.True(!big || (p.Contains(0.0) && q.Contains(0.0)));
                break;
            case KernelInputKind.NearEqual:
                Assert.All(p.Zip(q), pair => Assert.True(Math.Abs(pair.First - pair.Second) <= Math.ScaleB(pair.First, -4) * (1.0 + 1e-15)));
                Assert.True(!big || p.Zip(q).Any(pair => pair.First == pair.Second));
                break;
            case KernelInputKind.Peaked:
                Assert.True(!big || p.Any(x => x < Math.ScaleB(1.0, -90)));
                break;
            case KernelInputKind.Subnormal:
                Assert.True(!big || p.Any(x => x > 0 && x < 1.17549435e-38 && (float)x != 0f));
                Assert.True(!big || p.Any(x => x > 0 && x < 2.2250738585072014e-308));
                break;
            case KernelInputKind.Huge:
                Assert.True(!big || p.Concat(q).Any(x => x >= Math.ScaleB(1.0, 60)));
                Assert.All(p.Concat(q), x => Assert.True(x < Math.ScaleB(1.0, 100)));
                break;
            case KernelInputKind.Specials:
                double[] all = p.Concat(q).ToArray();
                // About n/120 of each special value: 1,500 entries make missing one a 1e-5 event.
                Assert.True(input.Length < 1500 || (all.Any(double.IsNaN) && all.Any(double.IsPositiveInfinity) && all.Any(double.IsNegativeInfinity) && all.Any(x => x < 0 && double.IsFinite(x))));
                break;
        }
    }

    [Fact]
    public void DistributionAndNearEqualAreTheirKinds()
    {
        double[] p = KernelInputs.Distribution(3, 500);
        Assert.Equal(1.0, p.Sum(), 1e-12);
        (double[] p1, double[] q1) = KernelInputs.Pair(KernelInputKind.NearEqual, 3, 500);
        (double[] p2, double[] q2) = KernelInputs.NearEqual(3, 500);
        Assert.Equal(p1, p2);
        Assert.Equal(q1, q2);
        double[] specials = KernelInputs.WithSpecials(p, 4, rate: 1.0);
        Assert.All(specials, x => Assert.True(!(x > 0) || double.IsPositiveInfinity(x)));
        Assert.Equal(p, KernelInputs.WithSpecials(p, 4, rate: 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelInputs.Pair(KernelInputKind.Clean, 1, -1));
    }

    [Fact]
    public void LengthsReachEveryPartOfAFoldAtEveryWidth()
    {
        foreach ((int[] lengths, int[] widths) in new[] { (KernelInputs.Lengths<double>(), new[] { 2, 4, 8 }), (KernelInputs.Lengths<float>(), new[] { 4, 8, 16 }) })
        {
            Assert.Equal(lengths.Order().Distinct(), lengths);
            Assert.Contains(0, lengths);
            Assert.True(lengths.Max() > 1000);
            foreach (int width in widths.Append(Vector<double>.Count).Append(Vector512<double>.Count))
            {
                // Shorter than a vector; each whole number of vectors up to a 4-vector unrolled step and beyond, each
                // with and without a tail; every tail size after two unrolled steps is not needed, but one is there.
                Assert.Contains(width - 1, lengths);
                foreach (int vectors in new[] { 1, 2, 3, 4, 5, 8, 9 })
                {
                    Assert.Contains(vectors * width, lengths);
                    Assert.Contains((vectors * width) + 1, lengths);
                    Assert.Contains((vectors * width) - 1, lengths);
                }
            }
        }
    }
}
