using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Kernels.Tests;

/// <summary>With MaxDegreeOfParallelism = 1 the logits family's calls allocate nothing on the calling thread (class-weighted
/// cross-entropy, binary cross-entropy with and without positive weights; scores and reductions; narrow, flat, wide rows
/// and strides), measured after a warm-up call of each.</summary>
public sealed class BatchLogitsFamilyAllocationTests
{
    [Fact]
    public void TheFamilyAllocatesNothingOnTheCallingThread()
    {
        var failures = new List<string>();
        foreach ((int rows, int columns, int stride) in new[] { (37, 7, 7), (9, 200, 200), (1200, 40, 40), (50, 10, 13) })
        {
            int length = ((rows - 1) * stride) + columns;
            double[] z = Enumerable.Range(0, length).Select(i => ((i * 7) % 13) - 6.0).ToArray();
            double[] y = Enumerable.Range(0, length).Select(i => (i % 3) / 2.0).ToArray();
            double[] w = Enumerable.Range(0, columns).Select(i => (i % 4) * 0.5).ToArray();
            int[] targets = Enumerable.Range(0, rows).Select(i => i % 5 == 0 ? -100 : (i * 3) % columns).ToArray();
            float[] zf = z.Select(v => (float)v).ToArray(), yf = y.Select(v => (float)v).ToArray(), wf = w.Select(v => (float)v).ToArray();
            double[] d = new double[rows];
            float[] f = new float[rows];
            var options = new BatchOptions { MaxDegreeOfParallelism = 1, RowStride = stride, QRowStride = stride };
            var calls = new (string, Action)[]
            {
                ("weighted CE double", () => Batch.CrossEntropyFromLogits(targets, z, w, columns, d, LogBase.E, options, 0.1, -100)),
                ("weighted CE float", () => Batch.CrossEntropyFromLogits(targets, zf, wf, columns, f, LogBase.Two, options, 0.0, -100)),
                ("weighted CE mean double", () => Batch.CrossEntropyFromLogits(targets, z, w, columns, Reduction.Mean, LogBase.E, options, 0.1, -100)),
                ("weighted CE sum float", () => Batch.CrossEntropyFromLogits(targets, zf, wf, columns, Reduction.Sum, LogBase.E, options, 0.2, -100)),
                ("BCE double", () => Batch.BinaryCrossEntropyFromLogits(y, z, columns, d, options)),
                ("BCE float", () => Batch.BinaryCrossEntropyFromLogits(yf, zf, columns, f, options)),
                ("BCE mean float", () => Batch.BinaryCrossEntropyFromLogits(yf, zf, columns, Reduction.Mean, options)),
                ("BCE pos_weight double", () => Batch.BinaryCrossEntropyFromLogits(y, z, w, columns, d, options)),
                ("BCE pos_weight float", () => Batch.BinaryCrossEntropyFromLogits(yf, zf, wf, columns, f, options)),
                ("BCE pos_weight sum double", () => Batch.BinaryCrossEntropyFromLogits(y, z, w, columns, Reduction.Sum, options)),
            };
            foreach ((string what, Action call) in calls)
            {
                call();
                long before = GC.GetAllocatedBytesForCurrentThread();
                call();
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (allocated != 0)
                {
                    failures.Add($"{what} {rows}×{columns} stride {stride}: {allocated} bytes");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
