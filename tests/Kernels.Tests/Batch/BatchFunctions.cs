using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Kernels.Tests;

/// <summary>What a batch function reads: one probability matrix, a pair, logits, target probabilities and logits,
/// class indices and logits, or a pair of log-probability matrices.</summary>
public enum BatchInputs
{
    Probabilities,
    ProbabilityPairs,
    Logits,
    TargetsAndLogits,
    ClassesAndLogits,
    LogProbabilityPairs,
    Counts,
    Gaussians,
}

/// <summary>
/// The inputs of one batch call in both element types and the destinations it writes, prepared up front so that a
/// call through <see cref="BatchFunction"/> allocates nothing. P is the first matrix (p, the logits, the target
/// probabilities, or a = log p), Q the second (q, the logits of cross-entropy from targets, or b = log q).
/// </summary>
public sealed class BatchBuffers
{
    public BatchBuffers(double[] p, double[] q, int[] targets, int destinationLength)
    {
        P = p;
        Q = q;
        Targets = targets;
        PSingle = p.Select(x => (float)x).ToArray();
        QSingle = q.Select(x => (float)x).ToArray();
        Destination = new double[destinationLength];
        DestinationSingle = new float[destinationLength];
    }

    public double[] P { get; }

    public double[] Q { get; }

    public float[] PSingle { get; }

    public float[] QSingle { get; }

    public int[] Targets { get; }

    public double[] Destination { get; }

    public float[] DestinationSingle { get; }

    public double LabelSmoothing { get; init; }

    public int? IgnoreIndex { get; init; }

    /// <summary>Sets every element of both destinations (a sentinel that no call should leave behind or write).</summary>
    public void Fill(double value)
    {
        Array.Fill(Destination, value);
        Array.Fill(DestinationSingle, (float)value);
    }

    /// <summary>The destination the call of the given element type wrote, widened to double.</summary>
    public double[] Scores(bool single) => single ? DestinationSingle.Select(x => (double)x).ToArray() : (double[])Destination.Clone();
}

/// <summary>One public batch function in one element type, called with a destination or with a reduction.</summary>
/// <param name="Name">The Batch method (with " (no options)" for the overloads without <see cref="BatchOptions"/>).</param>
/// <param name="Single">Float (true) or double.</param>
/// <param name="Inputs">What it reads.</param>
/// <param name="Score">Writes one score per row of P into the destination of its element type.</param>
/// <param name="Reduce">The sum or mean over rows (null for overloads without a reduced form).</param>
public sealed record BatchFunction(
    string Name,
    bool Single,
    BatchInputs Inputs,
    Action<BatchBuffers, int, LogBase, BatchOptions> Score,
    Func<BatchBuffers, int, Reduction, LogBase, BatchOptions, double>? Reduce)
{
    /// <summary>Whether <see cref="BatchOptions.Normalize"/> is accepted.</summary>
    public bool Normalizes => Inputs is BatchInputs.Probabilities or BatchInputs.ProbabilityPairs or BatchInputs.TargetsAndLogits;

    /// <summary>Whether Q is a second matrix with one row per row of P (or one shared row).</summary>
    public bool HasQ => Inputs is BatchInputs.ProbabilityPairs or BatchInputs.LogProbabilityPairs or BatchInputs.TargetsAndLogits or BatchInputs.Gaussians;

    /// <summary>Whether Q may be one row that every row of P is scored against.</summary>
    public bool SharesQ => Inputs is BatchInputs.ProbabilityPairs or BatchInputs.LogProbabilityPairs;

    /// <summary>Whether the overload takes options (the others always use the defaults).</summary>
    public bool TakesOptions => !Name.EndsWith("(no options)", StringComparison.Ordinal);

    public override string ToString() => $"{Name} ({(Single ? "float" : "double")})";
}

