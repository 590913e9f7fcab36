using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// Results do not depend on the number of threads (SEMANTICS.md, "Batch"): a batch large enough to be split across
/// cores (3001 × 40 = 120,040 elements, 16 blocks of rows) gives bit-identical scores, sums and means with
/// MaxDegreeOfParallelism 1 (calling thread), 2, 3, 0 and −1 (every core), for every public function, also with
/// normalization, row strides and one shared q row.
/// </summary>
public sealed class BatchThreadingTests
{
    private const int Rows = 3001;
    private const int Columns = 40;
    private static readonly int[] ThreadCounts = [2, 3, 0, -1];

    [Theory]
    [MemberData(nameof(BatchFunctions.Names), MemberType = typeof(BatchFunctions))]
    public void ScoresSumsAndMeansAreBitIdenticalWhateverTheThreadCount(string name, bool single)
    {
        BatchFunction function = BatchFunctions.Named(name, single);
        var failures = new List<string>();
        foreach ((string variant, BatchBuffers inputs, BatchOptions options) in Variants(function))
        {
            (long[] scores, long sum, long mean) = Run(function, inputs, options with { MaxDegreeOfParallelism = 1 });
            foreach (int threads in ThreadCounts)
            {
                (long[] otherScores, long otherSum, long otherMean) = Run(function, inputs, options with { MaxDegreeOfParallelism = threads });
                int differing = scores.Zip(otherScores).Count(pair => pair.First != pair.Second);
                if (differing > 0 || sum != otherSum || mean != otherMean)
                {
                    failures.Add($"{variant}, {threads} threads: {differing} row(s) differ from 1 thread; sum {BitConverter.Int64BitsToDouble(otherSum):R} vs {BitConverter.Int64BitsToDouble(sum):R}; mean {BitConverter.Int64BitsToDouble(otherMean):R} vs {BitConverter.Int64BitsToDouble(mean):R}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{function}:\n{string.Join("\n", failures)}");
    }

    private static (long[] Scores, long Sum, long Mean) Run(BatchFunction function, BatchBuffers inputs, BatchOptions options)
    {
        inputs.Fill(double.NaN);
        function.Score(inputs, Columns, LogBase.Two, options);
        long[] scores = inputs.Scores(function.Single).Select(BitConverter.DoubleToInt64Bits).ToArray();
        double sum = function.Reduce!(inputs, Columns, Reduction.Sum, LogBase.Two, options);
        double mean = function.Reduce(inputs, Columns, Reduction.Mean, LogBase.Two, options);
        return (scores, BitConverter.DoubleToInt64Bits(sum), BitConverter.DoubleToInt64Bits(mean));
    }

    private static IEnumerable<(string Variant, BatchBuffers Inputs, BatchOptions Options)> Variants(BatchFunction function)
    {
        BatchBuffers dense = BatchFunctions.Inputs(function, Rows, Columns, seed: 17, labelSmoothing: 0.1);
        yield return ("dense", dense, default);
        if (function.Normalizes)
        {
            yield return ("normalized", dense, new BatchOptions { Normalize = true });
        }

        // The same values with 3 NaN between rows of the first matrix and 5 between rows of the second.
        bool pairOfRows = function.HasQ;
        var p = new StridedRows(dense.P, Rows, Columns, Columns + 3, padLastRow: false);
        double[] q = pairOfRows ? new StridedRows(dense.Q, Rows, Columns, Columns + 5, padLastRow: true).Buffer : dense.Q;
        var strided = new BatchBuffers(p.Buffer, q, dense.Targets, Rows) { LabelSmoothing = dense.LabelSmoothing, IgnoreIndex = dense.IgnoreIndex };
        yield return ("strided", strided, new BatchOptions { RowStride = Columns + 3, QRowStride = pairOfRows ? Columns + 5 : 0 });

        if (function.SharesQ)
        {
            yield return ("one shared q row", BatchFunctions.Inputs(function, Rows, Columns, seed: 18, sharedQ: true), default);
        }
    }
}
