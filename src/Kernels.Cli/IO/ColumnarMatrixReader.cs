using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kernels.Cli.IO;

/// <summary>
/// A matrix read from a columnar format one batch at a time (Arrow and Parquet): a subclass loads the next batch as
/// one <see cref="IColumnBlock"/> per selected column, and <see cref="Read(Span{double})"/> turns the blocks into
/// row-major rows, straight from their buffers: float and double are converted where they differ, and rows are
/// filled in tiles small enough to stay in cache while every column is visited. Rows may span batches.
/// </summary>
internal abstract class ColumnarMatrixReader : IMatrixReader
{
    // 256 KiB of doubles: the destination rows being filled stay in L2 while the columns are scattered in, and each
    // column is read in runs long enough (1,024 rows of 32 columns) for the prefetcher. Measured best of 1-32 Ki values.
    private const int TileValues = 32768;

    private IReadOnlyList<IColumnBlock> _blocks = Array.Empty<IColumnBlock>();
    private int _batchRows;
    private int _nextRow;

    protected ColumnarMatrixReader(string source)
    {
        Source = source;
    }

    public string Source { get; }

    public int Columns { get; protected set; }

    /// <summary>Rows in the batches before the one being loaded or read: a row's number in messages is this plus its
    /// index in the batch, counted from 0.</summary>
    protected long BatchStart { get; private set; }

    public int Read(Span<double> destination) => ReadRows(destination);

    public int Read(Span<float> destination) => ReadRows(destination);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);

    /// <summary>The format's name in messages ("Arrow IPC", "Parquet").</summary>
    protected abstract string Format { get; }

    /// <summary>Runs a library call on the input, turning its failures on malformed data (bad magic, truncation,
    /// corrupt metadata, decompression errors) into a <see cref="DataException"/> that names the input.</summary>
    protected T WhileReading<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not DataException)
        {
            throw new DataException($"{Source}: unreadable {Format} data ({e.Message})", e);
        }
    }

    /// <summary>As <see cref="WhileReading{T}(Func{T})"/>, for a call that returns nothing.</summary>
    protected void WhileReading(Action read) => WhileReading(() =>
    {
        read();
        return true;
    });

    /// <summary>The error for a null in the input: row is the index in the current batch.</summary>
    protected DataException NullValue(string column, long row) =>
        new($"{Source}: column '{column}' has a null in row {BatchStart + row} (rows counted from 0); a null is not a number.");

    /// <summary>Loads the next batch that has rows and returns its blocks, one per selected column in selection order
    /// with widths summing to <see cref="Columns"/> (which may be set here, by the first batch), each valid until the
    /// next call; null at the end of the input.</summary>
    protected abstract IReadOnlyList<IColumnBlock>? ReadBatch(out int rows);

    /// <summary>Loads the first batch, so that a table without rows (or without values) fails when it is opened.</summary>
    protected void LoadFirstBatch()
    {
        if (!NextBatch())
        {
            throw new DataException($"{Source} has no rows.");
        }

        if (Columns <= 0)
        {
            throw new DataException($"{Source} has no values to read: the selected columns hold no numbers.");
        }
    }

    private bool NextBatch()
    {
        BatchStart += _batchRows;
        _batchRows = 0;
        _nextRow = 0;
        IReadOnlyList<IColumnBlock>? blocks = ReadBatch(out int rows);
        if (blocks is null)
        {
            _blocks = Array.Empty<IColumnBlock>();
            return false;
        }

        _blocks = blocks;
        _batchRows = rows;
        return true;
    }

    private int ReadRows<T>(Span<T> destination)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int capacity = destination.Length / Columns;
        if (capacity == 0)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values, less than one row of {Columns}.", nameof(destination));
        }

        int rows = 0;
        while (rows < capacity && (_nextRow < _batchRows || NextBatch()))
        {
            int count = Math.Min(capacity - rows, _batchRows - _nextRow);
            Transpose(_blocks, _nextRow, count, destination.Slice(rows * Columns, count * Columns), Columns);
            _nextRow += count;
            rows += count;
        }

        return rows;
    }

    /// <summary>Writes rows [firstRow, firstRow + rows) of the blocks side by side into destination, stride values
    /// (the sum of the blocks' widths) per row.</summary>
    private static void Transpose<T>(IReadOnlyList<IColumnBlock> blocks, int firstRow, int rows, Span<T> destination, int stride)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (blocks.Count == 1)
        {
            // One block holds whole rows, contiguous exactly as the destination wants them.
            Scatter(blocks[0], firstRow, rows, destination, stride);
            return;
        }

        int tileRows = Math.Max(1, TileValues / stride);
        for (int tile = 0; tile < rows; tile += tileRows)
        {
            int count = Math.Min(tileRows, rows - tile);
            Span<T> tileRowsSpan = destination.Slice(tile * stride, count * stride);
            int column = 0;
            foreach (IColumnBlock block in blocks)
            {
                Scatter(block, firstRow + tile, count, tileRowsSpan[column..], stride);
                column += block.Width;
            }
        }
    }

    private static void Scatter<T>(IColumnBlock block, int firstRow, int rows, Span<T> destination, int stride)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int width = block.Width;
        if (block.IsSingle)
        {
            Scatter(MemoryMarshal.Cast<byte, float>(block.Bytes).Slice(firstRow * width, rows * width), width, destination, stride);
        }
        else
        {
            Scatter(MemoryMarshal.Cast<byte, double>(block.Bytes).Slice(firstRow * width, rows * width), width, destination, stride);
        }
    }

    /// <summary>source holds rows of width values: destination[r * stride + k] = source[r * width + k].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scatter<TSource, T>(ReadOnlySpan<TSource> source, int width, Span<T> destination, int stride)
        where TSource : unmanaged, IBinaryFloatingPointIeee754<TSource>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (width == stride)
        {
            FloatConversions.Convert(source, destination[..source.Length]);
            return;
        }

        int rows = source.Length / width;
        if (rows == 0)
        {
            return;
        }

        // One bounds check for the whole block, so that the strided loops below index without one per value.
        if ((long)(rows - 1) * stride + width > destination.Length)
        {
            throw new ArgumentException("The destination is shorter than the rows to copy.", nameof(destination));
        }

        ref TSource from = ref MemoryMarshal.GetReference(source);
        ref T to = ref MemoryMarshal.GetReference(destination);
        if (width == 1)
        {
            for (int r = 0; r < rows; r++)
            {
                Unsafe.Add(ref to, r * stride) = T.CreateTruncating(Unsafe.Add(ref from, r));
            }

            return;
        }

        for (int r = 0; r < rows; r++)
        {
            FloatConversions.Convert(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref from, r * width), width), MemoryMarshal.CreateSpan(ref Unsafe.Add(ref to, r * stride), width));
        }
    }
}