/// <summary>Every public batch function, both element types.</summary>
public static class BatchFunctions
{
    public static IReadOnlyList<BatchFunction> All { get; } =
    [
        new("Entropy", false, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.Entropy(b.P, c, b.Destination, lb, o),
            (b, c, r, lb, o) => Batch.Entropy(b.P, c, r, lb, o)),
        new("Entropy", true, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.Entropy(b.PSingle, c, b.DestinationSingle, lb, o),
            (b, c, r, lb, o) => Batch.Entropy(b.PSingle, c, r, lb, o)),
        new("CrossEntropy", false, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.CrossEntropy(b.P, b.Q, c, b.Destination, lb, o),
            (b, c, r, lb, o) => Batch.CrossEntropy(b.P, b.Q, c, r, lb, o)),
        new("CrossEntropy", true, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.CrossEntropy(b.PSingle, b.QSingle, c, b.DestinationSingle, lb, o),
            (b, c, r, lb, o) => Batch.CrossEntropy(b.PSingle, b.QSingle, c, r, lb, o)),
        new("KullbackLeibler", false, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.KullbackLeibler(b.P, b.Q, c, b.Destination, lb, o),
            (b, c, r, lb, o) => Batch.KullbackLeibler(b.P, b.Q, c, r, lb, o)),
        new("KullbackLeibler", true, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.KullbackLeibler(b.PSingle, b.QSingle, c, b.DestinationSingle, lb, o),
            (b, c, r, lb, o) => Batch.KullbackLeibler(b.PSingle, b.QSingle, c, r, lb, o)),
        new("JensenShannonDivergence", false, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.JensenShannonDivergence(b.P, b.Q, c, b.Destination, lb, o),
            (b, c, r, lb, o) => Batch.JensenShannonDivergence(b.P, b.Q, c, r, lb, o)),
        new("JensenShannonDivergence", true, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.JensenShannonDivergence(b.PSingle, b.QSingle, c, b.DestinationSingle, lb, o),
            (b, c, r, lb, o) => Batch.JensenShannonDivergence(b.PSingle, b.QSingle, c, r, lb, o)),
        new("JensenShannonDistance", false, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.JensenShannonDistance(b.P, b.Q, c, b.Destination, lb, o),
            (b, c, r, lb, o) => Batch.JensenShannonDistance(b.P, b.Q, c, r, lb, o)),
        new("JensenShannonDistance", true, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.JensenShannonDistance(b.PSingle, b.QSingle, c, b.DestinationSingle, lb, o),
            (b, c, r, lb, o) => Batch.JensenShannonDistance(b.PSingle, b.QSingle, c, r, lb, o)),
        new("EntropyFromLogits", false, BatchInputs.Logits,
            (b, c, lb, o) => Batch.EntropyFromLogits(b.P, c, b.Destination, lb, o),
            (b, c, r, lb, o) => Batch.EntropyFromLogits(b.P, c, r, lb, o)),
        new("EntropyFromLogits", true, BatchInputs.Logits,
            (b, c, lb, o) => Batch.EntropyFromLogits(b.PSingle, c, b.DestinationSingle, lb, o),
            (b, c, r, lb, o) => Batch.EntropyFromLogits(b.PSingle, c, r, lb, o)),
        new("CrossEntropyFromLogits(targets)", false, BatchInputs.TargetsAndLogits,
            (b, c, lb, o) => Batch.CrossEntropyFromLogits(b.P, b.Q, c, b.Destination, lb, o, b.LabelSmoothing),
            (b, c, r, lb, o) => Batch.CrossEntropyFromLogits(b.P, b.Q, c, r, lb, o, b.LabelSmoothing)),
        new("CrossEntropyFromLogits(targets)", true, BatchInputs.TargetsAndLogits,
            (b, c, lb, o) => Batch.CrossEntropyFromLogits(b.PSingle, b.QSingle, c, b.DestinationSingle, lb, o, b.LabelSmoothing),
            (b, c, r, lb, o) => Batch.CrossEntropyFromLogits(b.PSingle, b.QSingle, c, r, lb, o, b.LabelSmoothing)),
        new("CrossEntropyFromLogits(classes)", false, BatchInputs.ClassesAndLogits,
            (b, c, lb, o) => Batch.CrossEntropyFromLogits(b.Targets, b.P, c, b.Destination, lb, o, b.LabelSmoothing, b.IgnoreIndex),
            (b, c, r, lb, o) => Batch.CrossEntropyFromLogits(b.Targets, b.P, c, r, lb, o, b.LabelSmoothing, b.IgnoreIndex)),
        new("CrossEntropyFromLogits(classes)", true, BatchInputs.ClassesAndLogits,
            (b, c, lb, o) => Batch.CrossEntropyFromLogits(b.Targets, b.PSingle, c, b.DestinationSingle, lb, o, b.LabelSmoothing, b.IgnoreIndex),
            (b, c, r, lb, o) => Batch.CrossEntropyFromLogits(b.Targets, b.PSingle, c, r, lb, o, b.LabelSmoothing, b.IgnoreIndex)),
        new("KullbackLeiblerFromLogProbabilities", false, BatchInputs.LogProbabilityPairs,
            (b, c, lb, o) => Batch.KullbackLeiblerFromLogProbabilities(b.P, b.Q, c, b.Destination, lb, o),
            (b, c, r, lb, o) => Batch.KullbackLeiblerFromLogProbabilities(b.P, b.Q, c, r, lb, o)),
        new("KullbackLeiblerFromLogProbabilities", true, BatchInputs.LogProbabilityPairs,
            (b, c, lb, o) => Batch.KullbackLeiblerFromLogProbabilities(b.PSingle, b.QSingle, c, b.DestinationSingle, lb, o),
            (b, c, r, lb, o) => Batch.KullbackLeiblerFromLogProbabilities(b.PSingle, b.QSingle, c, r, lb, o)),
        new("Hellinger", false, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.Hellinger(b.P, b.Q, c, b.Destination, o),
            (b, c, r, lb, o) => Batch.Hellinger(b.P, b.Q, c, r, o)),
        new("TotalVariation", false, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.TotalVariation(b.P, b.Q, c, b.Destination, o),
            (b, c, r, lb, o) => Batch.TotalVariation(b.P, b.Q, c, r, o)),
        new("PearsonChiSquare", false, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.PearsonChiSquare(b.P, b.Q, c, b.Destination, o),
            (b, c, r, lb, o) => Batch.PearsonChiSquare(b.P, b.Q, c, r, o)),
        new("NeymanChiSquare", false, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.NeymanChiSquare(b.P, b.Q, c, b.Destination, o),
            (b, c, r, lb, o) => Batch.NeymanChiSquare(b.P, b.Q, c, r, o)),
        new("BhattacharyyaCoefficient", false, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.BhattacharyyaCoefficient(b.P, b.Q, c, b.Destination, o),
            (b, c, r, lb, o) => Batch.BhattacharyyaCoefficient(b.P, b.Q, c, r, o)),
        new("BhattacharyyaDistance", false, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.BhattacharyyaDistance(b.P, b.Q, c, b.Destination, lb, o),
            (b, c, r, lb, o) => Batch.BhattacharyyaDistance(b.P, b.Q, c, r, lb, o)),
        new("RenyiDivergence(α=0.0)", false, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.RenyiDivergence(b.P, b.Q, c, b.Destination, 0.0, lb, o),
            (b, c, r, lb, o) => Batch.RenyiDivergence(b.P, b.Q, c, r, 0.0, lb, o)),
        new("RenyiDivergence(α=0.5)", false, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.RenyiDivergence(b.P, b.Q, c, b.Destination, 0.5, lb, o),
            (b, c, r, lb, o) => Batch.RenyiDivergence(b.P, b.Q, c, r, 0.5, lb, o)),
        new("RenyiDivergence(α=1.0)", false, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.RenyiDivergence(b.P, b.Q, c, b.Destination, 1.0, lb, o),
            (b, c, r, lb, o) => Batch.RenyiDivergence(b.P, b.Q, c, r, 1.0, lb, o)),
        new("RenyiDivergence(α=2.0)", false, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.RenyiDivergence(b.P, b.Q, c, b.Destination, 2.0, lb, o),
            (b, c, r, lb, o) => Batch.RenyiDivergence(b.P, b.Q, c, r, 2.0, lb, o)),
        new("RenyiDivergence(α=3.5)", false, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.RenyiDivergence(b.P, b.Q, c, b.Destination, 3.5, lb, o),
            (b, c, r, lb, o) => Batch.RenyiDivergence(b.P, b.Q, c, r, 3.5, lb, o)),
        new("RenyiDivergence(α=∞)", false, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.RenyiDivergence(b.P, b.Q, c, b.Destination, double.PositiveInfinity, lb, o),
            (b, c, r, lb, o) => Batch.RenyiDivergence(b.P, b.Q, c, r, double.PositiveInfinity, lb, o)),
        new("RenyiEntropy(α=0.0)", false, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.RenyiEntropy(b.P, c, b.Destination, 0.0, lb, o),
            (b, c, r, lb, o) => Batch.RenyiEntropy(b.P, c, r, 0.0, lb, o)),
        new("RenyiEntropy(α=0.5)", false, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.RenyiEntropy(b.P, c, b.Destination, 0.5, lb, o),
            (b, c, r, lb, o) => Batch.RenyiEntropy(b.P, c, r, 0.5, lb, o)),
        new("RenyiEntropy(α=1.0)", false, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.RenyiEntropy(b.P, c, b.Destination, 1.0, lb, o),
            (b, c, r, lb, o) => Batch.RenyiEntropy(b.P, c, r, 1.0, lb, o)),
        new("RenyiEntropy(α=2.0)", false, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.RenyiEntropy(b.P, c, b.Destination, 2.0, lb, o),
            (b, c, r, lb, o) => Batch.RenyiEntropy(b.P, c, r, 2.0, lb, o)),
        new("RenyiEntropy(α=0.7)", false, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.RenyiEntropy(b.P, c, b.Destination, 0.7, lb, o),
            (b, c, r, lb, o) => Batch.RenyiEntropy(b.P, c, r, 0.7, lb, o)),
        new("RenyiEntropy(α=∞)", false, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.RenyiEntropy(b.P, c, b.Destination, double.PositiveInfinity, lb, o),
            (b, c, r, lb, o) => Batch.RenyiEntropy(b.P, c, r, double.PositiveInfinity, lb, o)),
        new("TsallisEntropy(α=0.5)", false, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.TsallisEntropy(b.P, c, b.Destination, 0.5, o),
            (b, c, r, lb, o) => Batch.TsallisEntropy(b.P, c, r, 0.5, o)),
        new("TsallisEntropy(α=1.0)", false, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.TsallisEntropy(b.P, c, b.Destination, 1.0, o),
            (b, c, r, lb, o) => Batch.TsallisEntropy(b.P, c, r, 1.0, o)),
        new("TsallisEntropy(α=2.0)", false, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.TsallisEntropy(b.P, c, b.Destination, 2.0, o),
            (b, c, r, lb, o) => Batch.TsallisEntropy(b.P, c, r, 2.0, o)),
        new("TsallisEntropy(α=0.7)", false, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.TsallisEntropy(b.P, c, b.Destination, 0.7, o),
            (b, c, r, lb, o) => Batch.TsallisEntropy(b.P, c, r, 0.7, o)),
        new("MillerMadowEntropy", false, BatchInputs.Counts,
            (b, c, lb, o) => Batch.MillerMadowEntropy(b.P, c, b.Destination, lb, o),
            (b, c, r, lb, o) => Batch.MillerMadowEntropy(b.P, c, r, lb, o)),
        new("GaussianKullbackLeibler", false, BatchInputs.Gaussians,
            (b, c, lb, o) => Batch.GaussianKullbackLeibler(b.P, b.Q, c, b.Destination, lb, o),
            (b, c, r, lb, o) => Batch.GaussianKullbackLeibler(b.P, b.Q, c, r, lb, o)),
        new("Hellinger", true, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.Hellinger(b.PSingle, b.QSingle, c, b.DestinationSingle, o),
            (b, c, r, lb, o) => Batch.Hellinger(b.PSingle, b.QSingle, c, r, o)),
        new("TotalVariation", true, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.TotalVariation(b.PSingle, b.QSingle, c, b.DestinationSingle, o),
            (b, c, r, lb, o) => Batch.TotalVariation(b.PSingle, b.QSingle, c, r, o)),
        new("PearsonChiSquare", true, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.PearsonChiSquare(b.PSingle, b.QSingle, c, b.DestinationSingle, o),
            (b, c, r, lb, o) => Batch.PearsonChiSquare(b.PSingle, b.QSingle, c, r, o)),
        new("NeymanChiSquare", true, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.NeymanChiSquare(b.PSingle, b.QSingle, c, b.DestinationSingle, o),
            (b, c, r, lb, o) => Batch.NeymanChiSquare(b.PSingle, b.QSingle, c, r, o)),
        new("BhattacharyyaCoefficient", true, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.BhattacharyyaCoefficient(b.PSingle, b.QSingle, c, b.DestinationSingle, o),
            (b, c, r, lb, o) => Batch.BhattacharyyaCoefficient(b.PSingle, b.QSingle, c, r, o)),
        new("BhattacharyyaDistance", true, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.BhattacharyyaDistance(b.PSingle, b.QSingle, c, b.DestinationSingle, lb, o),
            (b, c, r, lb, o) => Batch.BhattacharyyaDistance(b.PSingle, b.QSingle, c, r, lb, o)),
        new("RenyiDivergence(α=0.0)", true, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.RenyiDivergence(b.PSingle, b.QSingle, c, b.DestinationSingle, 0.0, lb, o),
            (b, c, r, lb, o) => Batch.RenyiDivergence(b.PSingle, b.QSingle, c, r, 0.0, lb, o)),
        new("RenyiDivergence(α=0.5)", true, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.RenyiDivergence(b.PSingle, b.QSingle, c, b.DestinationSingle, 0.5, lb, o),
            (b, c, r, lb, o) => Batch.RenyiDivergence(b.PSingle, b.QSingle, c, r, 0.5, lb, o)),
        new("RenyiDivergence(α=1.0)", true, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.RenyiDivergence(b.PSingle, b.QSingle, c, b.DestinationSingle, 1.0, lb, o),
            (b, c, r, lb, o) => Batch.RenyiDivergence(b.PSingle, b.QSingle, c, r, 1.0, lb, o)),
        new("RenyiDivergence(α=2.0)", true, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.RenyiDivergence(b.PSingle, b.QSingle, c, b.DestinationSingle, 2.0, lb, o),
            (b, c, r, lb, o) => Batch.RenyiDivergence(b.PSingle, b.QSingle, c, r, 2.0, lb, o)),
        new("RenyiDivergence(α=3.5)", true, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.RenyiDivergence(b.PSingle, b.QSingle, c, b.DestinationSingle, 3.5, lb, o),
            (b, c, r, lb, o) => Batch.RenyiDivergence(b.PSingle, b.QSingle, c, r, 3.5, lb, o)),
        new("RenyiDivergence(α=∞)", true, BatchInputs.ProbabilityPairs,
            (b, c, lb, o) => Batch.RenyiDivergence(b.PSingle, b.QSingle, c, b.DestinationSingle, double.PositiveInfinity, lb, o),
            (b, c, r, lb, o) => Batch.RenyiDivergence(b.PSingle, b.QSingle, c, r, double.PositiveInfinity, lb, o)),
        new("RenyiEntropy(α=0.0)", true, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.RenyiEntropy(b.PSingle, c, b.DestinationSingle, 0.0, lb, o),
            (b, c, r, lb, o) => Batch.RenyiEntropy(b.PSingle, c, r, 0.0, lb, o)),
        new("RenyiEntropy(α=0.5)", true, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.RenyiEntropy(b.PSingle, c, b.DestinationSingle, 0.5, lb, o),
            (b, c, r, lb, o) => Batch.RenyiEntropy(b.PSingle, c, r, 0.5, lb, o)),
        new("RenyiEntropy(α=1.0)", true, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.RenyiEntropy(b.PSingle, c, b.DestinationSingle, 1.0, lb, o),
            (b, c, r, lb, o) => Batch.RenyiEntropy(b.PSingle, c, r, 1.0, lb, o)),
        new("RenyiEntropy(α=2.0)", true, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.RenyiEntropy(b.PSingle, c, b.DestinationSingle, 2.0, lb, o),
            (b, c, r, lb, o) => Batch.RenyiEntropy(b.PSingle, c, r, 2.0, lb, o)),
        new("RenyiEntropy(α=0.7)", true, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.RenyiEntropy(b.PSingle, c, b.DestinationSingle, 0.7, lb, o),
            (b, c, r, lb, o) => Batch.RenyiEntropy(b.PSingle, c, r, 0.7, lb, o)),
        new("RenyiEntropy(α=∞)", true, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.RenyiEntropy(b.PSingle, c, b.DestinationSingle, double.PositiveInfinity, lb, o),
            (b, c, r, lb, o) => Batch.RenyiEntropy(b.PSingle, c, r, double.PositiveInfinity, lb, o)),
        new("TsallisEntropy(α=0.5)", true, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.TsallisEntropy(b.PSingle, c, b.DestinationSingle, 0.5, o),
            (b, c, r, lb, o) => Batch.TsallisEntropy(b.PSingle, c, r, 0.5, o)),
        new("TsallisEntropy(α=1.0)", true, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.TsallisEntropy(b.PSingle, c, b.DestinationSingle, 1.0, o),
            (b, c, r, lb, o) => Batch.TsallisEntropy(b.PSingle, c, r, 1.0, o)),
        new("TsallisEntropy(α=2.0)", true, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.TsallisEntropy(b.PSingle, c, b.DestinationSingle, 2.0, o),
            (b, c, r, lb, o) => Batch.TsallisEntropy(b.PSingle, c, r, 2.0, o)),
        new("TsallisEntropy(α=0.7)", true, BatchInputs.Probabilities,
            (b, c, lb, o) => Batch.TsallisEntropy(b.PSingle, c, b.DestinationSingle, 0.7, o),
            (b, c, r, lb, o) => Batch.TsallisEntropy(b.PSingle, c, r, 0.7, o)),
        new("MillerMadowEntropy", true, BatchInputs.Counts,
            (b, c, lb, o) => Batch.MillerMadowEntropy(b.PSingle, c, b.DestinationSingle, lb, o),
            (b, c, r, lb, o) => Batch.MillerMadowEntropy(b.PSingle, c, r, lb, o)),
        new("GaussianKullbackLeibler", true, BatchInputs.Gaussians,
            (b, c, lb, o) => Batch.GaussianKullbackLeibler(b.PSingle, b.QSingle, c, b.DestinationSingle, lb, o),
            (b, c, r, lb, o) => Batch.GaussianKullbackLeibler(b.PSingle, b.QSingle, c, r, lb, o)),
    ];

