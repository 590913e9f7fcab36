using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kernels.Support;
using Kernels.Verification;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// Every generated fold of every term in <see cref="TermKernels.All"/> agrees with its scalar term (bounds in
/// <see cref="TermAgreement"/>): each SIMD width (Vector&lt;T&gt; at the machine's width, Vector512 everywhere) in each
/// fold mode (plain, with totals, scaled inputs) against the scalar fold of the same mode, for double inputs, float
/// inputs folded in float and float inputs folded in double; the public <c>Fold</c> against <c>FoldReference</c>;
/// tuple terms sum by sum; <c>Measure</c> against the finisher. Orders α: 0, ½, 2, 7.5 and one random in [0, 20).
/// The width matrix (DOTNET_EnableAVX=0 and so on) changes the Vector&lt;T&gt; width these run at.
/// </summary>
public sealed class TermKernelAgreementTests
{
    private static readonly double[] ScaleFactors = { 0.5, 2.0, 0.5, 2.0 }; // powers of two: scaling is exact

    public static Arbitrary<TermCase> Cases() => Arb.From(
        from kind in Gen.Elements(KernelInputs.Kinds.ToArray())
        from length in Gen.OneOf(Gen.Choose(0, 300), Gen.Choose(1000, 3000))
        from seed in Gen.Choose(0, int.MaxValue)
        select TermCase.Build(kind, seed, length));

    [Property(Arbitrary = new[] { typeof(TermKernelAgreementTests) }, MaxTest = 10)]
    public void EveryWidthAndModeAgreesWithTheScalarFold(TermCase input)
    {
        foreach (TermKernel term in TermKernels.All)
        {
            foreach (double alpha in AlphasFor(term, input.Seed))
            {
                CheckWidths(term, input, alpha);
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(TermKernelAgreementTests) }, MaxTest = 40)]
    public void PublicFoldAndMeasureAgreeWithTheReference(TermCase input)
    {
        foreach (TermKernel term in TermKernels.All)
        {
            foreach (double alpha in AlphasFor(term, input.Seed))
            {
                CheckPublic(term, input, alpha);
            }
        }
    }

    /// <summary>Found by CI at 128-bit width: a float term of 1e306 (Huge inputs, α = 11.4) whose error scale
    /// |term|·(4 + |α·ln p|) overflowed, so the term was left out of its own bound (see TermKernel.ErrorScaleShift).</summary>
    [Fact]
    public void APowerNearTheTopOfDoublesRangeKeepsItsBound() =>
        PublicFoldAndMeasureAgreeWithTheReference(TermCase.Build(KernelInputKind.Huge, 1102243814, 32));

    public static TheoryData<int> Lengths()
    {
        var data = new TheoryData<int>();
        // The two long ones (many checked blocks) are the property's lengths too.
        foreach (int length in KernelInputs.Lengths<double>().Union(KernelInputs.Lengths<float>()).Where(n => n <= 300).Order())
        {
            data.Add(length);
        }

        return data;
    }

    /// <summary>Every length that reaches a different part of a fold (unrolled loop, checked blocks, whole remaining
    /// vectors, masked tail) at any width, each with one kind of input (in turn, so every kind meets every part).</summary>
    [Theory]
    [MemberData(nameof(Lengths))]
    public void EveryLengthAgrees(int length)
    {
        int kinds = KernelInputs.Kinds.Count;
        foreach (KernelInputKind kind in new[] { KernelInputs.Kinds[(length + (length / kinds)) % kinds] })
        {
            TermCase input = TermCase.Build(kind, (length * 7919) + (int)kind, length);
            foreach (TermKernel term in TermKernels.All)
            {
                double alpha = term.HasAlpha ? TermKernels.Alphas[(length + (int)kind) % TermKernels.Alphas.Length] : 0.0;
                CheckWidths(term, input, alpha, plainOnly: true);
                CheckPublic(term, input, alpha);
            }
        }
    }

    /// <summary>α = 1 (Shannon's limit) is not a point the finishers are defined at, but the sums are.</summary>
    [Fact]
    public void FoldsAgreeAtOrderOne()
    {
        foreach (KernelInputKind kind in KernelInputs.Kinds)
        {
            TermCase input = TermCase.Build(kind, 11, 523);
            foreach (TermKernel term in TermKernels.All.Where(t => t.HasAlpha))
            {
                CheckWidths(term, input, 1.0, plainOnly: true);
            }
        }
    }

    private static IEnumerable<double> AlphasFor(TermKernel term, int seed)
    {
        if (!term.HasAlpha)
        {
            return [0.0];
        }

        double random = new Random(seed).NextDouble() * 20.0;
        return TermKernels.Alphas.Append(random == 1.0 ? 1.5 : random);
    }

