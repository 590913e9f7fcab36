using System;
using System.Numerics;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace Kernels.Rows;

/// <summary>A per-row map: writes one value per element of a row of logits, given the row's maximum and log-sum-exp.</summary>
internal interface IRowMap
{
    /// <summary>Maps one row into <paramref name="destination"/> (same length; may be the row itself).</summary>
    static abstract void Map<T>(ReadOnlySpan<T> row, double maximum, double logSum, Span<T> destination) where T : unmanaged;
}

/// <summary>
/// Maps of rows of logits (log-softmax, softmax): per block of rows the maxima and log Σe^(z − m) from the row
/// log-sum-exp folds, then each row through its generated map kernel. Blocks have the sizes of <see cref="RowDriver"/>
/// and every row is computed the same way on any thread, so results do not depend on the number of threads.
/// </summary>
internal static partial class RowMeasures
{
    /// <summary>log softmax: <see cref="Terms.LogSoftmaxOfLogit"/> per element.</summary>
    internal readonly struct LogSoftmax : IRowMap
    {
        public static void Map<T>(ReadOnlySpan<T> row, double maximum, double logSum, Span<T> destination) where T : unmanaged =>
            Terms.LogSoftmaxOfLogitKernel.Map(row, maximum, logSum, destination);
    }

    /// <summary>softmax: <see cref="Terms.SoftmaxOfLogit"/> per element.</summary>
    internal readonly struct Softmax : IRowMap
    {
        public static void Map<T>(ReadOnlySpan<T> row, double maximum, double logSum, Span<T> destination) where T : unmanaged =>
            Terms.SoftmaxOfLogitKernel.Map(row, maximum, logSum, destination);
    }

    /// <summary>Maps every row of <paramref name="source"/> into the rows of <paramref name="destination"/>, which has
    /// the same layout (PStride apart); on the calling thread, or across cores for large batches.</summary>
    internal static unsafe void MapRows<TMap, T>(in RowSource<T> source, T* destination, in BatchOptions options)
        where TMap : struct, IRowMap
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int blockRows = RowDriver.BlockRows(source.Columns);
        int blocks = (source.Rows + blockRows - 1) / blockRows;
        CancellationToken token = options.CancellationToken;
        int threads = options.MaxDegreeOfParallelism <= 0 ? Environment.ProcessorCount : options.MaxDegreeOfParallelism;
        if (threads == 1 || blocks < 2 || (long)source.Rows * source.Columns < RowDriver.ParallelElements)
        {
            for (int b = 0; b < blocks; b++)
            {
                token.ThrowIfCancellationRequested();
                MapBlock<TMap, T>(source, b * blockRows, Math.Min(blockRows, source.Rows - (b * blockRows)), destination);
            }

            return;
        }

        MapRowsParallel<TMap, T>(source, destination, blocks, blockRows, threads, token);
    }

    /// <summary>The blocks across cores (a method of its own: the closure is allocated only here).</summary>
    private static unsafe void MapRowsParallel<TMap, T>(RowSource<T> source, T* destination, int blocks, int blockRows, int threads, CancellationToken token)
        where TMap : struct, IRowMap
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        nint target = (nint)destination;
        var work = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = token };
        try
        {
            Parallel.For(0, blocks, work, b =>
            {
                token.ThrowIfCancellationRequested();
                MapBlock<TMap, T>(source, b * blockRows, Math.Min(blockRows, source.Rows - (b * blockRows)), (T*)target);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0 && e.InnerExceptions[0] is ArgumentException)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            throw;
        }
    }

    /// <summary>Rows [start, start + count): the log-sum-exp of every row first (so that a destination that is the
    /// logits themselves is read before it is written), then the maps. A row whose maximum is not finite (all −∞, or
    /// NaN or +∞ in it) is mapped with log A = NaN, so every element is NaN.</summary>
    private static unsafe void MapBlock<TMap, T>(in RowSource<T> source, int start, int count, T* destination)
        where TMap : struct, IRowMap
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<double> maxima = stackalloc double[count], logSums = stackalloc double[count];
        RowLogSumExp(source, start, maxima, logSums);
        for (int i = 0; i < count; i++)
        {
            int row = start + i;
            double logSum = double.IsFinite(maxima[i]) ? logSums[i] : double.NaN;
            TMap.Map(source.PRow(row), maxima[i], logSum, new Span<T>(destination + ((long)row * source.PStride), source.Columns));
        }
    }
}
