using System;
using System.Linq;
using Kernels.Verification;

namespace Kernels.Tests;

/// <summary>One generated input pair (built by <see cref="KernelInputs.Pair"/>), from which each term's inputs are mapped.</summary>
public sealed record TermCase(KernelInputKind Kind, int Seed, double[] P, double[] Q)
{
    public static TermCase Build(KernelInputKind kind, int seed, int length)
    {
        (double[] p, double[] q) = KernelInputs.Pair(kind, seed, length);
        return new TermCase(kind, seed, p, q);
    }

    public override string ToString() => $"{Kind} n={P.Length} seed={Seed}";
}

/// <summary>Folds a set of inputs (one array per term input) with the term's parameter into the term's sums.</summary>
public delegate double[] SumsOf<T>(T[][] inputs, double alpha);

/// <summary>The measure (finisher applied to the sums) of a set of inputs.</summary>
public delegate double MeasureOf<T>(T[][] inputs, double alpha);

/// <summary>FoldEachRow or MeasureEachRow of row-major inputs into one value per row.</summary>
public delegate void EachRowOf<T>(T[][] inputs, int columns, double[] destination, double alpha);

/// <summary>
/// One built-in term and its generated kernel class as the agreement tests see it: the public entry points as typed
/// delegates (compile-checked, no reflection), the term itself element by element, and its error scale.
/// </summary>
/// <param name="Name">The term's method name (its kernel class is <c>{Name}Kernel</c>).</param>
/// <param name="Kernel">The generated kernel class.</param>
/// <param name="Arity">Input spans: 1, 2 or 4.</param>
/// <param name="HasAlpha">Whether the term takes a <see cref="TermParameterAttribute"/> (an order α).</param>
/// <param name="Sums">Sums the term returns (1, or 3 for a tuple term).</param>
/// <param name="FloatInDouble">Whether the public float entry points fold in double (terms with a general Pow or an Exp of a
/// computed argument, or [Term(FloatInDouble = true)]).</param>
/// <param name="Term">The scalar term at one element: (input values, α) → its outputs.</param>
/// <param name="ErrorScale">Per element and output, the magnitude S such that a correctly written kernel's term is
/// within c·ε·S of the exact term (c and ε chosen by the caller for the arithmetic used): |term| for arithmetic and
/// roots, |term|·(1 + |exponent|) where an exponential magnifies the rounding of its argument (Pow: VectorMath.Pow's
/// (|y·ln x| + 4) ulp), and the sum of the intermediate magnitudes where the term is a difference.</param>
/// <param name="Inputs">The term's inputs built from a generated case (p and q mapped onto the term's domain).</param>
/// <param name="SharedRow">Whether the row folds accept one shared row for the second input.</param>
public sealed record TermKernel(
    string Name,
    Type Kernel,
    int Arity,
    bool HasAlpha,
    int Sums,
    bool FloatInDouble,
    Func<double[], double, double[]> Term,
    Func<double[], double, double[]> ErrorScale,
    Func<TermCase, double[][]> Inputs,
    bool SharedRow)
{
    public required SumsOf<double> Fold { get; init; }

    public required SumsOf<double> FoldReference { get; init; }

    public required SumsOf<float> FoldSingle { get; init; }

    public required SumsOf<float> FoldReferenceSingle { get; init; }

    /// <summary>For a term computed in float arithmetic (the float paths of the terms folded in double exist too): whether
    /// at these values the term or one of its intermediate results (a square, an e^v with |v| &gt; 88) is beyond float's range (KNOWN BUG, reported: the float kernel then gives ±∞ where the reference, and the
    /// scalar path taken for inputs shorter than one vector, give the finite double value). Null: only the term itself.</summary>
    public Func<double[], double, bool>? IntermediateBeyondFloat { get; init; }

    /// <summary>[Term(Maximum = true)]: the fold is the largest term (−∞ for empty input), not the sum.</summary>
    public bool Maximum { get; init; }

    /// <summary><see cref="ErrorScale"/> returns S·2^−shift, so that the scale of a term near the top of double's range
    /// stays finite; <see cref="TermAgreement.Bounds"/> multiplies the shift back after ε.</summary>
    public int ErrorScaleShift { get; init; }

    /// <summary>The finisher applied to the sums, or null for a term without one.</summary>
    public Func<double[], double, double>? Finish { get; init; }

    public MeasureOf<double>? Measure { get; init; }

    public MeasureOf<float>? MeasureSingle { get; init; }

    /// <summary>MeasureEachRow for a term with a finisher, FoldEachRow for one without.</summary>
    public required EachRowOf<double> EachRow { get; init; }

    public required EachRowOf<float> EachRowSingle { get; init; }

    public override string ToString() => Name;
}

