using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Kernels.Cli.IO;
using Parquet;
using Parquet.Schema;

namespace Kernels.Cli.Parquet;

/// <summary>
/// A matrix from an Apache Parquet file (a seekable stream: Parquet is read from its footer). Each selected column is
/// a FLOAT or DOUBLE column (one value per row) or a list of them whose rows all have the same length (that many
/// values per row: how a fixed-size list, e.g. an embedding, is stored in Parquet); any other type, any null and any
/// list of another length is a <see cref="DataException"/>. One row group is held in memory at a time.
/// </summary>
internal sealed class ParquetMatrixReader : ColumnarMatrixReader
{
    private readonly ParquetReader _reader;
    private readonly IColumn[] _columns;
    private int _nextRowGroup;

    /// <summary>Opens the file, reads its footer, selects the columns and loads the first row group (whose first row
    /// sets the length of every list). The stream stays open when the reader is disposed.</summary>
    public ParquetMatrixReader(Stream stream, string source, ColumnSelection columns)
        : base(source)
    {
        _reader = WhileReading(() => Wait(ParquetReader.CreateAsync(stream, parquetOptions: null, leaveStreamOpen: true)));
        try
        {
            IReadOnlyList<Field> fields = _reader.Schema.Fields;
            int[] selected = ColumnSelections.Resolve(columns, source, fields.Count, fields.Select(f => f.Name).ToArray(), string.Empty);
            _columns = selected.Select(i => Describe(fields[i])).ToArray();
            LoadFirstBatch();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    protected override string Format => "Parquet";

    protected override IReadOnlyList<IColumnBlock>? ReadBatch(out int rows)
    {
        while (_nextRowGroup < _reader.RowGroupCount)
        {
            int index = _nextRowGroup++;
            ParquetRowGroupReader group = WhileReading(() => _reader.OpenRowGroupReader(index));
            if (group.RowCount == 0)
            {
                continue;
            }

            rows = group.RowCount <= int.MaxValue
                ? (int)group.RowCount
                : throw new DataException($"{Source}: a row group of {group.RowCount:N0} rows is too large to read; rewrite the file with smaller row groups.");
            foreach (IColumn column in _columns)
            {
                WhileReading(() => column.Read(group, this));
            }

            Columns = _columns.Sum(c => c.Width);
            return _columns;
        }

        rows = 0;
        return null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Wait(_reader.DisposeAsync());
        }
    }

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private static void Wait(ValueTask task) => task.AsTask().GetAwaiter().GetResult();

    private IColumn Describe(Field field)
    {
        // A list<float> is a LIST-annotated group around a repeated leaf; a bare repeated leaf reads the same way.
        DataField? leaf = field switch
        {
            DataField data => data,
            ListField { Item: DataField item } => item,
            _ => null,
        };

        if (leaf is { MaxRepetitionLevel: 0 or 1 } && (leaf.ClrType == typeof(float) || leaf.ClrType == typeof(double)))
        {
            return leaf.ClrType == typeof(float) ? new Column<float>(field.Name, leaf) : new Column<double>(field.Name, leaf);
        }

        throw new DataException($"{Source}: column '{field.Name}' is {TypeName(field)}, not a number column: "
            + "only FLOAT and DOUBLE columns, and lists of them with one length for every row, can be read.");
    }

    private static string TypeName(Field field) => field switch
    {
        ListField { Item: DataField item } => $"a list of {ClrTypeName(item.ClrType)}",
        ListField list => $"a list of {TypeName(list.Item)}",
        DataField { MaxRepetitionLevel: > 0 } data => $"a list of {ClrTypeName(data.ClrType)}",
        DataField data => ClrTypeName(data.ClrType),
        StructField => "a struct",
        MapField => "a map",
        _ => field.SchemaType.ToString(),
    };

    private static string ClrTypeName(Type type) =>
        type == typeof(float) ? "float32"
        : type == typeof(double) ? "float64"
        : type == typeof(string) || type == typeof(ReadOnlyMemory<char>) ? "string"
        : type == typeof(bool) ? "boolean"
        : type == typeof(int) ? "int32"
        : type == typeof(long) ? "int64"
        : type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>) ? "binary"
        : type.Name;

    /// <summary>A selected column, and its values in the current row group.</summary>
    private interface IColumn : IColumnBlock
    {
        /// <summary>Reads the column's values in a row group, checking that none is null and that every list has
        /// <see cref="IColumnBlock.Width"/> values.</summary>
        void Read(ParquetRowGroupReader group, ParquetMatrixReader reader);
    }

