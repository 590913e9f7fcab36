using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// Every invalid call throws the documented exception type (<see cref="ArgumentOutOfRangeException"/> for a count, a
/// stride, a class index, a smoothing or a reduction out of range; <see cref="ArgumentException"/> for shapes and
/// options that do not apply), names the parameter it is about and the numbers in its message, and writes nothing:
/// the destination still holds its sentinel afterwards. Each function, both element types, each scenario that applies.
/// </summary>
public sealed class BatchErrorTests
{
    private const double Sentinel = -4242.5;

    private const string First = "(the first matrix)";
    private const string Second = "(the second matrix)";

    /// <summary>A call and what it must throw: the exact type, the parameter name (<see cref="First"/> and
    /// <see cref="Second"/> stand for the function's own names of its two inputs), the numbers in the message and
    /// optionally a phrase.</summary>
    private sealed record Scenario(string What, Type Exception, string ParameterName, string[] Numbers, Func<BatchFunction, bool> AppliesTo, Action<BatchFunction, BatchBuffers> Call, Func<BatchBuffers> Inputs, string? Phrase = null);

    [Theory]
    [MemberData(nameof(BatchFunctions.Names), MemberType = typeof(BatchFunctions))]
    public void EveryInvalidCallThrowsNamesTheNumbersAndWritesNothing(string name, bool single)
    {
        BatchFunction function = BatchFunctions.Named(name, single);
        var failures = new List<string>();
        foreach (Scenario scenario in Scenarios().Where(s => s.AppliesTo(function)))
        {
            BatchBuffers inputs = scenario.Inputs();
            inputs.Fill(Sentinel);
            Exception? thrown = null;
            try
            {
                scenario.Call(function, inputs);
            }
            catch (Exception e)
            {
                thrown = e;
            }

            string what = $"{scenario.What}:";
            if (thrown is null)
            {
                failures.Add($"{what} nothing thrown (expected {scenario.Exception.Name})");
                continue;
            }

            if (thrown.GetType() != scenario.Exception)
            {
                failures.Add($"{what} {thrown.GetType().Name} thrown, expected {scenario.Exception.Name}: {thrown.Message}");
                continue;
            }

            var argument = (ArgumentException)thrown;
            string parameter = ParameterName(scenario.ParameterName, function);
            if (argument.ParamName != parameter)
            {
                failures.Add($"{what} ParamName is \"{argument.ParamName}\", expected \"{parameter}\" (message: {argument.Message})");
            }

            foreach (string number in scenario.Numbers.Append(scenario.Phrase).OfType<string>().Where(n => !Names(argument.Message, n)))
            {
                failures.Add($"{what} the message does not name {number}: {argument.Message}");
            }

            if (inputs.Scores(function.Single).Any(x => x != Sentinel))
            {
                failures.Add($"{what} the destination was written before the throw");
            }
        }

        Assert.True(failures.Count == 0, $"{function}:\n{string.Join("\n", failures)}");
    }