/// <summary>The built-in terms of <c>Terms.Divergences.cs</c> with their kernels (every one must be listed here: see
/// <see cref="TermCoverageTests"/>).</summary>
public static class TermKernels
{
    private static readonly double SqrtFloatMax = Math.Sqrt(float.MaxValue);

    /// <summary>Whether x^y (a factor of a term) is outside float's normal range, or is 0 or ∞ to a power.</summary>
    private static bool BeyondFloatPower(double x, double y) =>
        x == 0.0 || double.IsInfinity(x) || (x > 0.0 && Math.Abs(y * Math.Log(x)) > 87.0);

    private static double[] One(double x) => [x];

    private static double[] Abs(double[] outputs) => outputs.Select(Math.Abs).ToArray();

    private static double LogMagnitude(double x) => x > 0 && double.IsFinite(x) ? Math.Abs(Math.Log(x)) : 0.0;

    // ---- inputs: p and q of a case mapped onto each term's domain ----

    private static double[][] PQ(TermCase c) => [c.P, c.Q];

    private static double[][] POnly(TermCase c) => [c.P];

    /// <summary>Counts: p·1000 rounded where finite (specials, negatives and subnormals kept as they are).</summary>
    private static double[][] Counts(TermCase c) =>
        [c.P.Select(x => double.IsFinite(x) && Math.Abs(x) > 1e-300 ? Math.Round(x * 1000.0) : x).ToArray()];

    /// <summary>Means ±p (alternating) and log-variances 4(q − p): both branches of e^v − 1 − v (|v| ≤ 1 and beyond),
    /// near-equal cases give tiny v, huge cases overflow e^v, specials propagate.</summary>
    private static double[][] Gaussian(TermCase c) =>
        [c.P.Select((x, i) => i % 2 == 0 ? x : -x).ToArray(), c.P.Zip(c.Q, (p, q) => 4.0 * (q - p)).ToArray()];

    private static double[][] GaussianPair(TermCase c)
    {
        double[][] first = Gaussian(c);
        double[] mean2 = c.Q.Select((x, i) => i % 3 == 0 ? -0.5 * x : x).ToArray();
        double[] logVariance2 = c.P.Select(p => 3.0 * (p - 0.5)).ToArray();
        return [first[0], first[1], mean2, logVariance2];
    }

    // ---- error scales ----

    private static double[] PlainScale(double[] outputs) => Abs(outputs);

    /// <summary>e^(α·ln p + (1 − α)·ln q): the argument's rounding (Log within 2 ulp, then a product and a sum) is
    /// magnified by the exponential.</summary>
    private static double RenyiDivergenceScale(double p, double q, double alpha) =>
        ShiftedScale(Terms.RenyiDivergence(p, q, alpha), 1.0 + Math.Abs(alpha * LogMagnitude(p)) + Math.Abs((1.0 - alpha) * LogMagnitude(q)));

    /// <summary>|term|·factor·2^−<see cref="PowerScaleShift"/>: a term near the top of double's range times the factor
    /// its power magnifies rounding by (up to about 700) would overflow unshifted (found by CI: a Huge float input at
    /// α = 11.4 gave a finite 1e306 term whose error scale was +∞, so it was left out of the bound).</summary>
    private static double ShiftedScale(double term, double factor) => Math.ScaleB(Math.Abs(term), -PowerScaleShift) * factor;