    private sealed class Column<T>(string name, DataField leaf) : IColumn
        where T : unmanaged
    {
        // Reused from row group to row group; grown when a row group needs more.
        private T[] _values = Array.Empty<T>();
        private int[] _definitionLevels = Array.Empty<int>();
        private int[] _repetitionLevels = Array.Empty<int>();
        private int _count;

        public bool IsSingle => typeof(T) == typeof(float);

        /// <summary>1 for a plain column; for a list column, the length of its first list (0 until it is read).</summary>
        public int Width { get; private set; } = leaf.MaxRepetitionLevel == 0 ? 1 : 0;

        public ReadOnlySpan<byte> Bytes => MemoryMarshal.AsBytes(_values.AsSpan(0, _count));

        public void Read(ParquetRowGroupReader group, ParquetMatrixReader reader)
        {
            long count = group.GetMetadata(leaf)?.MetaData?.NumValues
                ?? throw new InvalidDataException($"no column chunk for '{leaf.Path}' in a row group");
            if (count > Array.MaxLength)
            {
                throw new DataException($"{reader.Source}: column '{name}' has {count:N0} values in one row group, too many to read; rewrite the file with smaller row groups.");
            }

            _count = (int)count;
            Grow(ref _values, _count);
            Memory<int>? definitionLevels = leaf.MaxDefinitionLevel > 0 ? Grow(ref _definitionLevels, _count) : default(Memory<int>?);
            Memory<int>? repetitionLevels = leaf.MaxRepetitionLevel > 0 ? Grow(ref _repetitionLevels, _count) : default(Memory<int>?);
            Wait(group.ReadRawAsync(leaf, _values.AsMemory(0, _count), definitionLevels, repetitionLevels));

            if (repetitionLevels is { Span: var repetitions })
            {
                CheckListLengths(repetitions, group.RowCount, reader);
            }
            else if (count != group.RowCount)
            {
                throw new InvalidDataException($"column '{name}' has {count} values in a row group of {group.RowCount} rows");
            }

            // Null values (and null or empty lists) have a definition level below the leaf's maximum.
            if (definitionLevels is { Span: var definitions })
            {
                int missing = definitions.IndexOfAnyExcept(leaf.MaxDefinitionLevel);
                if (missing >= 0)
                {
                    throw reader.NullValue(name, missing / Width);
                }
            }
        }

        /// <summary>Repetition level 0 starts a row and 1 continues it: every row must have as many values as the
        /// file's first row, so that row r is values [r * Width, (r + 1) * Width).</summary>
        private void CheckListLengths(ReadOnlySpan<int> repetitions, long rows, ParquetMatrixReader reader)
        {
            if (Width == 0)
            {
                int second = repetitions.Length > 1 ? repetitions[1..].IndexOf(0) : -1;
                Width = second >= 0 ? second + 1 : repetitions.Length;
            }

            // Row by row: a row that starts with 1 continues the one before (which is too long); a 0 after its start
            // begins the next row early (this one is too short).
            int width = Width;
            int whole = (int)Math.Min(rows, repetitions.Length / width);
            for (int r = 0; r < whole; r++)
            {
                ReadOnlySpan<int> row = repetitions.Slice(r * width, width);
                if (row[0] != 0)
                {
                    throw r > 0 ? OddLength(reader, r - 1) : new InvalidDataException($"column '{name}' starts in the middle of a list");
                }

                if (row[1..].IndexOfAnyExcept(1) >= 0)
                {
                    throw OddLength(reader, r);
                }
            }

            if (repetitions.Length != rows * width)
            {
                throw OddLength(reader, repetitions.Length > rows * width ? rows - 1 : whole);
            }
        }

        private DataException OddLength(ParquetMatrixReader reader, long row) =>
            new($"{reader.Source}: the list in column '{name}' in row {reader.BatchStart + row} (rows counted from 0) does not have {Width} values like the first row; every row needs the same number of values.");

        private static Memory<TItem> Grow<TItem>(ref TItem[] buffer, int length)
        {
            if (buffer.Length < length)
            {
                // Every element is overwritten by the read, so the array need not be zeroed first.
                buffer = GC.AllocateUninitializedArray<TItem>(length);
            }

            return buffer.AsMemory(0, length);
        }
    }
}
