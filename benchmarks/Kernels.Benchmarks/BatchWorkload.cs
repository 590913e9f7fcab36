using System;

namespace Kernels.Benchmarks;

/// <summary>
/// The fixed-seed float inputs of one batch shape (rows × columns, row-major) and the destination the scores go to,
/// allocated once so that nothing is allocated while a call is timed. Inputs are drawn on first use, so a shape that
/// is only timed on probabilities never draws logits. Every call returns the first and last score added, for the
/// checksum.
/// </summary>
internal sealed class BatchWorkload
{
    private float[]? _p;
    private float[]? _q;
    private float[]? _sharedQ;
    private float[]? _logits;
    private int[]? _classes;

    public BatchWorkload(int rows, int columns)
    {
        Rows = rows;
        Columns = columns;
        Scores = new float[rows];
    }

    public int Rows { get; }

    public int Columns { get; }

    public int Elements => Rows * Columns;

    /// <summary>One score per row.</summary>
    public float[] Scores { get; }

    /// <summary>Rows of probabilities, each normalized to 1.</summary>
    public float[] P => _p ?? DrawProbabilities().P;

    /// <summary>Other rows of probabilities, one per row of <see cref="P"/>.</summary>
    public float[] Q => _q ?? DrawProbabilities().Q;

    /// <summary>One row of probabilities that every row of <see cref="P"/> is scored against.</summary>
    public float[] SharedQ => _sharedQ ??= Probabilities.Pair<float>(Columns, Probabilities.Seed + 3).Q;

    /// <summary>Logits uniform in [−4, 4).</summary>
    public float[] Logits => _logits ?? DrawLogits().Logits;

    /// <summary>A class index per row of <see cref="Logits"/>.</summary>
    public int[] Classes => _classes ?? DrawLogits().Classes;

    /// <summary>About <paramref name="elements"/> elements in rows of <paramref name="columns"/>: the row count is
    /// rounded, and the baselines are timed over exactly <see cref="Elements"/>.</summary>
    public static BatchWorkload OfAbout(int elements, int columns) =>
        new(Math.Max(1, (int)Math.Round((double)elements / columns)), columns);

    /// <summary>The baseline of a case is the single-vector call over all elements, not a per-row loop.</summary>
    public static bool AgainstLongVector(BatchCase batchCase) => batchCase is not (BatchCase.EntropyFromLogits or BatchCase.CrossEntropyFromClassLogits);

    /// <summary>Draws the inputs of <paramref name="batchCase"/> now (outside any timing).</summary>
    public void Prepare(BatchCase batchCase)
    {
        _ = Ours(batchCase, 1) + Baseline(batchCase);
    }

    /// <summary>This library's batch call on <paramref name="threads"/> threads at most (1: the calling thread only).</summary>
    public double Ours(BatchCase batchCase, int threads)
    {
        var options = new BatchOptions { MaxDegreeOfParallelism = threads };
        switch (batchCase)
        {
            case BatchCase.KullbackLeibler:
                Batch.KullbackLeibler(P, Q, Columns, Scores, LogBase.E, options);
                break;
            case BatchCase.KullbackLeiblerOneVsMany:
                Batch.KullbackLeibler(P, SharedQ, Columns, Scores, LogBase.E, options);
                break;
            case BatchCase.JensenShannon:
                Batch.JensenShannonDivergence(P, Q, Columns, Scores, LogBase.E, options);
                break;
            case BatchCase.Entropy:
                Batch.Entropy(P, Columns, Scores, LogBase.E, options);
                break;
            case BatchCase.EntropyFromLogits:
                Batch.EntropyFromLogits(Logits, Columns, Scores, LogBase.E, options);
                break;
            case BatchCase.CrossEntropyFromClassLogits:
                Batch.CrossEntropyFromLogits(Classes, Logits, Columns, Scores, LogBase.E, options);
                break;
            default:
                throw Unknown(batchCase);
        }

        return Scores[0] + Scores[^1];
    }

    /// <summary>The same work without rows: the long-vector call over every element, or the scalar log-sum-exp loop.</summary>
    public double Baseline(BatchCase batchCase)
    {
        switch (batchCase)
        {
            case BatchCase.KullbackLeibler or BatchCase.KullbackLeiblerOneVsMany:
                return Information.KullbackLeibler(P, Q);
            case BatchCase.JensenShannon:
                return Information.JensenShannonDivergence(P, Q);
            case BatchCase.Entropy:
                return Information.Entropy(P);
            case BatchCase.EntropyFromLogits:
                ScalarLogits.Entropy(Logits, Columns, Scores);
                return Scores[0] + Scores[^1];
            case BatchCase.CrossEntropyFromClassLogits:
                ScalarLogits.CrossEntropy(Classes, Logits, Columns, Scores);
                return Scores[0] + Scores[^1];
            default:
                throw Unknown(batchCase);
        }
    }

    private (float[] P, float[] Q) DrawProbabilities()
    {
        (_p, _q) = Probabilities.RowPair<float>(Rows, Columns);
        return (_p, _q);
    }

    private (float[] Logits, int[] Classes) DrawLogits()
    {
        var random = new Random(Probabilities.Seed + 2);
        _logits = new float[Elements];
        for (int i = 0; i < _logits.Length; i++)
        {
            _logits[i] = (float)((8.0 * random.NextDouble()) - 4.0);
        }

        _classes = new int[Rows];
        for (int row = 0; row < _classes.Length; row++)
        {
            _classes[row] = random.Next(Columns);
        }

        return (_logits, _classes);
    }

    private static ArgumentOutOfRangeException Unknown(BatchCase batchCase) =>
        new(nameof(batchCase), batchCase, "Unknown batch case.");
}