    /// <summary>The <see cref="TermKernel.ErrorScaleShift"/> of the terms with a general power.</summary>
    private const int PowerScaleShift = 64;

    /// <summary>½(m² + e^v − 1 − v): for |v| &gt; 1 e^v, 1 and v are rounded separately (no cancellation below).</summary>
    private static double ExpMinusOneMinusScale(double v) =>
        Math.Abs(v) <= 1.0 ? Math.Abs(Terms.ExpMinusOneMinus(v)) : Math.Exp(v) + 1.0 + Math.Abs(v);

    public static readonly TermKernel[] All =
    {
        new("Hellinger", typeof(Terms.HellingerKernel), 2, false, 1, false,
            (x, _) => One(Terms.Hellinger(x[0], x[1])), (x, _) => PlainScale(One(Terms.Hellinger(x[0], x[1]))), PQ, SharedRow: true)
        {
            Fold = (x, _) => One(Terms.HellingerKernel.Fold(x[0], x[1])),
            FoldReference = (x, _) => One(Terms.HellingerKernel.FoldReference(x[0], x[1])),
            FoldSingle = (x, _) => One(Terms.HellingerKernel.Fold(x[0], x[1])),
            FoldReferenceSingle = (x, _) => One(Terms.HellingerKernel.FoldReference(x[0], x[1])),
            Finish = (s, _) => Terms.HellingerOfSum(s[0]),
            Measure = (x, _) => Terms.HellingerKernel.Measure(x[0], x[1]),
            MeasureSingle = (x, _) => Terms.HellingerKernel.Measure(x[0], x[1]),
            EachRow = (x, c, d, _) => Terms.HellingerKernel.MeasureEachRow(x[0], x[1], c, d),
            EachRowSingle = (x, c, d, _) => Terms.HellingerKernel.MeasureEachRow(x[0], x[1], c, d),
        },
        new("TotalVariation", typeof(Terms.TotalVariationKernel), 2, false, 1, false,
            (x, _) => One(Terms.TotalVariation(x[0], x[1])), (x, _) => PlainScale(One(Terms.TotalVariation(x[0], x[1]))), PQ, SharedRow: true)
        {
            Fold = (x, _) => One(Terms.TotalVariationKernel.Fold(x[0], x[1])),
            FoldReference = (x, _) => One(Terms.TotalVariationKernel.FoldReference(x[0], x[1])),
            FoldSingle = (x, _) => One(Terms.TotalVariationKernel.Fold(x[0], x[1])),
            FoldReferenceSingle = (x, _) => One(Terms.TotalVariationKernel.FoldReference(x[0], x[1])),
            Finish = (s, _) => Terms.Half(s[0]),
            Measure = (x, _) => Terms.TotalVariationKernel.Measure(x[0], x[1]),
            MeasureSingle = (x, _) => Terms.TotalVariationKernel.Measure(x[0], x[1]),
            EachRow = (x, c, d, _) => Terms.TotalVariationKernel.MeasureEachRow(x[0], x[1], c, d),
            EachRowSingle = (x, c, d, _) => Terms.TotalVariationKernel.MeasureEachRow(x[0], x[1], c, d),
        },
        new("PearsonChiSquare", typeof(Terms.PearsonChiSquareKernel), 2, false, 1, false,
            (x, _) => One(Terms.PearsonChiSquare(x[0], x[1])), (x, _) => PlainScale(One(Terms.PearsonChiSquare(x[0], x[1]))), PQ, SharedRow: true)
        {
            Fold = (x, _) => One(Terms.PearsonChiSquareKernel.Fold(x[0], x[1])),
            FoldReference = (x, _) => One(Terms.PearsonChiSquareKernel.FoldReference(x[0], x[1])),
            FoldSingle = (x, _) => One(Terms.PearsonChiSquareKernel.Fold(x[0], x[1])),
            FoldReferenceSingle = (x, _) => One(Terms.PearsonChiSquareKernel.FoldReference(x[0], x[1])),
            EachRow = (x, c, d, _) => Terms.PearsonChiSquareKernel.FoldEachRow(x[0], x[1], c, d),
            EachRowSingle = (x, c, d, _) => Terms.PearsonChiSquareKernel.FoldEachRow(x[0], x[1], c, d),
        },
        new("NeymanChiSquare", typeof(Terms.NeymanChiSquareKernel), 2, false, 1, false,
            (x, _) => One(Terms.NeymanChiSquare(x[0], x[1])), (x, _) => PlainScale(One(Terms.NeymanChiSquare(x[0], x[1]))), PQ, SharedRow: true)
        {
            Fold = (x, _) => One(Terms.NeymanChiSquareKernel.Fold(x[0], x[1])),
            FoldReference = (x, _) => One(Terms.NeymanChiSquareKernel.FoldReference(x[0], x[1])),
            FoldSingle = (x, _) => One(Terms.NeymanChiSquareKernel.Fold(x[0], x[1])),
            FoldReferenceSingle = (x, _) => One(Terms.NeymanChiSquareKernel.FoldReference(x[0], x[1])),
            EachRow = (x, c, d, _) => Terms.NeymanChiSquareKernel.FoldEachRow(x[0], x[1], c, d),
            EachRowSingle = (x, c, d, _) => Terms.NeymanChiSquareKernel.FoldEachRow(x[0], x[1], c, d),
        },
        new("Bhattacharyya", typeof(Terms.BhattacharyyaKernel), 2, false, 1, false,
            (x, _) => One(Terms.Bhattacharyya(x[0], x[1])), (x, _) => PlainScale(One(Terms.Bhattacharyya(x[0], x[1]))), PQ, SharedRow: true)
        {
            Fold = (x, _) => One(Terms.BhattacharyyaKernel.Fold(x[0], x[1])),
            FoldReference = (x, _) => One(Terms.BhattacharyyaKernel.FoldReference(x[0], x[1])),
            FoldSingle = (x, _) => One(Terms.BhattacharyyaKernel.Fold(x[0], x[1])),
            FoldReferenceSingle = (x, _) => One(Terms.BhattacharyyaKernel.FoldReference(x[0], x[1])),
            Finish = (s, _) => Terms.NegativeLog(s[0]),
            Measure = (x, _) => Terms.BhattacharyyaKernel.Measure(x[0], x[1]),
            MeasureSingle = (x, _) => Terms.BhattacharyyaKernel.Measure(x[0], x[1]),
            EachRow = (x, c, d, _) => Terms.BhattacharyyaKernel.MeasureEachRow(x[0], x[1], c, d),
            EachRowSingle = (x, c, d, _) => Terms.BhattacharyyaKernel.MeasureEachRow(x[0], x[1], c, d),
        },
        new("RenyiEntropy", typeof(Terms.RenyiEntropyKernel), 1, true, 1, true,
            (x, a) => One(Terms.RenyiEntropy(x[0], a)),
            (x, a) => One(ShiftedScale(Terms.RenyiEntropy(x[0], a), 4.0 + Math.Abs(a * LogMagnitude(x[0])))), POnly, SharedRow: false)
        {
            ErrorScaleShift = PowerScaleShift,
            Fold = (x, a) => One(Terms.RenyiEntropyKernel.Fold(x[0], a)),
            FoldReference = (x, a) => One(Terms.RenyiEntropyKernel.FoldReference(x[0], a)),
            FoldSingle = (x, a) => One(Terms.RenyiEntropyKernel.Fold(x[0], a)),
            FoldReferenceSingle = (x, a) => One(Terms.RenyiEntropyKernel.FoldReference(x[0], a)),
            IntermediateBeyondFloat = (x, a) => BeyondFloatPower(x[0], a),
            Finish = (s, a) => Terms.RenyiEntropyOfSum(s[0], a),
            Measure = (x, a) => Terms.RenyiEntropyKernel.Measure(x[0], a),
            MeasureSingle = (x, a) => Terms.RenyiEntropyKernel.Measure(x[0], a),
            EachRow = (x, c, d, a) => Terms.RenyiEntropyKernel.MeasureEachRow(x[0], c, d, a),
            EachRowSingle = (x, c, d, a) => Terms.RenyiEntropyKernel.MeasureEachRow(x[0], c, d, a),
        },
        new("TsallisEntropy", typeof(Terms.TsallisEntropyKernel), 1, true, 1, true,
            (x, a) => One(Terms.TsallisEntropy(x[0], a)),
            (x, a) => One(ShiftedScale(Terms.TsallisEntropy(x[0], a), 4.0 + Math.Abs(a * LogMagnitude(x[0])))), POnly, SharedRow: false)
        {
            ErrorScaleShift = PowerScaleShift,
            Fold = (x, a) => One(Terms.TsallisEntropyKernel.Fold(x[0], a)),
            FoldReference = (x, a) => One(Terms.TsallisEntropyKernel.FoldReference(x[0], a)),
            FoldSingle = (x, a) => One(Terms.TsallisEntropyKernel.Fold(x[0], a)),
            FoldReferenceSingle = (x, a) => One(Terms.TsallisEntropyKernel.FoldReference(x[0], a)),
            IntermediateBeyondFloat = (x, a) => BeyondFloatPower(x[0], a),
            Finish = (s, a) => Terms.TsallisEntropyOfSum(s[0], a),
            Measure = (x, a) => Terms.TsallisEntropyKernel.Measure(x[0], a),
            MeasureSingle = (x, a) => Terms.TsallisEntropyKernel.Measure(x[0], a),
            EachRow = (x, c, d, a) => Terms.TsallisEntropyKernel.MeasureEachRow(x[0], c, d, a),
            EachRowSingle = (x, c, d, a) => Terms.TsallisEntropyKernel.MeasureEachRow(x[0], c, d, a),
        },
        new("RenyiDivergence", typeof(Terms.RenyiDivergenceKernel), 2, true, 1, true,
            (x, a) => One(Terms.RenyiDivergence(x[0], x[1], a)), (x, a) => One(RenyiDivergenceScale(x[0], x[1], a)), PQ, SharedRow: true)
        {
            ErrorScaleShift = PowerScaleShift,
            Fold = (x, a) => One(Terms.RenyiDivergenceKernel.Fold(x[0], x[1], a)),
            FoldReference = (x, a) => One(Terms.RenyiDivergenceKernel.FoldReference(x[0], x[1], a)),
            FoldSingle = (x, a) => One(Terms.RenyiDivergenceKernel.Fold(x[0], x[1], a)),
            FoldReferenceSingle = (x, a) => One(Terms.RenyiDivergenceKernel.FoldReference(x[0], x[1], a)),
            IntermediateBeyondFloat = (x, a) => BeyondFloatPower(x[0], a) || BeyondFloatPower(x[1], 1.0 - a),
            Finish = (s, a) => Terms.RenyiDivergenceOfSum(s[0], a),
            Measure = (x, a) => Terms.RenyiDivergenceKernel.Measure(x[0], x[1], a),
            MeasureSingle = (x, a) => Terms.RenyiDivergenceKernel.Measure(x[0], x[1], a),
            EachRow = (x, c, d, a) => Terms.RenyiDivergenceKernel.MeasureEachRow(x[0], x[1], c, d, a),
            EachRowSingle = (x, c, d, a) => Terms.RenyiDivergenceKernel.MeasureEachRow(x[0], x[1], c, d, a),
        },
        new("GaussianKullbackLeibler", typeof(Terms.GaussianKullbackLeiblerKernel), 2, false, 1, false,
            (x, _) => One(Terms.GaussianKullbackLeibler(x[0], x[1])),
            (x, _) => One(0.5 * ((x[0] * x[0]) + ExpMinusOneMinusScale(x[1]))), Gaussian, SharedRow: true)
        {
            Fold = (x, _) => One(Terms.GaussianKullbackLeiblerKernel.Fold(x[0], x[1])),
            FoldReference = (x, _) => One(Terms.GaussianKullbackLeiblerKernel.FoldReference(x[0], x[1])),
            FoldSingle = (x, _) => One(Terms.GaussianKullbackLeiblerKernel.Fold(x[0], x[1])),
            FoldReferenceSingle = (x, _) => One(Terms.GaussianKullbackLeiblerKernel.FoldReference(x[0], x[1])),
            IntermediateBeyondFloat = (x, _) => Math.Abs(x[0]) > SqrtFloatMax || Math.Abs(x[1]) > 88.0,
            EachRow = (x, c, d, _) => Terms.GaussianKullbackLeiblerKernel.FoldEachRow(x[0], x[1], c, d),
            EachRowSingle = (x, c, d, _) => Terms.GaussianKullbackLeiblerKernel.FoldEachRow(x[0], x[1], c, d),
        },
        new("GaussianKullbackLeiblerOfPair", typeof(Terms.GaussianKullbackLeiblerOfPairKernel), 4, false, 1, false,
            (x, _) => One(Terms.GaussianKullbackLeiblerOfPair(x[0], x[1], x[2], x[3])),
            (x, _) => One(0.5 * (ExpMinusOneMinusScale(x[1] - x[3]) + ((x[0] - x[2]) * (x[0] - x[2]) * Math.Exp(-x[3])))), GaussianPair, SharedRow: false)
        {
            Fold = (x, _) => One(Terms.GaussianKullbackLeiblerOfPairKernel.Fold(x[0], x[1], x[2], x[3])),
            FoldReference = (x, _) => One(Terms.GaussianKullbackLeiblerOfPairKernel.FoldReference(x[0], x[1], x[2], x[3])),
            FoldSingle = (x, _) => One(Terms.GaussianKullbackLeiblerOfPairKernel.Fold(x[0], x[1], x[2], x[3])),
            FoldReferenceSingle = (x, _) => One(Terms.GaussianKullbackLeiblerOfPairKernel.FoldReference(x[0], x[1], x[2], x[3])),
            IntermediateBeyondFloat = (x, _) => Math.Abs(x[0] - x[2]) > SqrtFloatMax || Math.Abs(x[1] - x[3]) > 88.0 || Math.Abs(x[3]) > 88.0,
            EachRow = (x, c, d, _) => Terms.GaussianKullbackLeiblerOfPairKernel.FoldEachRow(x[0], x[1], x[2], x[3], c, d),
            EachRowSingle = (x, c, d, _) => Terms.GaussianKullbackLeiblerOfPairKernel.FoldEachRow(x[0], x[1], x[2], x[3], c, d),
        },
        new("SquareOfProbability", typeof(Terms.SquareOfProbabilityKernel), 1, false, 1, false,
            (x, _) => One(Terms.SquareOfProbability(x[0])), (x, _) => PlainScale(One(Terms.SquareOfProbability(x[0]))), POnly, SharedRow: false)
        {
            Fold = (x, _) => One(Terms.SquareOfProbabilityKernel.Fold(x[0])),
            FoldReference = (x, _) => One(Terms.SquareOfProbabilityKernel.FoldReference(x[0])),
            FoldSingle = (x, _) => One(Terms.SquareOfProbabilityKernel.Fold(x[0])),
            FoldReferenceSingle = (x, _) => One(Terms.SquareOfProbabilityKernel.FoldReference(x[0])),
            EachRow = (x, c, d, _) => Terms.SquareOfProbabilityKernel.FoldEachRow(x[0], c, d),
            EachRowSingle = (x, c, d, _) => Terms.SquareOfProbabilityKernel.FoldEachRow(x[0], c, d),
        },
        new("SquareRootOfProbability", typeof(Terms.SquareRootOfProbabilityKernel), 1, false, 1, false,
            (x, _) => One(Terms.SquareRootOfProbability(x[0])), (x, _) => PlainScale(One(Terms.SquareRootOfProbability(x[0]))), POnly, SharedRow: false)
        {
            Fold = (x, _) => One(Terms.SquareRootOfProbabilityKernel.Fold(x[0])),
            FoldReference = (x, _) => One(Terms.SquareRootOfProbabilityKernel.FoldReference(x[0])),
            FoldSingle = (x, _) => One(Terms.SquareRootOfProbabilityKernel.Fold(x[0])),
            FoldReferenceSingle = (x, _) => One(Terms.SquareRootOfProbabilityKernel.FoldReference(x[0])),
            EachRow = (x, c, d, _) => Terms.SquareRootOfProbabilityKernel.FoldEachRow(x[0], c, d),
            EachRowSingle = (x, c, d, _) => Terms.SquareRootOfProbabilityKernel.FoldEachRow(x[0], c, d),
        },
        new("SquareOverReference", typeof(Terms.SquareOverReferenceKernel), 2, false, 1, false,
            (x, _) => One(Terms.SquareOverReference(x[0], x[1])), (x, _) => PlainScale(One(Terms.SquareOverReference(x[0], x[1]))), PQ, SharedRow: true)
        {
            Fold = (x, _) => One(Terms.SquareOverReferenceKernel.Fold(x[0], x[1])),
            FoldReference = (x, _) => One(Terms.SquareOverReferenceKernel.FoldReference(x[0], x[1])),
            FoldSingle = (x, _) => One(Terms.SquareOverReferenceKernel.Fold(x[0], x[1])),
            FoldReferenceSingle = (x, _) => One(Terms.SquareOverReferenceKernel.FoldReference(x[0], x[1])),
            EachRow = (x, c, d, _) => Terms.SquareOverReferenceKernel.FoldEachRow(x[0], x[1], c, d),
            EachRowSingle = (x, c, d, _) => Terms.SquareOverReferenceKernel.FoldEachRow(x[0], x[1], c, d),
        },
        new("LargestLogit", typeof(Terms.LargestLogitKernel), 1, false, 1, false,
            (x, _) => One(Terms.LargestLogit(x[0])), (x, _) => PlainScale(One(Terms.LargestLogit(x[0]))), POnly, SharedRow: false)
        {
            Maximum = true,
            Fold = (x, _) => One(Terms.LargestLogitKernel.Fold(x[0])),
            FoldReference = (x, _) => One(Terms.LargestLogitKernel.FoldReference(x[0])),
            FoldSingle = (x, _) => One(Terms.LargestLogitKernel.Fold(x[0])),
            FoldReferenceSingle = (x, _) => One(Terms.LargestLogitKernel.FoldReference(x[0])),
            EachRow = (x, c, d, _) => Terms.LargestLogitKernel.FoldEachRow(x[0], c, d),
            EachRowSingle = (x, c, d, _) => Terms.LargestLogitKernel.FoldEachRow(x[0], c, d),
        },
        new("AtMaximum", typeof(Terms.AtMaximumKernel), 1, false, 1, false,
            (x, _) => One(Terms.AtMaximum(x[0])), (x, _) => PlainScale(One(Terms.AtMaximum(x[0]))), POnly, SharedRow: false)
        {
            Fold = (x, _) => One(Terms.AtMaximumKernel.Fold(x[0])),
            FoldReference = (x, _) => One(Terms.AtMaximumKernel.FoldReference(x[0])),
            FoldSingle = (x, _) => One(Terms.AtMaximumKernel.Fold(x[0])),
            FoldReferenceSingle = (x, _) => One(Terms.AtMaximumKernel.FoldReference(x[0])),
            EachRow = (x, c, d, _) => Terms.AtMaximumKernel.FoldEachRow(x[0], c, d),
            EachRowSingle = (x, c, d, _) => Terms.AtMaximumKernel.FoldEachRow(x[0], c, d),
        },
        new("LargestProbability", typeof(Terms.LargestProbabilityKernel), 1, false, 1, false,
            (x, _) => One(Terms.LargestProbability(x[0])), (x, _) => PlainScale(One(Terms.LargestProbability(x[0]))), POnly, SharedRow: false)
        {
            Maximum = true,
            Fold = (x, _) => One(Terms.LargestProbabilityKernel.Fold(x[0])),
            FoldReference = (x, _) => One(Terms.LargestProbabilityKernel.FoldReference(x[0])),
            FoldSingle = (x, _) => One(Terms.LargestProbabilityKernel.Fold(x[0])),
            FoldReferenceSingle = (x, _) => One(Terms.LargestProbabilityKernel.FoldReference(x[0])),
            EachRow = (x, c, d, _) => Terms.LargestProbabilityKernel.FoldEachRow(x[0], c, d),
            EachRowSingle = (x, c, d, _) => Terms.LargestProbabilityKernel.FoldEachRow(x[0], c, d),
        },
        new("LargestRatio", typeof(Terms.LargestRatioKernel), 2, false, 1, true,
            (x, _) => One(Terms.LargestRatio(x[0], x[1])), (x, _) => PlainScale(One(Terms.LargestRatio(x[0], x[1]))), PQ, SharedRow: true)
        {
            Maximum = true,
            Fold = (x, _) => One(Terms.LargestRatioKernel.Fold(x[0], x[1])),
            FoldReference = (x, _) => One(Terms.LargestRatioKernel.FoldReference(x[0], x[1])),
            FoldSingle = (x, _) => One(Terms.LargestRatioKernel.Fold(x[0], x[1])),
            FoldReferenceSingle = (x, _) => One(Terms.LargestRatioKernel.FoldReference(x[0], x[1])),
            EachRow = (x, c, d, _) => Terms.LargestRatioKernel.FoldEachRow(x[0], x[1], c, d),
            EachRowSingle = (x, c, d, _) => Terms.LargestRatioKernel.FoldEachRow(x[0], x[1], c, d),
        },
        new("MillerMadow", typeof(Terms.MillerMadowKernel), 1, false, 3, true,
            (x, _) => Tuple(Terms.MillerMadow(x[0])), (x, _) => Abs(Tuple(Terms.MillerMadow(x[0]))), Counts, SharedRow: false)
        {
            Fold = (x, _) => Tuple(Terms.MillerMadowKernel.Fold(x[0])),
            FoldReference = (x, _) => Tuple(Terms.MillerMadowKernel.FoldReference(x[0])),
            FoldSingle = (x, _) => Tuple(Terms.MillerMadowKernel.Fold(x[0])),
            FoldReferenceSingle = (x, _) => Tuple(Terms.MillerMadowKernel.FoldReference(x[0])),
            Finish = (s, _) => Terms.MillerMadowOfSums(s[0], s[1], s[2]),
            Measure = (x, _) => Terms.MillerMadowKernel.Measure(x[0]),
            MeasureSingle = (x, _) => Terms.MillerMadowKernel.Measure(x[0]),
            EachRow = (x, c, d, _) => Terms.MillerMadowKernel.MeasureEachRow(x[0], c, d),
            EachRowSingle = (x, c, d, _) => Terms.MillerMadowKernel.MeasureEachRow(x[0], c, d),
        },
    };

    private static double[] Tuple((double, double, double) sums) => [sums.Item1, sums.Item2, sums.Item3];

    /// <summary>The orders every parameterized term is checked at, besides random ones: 0 (Hartley), ½, 2 (collision),
    /// 7.5 (large, non-integer).</summary>
    public static readonly double[] Alphas = { 0.0, 0.5, 2.0, 7.5 };

    public static float[][] ToSingle(double[][] inputs) => inputs.Select(x => x.Select(v => (float)v).ToArray()).ToArray();

    public static double[][] Widen(float[][] inputs) => inputs.Select(x => x.Select(v => (double)v).ToArray()).ToArray();
}
