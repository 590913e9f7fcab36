using System;
using System.IO;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kernels.Cli.IO;

namespace Kernels.Cli.Npy;

/// <summary>
/// A NumPy .npy matrix (format 1.0–3.0): little-endian float32 '&lt;f4' or float64 '&lt;f8' in C order, shape (rows,
/// columns), or (n,) read as one row of n values. Read front to back, so any stream works (stdin included); columns
/// are selected by index only. A file shorter than its shape says throws <see cref="DataException"/> naming the row
/// (up front when the stream can seek, else when the reading gets there).
/// Memory: when all columns are read into the file's own element type, the bytes go straight into the caller's span;
/// otherwise through a 1 MB scratch buffer (grown to one file row when columns are selected from rows wider than that).
/// </summary>
internal sealed class NpyMatrixReader : IMatrixReader
{
    private const int ScratchBytes = 1 << 20;

    private readonly Stream _stream;
    private readonly string _descr;
    private readonly bool _single;
    private readonly int _elementSize;
    private readonly int _fileColumns;
    private readonly long _rowBytes;
    private readonly long _rows;
    private readonly int[]? _columns;
    private long _rowsRead;
    private long _bytesRead;
    private byte[]? _scratch;

    /// <summary>Reads and checks the header of the NPY in <paramref name="stream"/> (left open). Throws
    /// <see cref="DataException"/> for anything but a non-empty C-order little-endian float matrix or vector, or for a
    /// selection by name or beyond the columns.</summary>
    public NpyMatrixReader(Stream stream, string source, ColumnSelection columns)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(columns);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Reading NPY needs a little-endian machine.");
        }

        _stream = stream;
        Source = source;
        NpyHeader header = NpyHeader.Read(stream, source);
        _descr = header.Descr;
        (_single, _elementSize) = header.Descr switch
        {
            "<f4" => (true, sizeof(float)),
            "<f8" => (false, sizeof(double)),
            _ => throw new DataException($"{source}: NPY dtype {NpyHeader.Describe(header.Descr)} is not supported; {NpyHeader.Supported}."),
        };
        if (header.FortranOrder)
        {
            throw new DataException($"{source}: the NPY array is in Fortran (column-major) order; only C order is supported (save np.ascontiguousarray(a)).");
        }

        (_rows, long fileColumns) = header.Shape.Count switch
        {
            1 => (1L, header.Shape[0]),
            2 => (header.Shape[0], header.Shape[1]),
            _ => throw new DataException($"{source}: the NPY array has {header.Shape.Count} dimensions, shape {NpyHeader.FormatShape(header.Shape)}; supported: a matrix (rows, columns), or a vector (n,) read as one row."),
        };
        if (_rows == 0 || fileColumns == 0)
        {
            throw new DataException($"{source} has no rows (NPY shape {NpyHeader.FormatShape(header.Shape)}).");
        }

        if (fileColumns > Array.MaxLength / _elementSize || _rows > long.MaxValue / (fileColumns * _elementSize))
        {
            throw new DataException($"{source}: the NPY shape {NpyHeader.FormatShape(header.Shape)} is too large to read.");
        }

        _fileColumns = (int)fileColumns;
        _rowBytes = fileColumns * _elementSize;
        _columns = columns.IsAll ? null : ColumnSelections.Resolve(columns, source, _fileColumns, null, "is an NPY array, which has no column names");
        if (stream.CanSeek && stream.Length - stream.Position < _rows * _rowBytes)
        {
            throw Truncated(stream.Length - stream.Position);
        }
    }

    public string Source { get; }

    public int Columns => _columns?.Length ?? _fileColumns;

    /// <summary>Rows in the file, from its shape.</summary>
    public long Rows => _rows;

    public int Read(Span<double> destination) => ReadRows(destination);

    public int Read(Span<float> destination) => ReadRows(destination);

    /// <summary>Nothing to release; the stream stays open (the caller owns it).</summary>
    public void Dispose()
    {
    }

    private static void Gather<TIn, TOut>(ReadOnlySpan<TIn> rows, int fileColumns, int[] columns, Span<TOut> destination)
        where TIn : unmanaged, IBinaryFloatingPointIeee754<TIn>
        where TOut : unmanaged, IBinaryFloatingPointIeee754<TOut>
    {
        int width = columns.Length;
        int count = rows.Length / fileColumns;
        for (int r = 0; r < count; r++)
        {
            ReadOnlySpan<TIn> row = rows.Slice(r * fileColumns, fileColumns);
            Span<TOut> target = destination.Slice(r * width, width);
            for (int c = 0; c < target.Length; c++)
            {
                target[c] = TOut.CreateTruncating(row[columns[c]]);
            }
        }
    }

    private int ReadRows<T>(Span<T> destination)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int width = Columns;
        long capacity = destination.Length / width;
        if (capacity == 0 && !destination.IsEmpty)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values, less than one row of {width}.", nameof(destination));
        }

        int rows = (int)Math.Min(capacity, _rows - _rowsRead);
        if (rows == 0)
        {
            return 0;
        }

        Span<T> target = destination[..(rows * width)];
        if (_columns is not null)
        {
            ReadSelected(target, rows, _columns);
        }
        else if (Unsafe.SizeOf<T>() == _elementSize)
        {
            Fill(MemoryMarshal.AsBytes(target));
        }
        else
        {
            ReadConverted(target);
        }

        _rowsRead += rows;
        return rows;
    }

    // All columns, float32 file into double or float64 file into float: a scratch buffer at a time.
    private void ReadConverted<T>(Span<T> target)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        byte[] scratch = Scratch(ScratchBytes);
        int perPiece = ScratchBytes / _elementSize;
        for (int start = 0; start < target.Length; start += perPiece)
        {
            int count = Math.Min(perPiece, target.Length - start);
            Span<byte> bytes = scratch.AsSpan(0, count * _elementSize);
            Fill(bytes);
            Span<T> piece = target.Slice(start, count);
            if (_single)
            {
                FloatConversions.Convert(MemoryMarshal.Cast<byte, float>(bytes), piece);
            }
            else
            {
                FloatConversions.Convert(MemoryMarshal.Cast<byte, double>(bytes), piece);
            }
        }
    }

    // Some columns: whole file rows into the scratch buffer, then the selected values gathered.
    private void ReadSelected<T>(Span<T> target, int rows, int[] columns)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int rowBytes = (int)_rowBytes;
        int perPiece = Math.Max(1, ScratchBytes / rowBytes);
        byte[] scratch = Scratch(Math.Min(perPiece, rows) * rowBytes);
        for (int start = 0; start < rows; start += perPiece)
        {
            int count = Math.Min(perPiece, rows - start);
            Span<byte> bytes = scratch.AsSpan(0, count * rowBytes);
            Fill(bytes);
            Span<T> piece = target.Slice(start * columns.Length, count * columns.Length);
            if (_single)
            {
                Gather(MemoryMarshal.Cast<byte, float>(bytes), _fileColumns, columns, piece);
            }
            else
            {
                Gather(MemoryMarshal.Cast<byte, double>(bytes), _fileColumns, columns, piece);
            }
        }
    }

    private byte[] Scratch(int length)
    {
        if (_scratch is null || _scratch.Length < length)
        {
            _scratch = new byte[Math.Max(length, _scratch?.Length ?? 0)];
        }

        return _scratch;
    }

    private void Fill(Span<byte> bytes)
    {
        int read = _stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        _bytesRead += read;
        if (read < bytes.Length)
        {
            throw Truncated(_bytesRead);
        }
    }

    private DataException Truncated(long dataBytes)
    {
        long complete = dataBytes / _rowBytes;
        return new DataException(
            $"{Source} is truncated: its NPY shape promises {_rows:N0} rows of {_fileColumns:N0} '{_descr}' values, but only {complete:N0} complete rows are there: row {complete:N0} (0-based) is missing or cut short.");
    }
}
