using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// With <see cref="BatchOptions.MaxDegreeOfParallelism"/> = 1 a batch call allocates nothing (Batch's remarks): every
/// public function and overload, scores and reductions, narrow rows (a vector's width of rows at once), wide rows
/// (one at a time), a batch of many blocks past the parallel threshold, strides, one shared q row, normalization,
/// label smoothing and an ignore index. Measured on the calling thread after a warm-up call of each.
/// </summary>
public sealed class BatchAllocationTests
{
    [Fact]
    public void EveryBatchFunctionAllocatesNothingOnTheCallingThread()
    {
        var calls = new List<(string What, Action Call)>();
        foreach (BatchFunction function in BatchFunctions.All.Concat(BatchFunctions.WithoutOptions))
        {
            foreach ((int rows, int columns) in new[] { (37, 7), (9, 200), (1200, 40) })
            {
                BatchBuffers dense = BatchFunctions.Inputs(function, rows, columns, seed: rows + columns, labelSmoothing: 0.1);
                AddCalls(calls, function, $"{rows}×{columns}", dense, columns, new BatchOptions { MaxDegreeOfParallelism = 1 });
                if (function.Normalizes && function.TakesOptions)
                {
                    AddCalls(calls, function, $"{rows}×{columns} normalized", dense, columns, new BatchOptions { MaxDegreeOfParallelism = 1, Normalize = true });
                }

                if (function.SharesQ)
                {
                    BatchBuffers shared = BatchFunctions.Inputs(function, rows, columns, seed: rows, sharedQ: true);
                    AddCalls(calls, function, $"{rows}×{columns} one q row", shared, columns, new BatchOptions { MaxDegreeOfParallelism = 1 });
                }

                if (function.TakesOptions)
                {
                    var p = new StridedRows(dense.P, rows, columns, columns + 3, padLastRow: true);
                    bool pairOfRows = dense.Q.Length == dense.P.Length;
                    double[] q = pairOfRows ? new StridedRows(dense.Q, rows, columns, columns + 1, padLastRow: false).Buffer : dense.Q;
                    var strided = new BatchBuffers(p.Buffer, q, dense.Targets, rows) { LabelSmoothing = dense.LabelSmoothing, IgnoreIndex = dense.IgnoreIndex };
                    AddCalls(calls, function, $"{rows}×{columns} strided", strided, columns, new BatchOptions { MaxDegreeOfParallelism = 1, RowStride = columns + 3, QRowStride = pairOfRows ? columns + 1 : 0 });
                }
            }
        }

        foreach ((_, Action call) in calls)
        {
            call(); // JIT, statics and tiering first
            call();
        }

        var failures = new List<string>();
        foreach ((string what, Action call) in calls)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            call();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated != 0)
            {
                failures.Add($"{what}: {allocated} bytes");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {calls.Count} calls allocated:\n{string.Join("\n", failures.Take(40))}");
    }

    private static void AddCalls(List<(string What, Action Call)> calls, BatchFunction function, string shape, BatchBuffers inputs, int columns, BatchOptions options)
    {
        // The overloads without options always run with the defaults (every core for large batches): only the
        // batches below the parallel threshold stay on the calling thread.
        if (!function.TakesOptions && inputs.Destination.Length * columns >= 32768)
        {
            return;
        }

        calls.Add(($"{function} {shape}", () => function.Score(inputs, columns, LogBase.Two, options)));
        if (function.Reduce is { } reduce)
        {
            calls.Add(($"{function} {shape} Sum", () => reduce(inputs, columns, Reduction.Sum, LogBase.Of(3.7), options)));
            calls.Add(($"{function} {shape} Mean", () => reduce(inputs, columns, Reduction.Mean, LogBase.E, options)));
        }
    }
}
