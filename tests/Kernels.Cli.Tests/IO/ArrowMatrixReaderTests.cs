using System;
using System.IO;
using System.Linq;
using Apache.Arrow;
using Apache.Arrow.Compression;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Kernels.Cli.Arrow;
using Kernels.Cli.IO;
using Xunit;
using static Kernels.Cli.Tests.IO.ArrowTables;
using static Kernels.Cli.Tests.IO.ArrowParquetReaderContract;
using static Kernels.Cli.Tests.IO.MatrixReading;

namespace Kernels.Cli.Tests.IO;

/// <summary>The columnar reader contract on Arrow IPC files ("ARROW1", Feather v2).</summary>
public sealed class ArrowFileReaderContractTests : ArrowParquetReaderContract
{
    private protected override string FileName => "input.arrow";

    private protected override byte[] Magic => "ARROW1"u8.ToArray();

    private protected override byte[] Grid(params int[] batchSizes)
    {
        (Schema schema, RecordBatch[] batches) = ArrowTables.Grid(batchSizes);
        return File(schema, batches);
    }

    private protected override byte[] Wide(int rows, int columns) => ArrowTables.Wide(rows, columns, file: true);

    private protected override IMatrixReader Open(Stream stream, ColumnSelection columns) => new ArrowMatrixReader(stream, FileName, columns);
}

/// <summary>The columnar reader contract on Arrow IPC streams.</summary>
public sealed class ArrowStreamReaderContractTests : ArrowParquetReaderContract
{
    private protected override string FileName => "input.arrows";

    private protected override byte[] Magic => new byte[] { 0xFF, 0xFF, 0xFF, 0xFF };

    private protected override byte[] Grid(params int[] batchSizes)
    {
        (Schema schema, RecordBatch[] batches) = ArrowTables.Grid(batchSizes);
        return ArrowTables.Stream(schema, batches);
    }

    private protected override byte[] Wide(int rows, int columns) => ArrowTables.Wide(rows, columns, file: false);

    private protected override IMatrixReader Open(Stream stream, ColumnSelection columns) => new ArrowMatrixReader(stream, FileName, columns);
}

/// <summary>What only the Arrow reader does: fixed-size lists, compressed buffers, pipes, Arrow's types and nulls.</summary>
public sealed class ArrowMatrixReaderTests
{
    private static ArrowMatrixReader Open(byte[] bytes, string columns = "") =>
        new(new MemoryStream(bytes), Source, columns.Length == 0 ? ColumnSelection.All : ColumnSelections.Parse(columns));

    private static DataException Fails(byte[] bytes, string columns = "") => Assert.Throws<DataException>(() =>
    {
        using ArrowMatrixReader reader = Open(bytes, columns);
        ReadAll(reader);
    });

    [Fact]
    public void UnselectedColumnsMayHoldAnything()
    {
        Schema schema = Schema(Field("id", StringType.Default), Field("p", DoubleType.Default), Field("q", Int64Type.Default, nullable: true));
        var ids = new Int64Array.Builder().AppendNull().Append(7).Build();
        byte[] bytes = File(schema, Batch(schema, Strings("x", "y"), Doubles(0.5, 0.25), ids));

        using ArrowMatrixReader reader = Open(bytes, "p");

        Assert.Equal(new[] { new[] { 0.5 }, new[] { 0.25 } }, ReadAll(reader));
    }

    [Fact]
    public void AFixedSizeListColumnIsOneRowVectorPerRow()
    {
        Schema schema = Schema(Field("embedding", new FixedSizeListType(DoubleType.Default, 3)));
        byte[] bytes = Stream(
            schema,
            Batch(schema, DoubleLists(3, new double?[] { 1, 2, 3 }, new double?[] { 4, 5, 6 })),
            Batch(schema, DoubleLists(3, new double?[] { 7, 8, 9 })));
        using ArrowMatrixReader reader = Open(bytes);

        Assert.Equal(3, reader.Columns);
        Assert.Equal(new[] { new double[] { 1, 2, 3 }, new double[] { 4, 5, 6 }, new double[] { 7, 8, 9 } }, ReadAll(reader, 2));
    }

