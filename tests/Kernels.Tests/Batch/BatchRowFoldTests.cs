using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kernels.Support;
using Xunit;

namespace Kernels.Tests;

/// <summary>One generated input of the row folds: a shape, strides (padding NaN), y as rows or one shared row, and
/// the seeds of the values and the per-row parameters.</summary>
public sealed record RowFoldCase(string Kind, int Seed, int Rows, int Columns, int XPadding, int YPadding, bool SharedY, bool PadLastRow)
{
    public override string ToString() =>
        $"RowFoldCase(kind={Kind}, seed={Seed}, rows={Rows}, columns={Columns}, xPadding={XPadding}, yPadding={YPadding}, sharedY={SharedY}, padLastRow={PadLastRow})";
}

/// <summary>FsCheck arbitrary for <see cref="RowFoldCase"/>: rows 0…40 (rarely a multiple of 8 or 16), columns 1…80
/// (both sides of the wide-row thresholds 32 and 64 and of the 16-column chunks).</summary>
public static class RowFoldCases
{
    public static readonly string[] Kinds = ["clean", "zeros", "near-equal", "peaked", "subnormal", "huge", "specials"];

    public static Arbitrary<RowFoldCase> Cases() => Arb.From(
        from kind in Gen.Frequency((4, Gen.Elements(Kinds.Where(k => k != "specials").ToArray())), (1, Gen.Constant("specials")))
        from rows in Gen.Frequency((1, Gen.Choose(0, 3)), (4, Gen.Choose(4, 40)))
        from columns in Gen.Frequency((3, Gen.Choose(1, 20)), (2, Gen.Choose(21, 80)))
        from xPadding in Gen.Choose(0, 5)
        from yPadding in Gen.Frequency((1, Gen.Constant(xPadding)), (1, Gen.Choose(0, 5)))
        from sharedY in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from padLastRow in Gen.Elements(false, true)
        from seed in Gen.Choose(0, int.MaxValue)
        select new RowFoldCase(kind, seed, rows, columns, xPadding, yPadding, sharedY, padLastRow));
}

