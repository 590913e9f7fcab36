using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Apache.Arrow;
using Apache.Arrow.Compression;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Kernels.Cli.IO;

namespace Kernels.Cli.Arrow;

/// <summary>
/// A matrix from Arrow IPC data: the file format (magic "ARROW1"; Feather v2), which needs a seekable stream, or the
/// stream format, which does not; LZ4 and ZSTD compressed buffers are read. Each selected column is float32 or
/// float64 (one value per row) or a fixed-size list of them (its list size of values per row, e.g. one embedding per
/// row); any other type, and any null, is a <see cref="DataException"/>. One record batch is held at a time, in
/// pooled memory, and its value buffers are read in place.
/// </summary>
internal sealed class ArrowMatrixReader : ColumnarMatrixReader
{
    private static readonly ICompressionCodecFactory Codecs = new CompressionCodecFactory();

    private readonly ArrowStreamReader _reader;
    private readonly Column[] _columns;
    private readonly Block[] _blocks;
    private RecordBatch? _batch;

    /// <summary>Opens the data at the stream's position, reads its schema, selects the columns and loads the first
    /// record batch. The stream stays open when the reader is disposed.</summary>
    public ArrowMatrixReader(Stream stream, string source, ColumnSelection columns)
        : base(source)
    {
        _reader = Open(stream, source);
        try
        {
            Schema schema = WhileReading(() => _reader.Schema)
                ?? throw new DataException($"{source}: unreadable Arrow IPC data (the stream ends before its schema)");
            IReadOnlyList<Field> fields = schema.FieldsList;
            int[] selected = ColumnSelections.Resolve(columns, source, fields.Count, fields.Select(f => f.Name).ToArray(), string.Empty);
            _columns = selected.Select(i => Describe(fields[i], i, source)).ToArray();
            _blocks = new Block[_columns.Length];
            Columns = _columns.Sum(c => c.Width);
            LoadFirstBatch();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    protected override string Format => "Arrow IPC";

    protected override IReadOnlyList<IColumnBlock>? ReadBatch(out int rows)
    {
        _batch?.Dispose();
        _batch = null;
        RecordBatch? batch;
        while ((batch = WhileReading(() => _reader.ReadNextRecordBatch())) is { Length: 0 })
        {
            batch.Dispose();
        }

        rows = batch?.Length ?? 0;
        if (batch is null)
        {
            return null;
        }

        _batch = batch;
        for (int i = 0; i < _columns.Length; i++)
        {
            Column column = _columns[i];
            _blocks[i] = WhileReading(() => column.Read(batch.Column(column.Index), batch.Length, this));
        }

        return _blocks;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _batch?.Dispose();
            _batch = null;
            _reader.Dispose();
        }
    }

    private static ArrowStreamReader Open(Stream stream, string source)
    {
        Span<byte> head = stackalloc byte[6];
        int read = stream.ReadAtLeast(head[..4], 4, throwOnEndOfStream: false);
        if (read == 0)
        {
            throw new DataException($"{source} is empty.");
        }

        if (read == 4 && head[..4].SequenceEqual(stackalloc byte[] { 0xFF, 0xFF, 0xFF, 0xFF }))
        {
            // The stream format: its first message starts with this continuation marker and then its length. The
            // reader accepts a message that starts directly with its length (the pre-0.15 format), so consuming the
            // marker here lets a non-seekable stream (stdin) be read without rewinding it.
            return new ArrowStreamReader(stream, ArrowPooledAllocator.Shared, Codecs, leaveOpen: true);
        }

        if (read == 4 && stream.ReadAtLeast(head[4..], 2, throwOnEndOfStream: false) == 2 && head.SequenceEqual("ARROW1"u8))
        {
            if (!stream.CanSeek)
            {
                throw new ArgumentException("An Arrow IPC file is read from its footer: the stream must be seekable.", nameof(stream));
            }

            // The file reader seeks to the footer and to each record batch itself (offsets from the start of the file).
            return new ArrowFileReader(stream, ArrowPooledAllocator.Shared, Codecs, leaveOpen: true);
        }

        throw new DataException($"{source} is not Arrow IPC data: it starts neither with the file magic \"ARROW1\" nor with a stream's first message.");
    }

    private static Column Describe(Field field, int index, string source) => field.DataType switch
    {
        FloatType or DoubleType => new Column(field.Name, index, IsSingle: field.DataType is FloatType, Width: 1, IsList: false),
        FixedSizeListType { ValueDataType: FloatType or DoubleType } list =>
            new Column(field.Name, index, IsSingle: list.ValueDataType is FloatType, list.ListSize, IsList: true),
        _ => throw new DataException($"{source}: column '{field.Name}' is {TypeName(field.DataType)}, not a number column: "
            + "only float32 and float64 columns, and fixed-size lists of them, can be read."),
    };

    private static string TypeName(IArrowType type) => type switch
    {
        FloatType => "float32",
        DoubleType => "float64",
        FixedSizeListType list => $"a fixed-size list of {TypeName(list.ValueDataType)}",
        ListType list => $"a list of {TypeName(list.ValueDataType)}",
        _ => type.Name,
    };

    private void ThrowIfNull(IArrowArray array, int first, int count, int width, string name)
    {
        if (array.NullCount == 0)
        {
            return;
        }

        for (int i = first; i < first + count; i++)
        {
            if (array.IsNull(i))
            {
                throw NullValue(name, (i - first) / width);
            }
        }
    }

    /// <summary>A selected column: its index in the schema, and how its values make up Width values per row.</summary>
    private readonly record struct Column(string Name, int Index, bool IsSingle, int Width, bool IsList)
    {
        private int ValueSize => IsSingle ? sizeof(float) : sizeof(double);

        /// <summary>The column's values in a batch of the given length, after checking that none is null.</summary>
        public Block Read(IArrowArray array, int rows, ArrowMatrixReader reader)
        {
            if (array.Length != rows)
            {
                throw new InvalidDataException($"column '{Name}' has {array.Length} values in a record batch of {rows} rows");
            }

            reader.ThrowIfNull(array, 0, rows, 1, Name);
            if (!IsList)
            {
                return new Block(IsSingle, Width, array.Data.Buffers[1].Memory.Slice(array.Offset * ValueSize, rows * ValueSize));
            }

            // A fixed-size list's row i is values [(offset + i) * width, (offset + i + 1) * width) of its child array.
            IArrowArray values = ((FixedSizeListArray)array).Values;
            int first = array.Offset * Width;
            reader.ThrowIfNull(values, first, rows * Width, Width, Name);
            return new Block(IsSingle, Width, values.Data.Buffers[1].Memory.Slice((values.Offset + first) * ValueSize, rows * Width * ValueSize));
        }
    }

    /// <summary>A column's values in the current record batch, in place in the batch's buffer.</summary>
    private sealed record Block(bool IsSingle, int Width, ReadOnlyMemory<byte> Values) : IColumnBlock
    {
        public ReadOnlySpan<byte> Bytes => Values.Span;
    }
}
