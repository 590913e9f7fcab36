using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kernels.Verification;
using Xunit;

namespace CustomMeasure.Tests;

/// <summary>One generated input: a kind of hard data, a seed (FsCheck prints it; Replay reproduces it) and a length.</summary>
public sealed record Case(KernelInputKind Kind, int Seed, int Length)
{
    public double[] P => KernelInputs.Pair(Kind, Seed, Length).P;

    public double[] Q => KernelInputs.Pair(Kind, Seed, Length).Q;

    public override string ToString() => $"{Kind} n={Length} seed={Seed}";
}

/// <summary>
/// The sample's terms (SampleTerms.cs) property-tested the way the Kernels library tests its own: every generated
/// kernel against <c>FoldReference</c> (the term itself folded in a plain compensated loop) on every kind of hard input
/// (<see cref="KernelInputs"/>), at lengths that reach every code path (<see cref="KernelInputs.Lengths{T}"/>), compared
/// with <see cref="KernelCheck"/>: special values exactly, the rest within tolerance × magnitude. Copy this for your own.
/// Tolerances: 8ε (ε = 2⁻⁵²) for double and for float inputs a term folds in double; 8ε_float (2⁻²³) for float inputs
/// folded in float. Magnitudes: Σ|term| unless the term itself cancels (see each test).
/// </summary>
public sealed class SampleKernelTests
{
    private const double Double = 8 * KernelCheck.DoubleEpsilon;
    private const double Single = 8 * KernelCheck.SingleEpsilon;

    public static Arbitrary<Case> Cases() => Arb.From(
        from kind in Gen.Elements(KernelInputs.Kinds.ToArray())
        from seed in Gen.Choose(0, int.MaxValue)
        from length in Gen.OneOf(Gen.Choose(0, 300), Gen.Choose(1000, 3000))
        select new Case(kind, seed, length));

    public static TheoryData<int> Lengths() => new(KernelInputs.Lengths<double>().Union(KernelInputs.Lengths<float>()));

    /// <summary>Jeffreys (p − q)·log(p/q) ≥ 0: no cancellation, so Σ|term| is the magnitude.</summary>
    [Property(Arbitrary = new[] { typeof(SampleKernelTests) }, MaxTest = 200)]
    public void Jeffreys(Case input) => CheckJeffreys(input);

    [Theory]
    [MemberData(nameof(Lengths))]
    public void JeffreysAtEveryLength(int length)
    {
        foreach (KernelInputKind kind in KernelInputs.Kinds)
        {
            CheckJeffreys(new Case(kind, length, length));
        }
    }

    private static void CheckJeffreys(Case input)
    {
        double[] p = input.P, q = input.Q;

        KernelCheck.Assert(SampleTerms.JeffreysKernel.Fold(p, q), SampleTerms.JeffreysKernel.FoldReference(p, q),
            KernelCheck.Magnitude(p, q, SampleTerms.Jeffreys), Double, $"double {input}");

        float[] pf = KernelInputs.ToSingle(p), qf = KernelInputs.ToSingle(q);
        KernelCheck.Assert(SampleTerms.JeffreysKernel.Fold(pf, qf), SampleTerms.JeffreysKernel.FoldReference(pf, qf),
            KernelCheck.Magnitude(pf, qf, SampleTerms.Jeffreys), Single, $"float {input}");
    }

    /// <summary>½(√p − √q)² cancels where p ≈ q, in the term as much as in the kernel: each is off by about ε·|p − q|
    /// there, so the magnitude is Σ(term + |p − q|), not Σ term.</summary>
    [Property(Arbitrary = new[] { typeof(SampleKernelTests) }, MaxTest = 200)]
    public void SquaredHellinger(Case input)
    {
        double[] p = input.P, q = input.Q;
        double Scale(double a, double b) => SampleTerms.SquaredHellinger(a, b) + Math.Abs(a - b);
        KernelCheck.Assert(SampleTerms.SquaredHellingerKernel.Fold(p, q), SampleTerms.SquaredHellingerKernel.FoldReference(p, q),
            KernelCheck.Magnitude(p, q, Scale), Double, $"double {input}");

        float[] pf = KernelInputs.ToSingle(p), qf = KernelInputs.ToSingle(q);
        KernelCheck.Assert(SampleTerms.SquaredHellingerKernel.Fold(pf, qf), SampleTerms.SquaredHellingerKernel.FoldReference(pf, qf),
            KernelCheck.Magnitude(pf, qf, Scale), Single, $"float {input}");
    }