    private static void CheckWidths(TermKernel term, TermCase input, double alpha, bool plainOnly = false)
    {
        double[][] inputs = term.Inputs(input);
        float[][] singles = TermKernels.ToSingle(inputs);
        double[][] widened = TermKernels.Widen(singles);
        int length = inputs[0].Length;
        foreach (Type mode in plainOnly ? [typeof(FoldModes.Plain)] : WidthPaths.Modes)
        {
            bool scaled = mode == typeof(FoldModes.ScaledInputs);
            double[] factors = scaled ? ScaleFactors : [1.0, 1.0, 1.0, 1.0];
            double[] doubleBounds = TermAgreement.Bounds(TermAgreement.Scales(term, scaled ? TermAgreement.Scaled(inputs, factors) : inputs, alpha), length, false, term.ErrorScaleShift);
            double[] singleScales = TermAgreement.Scales(term, scaled ? TermAgreement.Scaled(widened, factors) : widened, alpha);
            string label = $"{term.Name} α={alpha:R} {mode.Name} {input}";

            foreach (WidthPath<double> path in WidthPaths.For<double>(term, mode))
            {
                if (WidthPaths.Runs<double>(path.Name, length))
                {
                    Check($"{label} double {path.Name}", path.Run(inputs, factors, alpha), path.Reference(inputs, factors, alpha), doubleBounds, inputs, mode, term.Sums);
                }
            }

            foreach (WidthPath<float> path in WidthPaths.For<float>(term, mode))
            {
                if (WidthPaths.Runs<float>(path.Name, length))
                {
                    double[] bounds = TermAgreement.Bounds(singleScales, length, inFloat: !path.InDouble, term.ErrorScaleShift);
                    bool[]? beyond = path.InDouble ? null : TermAgreement.BeyondFloat(term, scaled ? TermAgreement.Scaled(widened, factors) : widened, alpha);
                    Check($"{label} float {path.Name}", path.Run(singles, factors, alpha), path.Reference(singles, factors, alpha), bounds, widened, mode, term.Sums, beyond);
                }
            }
        }
    }

    private static void Check(string what, FoldTotals kernel, FoldTotals reference, double[] bounds, double[][] inputs, Type mode, int sums, bool[]? beyondFloat = null)
    {
        TermAgreement.CheckSums(what, Sums(kernel, sums), Sums(reference, sums), bounds, beyondFloat);
        if (mode == typeof(FoldModes.WithTotals))
        {
            TermAgreement.CheckTotal($"{what} Σ input 0", kernel.SumP, reference.SumP, inputs[0]);
            if (inputs.Length > 1)
            {
                TermAgreement.CheckTotal($"{what} Σ input 1", kernel.SumQ, reference.SumQ, inputs[1]);
            }
        }
    }

    private static double[] Sums(FoldTotals totals, int count) => new[] { totals.Sum, totals.Sum1, totals.Sum2, totals.Sum3 }[..count];

    private static void CheckPublic(TermKernel term, TermCase input, double alpha)
    {
        double[][] inputs = term.Inputs(input);
        float[][] singles = TermKernels.ToSingle(inputs);
        int length = inputs[0].Length;
        string label = $"{term.Name} α={alpha:R} {input}";

        double[] doubleBounds = TermAgreement.Bounds(TermAgreement.Scales(term, inputs, alpha), length, false, term.ErrorScaleShift);
        double[] fold = term.Fold(inputs, alpha), reference = term.FoldReference(inputs, alpha);
        TermAgreement.CheckSums($"{label} double Fold", fold, reference, doubleBounds);

        double[][] widened = TermKernels.Widen(singles);
        double[] singleBounds = TermAgreement.Bounds(TermAgreement.Scales(term, widened, alpha), length, inFloat: !term.FloatInDouble, term.ErrorScaleShift);
        double[] foldSingle = term.FoldSingle(singles, alpha), referenceSingle = term.FoldReferenceSingle(singles, alpha);
        bool[]? beyond = term.FloatInDouble ? null : TermAgreement.BeyondFloat(term, widened, alpha);
        TermAgreement.CheckSums($"{label} float Fold", foldSingle, referenceSingle, singleBounds, beyond);

        if (term.Finish is null || (term.HasAlpha && alpha == 1.0))
        {
            return;
        }

        double measure = term.Measure!(inputs, alpha);
        TermAgreement.CheckMeasureIsFinisherOfFold($"{label} double", measure, term.Finish(fold, alpha));
        TermAgreement.CheckMeasure($"{label} double Measure", measure, term.Finish, reference, doubleBounds, alpha);

        double measureSingle = term.MeasureSingle!(singles, alpha);
        TermAgreement.CheckMeasureIsFinisherOfFold($"{label} float", measureSingle, term.Finish(foldSingle, alpha));
        if (foldSingle.Any(double.IsInfinity) && !referenceSingle.Any(double.IsInfinity))
        {
            return; // the tolerated float overflow above
        }

        TermAgreement.CheckMeasure($"{label} float Measure", measureSingle, term.Finish, referenceSingle, singleBounds, alpha);
    }
}