    [Fact]
    public void FixedSizeListsAndPlainColumnsSitSideBySide()
    {
        Schema schema = Schema(Field("w", FloatType.Default), Field("v", new FixedSizeListType(FloatType.Default, 2)), Field("x", DoubleType.Default));
        byte[] bytes = File(schema, Batch(schema, Singles(1, 2), SingleLists(2, new float[] { 10, 11 }, new float[] { 20, 21 }), Doubles(-1, -2)));
        using ArrowMatrixReader reader = Open(bytes, "v,w,x");

        Assert.Equal(4, reader.Columns);
        Assert.Equal(new[] { new double[] { 10, 11, 1, -1 }, new double[] { 20, 21, 2, -2 } }, ReadAll(reader));
    }

    [Theory]
    [InlineData(CompressionCodecType.Lz4Frame)]
    [InlineData(CompressionCodecType.Zstd)]
    public void ReadsCompressedFeatherFiles(CompressionCodecType codec)
    {
        (Schema schema, RecordBatch[] batches) = Grid(300, 200);
        var options = new IpcOptions { CompressionCodec = codec, CompressionCodecFactory = new CompressionCodecFactory() };
        byte[] compressed = File(schema, options, batches);
        Assert.True(compressed.Length < File(schema, batches).Length, "the buffers should be compressed");

        using ArrowMatrixReader reader = Open(compressed);

        Assert.Equal(GridRows(500), ReadAll(reader, 64));
    }

    [Fact]
    public void ReadsTheStreamFormatFromANonSeekableStream()
    {
        (Schema schema, RecordBatch[] batches) = Grid(500, 1, 499);
        using var stream = new NonSeekableStream(Stream(schema, batches)) { MaxRead = 100 };
        using var reader = new ArrowMatrixReader(stream, "stdin", ColumnSelection.All);

        Assert.Equal(GridRows(1000), ReadAll(reader, 333));
        Assert.False(stream.Disposed);
    }

    [Theory]
    [InlineData("name", "utf8")]
    [InlineData("count", "int64")]
    [InlineData("half", "halffloat")]
    [InlineData("ragged", "a list of float64")]
    public void ASelectedColumnThatIsNotFloatNamesItsType(string column, string type)
    {
        Schema schema = Schema(
            Field("p", DoubleType.Default),
            Field("name", StringType.Default),
            Field("count", Int64Type.Default),
            Field("half", HalfFloatType.Default),
            Field("ragged", new ListType(DoubleType.Default)));

        DataException error = Fails(Stream(schema), column);

        Assert.Contains($"'{column}'", error.Message);
        Assert.Contains(type, error.Message);
    }

    [Fact]
    public void EveryColumnIsSelectedByDefaultSoAStringColumnFails()
    {
        Schema schema = Schema(Field("p", DoubleType.Default), Field("label", StringType.Default));

        Assert.Contains("'label' is utf8", Fails(File(schema, Batch(schema, Doubles(1), Strings("x")))).Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ANullNamesItsColumnAndRow(bool file)
    {
        Schema schema = Schema(Field("a", DoubleType.Default), Field("b", FloatType.Default, nullable: true));
        byte[] bytes = Write(
            file,
            schema,
            Batch(schema, Doubles(1, 2, 3), Singles(1, 2, 3)),
            Batch(schema, Doubles(4, 5), Singles(4, null)));
        using ArrowMatrixReader reader = Open(bytes);

        DataException error = Assert.Throws<DataException>(() => ReadAll(reader));

        Assert.Contains("column 'b' has a null in row 4", error.Message);
    }

    [Fact]
    public void ANullInsideAFixedSizeListNamesItsRow()
    {
        Schema schema = Schema(Field("v", new FixedSizeListType(DoubleType.Default, 2)));
        byte[] bytes = File(schema, Batch(schema, DoubleLists(2, new double?[] { 1, 2 }, new double?[] { 3, null })));

        Assert.Contains("column 'v' has a null in row 1", Fails(bytes).Message);
    }

    [Fact]
    public void TheFileFormatNeedsASeekableStream()
    {
        (Schema schema, RecordBatch[] batches) = Grid(2);

        Assert.Throws<ArgumentException>(() => new ArrowMatrixReader(new NonSeekableStream(File(schema, batches)), "stdin", ColumnSelection.All));
    }

    [Fact]
    public void AnEmptyInputIsAnError() => Assert.Equal($"{Source} is empty.", Fails(System.Array.Empty<byte>()).Message);

    [Fact]
    public void AStreamThatEndsBeforeItsSchemaIsAnError() =>
        Assert.StartsWith($"{Source}: unreadable Arrow IPC data", Fails(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0 }).Message);
}
