using System;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using Kernels.Support;

namespace Kernels.Rows;

/// <summary>A per-row measure: scores a block of rows in nats, and finishes each score after the change of base.</summary>
internal interface IRowMeasure
{
    /// <summary>Writes the score in nats of rows [start, start + values.Length) to values; returns how many of them count
    /// towards a mean (all but rows with an ignored target).</summary>
    static abstract int Score<T>(in RowSource<T> source, int start, Span<double> values)
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>The reported value of a score already in the caller's base (√ for a distance).</summary>
    static abstract double Finish(double value);
}

/// <summary>
/// Runs a measure over all rows: fixed blocks of rows (their size depends only on the column count, so every row is
/// computed the same way whatever the number of threads), scored on the calling thread or across cores, written to
/// the destination and/or summed in row order with compensation (block partials combined in block order).
/// </summary>
internal static class RowDriver
{
    /// <summary>Most rows per block (the size of the per-block buffers on the stack).</summary>
    internal const int MaxBlockRows = 512;

    /// <summary>Below this many elements a batch stays on the calling thread: starting workers costs more than it
    /// saves (rows-sweep: two threads break even at about 2^16 elements and are 1.8× faster from 2^17).</summary>
    internal const long ParallelElements = 1L << 16;

    /// <summary>Rows per block: about 8,192 elements, a multiple of 16 rows (every vector width's lane count).</summary>
    internal static int BlockRows(int columns) => Math.Clamp(8192 / columns / 16 * 16, 16, MaxBlockRows);

    /// <summary>Scores every row into <paramref name="destination"/> (nothing is summed).</summary>
    public static unsafe void Scores<TMeasure, T>(in RowSource<T> source, Span<T> destination, LogBase logBase, in BatchOptions options)
        where TMeasure : struct, IRowMeasure
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* target = destination)
        {
            _ = Run<TMeasure, T>(source, target, logBase, options);
        }
    }

    /// <summary>The sum or mean over rows of the scores.</summary>
    public static unsafe double Reduce<TMeasure, T>(in RowSource<T> source, Reduction reduction, LogBase logBase, in BatchOptions options)
        where TMeasure : struct, IRowMeasure
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Partial total = Run<TMeasure, T>(source, null, logBase, options);
        double sum = FoldSupport.Combine(total.Sum, total.Carry);
        return reduction == Reduction.Sum ? sum : total.Counted == 0 ? double.NaN : sum / total.Counted;
    }

    private static unsafe Partial Run<TMeasure, T>(in RowSource<T> source, T* destination, LogBase logBase, in BatchOptions options)
        where TMeasure : struct, IRowMeasure
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int blockRows = BlockRows(source.Columns);
        int blocks = (source.Rows + blockRows - 1) / blockRows;
        CancellationToken token = options.CancellationToken;
        int threads = options.MaxDegreeOfParallelism <= 0 ? Environment.ProcessorCount : options.MaxDegreeOfParallelism;
        if (threads == 1 || blocks < 2 || (long)source.Rows * source.Columns < ParallelElements)
        {
            var total = default(Partial);
            for (int b = 0; b < blocks; b++)
            {
                token.ThrowIfCancellationRequested();
                total = total.Then(Block<TMeasure, T>(source, b, blockRows, destination, logBase));
            }

            return total;
        }

        return RunParallel<TMeasure, T>(source, destination, logBase, blocks, blockRows, threads, token);
    }

    internal static unsafe Partial RunParallel<TMeasure, T>(RowSource<T> source, T* destination, LogBase logBase, int blocks, int blockRows, int threads, CancellationToken token)
        where TMeasure : struct, IRowMeasure
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var partials = new Partial[blocks];
        var work = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = token };
        nint target = (nint)destination;
        try
        {
            Parallel.For(0, blocks, work, b =>
            {
                token.ThrowIfCancellationRequested();
                partials[b] = Block<TMeasure, T>(source, b, blockRows, (T*)target, logBase);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0 && e.InnerExceptions[0] is ArgumentException)
        {
            // An input a measure rejects while scoring (a negative count) is thrown as on one thread, not wrapped.
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            throw;
        }

        var total = default(Partial);
        foreach (Partial partial in partials)
        {
            total = total.Then(partial);
        }

        return total;
    }

    [SkipLocalsInit] // values is written by Score before it is read
    private static unsafe Partial Block<TMeasure, T>(in RowSource<T> source, int block, int blockRows, T* destination, LogBase logBase)
        where TMeasure : struct, IRowMeasure
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int start = block * blockRows;
        int count = Math.Min(blockRows, source.Rows - start);
        Span<double> values = stackalloc double[MaxBlockRows];
        values = values[..count];
        int counted = TMeasure.Score(source, start, values);
        double sum = 0.0, carry = 0.0, units = logBase.NatsToUnits;
        if (destination != null)
        {
            for (int i = 0; i < values.Length; i++)
            {
                // As LogBase.FromNats: one multiplication, and + 0.0 keeps a zero +0 in a base below 1.
                destination[start + i] = T.CreateTruncating(TMeasure.Finish((values[i] * units) + 0.0));
            }

            return new Partial(0.0, 0.0, counted);
        }

        for (int i = 0; i < values.Length; i++)
        {
            (sum, carry) = FoldSupport.Add(sum, carry, TMeasure.Finish((values[i] * units) + 0.0));
        }

        return new Partial(sum, carry, counted);
    }

    /// <summary>A compensated sum of scores and how many rows it counts.</summary>
    internal readonly record struct Partial(double Sum, double Carry, long Counted)
    {
        public Partial Then(Partial next)
        {
            (double sum, double carry) = FoldSupport.Add(Sum, Carry, next.Sum);
            return new Partial(sum, carry + next.Carry, Counted + next.Counted);
        }
    }
}