/// <summary>
/// The generated row folds <c>FoldRows{Each|Vector|512|FlatVector|Flat512}{|InDouble}&lt;TMode&gt;</c> (and the
/// dispatching <c>FoldRows</c>) of every term the batch functions use, bound by reflection, agree row by row with the term folded
/// in double-double over that row: float, double and float-in-double; every fold mode, with per-row scales and shifts;
/// y as rows or one shared row (YStride = 0); strides with NaN between rows; row counts that are not multiples of the
/// lane count. Vector512 paths run (software-emulated) on any machine. Bounds as in <see cref="KernelAgreementTests"/>:
/// double and float-in-double within 8ε·Σ|term|, float within 6ε_f·Σ|term| (JS: over the unpaired halves), plus a few
/// subnormals per element; ±∞ and NaN exactly. Σ of each input (totals modes) within 2^-50·Σ|x| (float inputs
/// 2^-47, the flat folds' stated bound); 0 in the other modes.
/// </summary>
public sealed class BatchRowFoldTests
{
    private delegate void PairRows<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results);

    private delegate void OneRows<T>(ReadOnlySpan<T> x, RowLayout layout, ReadOnlySpan<double> xParameters, Span<FoldTotals> results);

    /// <summary>What the values of an input are: probabilities, logits or log-probabilities.</summary>
    private enum Values
    {
        Probabilities,
        Logits,
        LogProbabilities,
    }

    private enum Element
    {
        Double,
        Single,
        SingleInDouble,
    }

    /// <summary>A generated kernel class, its scalar term, the error scale of a term, and what its inputs are.</summary>
    private sealed record Term(string Name, Type Kernel, int Arity, Func<double, double, double> Evaluate, Func<double, double, double> Scale, Values X, Values Y);

    private static readonly Term[] AllTerms =
    [
        new("Entropy", typeof(Terms.EntropyKernel), 1, (x, _) => Terms.Entropy(x), (x, _) => Math.Abs(Terms.Entropy(x)), Values.Probabilities, Values.Probabilities),
        new("Total", typeof(Sums.TotalKernel), 1, (x, _) => x, (x, _) => Math.Abs(x), Values.Probabilities, Values.Probabilities),
        new("CrossEntropy", typeof(Terms.CrossEntropyKernel), 2, Terms.CrossEntropy, (x, y) => Math.Abs(Terms.CrossEntropy(x, y)), Values.Probabilities, Values.Probabilities),
        new("KullbackLeibler", typeof(Terms.KullbackLeiblerKernel), 2, Terms.KullbackLeibler, (x, y) => Math.Abs(Terms.KullbackLeibler(x, y)), Values.Probabilities, Values.Probabilities),
        new("JensenShannon", typeof(Terms.JensenShannonKernel), 2, Terms.JensenShannon, (x, y) => Reference.JensenShannonHalves(x, y) + Math.Abs(Terms.JensenShannon(x, y)), Values.Probabilities, Values.Probabilities),
        new("SoftmaxWeight", typeof(Terms.SoftmaxWeightKernel), 1, (x, _) => Terms.SoftmaxWeight(x), (x, _) => Math.Abs(Terms.SoftmaxWeight(x)), Values.Logits, Values.Logits),
        new("SoftmaxEntropy", typeof(Terms.SoftmaxEntropyKernel), 1, (x, _) => Terms.SoftmaxEntropy(x), (x, _) => Math.Abs(Terms.SoftmaxEntropy(x)), Values.Logits, Values.Logits),
        new("SoftmaxCrossEntropy", typeof(Terms.SoftmaxCrossEntropyKernel), 2, Terms.SoftmaxCrossEntropy, (x, y) => Math.Abs(Terms.SoftmaxCrossEntropy(x, y)), Values.Probabilities, Values.Logits),
        new("KullbackLeiblerOfLogs", typeof(Terms.KullbackLeiblerOfLogsKernel), 2, Terms.KullbackLeiblerOfLogs, (x, y) => Math.Abs(Terms.KullbackLeiblerOfLogs(x, y)), Values.LogProbabilities, Values.LogProbabilities),
    ];

    /// <summary>The row folds: one row at a time, transposed (a vector's width of rows at once), flat (the terms of a
    /// block of nearly contiguous rows in one pass: x rows at most <see cref="RowSupport.FlatStrideFactor"/> times their
    /// width apart, y rows as far apart or shared), and the dispatcher. The flat folds are newer than the others and
    /// are checked wherever they are generated.</summary>
    private static readonly string[] Paths = ["Each", "Vector", "512", "FlatVector", "Flat512", ""];

    private static readonly string[] Modes = ["Plain", "WithTotals", "ScaledInputs", "ShiftedInputs", "ShiftedWithTotals"];

    private static readonly ConcurrentDictionary<string, Delegate?> Bound = new();

    [Property(Arbitrary = new[] { typeof(RowFoldCases) }, MaxTest = 25)]
    public void EveryRowFoldAgreesWithItsTermFoldedPerRow(RowFoldCase input) => CheckAll(input);

    public static TheoryData<int, int> ShapesAroundTheLaneCounts()
    {
        var data = new TheoryData<int, int>();
        foreach (int rows in new[] { 1, 2, 5, 8, 9, 15, 16, 17, 33 })
        {
            foreach (int columns in new[] { 1, 3, 16, 17, 31, 32, 33, 63, 64, 65, 255, 256 })
            {
                data.Add(rows, columns);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShapesAroundTheLaneCounts))]
    public void EveryRowFoldAgreesAtShapesAroundTheLaneCounts(int rows, int columns)
    {
        string kind = RowFoldCases.Kinds[(rows + columns) % RowFoldCases.Kinds.Length];
        CheckAll(new RowFoldCase(kind, (rows * 1000) + columns, rows, columns, rows % 3, columns % 2 == 0 ? rows % 3 : columns % 4, SharedY: rows % 2 == 0, PadLastRow: columns % 2 == 0));
    }

    private static void CheckAll(RowFoldCase input)
    {
        var random = new Random(input.Seed);
        var inputs = new Dictionary<Values, (StridedRows X, StridedRows Y)>
        {
            [Values.Probabilities] = Matrices(input, Probabilities(input, input.Seed)),
            [Values.Logits] = Matrices(input, (Logits(input, input.Seed + 1), Logits(input, input.Seed + 2))),
            [Values.LogProbabilities] = Matrices(input, (LogProbabilities(input, input.Seed + 3), LogProbabilities(input, input.Seed + 4))),
        };

        // Per-row parameters: scales in [1/4, 4) ([1/4, 2) for logits, so that e^x stays inside float's range: the
        // float vector folds take e^x in float, the scalar fold in double); shifts small for probabilities (some
        // inputs cross 0) and of the size of the row maximum for logits and log-probabilities (as the batch shifts).
        double[] scalesX = Parameters(random, input.Rows, () => Math.ScaleB(1.0 + random.NextDouble(), random.Next(-2, 2)));
        double[] scalesY = Parameters(random, input.Rows, () => Math.ScaleB(1.0 + random.NextDouble(), random.Next(-2, 2)));
        double[] logitScalesX = Parameters(random, input.Rows, () => Math.ScaleB(1.0 + random.NextDouble(), random.Next(-2, 1)));
        double[] logitScalesY = Parameters(random, input.Rows, () => Math.ScaleB(1.0 + random.NextDouble(), random.Next(-2, 1)));
        double[] shiftsX = Parameters(random, input.Rows, () => (random.NextDouble() - 0.5) * 0.25);
        double[] shiftsY = Parameters(random, input.Rows, () => (random.NextDouble() - 0.5) * 0.25);
        double[] logitShiftsX = Parameters(random, input.Rows, () => (random.NextDouble() - 0.3) * 8.0);
        double[] logitShiftsY = Parameters(random, input.Rows, () => (random.NextDouble() - 0.3) * 8.0);
        bool parametersInPlainModes = random.Next(2) == 0;

        var failures = new List<string>();
        foreach (Term term in AllTerms)
        {
            StridedRows x = inputs[term.X].X, y = inputs[term.Y].Y;
            foreach (string mode in Modes)
            {
                bool scaled = mode == "ScaledInputs", shifted = mode.StartsWith("Shifted", StringComparison.Ordinal);
                bool xProbabilities = term.X == Values.Probabilities, yProbabilities = term.Y == Values.Probabilities;
                double[] xParameters = scaled ? (xProbabilities ? scalesX : logitScalesX) : shifted ? (xProbabilities ? shiftsX : logitShiftsX) : parametersInPlainModes ? scalesX : [];
                double[] yParameters = scaled ? (yProbabilities ? scalesY : logitScalesY) : shifted ? (yProbabilities ? shiftsY : logitShiftsY) : parametersInPlainModes ? scalesY : [];
                foreach (Element element in Enum.GetValues<Element>())
                {
                    Expected[] expected = Exact(term, element, mode, x, y, input.SharedY, xParameters, yParameters);
                    foreach (string path in Paths.Where(p => !p.StartsWith("Flat", StringComparison.Ordinal) || FlatApplies(term, x, y, input.SharedY)))
                    {
                        FoldTotals[]? actual = Run(term, element, path, mode, x, y, input.SharedY, xParameters, yParameters);
                        if (actual is null)
                        {
                            continue; // a flat fold not generated for this element type
                        }

                        Compare(failures, $"{term.Name} {element} FoldRows{path} {mode}", term, element, mode, input.Columns, expected, actual);
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{input}\n{failures.Count} failure(s):\n{string.Join("\n", failures.Take(25))}");
    }

    private static bool FlatApplies(Term term, StridedRows x, StridedRows y, bool sharedY) =>
        x.Stride <= RowSupport.FlatStrideFactor * x.Columns && (term.Arity == 1 || sharedY || y.Stride == x.Stride);

    /// <summary>The exact per-row fold: Σ term(adjusted x, adjusted y) in double-double (non-finite terms summed
    /// apart), Σ|term|, and Σ of the raw inputs.</summary>
    private readonly record struct Expected(DoubleDouble Sum, double Special, bool HasSpecial, double Scale, double SumX, double SumY, double ScaleX, double ScaleY);

    private static Expected[] Exact(Term term, Element element, string mode, StridedRows x, StridedRows y, bool sharedY, double[] xParameters, double[] yParameters)
    {
        var rows = new Expected[x.Rows];
        bool single = element != Element.Double;
        for (int r = 0; r < x.Rows; r++)
        {
            double[] xs = x.Row(r, single);
            double[] ys = y.Row(sharedY ? 0 : r, single);
            double xp = xParameters.Length == 0 ? 0.0 : xParameters[r], yp = yParameters.Length == 0 ? 0.0 : yParameters[r];
            DoubleDouble sum = 0.0, sumX = 0.0, sumY = 0.0;
            double special = 0.0, scale = 0.0, scaleX = 0.0, scaleY = 0.0, specialX = 0.0, specialY = 0.0;
            bool hasSpecial = false, hasSpecialX = false, hasSpecialY = false;
            for (int i = 0; i < xs.Length; i++)
            {
                double xi = Adjust(mode, element, xs[i], xp);
                double yi = term.Arity == 2 ? Adjust(mode, element, ys[i], yp) : 0.0;
                double value = term.Evaluate(xi, yi);
                if (double.IsFinite(value))
                {
                    sum += value;
                    scale += term.Scale(xi, yi);
                }
                else
                {
                    hasSpecial = true;
                    special += value;
                }

                Accumulate(xs[i], ref sumX, ref specialX, ref hasSpecialX, ref scaleX);
                Accumulate(ys[i], ref sumY, ref specialY, ref hasSpecialY, ref scaleY);
            }

            rows[r] = new Expected(sum, special, hasSpecial, scale, hasSpecialX ? specialX : sumX.Value, hasSpecialY ? specialY : sumY.Value, scaleX, scaleY);
        }

        return rows;
    }

    private static void Accumulate(double value, ref DoubleDouble sum, ref double special, ref bool hasSpecial, ref double scale)
    {
        if (double.IsFinite(value))
        {
            sum += value;
            scale += Math.Abs(value);
        }
        else
        {
            hasSpecial = true;
            special += value;
        }
    }

    /// <summary>An input as the fold's term sees it: float folds scale or shift in float (as FoldSupport.AdjustInSingle
    /// documents), double and float-in-double folds in double.</summary>
    private static double Adjust(string mode, Element element, double value, double parameter)
    {
        bool scaled = mode == "ScaledInputs", shifted = mode.StartsWith("Shifted", StringComparison.Ordinal);
        if (element == Element.Single)
        {
            return scaled ? (float)value * (float)parameter : shifted ? (float)value - (float)parameter : value;
        }

        return scaled ? value * parameter : shifted ? value - parameter : value;
    }

    private static void Compare(List<string> failures, string what, Term term, Element element, string mode, int columns, Expected[] expected, FoldTotals[] actual)
    {
        bool totals = mode.EndsWith("WithTotals", StringComparison.Ordinal);
        for (int r = 0; r < expected.Length; r++)
        {
            Expected e = expected[r];
            FoldTotals a = actual[r];
            if (e.HasSpecial)
            {
                if (!a.Sum.Equals(e.Special))
                {
                    failures.Add($"{what} row {r}: Σ expected {e.Special}, got {a.Sum:R}");
                }
            }
            else
            {
                bool single = element == Element.Single;
                double tolerance = ((single ? 6 * Math.ScaleB(1.0, -23) : 8 * Math.ScaleB(1.0, -52)) * e.Scale)
                    + ((single ? 8 * (double)float.Epsilon : 4 * double.Epsilon) * columns);
                double error = Math.Abs((a.Sum - e.Sum.Hi) - e.Sum.Lo);
                if (!(error <= tolerance))
                {
                    failures.Add($"{what} row {r}: Σ expected {e.Sum.Value:R}, got {a.Sum:R} (error {error:E2} > {tolerance:E2})");
                }
            }

            // Σ of float inputs may be a plain double sum of a short row (flat folds: within 2^-47·Σ|x|).
            double totalBound = Math.ScaleB(1.0, element == Element.Double ? -50 : -47);
            CheckTotal(failures, $"{what} row {r} Σx", a.SumP, totals, e.SumX, e.ScaleX, totalBound);
            CheckTotal(failures, $"{what} row {r} Σy", a.SumQ, totals && term.Arity == 2, e.SumY, e.ScaleY, totalBound);
        }

        if (actual[^1] != Sentinel)
        {
            failures.Add($"{what}: wrote past the last row ({actual[^1]})");
        }
    }

    private static void CheckTotal(List<string> failures, string what, double actual, bool accumulated, double expected, double scale, double relative)
    {
        if (!accumulated)
        {
            if (actual != 0.0)
            {
                failures.Add($"{what}: expected 0 (no totals in this mode), got {actual:R}");
            }

            return;
        }

        bool agrees = double.IsFinite(expected)
            ? Math.Abs(actual - expected) <= (relative * scale) + 1e-300
            : actual.Equals(expected);
        if (!agrees)
        {
            failures.Add($"{what}: expected {expected:R}, got {actual:R}");
        }
    }

    private static readonly FoldTotals Sentinel = new(-1.5, -2.5, -3.5);

    /// <summary>Calls one generated row fold (null for a flat fold that is not generated); results has one element more
    /// than rows, a sentinel that must survive.</summary>
    private static FoldTotals[]? Run(Term term, Element element, string path, string mode, StridedRows x, StridedRows y, bool sharedY, double[] xParameters, double[] yParameters)
    {
        var results = new FoldTotals[x.Rows + 1];
        Array.Fill(results, Sentinel);
        Span<FoldTotals> target = results.AsSpan(0, x.Rows);
        var layout = new RowLayout(x.Rows, x.Columns, x.Stride, sharedY ? 0 : y.Stride);
        string suffix = element == Element.SingleInDouble ? "InDouble" : "";
        if (element == Element.Double)
        {
            if (Bind<double>(term, path, suffix, mode) is not { } fold)
            {
                return null;
            }

            fold(x.Buffer, y.Buffer, layout, xParameters, yParameters, target);
        }
        else
        {
            if (Bind<float>(term, path, suffix, mode) is not { } fold)
            {
                return null;
            }

            fold(x.Single, y.Single, layout, xParameters, yParameters, target);
        }

        return results;
    }

    /// <summary>The generated FoldRows{path}{suffix}&lt;TMode&gt; over spans of T, as a two-input delegate (a one-input
    /// fold ignores y); null for a flat fold that is not generated (every other path must be).</summary>
    private static PairRows<T>? Bind<T>(Term term, string path, string suffix, string mode)
    {
        string name = "FoldRows" + path + suffix;
        string key = $"{term.Name}.{name}<{mode}>({typeof(T).Name})";
        Delegate? bound = Bound.GetOrAdd(key, _ =>
        {
            MethodInfo? method = term.Kernel.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                .SingleOrDefault(m => m.Name == name && m.GetParameters()[0].ParameterType == typeof(ReadOnlySpan<T>));
            if (method is null)
            {
                Assert.True(path.StartsWith("Flat", StringComparison.Ordinal), $"{term.Kernel.Name} has no {name} over {typeof(T).Name}");
                return null;
            }

            MethodInfo closed = method.MakeGenericMethod(typeof(FoldModes).GetNestedType(mode)!);
            if (term.Arity == 2)
            {
                return closed.CreateDelegate<PairRows<T>>();
            }

            OneRows<T> one = closed.CreateDelegate<OneRows<T>>();
            return new PairRows<T>((xs, _, layout, xp, _, results) => one(xs, layout, xp, results));
        });
        return (PairRows<T>?)bound;
    }

    private static (StridedRows X, StridedRows Y) Matrices(RowFoldCase input, (double[] X, double[] Y) values) =>
        (new StridedRows(values.X, input.Rows, input.Columns, input.Columns + input.XPadding, input.PadLastRow),
         input.SharedY
             ? StridedRows.OneRow(values.Y.AsSpan(0, input.Columns).ToArray())
             : new StridedRows(values.Y, input.Rows, input.Columns, input.Columns + input.YPadding, input.PadLastRow));

    private static int Length(RowFoldCase input) => Math.Max(input.Rows, 1) * input.Columns;

    private static (double[] X, double[] Y) Probabilities(RowFoldCase input, int seed)
    {
        KernelCase values = KernelCases.Build(input.Kind, Length(input), seed);
        return (values.P, values.Q);
    }

    /// <summary>Logits in [−40, 40] (−∞ masks, and NaN or ±∞ for the specials kind).</summary>
    private static double[] Logits(RowFoldCase input, int seed) =>
        BatchValues.Logits(input.Kind == "specials" ? "specials" : "masked", Length(input), input.Columns, seed)
            .Select(z => double.IsFinite(z) ? Math.Clamp(z, -40.0, 40.0) : z).ToArray();

    private static double[] LogProbabilities(RowFoldCase input, int seed) =>
        BatchValues.LogProbabilities(Length(input), input.Columns, seed, zeros: input.Kind is "zeros" or "specials");

    private static double[] Parameters(Random random, int rows, Func<double> next) =>
        Enumerable.Range(0, rows).Select(_ => next()).ToArray();
}