/// <summary>Chi-squares whose term is in range do not overflow in an intermediate: not in a square (found by these
/// tests; the term is (p − q)·((p − q)/q)), and not in the quotient (p − q)/q against a tiny divisor (found by
/// <see cref="TermRowFoldTests"/> with subnormal floats; the divisor is rescaled where q² underflows).</summary>
public sealed class FloatTermOverflowTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(67)]
    public void ChiSquaresAgainstATinyDivisorAreTheirFiniteValue(int n)
    {
        // Float: (2⁻¹⁰ − 2⁻¹⁴⁰)²/2⁻¹⁴⁰ rounds to 2¹²⁰ (a float), while (p − q)/q = 2¹³⁰ is not one.
        float[] p = Enumerable.Repeat(MathF.Pow(2, -10), n).ToArray();
        float[] q = Enumerable.Repeat(MathF.Pow(2, -140), n).ToArray();
        double expected = n * Math.Pow(2, 120);
        Assert.Equal(expected, Terms.PearsonChiSquareKernel.Fold(p, q), expected * 1e-15);
        Assert.Equal(expected, Terms.NeymanChiSquareKernel.Fold(q, p), expected * 1e-15);
        Assert.Equal(expected, Terms.SquareOverReferenceKernel.Fold(p, q), expected * 1e-15);
        Assert.Equal((float)expected, Measures.PearsonChiSquare(p, q), (float)expected * 1e-6f);

        // Double: (2⁻⁴⁰ − 2⁻¹⁰⁷⁴)²/2⁻¹⁰⁷⁴ rounds to 2⁹⁹⁴, while (p − q)/q = 2¹⁰³⁴ overflows.
        double[] pd = Enumerable.Repeat(Math.Pow(2, -40), n).ToArray();
        double[] qd = Enumerable.Repeat(double.Epsilon, n).ToArray();
        double expectedDouble = n * Math.Pow(2, 994);
        Assert.Equal(expectedDouble, Measures.PearsonChiSquare(pd, qd), expectedDouble * 1e-15);
        Assert.Equal(expectedDouble, Measures.NeymanChiSquare(qd, pd), expectedDouble * 1e-15);
        Assert.Equal(expectedDouble, Terms.SquareOverReferenceKernel.Fold(pd, qd), expectedDouble * 1e-15);
        Assert.Equal(expectedDouble, Terms.PearsonChiSquareKernel.FoldReference(pd, qd), expectedDouble * 1e-15);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void TinyDivisorsAmongOrdinaryOnesAgreeWithTheTerm(int seed)
    {
        // Every 7th q is a positive float subnormal, against a p < 2⁻¹² whose term p²/q stays a float although p/q does
        // not: those blocks leave the fast path.
        var random = new Random(seed);
        float[] p = Enumerable.Range(0, 203).Select(i => (float)(random.NextDouble() * (i % 7 == 3 ? 1.0 / 4096 : 1.0))).ToArray();
        float[] q = Enumerable.Range(0, 203).Select(i => i % 7 == 3 ? MathF.Pow(2, -149 + random.Next(20)) : (float)random.NextDouble()).ToArray();
        double reference = Terms.PearsonChiSquareKernel.FoldReference(p, q);
        Assert.True(double.IsFinite(reference));
        Assert.Equal(reference, Terms.PearsonChiSquareKernel.Fold(p, q), reference * 8 * KernelCheck.SingleEpsilon);
        Assert.Equal(Terms.NeymanChiSquareKernel.FoldReference(q, p), Terms.NeymanChiSquareKernel.Fold(q, p), reference * 8 * KernelCheck.SingleEpsilon);

        q[10] = 0f;
        Assert.Equal(double.PositiveInfinity, Terms.PearsonChiSquareKernel.Fold(p, q));
    }

    [Fact]
    public void FloatChiSquareDoesNotOverflowWhereTheTermIsAFloat()
    {
        // (3e29 − 1e29)²/1e29 = 4e29 is a float, but (p − q)² = 4e58 is not.
        float[] p = Enumerable.Repeat(3e29f, 64).ToArray();
        float[] q = Enumerable.Repeat(1e29f, 64).ToArray();
        Assert.Equal(Terms.PearsonChiSquareKernel.FoldReference(p, q), Terms.PearsonChiSquareKernel.Fold(p, q), 1e-6 * 64 * 4e29);
        Assert.Equal(Terms.NeymanChiSquareKernel.FoldReference(q, p), Terms.NeymanChiSquareKernel.Fold(q, p), 1e-6 * 64 * 4e29);
    }
}