    private static IEnumerable<Scenario> Scenarios()
    {
        Func<BatchFunction, bool> all = _ => true;
        Func<BatchFunction, bool> pairs = f => f.HasQ;
        Func<BatchFunction, bool> classes = f => f.Inputs == BatchInputs.ClassesAndLogits;
        Func<BatchFunction, bool> smoothed = f => f.Inputs is BatchInputs.ClassesAndLogits or BatchInputs.TargetsAndLogits;
        Type outOfRange = typeof(ArgumentOutOfRangeException), argument = typeof(ArgumentException);

        // Three rows of four columns (q likewise, class indices 0…3), one destination element per row.
        Func<BatchBuffers> valid = () => Inputs(12, 12, [0, 3, 1], 3);

        foreach (int columns in new[] { 0, -3 })
        {
            yield return new($"columns = {columns}", outOfRange, "columns", [Text(columns)], all,
                (f, b) => f.Score(b, columns, LogBase.E, default), valid);
            yield return new($"columns = {columns}, reduced", outOfRange, "columns", [Text(columns)], all,
                (f, b) => f.Reduce!(b, columns, Reduction.Mean, LogBase.E, default), valid);
        }

        yield return new("10 elements of the first matrix in rows of 4", argument, First, ["10", "4"], all,
            (f, b) => f.Score(b, 4, LogBase.E, default), () => Inputs(10, 12, [0, 1, 2], 3));
        yield return new("10 elements of the first matrix in rows of 4, reduced", argument, First, ["10", "4"], all,
            (f, b) => f.Reduce!(b, 4, Reduction.Sum, LogBase.E, default), () => Inputs(10, 12, [0, 1, 2], 3));
        yield return new("11 elements in rows of 4 that are 6 apart", argument, First, ["11", "4", "6"], all,
            (f, b) => f.Score(b, 4, LogBase.E, new BatchOptions { RowStride = 6, QRowStride = 6 }), () => Inputs(11, 16, [0, 1], 2));

        foreach (int stride in new[] { 3, -4 })
        {
            yield return new($"RowStride = {stride} below 4 columns", outOfRange, "options", [Text(stride), "4"], all,
                (f, b) => f.Score(b, 4, LogBase.E, new BatchOptions { RowStride = stride }), valid);
        }

        yield return new("QRowStride = 2 below 4 columns", outOfRange, "options", ["2", "4"], pairs,
            (f, b) => f.Score(b, 4, LogBase.E, new BatchOptions { QRowStride = 2 }), valid);
        yield return new("QRowStride = 2 below 4 columns, reduced", outOfRange, "options", ["2", "4"], pairs,
            (f, b) => f.Reduce!(b, 4, Reduction.Sum, LogBase.E, new BatchOptions { QRowStride = 2 }), valid);

        foreach (int qLength in new[] { 8, 16, 5 })
        {
            yield return new($"second matrix of {qLength} elements against 3 rows of 4", argument, Second, [Text(qLength), "12"], pairs,
                (f, b) => f.Score(b, 4, LogBase.E, default), () => Inputs(12, qLength, [], 3));
            yield return new($"second matrix of {qLength} elements against 3 rows of 4, reduced", argument, Second, [Text(qLength), "12"], pairs,
                (f, b) => f.Reduce!(b, 4, Reduction.Sum, LogBase.E, default), () => Inputs(12, qLength, [], 3));
        }

        yield return new("one logits row for 3 rows of targets (logits are never shared)", argument, "logits", ["4", "12"], f => f.Inputs == BatchInputs.TargetsAndLogits,
            (f, b) => f.Score(b, 4, LogBase.E, default), () => Inputs(12, 4, [], 3));
        yield return new("second matrix of 9 elements, rows of 4 that are 6 apart", argument, Second, ["9", "16", "6"], pairs,
            (f, b) => f.Score(b, 4, LogBase.E, new BatchOptions { QRowStride = 6 }), () => Inputs(12, 9, [], 3));

        foreach (int destination in new[] { 2, 4, 0 })
        {
            yield return new($"destination of {destination} for 3 rows", argument, "destination", [Text(destination), "3"], all,
                (f, b) => f.Score(b, 4, LogBase.E, default), () => Inputs(12, 12, [0, 3, 1], destination));
        }

        yield return new("class index 4 of 4 columns in row 1", outOfRange, "targets", ["4"], classes,
            (f, b) => f.Score(b, 4, LogBase.E, default), () => Inputs(12, 0, [0, 4, 1], 3), "targets[1]");
        yield return new("class index -1 in row 2", outOfRange, "targets", ["-1", "4"], classes,
            (f, b) => f.Score(b, 4, LogBase.E, default), () => Inputs(12, 0, [0, 1, -1], 3), "targets[2]");
        yield return new("class index 7 in row 2 with ignore index -100", outOfRange, "targets", ["7", "4", "-100"], classes,
            (f, b) => f.Score(b, 4, LogBase.E, default), () => Inputs(12, 0, [-100, 1, 7], 3, ignoreIndex: -100), "targets[2]");
        yield return new("class index 7 in row 2 with ignore index -100, reduced", outOfRange, "targets", ["7", "4"], classes,
            (f, b) => f.Reduce!(b, 4, Reduction.Mean, LogBase.E, default), () => Inputs(12, 0, [-100, 1, 7], 3, ignoreIndex: -100), "targets[2]");
        yield return new("2 class indices for 3 rows", argument, "targets", ["2", "3"], classes,
            (f, b) => f.Score(b, 4, LogBase.E, default), () => Inputs(12, 0, [0, 1], 3));

        foreach (double smoothing in new[] { -0.1, 1.5, double.NaN, double.PositiveInfinity })
        {
            string text = smoothing.ToString(CultureInfo.InvariantCulture);
            yield return new($"label smoothing {text}", outOfRange, "labelSmoothing", [text], smoothed,
                (f, b) => f.Score(b, 4, LogBase.E, default), () => Inputs(12, 12, [0, 1, 2], 3, smoothing: smoothing));
            yield return new($"label smoothing {text}, reduced", outOfRange, "labelSmoothing", [text], smoothed,
                (f, b) => f.Reduce!(b, 4, Reduction.Sum, LogBase.E, default), () => Inputs(12, 12, [0, 1, 2], 3, smoothing: smoothing));
        }

        yield return new("Normalize on logits, log-probabilities, counts or Gaussians", argument, "options", [], f => !f.Normalizes,
            (f, b) => f.Score(b, 4, LogBase.E, new BatchOptions { Normalize = true }), valid, "Normalize");
        yield return new("Normalize on logits, log-probabilities, counts or Gaussians, reduced", argument, "options", [], f => !f.Normalizes,
            (f, b) => f.Reduce!(b, 4, Reduction.Mean, LogBase.E, new BatchOptions { Normalize = true }), valid, "Normalize");

        yield return new("Reduction 2", outOfRange, "reduction", ["2"], all,
            (f, b) => f.Reduce!(b, 4, (Reduction)2, LogBase.E, default), valid);
    }

    /// <summary>The public name of the parameter a scenario is about: p and q, logits, or targets and logits.</summary>
    private static string ParameterName(string name, BatchFunction function) => (name, function.Inputs) switch
    {
        (First, BatchInputs.Logits or BatchInputs.ClassesAndLogits) => "logits",
        (First, BatchInputs.TargetsAndLogits) => "targets",
        (First, BatchInputs.Counts) => "counts",
        (First, BatchInputs.Gaussians) => "mean",
        (Second, BatchInputs.Gaussians) => "logVariance",
        (First, _) => "p",
        (Second, BatchInputs.TargetsAndLogits) => "logits",
        (Second, _) => "q",
        _ => name,
    };

    private static BatchBuffers Inputs(int pLength, int qLength, int[] targets, int destination, double smoothing = 0.0, int? ignoreIndex = null) =>
        new(Ramp(pLength), Ramp(qLength), targets, destination) { LabelSmoothing = smoothing, IgnoreIndex = ignoreIndex };

    private static double[] Ramp(int length) => Enumerable.Range(1, length).Select(i => i / 16.0).ToArray();

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether the message names a number (not as part of a longer number) or contains a phrase.</summary>
    private static bool Names(string message, string value) =>
        char.IsDigit(value[^1])
            ? Regex.IsMatch(message, $@"(?<![\d.]){Regex.Escape(value)}(?![\d])")
            : message.Contains(value, StringComparison.Ordinal);
}