    /// <summary>
    /// A term with a parameter: p^α·q^(1−α) goes through e^(y·ln x), whose error grows with the exponent, so the
    /// magnitude is Σ|term|·(2 + |α·ln p| + |(1 − α)·ln q|) (two powers of a few ulp each). Float inputs are folded in double (the term has a power).
    /// The measure (1 − Σ)/(α(1 − α)) is checked against the finisher of FoldReference within the sum's bound divided by
    /// |α(1 − α)| (the finisher's derivative). Specials are left out: VectorMath.Pow differs from Math.Pow at (−∞)^y and
    /// (−0)^(odd negative y), a reported bug.
    /// </summary>
    [Property(Arbitrary = new[] { typeof(SampleKernelTests) }, MaxTest = 100)]
    public void AlphaDivergence(Case input)
    {
        if (input.Kind == KernelInputKind.Specials)
        {
            return;
        }

        double[] p = input.P, q = input.Q;
        float[] pf = KernelInputs.ToSingle(p), qf = KernelInputs.ToSingle(q);
        // The third α runs over 0.255, 0.265, …, 10.245: never 1 (nor 0), where (1 − Σ)/(α(1 − α)) divides by zero and
        // the measure's kernel and reference answers (±∞ against 0/0 = NaN) cannot be compared.
        foreach (double alpha in new[] { 0.5, 2.0, 0.255 + (input.Seed % 1000 / 100.0) })
        {
            // Each general power is within (3·|y·ln x| + 4) ulp (VectorMath.Pow), and the two errors add. The term's size
            // comes from e^(α ln a + (1 − α) ln b): p^α alone may overflow where the product does not (Huge inputs).
            // Magnitudes are taken 2^-16 smaller (and the tolerances 2^16 larger) so that the error scale of a term near
            // the top of double's range stays finite.
            double Scale(double a, double b) =>
                (a > 0 && b > 0 && double.IsFinite(a) && double.IsFinite(b)
                    ? Math.Exp((alpha * Math.Log(a)) + ((1.0 - alpha) * Math.Log(b)) - (16 * Math.Log(2.0)))
                    : Math.ScaleB(Math.Abs(SampleTerms.AlphaDivergence(a, b, alpha)), -16))
                * (8.0 + (3.0 * (Math.Abs(alpha * LogOf(a)) + Math.Abs((1.0 - alpha) * LogOf(b)))));
            const double Scaled = Double * 65536;
            double magnitude = KernelCheck.Magnitude(p, q, Scale);
            double reference = SampleTerms.AlphaDivergenceKernel.FoldReference(p, q, alpha);
            KernelCheck.Assert(SampleTerms.AlphaDivergenceKernel.Fold(p, q, alpha), reference, magnitude, Scaled, $"double α={alpha} {input}");
            KernelCheck.Assert(SampleTerms.AlphaDivergenceKernel.Measure(p, q, alpha), SampleTerms.AlphaDivergenceOfSum(reference, alpha),
                (magnitude / Math.Abs(alpha * (1.0 - alpha))) + (1.0 / 65536), Scaled, $"double measure α={alpha} {input}");

            double magnitudeSingle = KernelCheck.Magnitude(pf, qf, Scale);
            KernelCheck.Assert(SampleTerms.AlphaDivergenceKernel.Fold(pf, qf, alpha), SampleTerms.AlphaDivergenceKernel.FoldReference(pf, qf, alpha),
                magnitudeSingle, Scaled, $"float α={alpha} {input}");
        }
    }

    /// <summary>Found by CI: Huge inputs at α = 9.96, where p^α alone overflows but the term does not.</summary>
    [Fact]
    public void AlphaDivergenceNearTheTopOfTheRange() => AlphaDivergence(new Case(KernelInputKind.Huge, 1722208971, 1003));

    private static double LogOf(double x) => x > 0 && double.IsFinite(x) ? Math.Log(x) : 0.0;

