using System;
using System.Linq;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kernels.Support;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// The one-pass logits sums: the tuple terms <see cref="Terms.SoftmaxSums"/>, <see cref="Terms.SoftmaxWeightSums"/> and
/// <see cref="Terms.SoftmaxCrossEntropySums"/>, whose sums share one generated body (one exponential per logit), folded
/// per row by every row shape the batch uses (one row at a time, transposed, flat; 512-bit and Vector&lt;T&gt;; float
/// logits in float lanes and widened to double; the dispatcher), shifted by each row's maximum as the batch shifts. Each
/// sum of each row is checked against the scalar term summed in double-double over that row: the count of maxima
/// exactly, the other sums within 8ε·Σ|term| (double lanes) or 8ε_f·(Σ|term| + 1) (float lanes, where d = z − m and
/// e^d are float and e^d flushes to 0 below float's range; every score adds these sums to A ≥ 1), ±∞ and NaN exactly.
/// </summary>
public sealed class LogitsOnePassTests
{
    private delegate void OneRows<T>(ReadOnlySpan<T> x, RowLayout layout, ReadOnlySpan<double> xParameters, Span<FoldTotals> results);

    private delegate void PairRows<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, RowLayout layout, ReadOnlySpan<double> xParameters, ReadOnlySpan<double> yParameters, Span<FoldTotals> results);

    private static readonly string[] Paths = ["Each", "Vector", "512", "FlatVector", "Flat512"];

    public sealed record Case(int Seed, int Rows, int Columns, int Padding, string Kind)
    {
        public override string ToString() => $"Case(seed={Seed}, rows={Rows}, columns={Columns}, padding={Padding}, kind={Kind})";
    }

    public static class Cases
    {
        public static Arbitrary<Case> Arbitrary() => Arb.From(
            from seed in Gen.Choose(0, int.MaxValue)
            from rows in Gen.Frequency((1, Gen.Choose(1, 3)), (4, Gen.Choose(4, 40)))
            from columns in Gen.Frequency((3, Gen.Choose(1, 40)), (1, Gen.Choose(41, 140)))
            from padding in Gen.Choose(0, 4)
            from kind in Gen.Elements("normal", "peaked", "ties", "minus-infinity", "wide")
            select new Case(seed, rows, columns, padding, kind));
    }

    [Property(Arbitrary = new[] { typeof(Cases) }, MaxTest = 40)]
    public void EveryRowShapeOfTheSharedSumsAgreesWithTheTermPerRow(Case input) => CheckAll(input);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(9, 3)]
    [InlineData(17, 10)]
    [InlineData(33, 31)]
    [InlineData(5, 65)]
    [InlineData(3, 1000)]
    public void SharedSumsAgreeAtShapesAroundTheLaneCounts(int rows, int columns)
    {
        foreach (string kind in new[] { "normal", "peaked", "ties", "minus-infinity", "wide" })
        {
            CheckAll(new Case((rows * 7919) + columns, rows, columns, rows % 3, kind));
        }
    }

    /// <summary>The generated text: each shared body of SoftmaxSums calls the exponential once, and no per-sum body exists.</summary>
    [Fact]
    public void TheSharedBodyComputesTheExponentialOnce()
    {
        MethodInfo[] methods = typeof(Terms.SoftmaxSumsKernel).GetMethods(BindingFlags.NonPublic | BindingFlags.Static);
        Assert.Contains(methods, m => m.Name == "Term512Sums");
        Assert.Contains(methods, m => m.Name == "TermVectorSumsUnchecked");
        Assert.DoesNotContain(methods, m => m.Name is "Term5121" or "TermVector1" or "TermVector2");
    }

    private static void CheckAll(Case input)
    {
        var random = new Random(input.Seed);
        int stride = input.Columns + input.Padding;
        double[] z = Logits(random, input, stride);
        double[] p = Targets(random, input, stride);
        float[] zf = z.Select(v => (float)v).ToArray(), pf = p.Select(v => (float)v).ToArray();
        double[] maxima = Maxima(z, input, stride), maximaF = Maxima(zf.Select(v => (double)v).ToArray(), input, stride);
        double[] zeros = new double[input.Rows];
        var layout = new RowLayout(input.Rows, input.Columns, stride, stride);
        foreach (string path in Paths)
        {
            foreach (string suffix in new[] { string.Empty, "InDouble" })
            {
                Check<float>(typeof(Terms.SoftmaxSumsKernel), path, suffix, 3, input, zf, null, maximaF, zeros, layout,
                    suffix.Length == 0 ? Precision.Float : Precision.Double, (zi, _) => Terms.SoftmaxSums(zi).ToArray3());
                Check<float>(typeof(Terms.SoftmaxWeightSumsKernel), path, suffix, 2, input, zf, null, maximaF, zeros, layout,
                    suffix.Length == 0 ? Precision.Float : Precision.Double, (zi, _) => { var s = Terms.SoftmaxWeightSums(zi); return [s.Item1, s.Item2]; });
                Check<float>(typeof(Terms.SoftmaxCrossEntropySumsKernel), path, suffix, 3, input, pf, zf, maximaF, zeros, layout,
                    suffix.Length == 0 ? Precision.Float : Precision.Double, (pi, di) => Terms.SoftmaxCrossEntropySums(pi, di).ToArray3());
            }

            Check<double>(typeof(Terms.SoftmaxSumsKernel), path, string.Empty, 3, input, z, null, maxima, zeros, layout,
                Precision.Double, (zi, _) => Terms.SoftmaxSums(zi).ToArray3());
            Check<double>(typeof(Terms.SoftmaxCrossEntropySumsKernel), path, string.Empty, 3, input, p, z, maxima, zeros, layout,
                Precision.Double, (pi, di) => Terms.SoftmaxCrossEntropySums(pi, di).ToArray3());
        }
    }

    private enum Precision
    {
        Float,
        Double,
    }

    private static void Check<T>(Type kernel, string path, string suffix, int sums, Case input, T[] x, T[]? y, double[] maxima, double[] zeros,
        RowLayout layout, Precision precision, Func<double, double, double[]> term)
        where T : unmanaged
    {
        var results = new FoldTotals[input.Rows];
        string name = $"FoldRows{path}{suffix}";
        MethodInfo? method = kernel.GetMethods(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)
            .SingleOrDefault(m => m.Name == name && m.IsGenericMethodDefinition && m.GetGenericArguments().Length == 1
                && m.GetParameters()[0].ParameterType == typeof(ReadOnlySpan<T>));
        if (method is null)
        {
            // Float lanes exist for float inputs only under their own names; double inputs have no InDouble folds.
            Assert.True(suffix.Length > 0 && typeof(T) == typeof(double), $"{kernel.Name}.{name} over {typeof(T).Name} is missing");
            return;
        }

        MethodInfo closed = method.MakeGenericMethod(typeof(FoldModes.ShiftedInputs));
        if (y is null)
        {
            closed.CreateDelegate<OneRows<T>>()(x, layout, maxima, results);
        }
        else
        {
            closed.CreateDelegate<PairRows<T>>()(x, y, layout, zeros, maxima, results);
        }

        int stride = layout.XStride;
        for (int r = 0; r < input.Rows; r++)
        {
            var exact = new DoubleDouble[sums];
            var magnitude = new double[sums];
            var plain = new double[sums]; // the IEEE sum, which decides the result when a term is ±∞ or NaN
            for (int c = 0; c < input.Columns; c++)
            {
                double xi = Convert.ToDouble(x[(r * stride) + c]);
                double di = y is null ? xi : Convert.ToDouble(y[(r * stride) + c]);
                // The shift as the lanes compute it: in float for float lanes, exactly in double otherwise.
                double shifted = precision == Precision.Float ? (float)((float)di - (float)maxima[r]) : di - maxima[r];
                double[] values = y is null ? term(shifted, 0.0) : term(xi, shifted);
                for (int s = 0; s < sums; s++)
                {
                    plain[s] += values[s];
                    exact[s] = double.IsFinite(values[s]) ? exact[s] + values[s] : exact[s];
                    magnitude[s] += Math.Abs(values[s]);
                }
            }

            double[] actual = [results[r].Sum, results[r].Sum1, results[r].Sum2];
            double epsilon = precision == Precision.Float ? Math.ScaleB(1.0, -23) : Math.ScaleB(1.0, -52);
            for (int s = 0; s < sums; s++)
            {
                double expected = double.IsFinite(plain[s]) ? exact[s].Hi : plain[s];
                string where = $"{kernel.Name}.{name}<{typeof(T).Name}> row {r} sum {s} of {input}";
                if (!double.IsFinite(expected) || !double.IsFinite(actual[s]))
                {
                    Assert.True(expected.Equals(actual[s]), $"{where}: got {actual[s]:R}, expected {expected:R}");
                    continue;
                }

                // Float lanes flush e^d below float's range (d < −104) to 0: an absolute error far below ε_f of the
                // total weight A ≥ 1 that every score divides by or adds to.
                double bound = (8.0 * epsilon * magnitude[s]) + (precision == Precision.Float ? 8.0 * epsilon : 1e-300);
                Assert.True(Math.Abs(actual[s] - expected) <= bound, $"{where}: got {actual[s]:R}, expected {expected:R} (bound {bound:R})");
            }
        }
    }

    private static double[] Maxima(double[] z, Case input, int stride) =>
        Enumerable.Range(0, input.Rows).Select(r => z.Skip(r * stride).Take(input.Columns).Max()).ToArray();

    /// <summary>Logits of the kind asked for; padding between rows is NaN (never read as a term).</summary>
    private static double[] Logits(Random random, Case input, int stride)
    {
        double[] z = Enumerable.Repeat(double.NaN, input.Rows * stride).ToArray();
        for (int r = 0; r < input.Rows; r++)
        {
            int peak = random.Next(input.Columns);
            for (int c = 0; c < input.Columns; c++)
            {
                double normal = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
                z[(r * stride) + c] = input.Kind switch
                {
                    "peaked" => c == peak ? 40.0 : normal,
                    "ties" => Math.Round(normal),
                    "minus-infinity" => c != peak && random.Next(3) == 0 ? double.NegativeInfinity : normal * 3.0,
                    "wide" => normal * 60.0,
                    _ => normal * 3.0,
                };
            }
        }

        return z;
    }

    /// <summary>Target probabilities with zeros mixed in (some on −∞ logits, giving +∞ sums).</summary>
    private static double[] Targets(Random random, Case input, int stride)
    {
        double[] p = Enumerable.Repeat(double.NaN, input.Rows * stride).ToArray();
        for (int r = 0; r < input.Rows; r++)
        {
            for (int c = 0; c < input.Columns; c++)
            {
                p[(r * stride) + c] = random.Next(3) == 0 ? 0.0 : random.Next(1, 100) / 100.0;
            }
        }

        return p;
    }
}

internal static class TupleArrays
{
    public static double[] ToArray3(this (double, double, double) t) => [t.Item1, t.Item2, t.Item3];
}
