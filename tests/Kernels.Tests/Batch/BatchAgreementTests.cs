using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// Every row of a batch gets exactly the single-vector semantics (SEMANTICS.md, "Batch"): for each measure, float and
/// double, raw and normalized, each score equals <see cref="Information"/> (or <see cref="Information.Normalized"/>) on
/// that row, whatever the shape, stride, q form, log base and thread count. The batch folds narrow rows a vector's
/// width at a time and the single-vector function folds one span, so the two round differently: double within
/// 1e-13·Σ|term|, float within 6 float ε·Σ|term| (Σ|term| in double over the row, in the caller's base), plus two ulps
/// of the result; NaN and ±∞ must match exactly.
/// </summary>
public sealed class BatchAgreementTests
{
    private static readonly Measure[] Measures = [Measure.Entropy, Measure.CrossEntropy, Measure.KullbackLeibler, Measure.JensenShannonDivergence, Measure.JensenShannonDistance];

    [Property(Arbitrary = new[] { typeof(BatchCases) }, MaxTest = 80)]
    public void EveryRowEqualsTheSingleVectorFunction(BatchCase input)
    {
        var failures = new List<string>();
        foreach (Measure measure in Measures)
        {
            foreach (bool single in new[] { false, true })
            {
                foreach (bool normalize in new[] { false, true })
                {
                    double[] actual = Scores(measure, single, input, normalize);
                    for (int r = 0; r < input.Rows; r++)
                    {
                        double[] p = input.P.Row(r, single);
                        double[]? q = measure == Measure.Entropy ? null : input.QRow(r, single);
                        double expected = normalize
                            ? Api.Normalized(measure, single, p, q, input.LogBase)
                            : Api.Raw(measure, single, p, q, input.LogBase);
                        double tolerance = RowTolerance(measure, single, normalize, p, q, input.LogBase, expected);
                        // p = q gives exactly +0 for KL and JS (SEMANTICS.md), in every row and lane.
                        bool identical = measure is not (Measure.Entropy or Measure.CrossEntropy) && q is not null && p.SequenceEqual(q) && p.All(x => x >= 0.0);
                        if (!Api.Agrees(actual[r], expected, tolerance, requirePositiveZero: identical))
                        {
                            failures.Add($"{measure} {(single ? "float" : "double")}{(normalize ? " normalized" : "")} row {r}: batch {actual[r]:R}, single-vector {expected:R} (tolerance {tolerance:E2})");
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{input}\n{failures.Count} row(s) differ:\n{string.Join("\n", failures.Take(20))}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OverloadsWithoutOptionsEqualTheDefaultOptions(bool single)
    {
        foreach (BatchFunction plain in BatchFunctions.WithoutOptions.Where(f => f.Single == single))
        {
            BatchFunction full = BatchFunctions.Named(plain.Name.Replace(" (no options)", "", StringComparison.Ordinal), single);
            BatchBuffers inputs = BatchFunctions.Inputs(full, 37, 23, 5);
            full.Score(inputs, 23, LogBase.Two, default);
            double[] expected = inputs.Scores(single);
            inputs.Fill(-1.0);
            plain.Score(inputs, 23, LogBase.Two, default);
            Assert.Equal(expected, inputs.Scores(single));
        }
    }

    /// <summary>The batch scores of one measure, widened to double; the destination starts as a sentinel.</summary>
    private static double[] Scores(Measure measure, bool single, BatchCase input, bool normalize)
    {
        string name = measure.ToString();
        BatchFunction function = BatchFunctions.Named(name, single);
        var buffers = new BatchBuffers(input.P.Buffer, input.Q.Buffer, [], input.Rows);
        buffers.Fill(-12345.0);
        function.Score(buffers, input.Columns, input.LogBase, input.Options(normalize));
        return buffers.Scores(single);
    }

    /// <summary>How far the batch score of a row may be from the single-vector value (in the caller's base).</summary>
    internal static double RowTolerance(Measure measure, bool single, bool normalize, double[] p, double[]? q, LogBase logBase, double expected)
    {
        Measure termMeasure = measure == Measure.JensenShannonDistance ? Measure.JensenShannonDivergence : measure;
        double scale;
        if (!normalize)
        {
            scale = Reference.AbsoluteTermSum(termMeasure, p, q);
        }
        else
        {
            double sumP = p.Sum(), sumQ = q?.Sum() ?? 1.0;
            double[] pn = p.Select(x => x / sumP).ToArray();
            double[]? qn = q?.Select(x => x / sumQ).ToArray();
            double divergence = Math.Abs(expected * (measure == Measure.JensenShannonDistance ? expected : 1.0));
            scale = termMeasure == Measure.JensenShannonDivergence
                // JS scales the inputs by 1/Σ (each rounded, as are the sums) and folds the scaled rows.
                ? Reference.AbsoluteTermSum(termMeasure, pn, qn) + pn.Sum(Math.Abs) + (qn?.Sum(Math.Abs) ?? 0.0) + divergence
                // Σterm/Σp + log Σ…: the errors of Σterm, Σp and Σq are divided by the sums.
                : (Reference.AbsoluteTermSum(termMeasure, p, q) / Math.Abs(sumP)) + (p.Sum(Math.Abs) / Math.Abs(sumP))
                    + ((q?.Sum(Math.Abs) ?? 1.0) / Math.Abs(sumQ)) + Math.Abs(Math.Log(Math.Abs(sumP))) + Math.Abs(Math.Log(Math.Abs(sumQ)))
                    + Reference.AbsoluteTermSum(termMeasure, pn, qn) + divergence;
        }

        // A float fold computes each term in float: a term of subnormal size is off by up to a few float.Epsilon,
        // and normalization divides that by Σp (rows of subnormal floats lose most of their digits this way).
        double relative = single ? 6 * Math.ScaleB(1.0, -23) : 1e-13;
        double absolute = (single ? 8 * (double)float.Epsilon : 4 * double.Epsilon) * p.Length / (normalize ? Math.Abs(p.Sum()) : 1.0);
        double bound = (relative * scale * Math.Abs(logBase.NatsToUnits)) + absolute;
        if (measure != Measure.JensenShannonDistance)
        {
            return bound + (2 * EdgeCaseTests.Ulp(single, expected));
        }

        // d = √D: |√a − √b| ≤ min(|a − b|/√b, √|a − b|).
        return (bound / Math.Max(expected, Math.Sqrt(bound))) + (2 * EdgeCaseTests.Ulp(single, expected));
    }
}