    /// <summary>
    /// A tuple term: the three sums (Σpq, Σp², Σq²) of one pass, each against the reference's. Float inputs are folded
    /// in float: a square beyond float's range (|p| &gt; 1.8e19, the Huge inputs) is +∞ there while the reference, in
    /// double, is finite, so float is checked on the other kinds.
    /// </summary>
    [Property(Arbitrary = new[] { typeof(SampleKernelTests) }, MaxTest = 100)]
    public void CauchySchwarz(Case input)
    {
        double[] p = input.P, q = input.Q;
        (double pq, double pp, double qq) = SampleTerms.CauchySchwarzKernel.Fold(p, q);
        (double pqRef, double ppRef, double qqRef) = SampleTerms.CauchySchwarzKernel.FoldReference(p, q);
        KernelCheck.Assert(pq, pqRef, KernelCheck.Magnitude(p, q, (a, b) => a * b), Double, $"Σpq double {input}");
        KernelCheck.Assert(pp, ppRef, KernelCheck.Magnitude(p, q, (a, _) => a * a), Double, $"Σp² double {input}");
        KernelCheck.Assert(qq, qqRef, KernelCheck.Magnitude(p, q, (_, b) => b * b), Double, $"Σq² double {input}");

        if (input.Kind != KernelInputKind.Huge)
        {
            float[] pf = KernelInputs.ToSingle(p), qf = KernelInputs.ToSingle(q);
            (double pqf, double ppf, double qqf) = SampleTerms.CauchySchwarzKernel.Fold(pf, qf);
            (double pqfRef, double ppfRef, double qqfRef) = SampleTerms.CauchySchwarzKernel.FoldReference(pf, qf);
            KernelCheck.Assert(pqf, pqfRef, KernelCheck.Magnitude(pf, qf, (a, b) => a * b) + (p.Length * 1e-44), Single, $"Σpq float {input}");
            KernelCheck.Assert(ppf, ppfRef, KernelCheck.Magnitude(pf, qf, (a, _) => a * a) + (p.Length * 1e-44), Single, $"Σp² float {input}");
            KernelCheck.Assert(qqf, qqfRef, KernelCheck.Magnitude(pf, qf, (_, b) => b * b) + (p.Length * 1e-44), Single, $"Σq² float {input}");
        }
    }

    /// <summary>Rows: MeasureEachRow of a row-major batch (and against one shared row) agrees with Measure of each row.</summary>
    [Theory]
    [InlineData(1, 5)]
    [InlineData(7, 130)]
    [InlineData(33, 17)]
    [InlineData(200, 3)]
    public void EachRowIsTheMeasureOfThatRow(int columns, int rows)
    {
        (double[] p, double[] q) = KernelInputs.Pair(KernelInputKind.Zeros, columns * rows, columns * rows);
        double[] shared = q[..columns];
        var scores = new double[rows];
        var sharedScores = new double[rows];
        SampleTerms.AlphaDivergenceKernel.MeasureEachRow(p, q, columns, scores, 0.5);
        SampleTerms.AlphaDivergenceKernel.MeasureEachRow(p, shared, columns, sharedScores, 0.5);
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<double> row = p.AsSpan(r * columns, columns);
            double expected = SampleTerms.AlphaDivergenceKernel.Measure(row, q.AsSpan(r * columns, columns), 0.5);
            KernelCheck.Assert(scores[r], expected, 1.0 + Math.Abs(expected), 4 * Double, $"row {r}");
            double expectedShared = SampleTerms.AlphaDivergenceKernel.Measure(row, shared, 0.5);
            KernelCheck.Assert(sharedScores[r], expectedShared, 1.0 + Math.Abs(expectedShared), 4 * Double, $"row {r} against the shared row");
        }

        Assert.Throws<ArgumentException>(() => SampleTerms.AlphaDivergenceKernel.MeasureEachRow(p, q, columns, new double[rows + 1], 0.5));
    }

    /// <summary>
    /// A maximum fold picks one term, so it is as accurate as one term: the magnitude is the largest |term|, not the sum.
    /// Float inputs compute |p − q| in float (half a float ulp from the double reference); double ones exactly. Rows: each
    /// row's maximum against the row on its own, exactly.
    /// </summary>
    [Property(Arbitrary = new[] { typeof(SampleKernelTests) }, MaxTest = 200)]
    public void Chebyshev(Case input)
    {
        double[] p = input.P, q = input.Q;
        double largest = p.Zip(q, SampleTerms.Chebyshev).Where(double.IsFinite).DefaultIfEmpty(0.0).Max();
        KernelCheck.Assert(SampleTerms.ChebyshevKernel.Fold(p, q), SampleTerms.ChebyshevKernel.FoldReference(p, q), largest, Double, $"double {input}");

        float[] pf = KernelInputs.ToSingle(p), qf = KernelInputs.ToSingle(q);
        double largestSingle = pf.Zip(qf, (a, b) => SampleTerms.Chebyshev(a, b)).Where(double.IsFinite).DefaultIfEmpty(0.0).Max();
        KernelCheck.Assert(SampleTerms.ChebyshevKernel.Fold(pf, qf), SampleTerms.ChebyshevKernel.FoldReference(pf, qf), largestSingle, Single, $"float {input}");

        int columns = 1 + (input.Seed % 37);
        int rows = p.Length / columns;
        var scores = new double[rows];
        SampleTerms.ChebyshevKernel.FoldEachRow(p.AsSpan(0, rows * columns), q.AsSpan(0, rows * columns), columns, scores);
        for (int r = 0; r < rows; r++)
        {
            double expected = SampleTerms.ChebyshevKernel.FoldReference(p.AsSpan(r * columns, columns), q.AsSpan(r * columns, columns));
            KernelCheck.Assert(scores[r], expected, 0.0, 0.0, $"row {r} of {columns} columns, {input}");
        }
    }
}
