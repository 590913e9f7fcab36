using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Kernels.Tests;

/// <summary>One generated batch of logits (or log-probabilities): shape, padding between rows (NaN), the kind of
/// values, the log base, the threads, and the label smoothing and ignore index of class-index cross-entropy.</summary>
public sealed record LogitCase(string Kind, int Seed, int Rows, int Columns, int Padding, int TargetPadding, int BaseIndex, int Threads, double Smoothing, int? IgnoreIndex, bool Normalize)
{
    public LogBase LogBase => BatchCase.Bases[BaseIndex];

    public override string ToString() =>
        $"LogitCase(kind={Kind}, seed={Seed}, rows={Rows}, columns={Columns}, padding={Padding}, targetPadding={TargetPadding}, base={LogBase}, threads={Threads}, smoothing={Smoothing:R}, ignoreIndex={IgnoreIndex?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, normalize={Normalize})";
}

/// <summary>FsCheck arbitrary for <see cref="LogitCase"/>.</summary>
public static class LogitCases
{
    public static Arbitrary<LogitCase> Cases() => Arb.From(
        from kind in Gen.Elements(BatchValues.LogitKinds)
        from rows in Gen.Frequency((1, Gen.Choose(0, 3)), (4, Gen.Choose(4, 60)))
        from columns in Gen.Frequency((3, Gen.Choose(1, 40)), (1, Gen.Choose(41, 120)))
        from padding in Gen.Frequency((1, Gen.Constant(-1)), (1, Gen.Choose(0, 7)))
        from targetPadding in Gen.Frequency((1, Gen.Constant(-1)), (1, Gen.Choose(0, 7)))
        from baseIndex in Gen.Choose(0, 3)
        from threads in Gen.Elements(0, 1, 2)
        from smoothing in Gen.Frequency((3, Gen.Constant(0.0)), (1, Gen.Constant(0.1)), (1, Gen.Constant(1.0)), (1, Gen.Choose(1, 999).Select(i => i / 1000.0)))
        from ignoreIndex in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Constant<int?>(-100)), (1, Gen.Constant<int?>(0)))
        from normalize in Gen.Elements(false, true)
        from seed in Gen.Choose(0, int.MaxValue)
        select new LogitCase(kind, seed, rows, columns, padding, targetPadding, baseIndex, threads, smoothing, ignoreIndex, normalize));
}

/// <summary>
/// Scoring model outputs (SEMANTICS.md, "Logits / log-probabilities"): always log-sum-exp from the row maximum. The
/// closed cases of the contract ([0, 0, −∞] → ln 2, [0, −∞] → 0, [1000, 1000, 0] like [½, ½, 0], all −∞ → NaN, NaN →
/// NaN) at every width; random logits against an independent double-double softmax (<see cref="SoftmaxReference"/>);
/// cross-entropy from class indices (label smoothing, ignore index) and from target probabilities against a scalar
/// reference written from the definition; KL from log-probabilities against <see cref="Information.KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, LogBase)"/>
/// on the exponentiated rows and against its own rules. Float and double everywhere.
/// </summary>
public sealed class BatchLogitsTests
{
    private static readonly double Ln2 = Math.Log(2.0);

    public static TheoryData<bool> Types() => new() { false, true };

    // ---- the closed cases ----

