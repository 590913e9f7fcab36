using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Kernels.Cli.IO;
using Kernels.Cli.Parquet;
using Parquet;
using Parquet.Schema;
using Xunit;
using static Kernels.Cli.Tests.IO.ArrowParquetRoundTripTests;

namespace Kernels.Cli.Tests.IO;

/// <summary>The Parquet score writer: its schema, row groups written as scores come, and pipes.</summary>
public sealed class ParquetScoreWriterTests
{
    private static Task<ParquetReader> Open(byte[] bytes) => ParquetReader.CreateAsync(new MemoryStream(bytes));

    [Theory]
    [InlineData(false, typeof(double))]
    [InlineData(true, typeof(float))]
    public async Task OneRequiredColumnNamedAsAsked(bool single, Type type)
    {
        byte[] bytes = WriteScores(DataFormat.Parquet, new[] { 0.5, 0.25 }, single, seekable: true, name: "js_distance");

        await using ParquetReader reader = await Open(bytes);
        DataField field = Assert.Single(reader.Schema.DataFields);
        Assert.Equal("js_distance", field.Name);
        Assert.Equal(type, field.ClrType);
        Assert.False(field.IsNullable);
        Assert.Equal(2, reader.Metadata!.NumRows);
    }

    [Fact]
    public async Task WritesToAPipeWithoutSeeking()
    {
        byte[] bytes = WriteScores(DataFormat.Parquet, new[] { 1.0, 2.0, 3.0 }, single: false, seekable: false);

        Assert.True(bytes.AsSpan().StartsWith("PAR1"u8));
        Assert.True(bytes.AsSpan().EndsWith("PAR1"u8));
        await using ParquetReader reader = await Open(bytes);
        Assert.Equal(3, reader.Metadata!.NumRows);
    }

    [Fact]
    public async Task RowGroupsAreBoundedAndWrittenAsScoresCome()
    {
        double[] scores = Enumerable.Range(0, ParquetScoreWriter.RowGroupRows + 3).Select(i => (double)i).ToArray();
        var stream = new NonSeekableStream();
        using var writer = new ParquetScoreWriter(stream, single: false, "score");

        writer.Write(scores.AsSpan(0, ParquetScoreWriter.RowGroupRows - 1));
        long before = stream.Written.Length;
        writer.Write(scores.AsSpan(ParquetScoreWriter.RowGroupRows - 1));
        long after = stream.Written.Length;
        writer.Complete();

        Assert.True(before < 100, "nothing but the magic number before a row group is full");
        Assert.True(after > ParquetScoreWriter.RowGroupRows, "the first row group is written once full");
        await using ParquetReader reader = await Open(stream.Written);
        Assert.Equal(new long[] { ParquetScoreWriter.RowGroupRows, 3 }, reader.RowGroups.Select(g => g.RowCount));
    }

    [Fact]
    public async Task NoScoresIsAFileWithoutRows()
    {
        byte[] bytes = WriteScores(DataFormat.Parquet, Array.Empty<double>(), single: true, seekable: false);

        await using ParquetReader reader = await Open(bytes);
        Assert.Equal("score", Assert.Single(reader.Schema.DataFields).Name);
        Assert.Equal(0, reader.RowGroupCount);
    }
}