    /// <summary>The overloads without options (dense rows, values as given, default threads).</summary>
    public static IReadOnlyList<BatchFunction> WithoutOptions { get; } =
    [
        new("Entropy (no options)", false, BatchInputs.Probabilities, (b, c, lb, _) => Batch.Entropy(b.P, c, b.Destination, lb), null),
        new("Entropy (no options)", true, BatchInputs.Probabilities, (b, c, lb, _) => Batch.Entropy(b.PSingle, c, b.DestinationSingle, lb), null),
        new("CrossEntropy (no options)", false, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.CrossEntropy(b.P, b.Q, c, b.Destination, lb), null),
        new("CrossEntropy (no options)", true, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.CrossEntropy(b.PSingle, b.QSingle, c, b.DestinationSingle, lb), null),
        new("KullbackLeibler (no options)", false, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.KullbackLeibler(b.P, b.Q, c, b.Destination, lb), null),
        new("KullbackLeibler (no options)", true, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.KullbackLeibler(b.PSingle, b.QSingle, c, b.DestinationSingle, lb), null),
        new("JensenShannonDivergence (no options)", false, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.JensenShannonDivergence(b.P, b.Q, c, b.Destination, lb), null),
        new("JensenShannonDivergence (no options)", true, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.JensenShannonDivergence(b.PSingle, b.QSingle, c, b.DestinationSingle, lb), null),
        new("JensenShannonDistance (no options)", false, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.JensenShannonDistance(b.P, b.Q, c, b.Destination, lb), null),
        new("JensenShannonDistance (no options)", true, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.JensenShannonDistance(b.PSingle, b.QSingle, c, b.DestinationSingle, lb), null),
        new("EntropyFromLogits (no options)", false, BatchInputs.Logits, (b, c, lb, _) => Batch.EntropyFromLogits(b.P, c, b.Destination, lb), null),
        new("EntropyFromLogits (no options)", true, BatchInputs.Logits, (b, c, lb, _) => Batch.EntropyFromLogits(b.PSingle, c, b.DestinationSingle, lb), null),
        new("KullbackLeiblerFromLogProbabilities (no options)", false, BatchInputs.LogProbabilityPairs, (b, c, lb, _) => Batch.KullbackLeiblerFromLogProbabilities(b.P, b.Q, c, b.Destination, lb), null),
        new("KullbackLeiblerFromLogProbabilities (no options)", true, BatchInputs.LogProbabilityPairs, (b, c, lb, _) => Batch.KullbackLeiblerFromLogProbabilities(b.PSingle, b.QSingle, c, b.DestinationSingle, lb), null),
        new("Hellinger (no options)", false, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.Hellinger(b.P, b.Q, c, b.Destination), null),
        new("TotalVariation (no options)", false, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.TotalVariation(b.P, b.Q, c, b.Destination), null),
        new("PearsonChiSquare (no options)", false, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.PearsonChiSquare(b.P, b.Q, c, b.Destination), null),
        new("NeymanChiSquare (no options)", false, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.NeymanChiSquare(b.P, b.Q, c, b.Destination), null),
        new("BhattacharyyaCoefficient (no options)", false, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.BhattacharyyaCoefficient(b.P, b.Q, c, b.Destination), null),
        new("BhattacharyyaDistance (no options)", false, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.BhattacharyyaDistance(b.P, b.Q, c, b.Destination, lb), null),
        new("RenyiDivergence(α=3.5) (no options)", false, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.RenyiDivergence(b.P, b.Q, c, b.Destination, 3.5, lb), null),
        new("RenyiEntropy(α=0.7) (no options)", false, BatchInputs.Probabilities, (b, c, lb, _) => Batch.RenyiEntropy(b.P, c, b.Destination, 0.7, lb), null),
        new("TsallisEntropy(α=0.7) (no options)", false, BatchInputs.Probabilities, (b, c, lb, _) => Batch.TsallisEntropy(b.P, c, b.Destination, 0.7), null),
        new("MillerMadowEntropy (no options)", false, BatchInputs.Counts, (b, c, lb, _) => Batch.MillerMadowEntropy(b.P, c, b.Destination, lb), null),
        new("GaussianKullbackLeibler (no options)", false, BatchInputs.Gaussians, (b, c, lb, _) => Batch.GaussianKullbackLeibler(b.P, b.Q, c, b.Destination, lb), null),
        new("Hellinger (no options)", true, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.Hellinger(b.PSingle, b.QSingle, c, b.DestinationSingle), null),
        new("TotalVariation (no options)", true, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.TotalVariation(b.PSingle, b.QSingle, c, b.DestinationSingle), null),
        new("PearsonChiSquare (no options)", true, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.PearsonChiSquare(b.PSingle, b.QSingle, c, b.DestinationSingle), null),
        new("NeymanChiSquare (no options)", true, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.NeymanChiSquare(b.PSingle, b.QSingle, c, b.DestinationSingle), null),
        new("BhattacharyyaCoefficient (no options)", true, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.BhattacharyyaCoefficient(b.PSingle, b.QSingle, c, b.DestinationSingle), null),
        new("BhattacharyyaDistance (no options)", true, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.BhattacharyyaDistance(b.PSingle, b.QSingle, c, b.DestinationSingle, lb), null),
        new("RenyiDivergence(α=3.5) (no options)", true, BatchInputs.ProbabilityPairs, (b, c, lb, _) => Batch.RenyiDivergence(b.PSingle, b.QSingle, c, b.DestinationSingle, 3.5, lb), null),
        new("RenyiEntropy(α=0.7) (no options)", true, BatchInputs.Probabilities, (b, c, lb, _) => Batch.RenyiEntropy(b.PSingle, c, b.DestinationSingle, 0.7, lb), null),
        new("TsallisEntropy(α=0.7) (no options)", true, BatchInputs.Probabilities, (b, c, lb, _) => Batch.TsallisEntropy(b.PSingle, c, b.DestinationSingle, 0.7), null),
        new("MillerMadowEntropy (no options)", true, BatchInputs.Counts, (b, c, lb, _) => Batch.MillerMadowEntropy(b.PSingle, c, b.DestinationSingle, lb), null),
        new("GaussianKullbackLeibler (no options)", true, BatchInputs.Gaussians, (b, c, lb, _) => Batch.GaussianKullbackLeibler(b.PSingle, b.QSingle, c, b.DestinationSingle, lb), null),
    ];

