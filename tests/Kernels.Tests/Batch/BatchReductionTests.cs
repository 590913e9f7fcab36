using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// Reductions are over rows, never over elements: Sum is the compensated sum of the row scores and Mean that sum over
/// the rows counted (class-index cross-entropy leaves out rows with the ignore index). The reduced forms sum the scores
/// in double before any rounding to float, so a float Sum may differ from the sum of the float destination by the
/// rounding of each row (½ float ulp each); a double Sum is the sum of the double scores within an ulp. Zero rows sum
/// to +0 and have a NaN mean; NaN and ±∞ scores propagate.
/// </summary>
public sealed class BatchReductionTests
{
    [Theory]
    [MemberData(nameof(BatchFunctions.Names), MemberType = typeof(BatchFunctions))]
    public void SumAndMeanAreTheCompensatedSumAndMeanOfTheRowScores(string name, bool single)
    {
        BatchFunction function = BatchFunctions.Named(name, single);
        var failures = new List<string>();
        foreach (int rows in new[] { 1, 7, 300, 2000 })
        {
            foreach (int threads in new[] { 1, 0 })
            {
                const int columns = 24;
                BatchBuffers inputs = BatchFunctions.Inputs(function, rows, columns, seed: rows, labelSmoothing: 0.05);
                var options = new BatchOptions { MaxDegreeOfParallelism = threads };
                function.Score(inputs, columns, LogBase.E, options);
                double[] scores = inputs.Scores(single);
                int counted = inputs.IgnoreIndex is int ignored ? inputs.Targets.Count(t => t != ignored) : rows;

                DoubleDouble exact = 0.0;
                double rounding = 0.0;
                foreach (double score in scores)
                {
                    exact += score;
                    rounding += single ? 0.5 * EdgeCaseTests.Ulp(true, score) : 0.0;
                }

                if (scores.Any(x => !double.IsFinite(x)))
                {
                    exact = scores.Sum(); // NaN or ±∞, as IEEE addition gives it
                }

                double sum = function.Reduce!(inputs, columns, Reduction.Sum, LogBase.E, options);
                double mean = function.Reduce(inputs, columns, Reduction.Mean, LogBase.E, options);
                double sumTolerance = rounding + EdgeCaseTests.Ulp(false, exact.Value) + (1e-30 * scores.Sum(Math.Abs));
                // (An infinite sum is divided as a double: the double-double quotient of ∞ is NaN.)
                double expectedMean = counted == 0 ? double.NaN : double.IsFinite(exact.Value) ? (exact / counted).Value : exact.Value / counted;
                double meanTolerance = (counted == 0 ? 0.0 : sumTolerance / counted) + EdgeCaseTests.Ulp(false, expectedMean);
                if (!Api.Agrees(sum, exact.Value, sumTolerance))
                {
                    failures.Add($"rows={rows} threads={threads}: Sum {sum:R}, Σ of the row scores {exact.Value:R} (tolerance {sumTolerance:E2})");
                }

                if (!Api.Agrees(mean, expectedMean, meanTolerance))
                {
                    failures.Add($"rows={rows} threads={threads}: Mean {mean:R}, Σ/{counted} = {expectedMean:R} (tolerance {meanTolerance:E2})");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{function}:\n{string.Join("\n", failures)}");
    }

    [Theory]
    [MemberData(nameof(BatchFunctions.Names), MemberType = typeof(BatchFunctions))]
    public void ZeroRowsSumToPositiveZeroAndHaveANaNMean(string name, bool single)
    {
        BatchFunction function = BatchFunctions.Named(name, single);
        const int columns = 5;
        var shapes = new List<(string Shape, BatchBuffers Inputs)> { ("empty", new BatchBuffers([], [], [], 0) { IgnoreIndex = -100 }) };
        if (function.SharesQ)
        {
            shapes.Add(("empty p, one q row", new BatchBuffers([], [0.1, 0.2, 0.3, 0.2, 0.2], [], 0)));
        }

        foreach ((string shape, BatchBuffers inputs) in shapes)
        {
            foreach (BatchOptions options in new[] { default, new BatchOptions { MaxDegreeOfParallelism = 1 }, new BatchOptions { RowStride = 9 } })
            {
                function.Score(inputs, columns, LogBase.E, options);
                double sum = function.Reduce!(inputs, columns, Reduction.Sum, LogBase.E, options);
                double mean = function.Reduce(inputs, columns, Reduction.Mean, LogBase.E, options);
                Assert.True(BitConverter.DoubleToInt64Bits(sum) == 0L, $"{function} {shape}: Sum of no rows is {sum:R}, not +0");
                Assert.True(double.IsNaN(mean), $"{function} {shape}: Mean of no rows is {mean:R}, not NaN");
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void IgnoredRowsScoreZeroAndAreLeftOutOfTheMean(bool single)
    {
        BatchFunction function = BatchFunctions.Named("CrossEntropyFromLogits(classes)", single);
        double[] logits = [1, 2, 3, 0.5, 0.5, 0.5, double.NaN, 1, 2, 3, 2, 1];
        var inputs = new BatchBuffers(logits, [], [2, -100, -100, 0], 4) { IgnoreIndex = -100 };
        function.Score(inputs, 3, LogBase.E, default);
        double[] scores = inputs.Scores(single);
        Assert.Equal(0.0, scores[1]);
        Assert.Equal(0.0, scores[2]); // NaN logits, but the row is ignored
        double sum = function.Reduce!(inputs, 3, Reduction.Sum, LogBase.E, default);
        double mean = function.Reduce(inputs, 3, Reduction.Mean, LogBase.E, default);
        double tolerance = single ? 4 * EdgeCaseTests.Ulp(true, sum) : 2 * EdgeCaseTests.Ulp(false, sum);
        Assert.True(Math.Abs(sum - (scores[0] + scores[3])) <= tolerance, $"Sum {sum:R}, rows {scores[0]:R} + {scores[3]:R}");
        Assert.True(Math.Abs(mean - (sum / 2)) <= EdgeCaseTests.Ulp(false, mean), $"Mean {mean:R} should be Sum/2 = {sum / 2:R} (two rows counted)");

        var allIgnored = new BatchBuffers(logits, [], [-100, -100, -100, -100], 4) { IgnoreIndex = -100 };
        Assert.True(BitConverter.DoubleToInt64Bits(function.Reduce(allIgnored, 3, Reduction.Sum, LogBase.E, default)) == 0L);
        Assert.True(double.IsNaN(function.Reduce(allIgnored, 3, Reduction.Mean, LogBase.E, default)), "the mean of no counted rows is NaN");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NaNAndInfiniteRowScoresPropagateToSumAndMean(bool single)
    {
        BatchFunction entropy = BatchFunctions.Named("Entropy", single);
        BatchFunction kl = BatchFunctions.Named("KullbackLeibler", single);
        double[] p = [0.5, 0.5, 0.25, 0.75, 0.1, 0.9];
        double[] withNaN = [0.5, 0.5, double.NaN, 0.75, 0.1, 0.9];
        double[] q = [0.5, 0.5, 0.5, 0.0, 0.5, 0.5];
        foreach (int threads in new[] { 1, 0 })
        {
            var options = new BatchOptions { MaxDegreeOfParallelism = threads };
            var nan = new BatchBuffers(withNaN, [], [], 3);
            Assert.True(double.IsNaN(entropy.Reduce!(nan, 2, Reduction.Sum, LogBase.E, options)));
            Assert.True(double.IsNaN(entropy.Reduce(nan, 2, Reduction.Mean, LogBase.E, options)));
            var infinite = new BatchBuffers(p, q, [], 3);
            Assert.Equal(double.PositiveInfinity, kl.Reduce!(infinite, 2, Reduction.Sum, LogBase.E, options));
            Assert.Equal(double.PositiveInfinity, kl.Reduce(infinite, 2, Reduction.Mean, LogBase.E, options));
        }
    }
}