    [Theory]
    [MemberData(nameof(Types))]
    public void EntropyOfLogitsHasTheClosedFormValues(bool single)
    {
        double inf = double.PositiveInfinity;
        double[][] rows =
        [
            [0, 0, -inf],
            [0, -inf, -inf],
            [1000, 1000, 0],
            [-inf, -inf, -inf],
            [double.NaN, 0, 0],
            [0, 0, double.NaN],
            [0, inf, 0],
            [5, 5, 5],
        ];
        double[] expected = [Ln2, 0.0, Information.Entropy([0.5, 0.5, 0.0]), double.NaN, double.NaN, double.NaN, double.NaN, Math.Log(3.0)];
        double[] actual = EntropyFromLogits(single, rows.SelectMany(r => r).ToArray(), rows.Length, 3, LogBase.E, default);
        for (int r = 0; r < rows.Length; r++)
        {
            Assert.True(Api.Agrees(actual[r], expected[r], EdgeCaseTests.Ulp(single, expected[r]), requirePositiveZero: true),
                $"{(single ? "float" : "double")} entropy of logits [{string.Join(", ", rows[r])}]: got {actual[r]:R}, expected {expected[r]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void ClosedCasesHoldAtEveryWidthAndLane(bool single)
    {
        // Rows padded with −∞ have the same softmax; 37 rows put the special row in every lane position of a block.
        var failures = new List<string>();
        foreach (int columns in Enumerable.Range(2, 70))
        {
            foreach ((string name, double[] head, double expected) in new[]
            {
                ("[0, 0, −∞…]", new[] { 0.0, 0.0 }, Ln2),
                ("[0, −∞…]", new[] { 0.0 }, 0.0),
                ("[1000, 1000, 0, −∞…]", new[] { 1000.0, 1000.0, 0.0 }, Ln2),
                ("[−∞…]", Array.Empty<double>(), double.NaN),
            })
            {
                if (head.Length > columns)
                {
                    continue;
                }

                double[] row = head.Concat(Enumerable.Repeat(double.NegativeInfinity, columns - head.Length)).ToArray();
                double[] shuffled = row.Reverse().ToArray();
                double[] actual = EntropyFromLogits(single, Enumerable.Range(0, 37).SelectMany(i => i % 2 == 0 ? row : shuffled).ToArray(), 37, columns, LogBase.E, default);
                for (int r = 0; r < actual.Length; r++)
                {
                    if (!Api.Agrees(actual[r], expected, 2 * EdgeCaseTests.Ulp(single, expected), requirePositiveZero: true))
                    {
                        failures.Add($"columns={columns} {name} row {r}: got {actual[r]:R}, expected {expected:R}");
                    }
                }
            }

            // NaN anywhere in a row makes that row NaN and no other (the row maximum must not drop it).
            foreach (int at in new[] { 0, columns / 2, columns - 1 })
            {
                double[] logits = Enumerable.Range(0, 19 * columns).Select(i => (double)((i * 7) % 11) - 5.0).ToArray();
                logits[(9 * columns) + at] = double.NaN;
                double[] actual = EntropyFromLogits(single, logits, 19, columns, LogBase.E, default);
                for (int r = 0; r < actual.Length; r++)
                {
                    if (double.IsNaN(actual[r]) != (r == 9))
                    {
                        failures.Add($"columns={columns} NaN at {at} of row 9: row {r} is {actual[r]:R}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failure(s):\n{string.Join("\n", failures.Take(30))}");
    }

    // ---- entropy of logits against the double-double softmax ----

    [Property(Arbitrary = new[] { typeof(LogitCases) }, MaxTest = 60)]
    public void EntropyOfLogitsMatchesTheSoftmaxReference(LogitCase input)
    {
        StridedRows z = Logits(input);
        var failures = new List<string>();
        foreach (bool single in new[] { false, true })
        {
            double[] actual = EntropyFromLogits(single, z.Buffer, input.Rows, input.Columns, input.LogBase, Options(input, z));
            for (int r = 0; r < input.Rows; r++)
            {
                SoftmaxReference.Result exact = SoftmaxReference.Entropy(z.Row(r, single));
                Check(failures, $"{(single ? "float" : "double")} row {r}", single, actual[r], exact, input.LogBase);
            }
        }

        Assert.True(failures.Count == 0, $"{input}\n{string.Join("\n", failures.Take(20))}");
    }

    // ---- cross-entropy from class indices ----

    [Property(Arbitrary = new[] { typeof(LogitCases) }, MaxTest = 60)]
    public void CrossEntropyFromClassIndicesMatchesTheReference(LogitCase input)
    {
        StridedRows z = Logits(input);
        int[] targets = BatchValues.Classes(input.Rows, input.Columns, input.Seed, input.IgnoreIndex);
        BatchOptions options = Options(input, z);
        var failures = new List<string>();
        foreach (bool single in new[] { false, true })
        {
            BatchFunction function = BatchFunctions.Named("CrossEntropyFromLogits(classes)", single);
            var buffers = new BatchBuffers(z.Buffer, [], targets, input.Rows) { LabelSmoothing = input.Smoothing, IgnoreIndex = input.IgnoreIndex };
            function.Score(buffers, input.Columns, input.LogBase, options);
            double[] actual = buffers.Scores(single);
            DoubleDouble sum = 0.0;
            for (int r = 0; r < input.Rows; r++)
            {
                if (targets[r] == input.IgnoreIndex)
                {
                    if (BitConverter.DoubleToInt64Bits(actual[r]) != 0L)
                    {
                        failures.Add($"{(single ? "float" : "double")} row {r}: ignored, but scored {actual[r]:R}");
                    }

                    continue;
                }

                SoftmaxReference.Result exact = SoftmaxReference.ClassCrossEntropy(z.Row(r, single), targets[r], input.Smoothing);
                Check(failures, $"{(single ? "float" : "double")} row {r} (class {targets[r]})", single, actual[r], exact, input.LogBase);
                sum += actual[r];
            }

            // The mean over the rows not ignored (of the scores before rounding to float: ½ float ulp each).
            double mean = function.Reduce!(buffers, input.Columns, Reduction.Mean, input.LogBase, options);
            double[] counted = actual.Where((_, r) => targets[r] != input.IgnoreIndex).ToArray();
            double expectedMean = counted.Length == 0 ? double.NaN : counted.All(double.IsFinite) ? (sum / counted.Length).Value : counted.Sum() / counted.Length;
            double rounding = single ? counted.Sum(x => 0.5 * EdgeCaseTests.Ulp(true, x)) / Math.Max(counted.Length, 1) : 0.0;
            double meanTolerance = rounding + (2 * EdgeCaseTests.Ulp(false, expectedMean));
            if (!Api.Agrees(mean, expectedMean, meanTolerance))
            {
                failures.Add($"{(single ? "float" : "double")} Mean {mean:R}, expected the mean over the {counted.Length} rows not ignored, {expectedMean:R}");
            }
        }

        Assert.True(failures.Count == 0, $"{input}\n{string.Join("\n", failures.Take(20))}");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void CrossEntropyFromClassIndicesFollowsTheRulesForInfinities(bool single)
    {
        double inf = double.PositiveInfinity;
        (double[] Logits, int Target, double Smoothing, double Expected)[] cases =
        [
            ([0, -inf, 1], 1, 0.0, inf),            // the target class has probability 0
            ([0, -inf, 1], 1, 0.5, inf),
            ([0, -inf, 1], 0, 0.0, Math.Log(1 + Math.E)), // another class at −∞ does not matter without smoothing
            ([0, -inf, 1], 0, 0.1, inf),            // smoothing puts ε/k on the −∞ class
            ([-inf, -inf, -inf], 0, 0.0, double.NaN),
            ([0, double.NaN, 1], 0, 0.0, double.NaN),
            ([0, inf, 1], 0, 0.0, double.NaN),
            ([2, 2, 2], 1, 0.0, Math.Log(3.0)),
            ([2, 2, 2], 1, 1.0, Math.Log(3.0)),     // a uniform target against a uniform softmax
        ];
        BatchFunction function = BatchFunctions.Named("CrossEntropyFromLogits(classes)", single);
        foreach ((double[] logits, int target, double smoothing, double expected) in cases)
        {
            var buffers = new BatchBuffers(logits, [], [target], 1) { LabelSmoothing = smoothing };
            function.Score(buffers, 3, LogBase.E, default);
            double actual = buffers.Scores(single)[0];
            Assert.True(Api.Agrees(actual, expected, 2 * EdgeCaseTests.Ulp(single, expected)),
                $"{(single ? "float" : "double")} logits [{string.Join(", ", logits)}], class {target}, smoothing {smoothing}: got {actual:R}, expected {expected:R}");
        }
    }

    // ---- cross-entropy from target probabilities ----

    [Property(Arbitrary = new[] { typeof(LogitCases) }, MaxTest = 60)]
    public void CrossEntropyFromTargetProbabilitiesMatchesTheReference(LogitCase input)
    {
        double smoothing = input.Smoothing;
        StridedRows z = Logits(input);
        (double[] weights, _) = BatchValues.Probabilities(input.Seed % 2 == 0 ? "zeros" : "counts", Math.Max(input.Rows, 1) * input.Columns, input.Columns, input.Seed);
        var targets = new StridedRows(weights, input.Rows, input.Columns, input.TargetPadding < 0 ? 0 : input.Columns + input.TargetPadding, padLastRow: input.Seed % 3 == 0);
        BatchOptions options = new()
        {
            Normalize = input.Normalize,
            RowStride = targets.OptionStride,
            QRowStride = z.OptionStride,
            MaxDegreeOfParallelism = input.Threads,
        };
        var failures = new List<string>();
        foreach (bool single in new[] { false, true })
        {
            BatchFunction function = BatchFunctions.Named("CrossEntropyFromLogits(targets)", single);
            var buffers = new BatchBuffers(targets.Buffer, z.Buffer, [], input.Rows) { LabelSmoothing = smoothing };
            function.Score(buffers, input.Columns, input.LogBase, options);
            double[] actual = buffers.Scores(single);
            for (int r = 0; r < input.Rows; r++)
            {
                double[] target = targets.Row(r, single);
                SoftmaxReference.Result exact = SoftmaxReference.TargetCrossEntropy(target, z.Row(r, single), smoothing, input.Normalize);
                double mass = input.Normalize ? 1.0 : ((1.0 - smoothing) * target.Sum(Math.Abs)) + smoothing;
                Check(failures, $"{(single ? "float" : "double")} row {r}", single, actual[r], exact, input.LogBase, mass);
            }
        }

        Assert.True(failures.Count == 0, $"{input}\n{string.Join("\n", failures.Take(20))}");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void CrossEntropyFromTargetProbabilitiesFollowsTheRulesForZerosAndInfinities(bool single)
    {
        double inf = double.PositiveInfinity;
        (double[] Targets, double[] Logits, bool Normalize, double Smoothing, double Expected)[] cases =
        [
            ([0.5, 0.5, 0], [0, 0, -inf], false, 0.0, Ln2),     // p = 0 on a −∞ logit contributes 0
            ([0.5, 0.25, 0.25], [0, 0, -inf], false, 0.0, inf), // p > 0 on a −∞ logit
            ([0, 0, 0], [1, 2, 3], false, 0.0, 0.0),            // no target mass: 0 …
            ([0, 0, 0], [1, 2, 3], true, 0.0, double.NaN),      // … and NaN once normalized
            ([2, 2, 0], [0, 0, -inf], true, 0.0, Ln2),          // counts normalized to [½, ½, 0]
            ([0.5, 0.5, 0], [0, double.NaN, 0], false, 0.0, double.NaN),
            ([0.5, double.NaN, 0], [0, 0, 0], false, 0.0, double.NaN),
            ([0.5, 0.5, 0], [0, 0, -inf], false, 0.5, inf),     // smoothing puts ε/k on the −∞ logit
            ([0.5, 0.5, 0], [0, 0, -inf], false, 1.0, inf),     // ε = 1: the uniform target
            ([0.25, 0.25, 0.5], [0, 0, -inf], false, 1.0, inf), // ε = 1, and the unsmoothed part is +∞ too
            ([0.2, 0.3, 0.5], [1, 1, 1], false, 1.0, Math.Log(3.0)),
        ];
        BatchFunction function = BatchFunctions.Named("CrossEntropyFromLogits(targets)", single);
        var failures = new List<string>();
        foreach ((double[] targets, double[] logits, bool normalize, double smoothing, double expected) in cases)
        {
            var buffers = new BatchBuffers(targets, logits, [], 1) { LabelSmoothing = smoothing };
            function.Score(buffers, 3, LogBase.E, new BatchOptions { Normalize = normalize });
            double actual = buffers.Scores(single)[0];
            if (!Api.Agrees(actual, expected, 2 * EdgeCaseTests.Ulp(single, expected)))
            {
                failures.Add($"targets [{string.Join(", ", targets)}], logits [{string.Join(", ", logits)}], normalize {normalize}, smoothing {smoothing}: got {actual:R}, expected {expected:R}");
            }
        }

        Assert.True(failures.Count == 0, $"{(single ? "float" : "double")}:\n{string.Join("\n", failures)}");
    }

    // ---- KL from log-probabilities ----

    [Property(Arbitrary = new[] { typeof(LogitCases) }, MaxTest = 60)]
    public void KullbackLeiblerFromLogProbabilitiesMatchesKullbackLeiblerOfTheProbabilities(LogitCase input)
    {
        int length = Math.Max(input.Rows, 1) * input.Columns;
        bool shared = input.Seed % 3 == 0;
        var a = new StridedRows(BatchValues.LogProbabilities(length, input.Columns, input.Seed, zeros: input.Kind is "masked" or "specials"), input.Rows, input.Columns, input.Padding < 0 ? 0 : input.Columns + input.Padding, padLastRow: true);
        double[] bValues = BatchValues.LogProbabilities(length, input.Columns, input.Seed + 1, zeros: input.Kind == "specials");
        StridedRows b = shared
            ? StridedRows.OneRow(bValues.AsSpan(0, input.Columns).ToArray())
            : new StridedRows(bValues, input.Rows, input.Columns, input.TargetPadding < 0 ? 0 : input.Columns + input.TargetPadding, padLastRow: false);
        var options = new BatchOptions { RowStride = a.OptionStride, QRowStride = shared ? 0 : b.OptionStride, MaxDegreeOfParallelism = input.Threads };
        var failures = new List<string>();
        foreach (bool single in new[] { false, true })
        {
            BatchFunction function = BatchFunctions.Named("KullbackLeiblerFromLogProbabilities", single);
            var buffers = new BatchBuffers(a.Buffer, b.Buffer, [], input.Rows);
            function.Score(buffers, input.Columns, input.LogBase, options);
            double[] actual = buffers.Scores(single);
            for (int r = 0; r < input.Rows; r++)
            {
                double[] p = a.Row(r, single).Select(Math.Exp).ToArray();
                double[] q = b.Row(shared ? 0 : r, single).Select(Math.Exp).ToArray();
                double expected = Information.KullbackLeibler(p, q, input.LogBase);
                // e^a rounds once (relative ε), which moves each term by ε·(|term| + p).
                double scale = Reference.AbsoluteTermSum(Measure.KullbackLeibler, p, q);
                double tolerance = (((single ? 6 * Math.ScaleB(1.0, -23) : 1e-13) * scale) + (4 * Math.ScaleB(1.0, -52) * p.Sum())) * Math.Abs(input.LogBase.NatsToUnits)
                    + (2 * EdgeCaseTests.Ulp(single, expected));
                if (!Api.Agrees(actual[r], expected, tolerance))
                {
                    failures.Add($"{(single ? "float" : "double")} row {r}: got {actual[r]:R}, KL of the probabilities {expected:R} (tolerance {tolerance:E2})");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{input}\n{string.Join("\n", failures.Take(20))}");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void KullbackLeiblerFromLogProbabilitiesFollowsItsRules(bool single)
    {
        double inf = double.PositiveInfinity;
        double half = Math.Log(0.5), quarter = Math.Log(0.25), threeQuarters = Math.Log(0.75);
        (string Rule, double[] A, double[] B, double Expected)[] cases =
        [
            ("a = −∞ contributes 0 (b finite)", [-inf, 0], [quarter, threeQuarters], -threeQuarters),
            ("a = −∞ contributes 0 (b = −∞)", [-inf, 0], [-inf, 0], 0.0),
            ("a = −∞ contributes 0 (b = +∞)", [-inf, 0], [inf, 0], 0.0),
            ("finite a against b = −∞ gives +∞", [half, half], [-inf, 0], inf),
            ("a = b gives +0", [half, half], [half, half], 0.0),
            ("a = b gives +0 (with −∞)", [-inf, 0], [-inf, 0], 0.0),
            ("NaN gives NaN", [half, half], [double.NaN, half], double.NaN),
            ("NaN gives NaN (against a = −∞)", [-inf, 0], [double.NaN, 0], double.NaN),
        ];
        BatchFunction function = BatchFunctions.Named("KullbackLeiblerFromLogProbabilities", single);
        var failures = new List<string>();
        foreach ((string rule, double[] a, double[] b, double expected) in cases)
        {
            // The rule's row among ordinary rows (a = b, so they score +0), at several widths and lanes.
            foreach (int rows in new[] { 1, 5, 17 })
            {
                double[] ordinary = [half, half];
                double[] pa = Enumerable.Range(0, rows).SelectMany(r => r == rows / 2 ? a : ordinary).ToArray();
                double[] pb = Enumerable.Range(0, rows).SelectMany(r => r == rows / 2 ? b : ordinary).ToArray();
                var buffers = new BatchBuffers(pa, pb, [], rows);
                function.Score(buffers, 2, LogBase.E, default);
                double[] actual = buffers.Scores(single);
                for (int r = 0; r < rows; r++)
                {
                    double want = r == rows / 2 ? expected : 0.0;
                    double tolerance = 2 * EdgeCaseTests.Ulp(single, want) + (single ? 4 * EdgeCaseTests.Ulp(true, 1.0) * Math.Abs(want) : 0.0);
                    if (!Api.Agrees(actual[r], want, tolerance, requirePositiveZero: true))
                    {
                        failures.Add($"{rule} (rows={rows}, row {r}): got {actual[r]:R}, expected {want:R}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{(single ? "float" : "double")}:\n{string.Join("\n", failures)}");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void FiniteLogProbabilityAgainstMinusInfinityIsInfiniteEvenWhenItsExponentialUnderflows(bool single)
    {
        // SEMANTICS.md: "a finite target against a −∞ model log-probability gives +∞". The term e^a·(a − b) is
        // 0·∞ = NaN once e^a underflows: a < −745 in double, a < −103.3 in float (the float fold's e^a is a float).
        BatchFunction function = BatchFunctions.Named("KullbackLeiblerFromLogProbabilities", single);
        var failures = new List<string>();
        foreach (double a in single ? new[] { -90.0, -110.0, -120.0 } : new[] { -700.0, -750.0, -1000.0 })
        {
            var buffers = new BatchBuffers([0.0, a], [0.0, double.NegativeInfinity], [], 1);
            function.Score(buffers, 2, LogBase.E, default);
            double actual = buffers.Scores(single)[0];
            if (actual != double.PositiveInfinity)
            {
                failures.Add($"a = [0, {a}], b = [0, −∞]: got {actual:R}, expected +∞");
            }
        }

        Assert.True(failures.Count == 0, $"{(single ? "float" : "double")}:\n{string.Join("\n", failures)}");
    }

    // ---- helpers ----

    /// <summary>
    /// Compares with a double bound of 1e-13·Σ|term| and a float bound of 6 float ε·Σ|term| plus two ulps (log Σe^d
    /// keeps its relative precision on confident rows: see <see cref="BatchLogSumExpAccuracyTests"/>).
    /// </summary>
    private static void Check(List<string> failures, string what, bool single, double actual, SoftmaxReference.Result exact, LogBase logBase, double mass = 1.0)
    {
        double units = Math.Abs(logBase.NatsToUnits);
        double expected = double.IsFinite(exact.Value) ? logBase.FromNats(exact.Value) : exact.Value;
        double relative = single ? 6 * Math.ScaleB(1.0, -23) : 1e-13;
        double tolerance = (relative * exact.AbsoluteTermSum * units) + (2 * EdgeCaseTests.Ulp(single, expected));
        if (!Api.Agrees(actual, expected, tolerance))
        {
            failures.Add($"{what}: got {actual:R}, reference {expected:R} (tolerance {tolerance:E2})");
        }
    }

    private static StridedRows Logits(LogitCase input) =>
        new(BatchValues.Logits(input.Kind, Math.Max(input.Rows, 1) * input.Columns, input.Columns, input.Seed), input.Rows, input.Columns, input.Padding < 0 ? 0 : input.Columns + input.Padding, padLastRow: input.Seed % 2 == 0);

    private static BatchOptions Options(LogitCase input, StridedRows z) =>
        new() { RowStride = z.OptionStride, MaxDegreeOfParallelism = input.Threads };

    private static double[] EntropyFromLogits(bool single, double[] logits, int rows, int columns, LogBase logBase, BatchOptions options)
    {
        BatchFunction function = BatchFunctions.Named("EntropyFromLogits", single);
        var buffers = new BatchBuffers(logits, [], [], rows);
        function.Score(buffers, columns, logBase, options);
        return buffers.Scores(single);
    }
}
