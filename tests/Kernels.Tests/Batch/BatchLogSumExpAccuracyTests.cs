using System;
using System.Collections.Generic;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// Confident rows keep their relative accuracy. The entropy of softmax([0, −g]) is log(1 + e^−g) + g·e^−g/(1 + e^−g)
/// and the cross-entropy of class 0 (or of the target [1, 0]) is log(1 + e^−g): both are tiny for a large gap g, and SEMANTICS.md asks for each
/// term to 1e-13 relative (double) or a few float ulps (float). Taking log Σe^d of the sum rounded to double (1 + δ
/// with δ = e^−g) loses δ's low digits: the result is off by up to ε/2 absolute, 3e-5 relative at g = 30 and 100% at
/// g = 40. log1p of the weights other than the maximum's (or of the compensated sum's carry) keeps them. The exact
/// values come from the double-double reference.
/// </summary>
public sealed class BatchLogSumExpAccuracyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ConfidentRowsKeepTheirRelativeAccuracy(bool single)
    {
        var failures = new List<string>();
        foreach (double gap in new[] { 20.0, 30.0, 40.0 })
        {
            double[] logits = [0.0, -gap];
            double[] row = single ? [0.0, (float)-gap] : logits;

            BatchFunction entropy = BatchFunctions.Named("EntropyFromLogits", single);
            var buffers = new BatchBuffers(logits, [], [], 1);
            entropy.Score(buffers, 2, LogBase.E, default);
            Expect(failures, $"EntropyFromLogits([0, −{gap}])", single, buffers.Scores(single)[0], SoftmaxReference.Entropy(row).Value);

            BatchFunction classes = BatchFunctions.Named("CrossEntropyFromLogits(classes)", single);
            buffers = new BatchBuffers(logits, [], [0], 1);
            classes.Score(buffers, 2, LogBase.E, default);
            Expect(failures, $"CrossEntropyFromLogits(class 0, [0, −{gap}])", single, buffers.Scores(single)[0], SoftmaxReference.ClassCrossEntropy(row, 0, 0.0).Value);

            BatchFunction targets = BatchFunctions.Named("CrossEntropyFromLogits(targets)", single);
            buffers = new BatchBuffers([1.0, 0.0], logits, [], 1);
            targets.Score(buffers, 2, LogBase.E, default);
            Expect(failures, $"CrossEntropyFromLogits(targets [1, 0], [0, −{gap}])", single, buffers.Scores(single)[0], SoftmaxReference.CrossEntropy([1.0, 0.0], row).Value);
        }

        Assert.True(failures.Count == 0, $"{(single ? "float" : "double")}:\n{string.Join("\n", failures)}");
    }

    /// <summary>The hard case of float logits: the maximum is not 0, so d = z − m is not exact in float (for |d| in
    /// [64, 128) its rounding is up to 2^−18 absolute, which is 2^−18 relative in e^d). In a confident row every weight
    /// below the maximum has such a d, and the result is about their sum: a shift rounded to float is 16–48 float ulps
    /// off here (computed offline), past the 4-ulp bound. The folds must shift exactly (widened to double, or the
    /// rounding error of a float shift carried into e^d). A −∞ logit is mixed in; k = 10 and 1000.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ConfidentRowsWithAnInexactShiftKeepTheirRelativeAccuracy(bool single)
    {
        var failures = new List<string>();
        foreach (int columns in new[] { 10, 1000 })
        {
            foreach (double gap in new[] { 60.0, 75.0 })
            {
                double[] logits = new double[columns];
                logits[0] = (float)7.3;
                for (int j = 1; j < columns; j++)
                {
                    logits[j] = j == 1 ? double.NegativeInfinity : (float)(7.3 - gap - (0.7 * j / columns));
                }

                string shape = $"k = {columns}, gap {gap}";
                BatchFunction entropy = BatchFunctions.Named("EntropyFromLogits", single);
                var buffers = new BatchBuffers(logits, [], [], 1);
                entropy.Score(buffers, columns, LogBase.E, default);
                Expect(failures, $"EntropyFromLogits({shape})", single, buffers.Scores(single)[0], SoftmaxReference.Entropy(logits).Value);

                BatchFunction classes = BatchFunctions.Named("CrossEntropyFromLogits(classes)", single);
                buffers = new BatchBuffers(logits, [], [0], 1);
                classes.Score(buffers, columns, LogBase.E, default);
                Expect(failures, $"CrossEntropyFromLogits(class 0, {shape})", single, buffers.Scores(single)[0], SoftmaxReference.ClassCrossEntropy(logits, 0, 0.0).Value);

                double[] target = new double[columns];
                target[0] = 1.0;
                BatchFunction targets = BatchFunctions.Named("CrossEntropyFromLogits(targets)", single);
                buffers = new BatchBuffers(target, logits, [], 1);
                targets.Score(buffers, columns, LogBase.E, default);
                Expect(failures, $"CrossEntropyFromLogits(targets e_0, {shape})", single, buffers.Scores(single)[0], SoftmaxReference.CrossEntropy(target, logits).Value);
            }
        }

        Assert.True(failures.Count == 0, $"{(single ? "float" : "double")}:\n{string.Join("\n", failures)}");
    }

    private static void Expect(List<string> failures, string what, bool single, double actual, double exact)
    {
        double tolerance = single ? 4 * EdgeCaseTests.Ulp(true, exact) : 1e-13 * Math.Abs(exact);
        if (!(Math.Abs(actual - exact) <= tolerance))
        {
            failures.Add($"{what}: got {actual:R}, exact {exact:R} (relative error {Math.Abs(actual - exact) / exact:E2})");
        }
    }
}