    public static BatchFunction Named(string name, bool single) =>
        All.Concat(WithoutOptions).Single(f => f.Name == name && f.Single == single);

    /// <summary>Theory data: every function with options, by name and element type.</summary>
    public static TheoryData<string, bool> Names()
    {
        var data = new TheoryData<string, bool>();
        foreach (BatchFunction function in All)
        {
            data.Add(function.Name, function.Single);
        }

        return data;
    }

    /// <summary>Realistic inputs for a function: rows × columns of what it reads (Q one row when
    /// <paramref name="sharedQ"/>), class indices with ignored rows at −100, and a destination per row.</summary>
    public static BatchBuffers Inputs(BatchFunction function, int rows, int columns, int seed, bool sharedQ = false, double labelSmoothing = 0.0)
    {
        int length = rows * columns;
        int qLength = sharedQ ? columns : length;
        (double[] p, double[] q) = function.Inputs switch
        {
            BatchInputs.Probabilities or BatchInputs.ProbabilityPairs => Probabilities(length, qLength, columns, seed),
            BatchInputs.Logits or BatchInputs.ClassesAndLogits => (BatchValues.Logits("normal", length, columns, seed), Array.Empty<double>()),
            BatchInputs.TargetsAndLogits => (Probabilities(length, 0, columns, seed).P, BatchValues.Logits("normal", length, columns, seed + 1)),
            BatchInputs.Counts => (BatchValues.Probabilities("counts", length, columns, seed).P, Array.Empty<double>()),
            BatchInputs.Gaussians => (BatchValues.Logits("normal", length, columns, seed), BatchValues.Logits("normal", length, columns, seed + 1)),
            _ => (BatchValues.LogProbabilities(length, columns, seed, zeros: true), BatchValues.LogProbabilities(qLength, columns, seed + 1, zeros: false)),
        };
        int[] targets = function.Inputs == BatchInputs.ClassesAndLogits ? BatchValues.Classes(rows, columns, seed, -100) : [];
        return new BatchBuffers(p, q, targets, rows)
        {
            LabelSmoothing = function.Inputs is BatchInputs.ClassesAndLogits or BatchInputs.TargetsAndLogits ? labelSmoothing : 0.0,
            IgnoreIndex = function.Inputs == BatchInputs.ClassesAndLogits ? -100 : null,
        };
    }

    private static (double[] P, double[] Q) Probabilities(int length, int qLength, int columns, int seed)
    {
        (double[] p, _) = BatchValues.Probabilities("zeros", length, columns, seed);
        (double[] q, _) = BatchValues.Probabilities("clean", qLength, columns, seed + 1);
        return (p, q);
    }
}
