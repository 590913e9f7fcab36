using System;
using System.IO;
using System.Linq;
using Kernels.Cli.IO;
using Kernels.Cli.Parquet;
using Parquet;
using Parquet.Schema;
using Xunit;
using static Kernels.Cli.Tests.IO.ArrowParquetReaderContract;
using static Kernels.Cli.Tests.IO.MatrixReading;
using static Kernels.Cli.Tests.IO.ParquetTables;

namespace Kernels.Cli.Tests.IO;

/// <summary>The columnar reader contract on Parquet files.</summary>
public sealed class ParquetReaderContractTests : ArrowParquetReaderContract
{
    private protected override string FileName => "input.parquet";

    private protected override byte[] Magic => "PAR1"u8.ToArray();

    private protected override byte[] Grid(params int[] batchSizes)
    {
        (ParquetSchema schema, object[][] rowGroups) = ParquetTables.Grid(batchSizes);
        return Write(schema, rowGroups);
    }

    private protected override byte[] Wide(int rows, int columns) => ParquetTables.Wide(rows, columns);

    private protected override IMatrixReader Open(Stream stream, ColumnSelection columns) => new ParquetMatrixReader(stream, FileName, columns);
}

/// <summary>What only the Parquet reader does: optional columns, list columns, codecs, Parquet's types and nulls.</summary>
public sealed class ParquetMatrixReaderTests
{
    private static readonly ParquetSchema Mixed = new(
        new DataField<double>("p"),
        new DataField<string>("name"),
        new DataField<long>("count"),
        new DataField<double?>("maybe"),
        new ListField("tags", new DataField<string>("element")),
        new StructField("point", new DataField<double>("x"), new DataField<double>("y")));

    private static ParquetMatrixReader Open(byte[] bytes, string columns = "") =>
        new(new MemoryStream(bytes), Source, columns.Length == 0 ? ColumnSelection.All : ColumnSelections.Parse(columns));

    private static DataException Fails(byte[] bytes, string columns = "") => Assert.Throws<DataException>(() =>
    {
        using ParquetMatrixReader reader = Open(bytes, columns);
        ReadAll(reader);
    });

    private static byte[] Lists(params object[][] rowGroups) =>
        Write(new ParquetSchema(new DataField<float>("w"), new ListField("v", new DataField<double>("element"))), rowGroups);

    [Theory]
    [InlineData(CompressionMethod.None)]
    [InlineData(CompressionMethod.Gzip)]
    [InlineData(CompressionMethod.Zstd)]
    [InlineData(CompressionMethod.Lz4Raw)]
    public void ReadsEveryCompressionCodec(CompressionMethod compression)
    {
        (ParquetSchema schema, object[][] rowGroups) = Grid(100, 50);
        using ParquetMatrixReader reader = Open(Write(schema, compression, rowGroups));

        Assert.Equal(GridRows(150), ReadAll(reader, 64));
    }

    [Fact]
    public void OptionalColumnsWithoutNullsAreRead()
    {
        // pyarrow and pandas write every column as optional (nullable) unless told otherwise.
        var schema = new ParquetSchema(new DataField<double?>("p"), new DataField<double?>("q"));
        byte[] bytes = Write(schema, new object[] { new double?[] { 0.5, 0.25 }, new double?[] { 1, 2 } }, new object[] { new double?[] { 3 }, new double?[] { 4 } });
        using ParquetMatrixReader reader = Open(bytes);

        Assert.Equal(new[] { new[] { 0.5, 1 }, new[] { 0.25, 2 }, new double[] { 3, 4 } }, ReadAll(reader));
    }

    [Fact]
    public void UnselectedColumnsMayHoldAnything()
    {
        var schema = new ParquetSchema(new DataField<string>("id"), new DataField<double>("p"), new DataField<double?>("gaps"));
        byte[] bytes = Write(schema, new object[] { new[] { "x", "y" }, new[] { 0.5, 0.25 }, new double?[] { null, 1 } });

        using ParquetMatrixReader reader = Open(bytes, "p");

        Assert.Equal(new[] { new[] { 0.5 }, new[] { 0.25 } }, ReadAll(reader));
    }

    [Fact]
    public void AListColumnWithOneLengthIsOneRowVectorPerRow()
    {
        byte[] bytes = Lists(
            new object[] { new[] { 1f, 2f }, new[] { new double[] { 10, 11, 12 }, new double[] { 20, 21, 22 } } },
            new object[] { new[] { 3f }, new[] { new double[] { 30, 31, 32 } } });

        using ParquetMatrixReader reader = Open(bytes, "v,w");

        Assert.Equal(4, reader.Columns);
        Assert.Equal(new[] { new double[] { 10, 11, 12, 1 }, new double[] { 20, 21, 22, 2 }, new double[] { 30, 31, 32, 3 } }, ReadAll(reader, 2));
    }

    [Theory]
    [InlineData(new[] { 3, 2, 3 }, "row 1 ")]
    [InlineData(new[] { 3, 4, 3 }, "row 1 ")]
    [InlineData(new[] { 3, 3, 3, 1, 5 }, "row 3 ")]
    public void ListsOfDifferentLengthsNameTheFirstOddRow(int[] lengths, string row)
    {
        double[][] lists = lengths.Select(n => Enumerable.Range(0, n).Select(i => (double)i).ToArray()).ToArray();

        DataException error = Fails(Lists(new object[] { new float[lists.Length], lists }), "v");

        Assert.Contains("'v'", error.Message);
        Assert.Contains(row, error.Message);
    }

    [Fact]
    public void AListLengthThatChangesInALaterRowGroupIsAnError()
    {
        byte[] bytes = Lists(
            new object[] { new[] { 1f }, new[] { new double[] { 1, 2 } } },
            new object[] { new[] { 2f }, new[] { new double[] { 1, 2, 3 } } });

        Assert.Contains("'v' in row 1 (rows counted from 0) does not have 2 values", Fails(bytes, "v").Message);
    }

    [Fact]
    public void ANullNamesItsColumnAndRow()
    {
        var schema = new ParquetSchema(new DataField<double>("a"), new DataField<double?>("b"));
        byte[] bytes = Write(
            schema,
            new object[] { new double[] { 1, 2, 3 }, new double?[] { 1, 2, 3 } },
            new object[] { new double[] { 4, 5 }, new double?[] { 4, null } });

        Assert.Contains("column 'b' has a null in row 4", Fails(bytes).Message);
    }

    [Theory]
    [InlineData("name", "string")]
    [InlineData("count", "int64")]
    [InlineData("tags", "a list of string")]
    [InlineData("point", "a struct")]
    public void ASelectedColumnThatIsNotFloatNamesItsType(string column, string type)
    {
        DataException error = Fails(Write(Mixed), column);

        Assert.Contains($"'{column}' is {type}", error.Message);
    }

    [Fact]
    public void AnEmptyInputIsAnError() =>
        Assert.StartsWith($"{Source}: unreadable Parquet data", Fails(System.Array.Empty<byte>()).Message);

    [Fact]
    public void ACorruptPageHeaderIsADataError()
    {
        (ParquetSchema schema, object[][] rowGroups) = Grid(500);
        byte[] bytes = Write(schema, CompressionMethod.None, rowGroups);
        for (int i = 4; i < 24; i++)
        {
            bytes[i] ^= 0x5A;
        }

        Assert.StartsWith($"{Source}: unreadable Parquet data", Fails(bytes).Message);
    }
}
