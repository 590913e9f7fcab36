using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Xunit;

namespace Kernels.Tests;

/// <summary>The cancellation tests watch a batch from a second thread: they run alone so that thread gets a core.</summary>
[CollectionDefinition(nameof(BatchCancellationCollection), DisableParallelization = true)]
public sealed class BatchCancellationCollection
{
}

/// <summary>
/// <see cref="BatchOptions.CancellationToken"/> is checked between blocks of rows: an already-cancelled token throws
/// <see cref="OperationCanceledException"/> (with that token) before any row is written, on the calling thread and on
/// the parallel path; a token cancelled while the rows are scored throws and leaves every row either scored (exactly
/// the value an uncancelled call writes) or untouched.
/// </summary>
[Collection(nameof(BatchCancellationCollection))]
public sealed class BatchCancellationTests
{
    private const double Sentinel = -777.0;

    [Theory]
    [MemberData(nameof(BatchFunctions.Names), MemberType = typeof(BatchFunctions))]
    public void AnAlreadyCancelledTokenThrowsBeforeAnyRowIsWritten(string name, bool single)
    {
        BatchFunction function = BatchFunctions.Named(name, single);
        using var source = new CancellationTokenSource();
        source.Cancel();
        // 40 rows stay on the calling thread; 3000 × 40 go parallel unless MaxDegreeOfParallelism is 1.
        foreach ((int rows, int threads) in new[] { (40, 0), (3000, 1), (3000, 0), (3000, 2) })
        {
            BatchBuffers inputs = BatchFunctions.Inputs(function, rows, 40, seed: rows);
            var options = new BatchOptions { MaxDegreeOfParallelism = threads, CancellationToken = source.Token };
            inputs.Fill(Sentinel);
            OperationCanceledException scored = Assert.ThrowsAny<OperationCanceledException>(() => function.Score(inputs, 40, LogBase.E, options));
            Assert.Equal(source.Token, scored.CancellationToken);
            Assert.True(inputs.Scores(single).All(x => x == Sentinel), $"{function}, {rows} rows, {threads} threads: rows were written after cancellation");
            OperationCanceledException reduced = Assert.ThrowsAny<OperationCanceledException>(() => function.Reduce!(inputs, 40, Reduction.Sum, LogBase.E, options));
            Assert.Equal(source.Token, reduced.CancellationToken);
        }
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(0, true)]
    public void CancellingMidwayThrowsAndLeavesRowsScoredOrUntouched(int threads, bool single)
    {
        // 400 blocks of 256 rows × 32 logits (tens of milliseconds): far longer than the watcher needs to see row 0.
        const int columns = 32, rows = 256 * 400;
        BatchFunction function = BatchFunctions.Named("EntropyFromLogits", single);
        BatchBuffers inputs = BatchFunctions.Inputs(function, rows, columns, seed: 3);
        function.Score(inputs, columns, LogBase.E, new BatchOptions { MaxDegreeOfParallelism = threads });
        double[] expected = inputs.Scores(single);

        inputs.Fill(Sentinel);
        using var source = new CancellationTokenSource();
        var watcher = new Thread(() =>
        {
            // Cancel as soon as the first block has written its first row.
            var spinner = default(SpinWait);
            while (!source.IsCancellationRequested && (single ? Volatile.Read(ref inputs.DestinationSingle[0]) : Volatile.Read(ref inputs.Destination[0])) == Sentinel)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }

            source.Cancel();
        })
        { IsBackground = true };
        watcher.Start();
        var options = new BatchOptions { MaxDegreeOfParallelism = threads, CancellationToken = source.Token };
        OperationCanceledException thrown = Assert.ThrowsAny<OperationCanceledException>(() => function.Score(inputs, columns, LogBase.E, options));
        source.Cancel();
        watcher.Join();
        Assert.Equal(source.Token, thrown.CancellationToken);

        double[] actual = inputs.Scores(single);
        var garbage = new List<string>();
        int scored = 0, untouched = 0;
        for (int r = 0; r < rows; r++)
        {
            if (actual[r] == Sentinel)
            {
                untouched++;
            }
            else if (BitConverter.DoubleToInt64Bits(actual[r]) == BitConverter.DoubleToInt64Bits(expected[r]))
            {
                scored++;
            }
            else if (garbage.Count < 10)
            {
                garbage.Add($"row {r}: {actual[r]:R}, neither the sentinel nor the score {expected[r]:R}");
            }
        }

        Assert.True(garbage.Count == 0, string.Join("\n", garbage));
        Assert.True(scored > 0, "the watcher cancels only after a row is written");
        if (threads == 1)
        {
            // One thread checks the token before each block: the rows after the block it stopped at are untouched.
            Assert.True(untouched > 0, $"{scored} rows scored, none left untouched: cancellation was not observed mid-way");
            int firstUntouched = Array.IndexOf(actual, Sentinel);
            Assert.True(actual.Skip(firstUntouched).All(x => x == Sentinel), "on one thread the scored rows are a prefix");
        }
    }
}
