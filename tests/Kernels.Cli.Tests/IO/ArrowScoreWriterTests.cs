using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Kernels.Cli.Arrow;
using Kernels.Cli.IO;
using Xunit;
using static Kernels.Cli.Tests.IO.ArrowParquetRoundTripTests;

namespace Kernels.Cli.Tests.IO;

/// <summary>The Arrow score writer: the IPC format it picks, its schema, and record batches written as scores come.</summary>
public sealed class ArrowScoreWriterTests
{
    [Fact]
    public void WritesTheFileFormatToASeekableStream()
    {
        byte[] bytes = WriteScores(DataFormat.Arrow, new[] { 1.0, 2.0 }, single: false, seekable: true);

        Assert.True(bytes.AsSpan().StartsWith("ARROW1"u8));
        Assert.True(bytes.AsSpan().EndsWith("ARROW1"u8));
    }

    [Fact]
    public void WritesTheStreamFormatToAPipe()
    {
        byte[] bytes = WriteScores(DataFormat.Arrow, new[] { 1.0, 2.0 }, single: false, seekable: false);

        Assert.True(bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }));
        using var reader = new ArrowStreamReader(new MemoryStream(bytes));
        Assert.Equal(new[] { 1.0, 2.0 }, ((DoubleArray)reader.ReadNextRecordBatch().Column(0)).Values.ToArray());
    }

    [Theory]
    [InlineData(false, ArrowTypeId.Double)]
    [InlineData(true, ArrowTypeId.Float)]
    public void OneNonNullableColumnNamedAsAsked(bool single, ArrowTypeId type)
    {
        byte[] bytes = WriteScores(DataFormat.Arrow, new[] { 0.5 }, single, seekable: true, name: "kl_divergence");

        using var reader = new ArrowFileReader(new MemoryStream(bytes));
        Field field = Assert.Single(reader.Schema.FieldsList);
        Assert.Equal("kl_divergence", field.Name);
        Assert.Equal(type, field.DataType.TypeId);
        Assert.False(field.IsNullable);
    }

    [Fact]
    public async Task SmallWritesAreGatheredAndLargeOnesSplitIntoBoundedBatches()
    {
        double[] scores = Enumerable.Range(0, (2 * ArrowScoreWriter.BatchRows) + 5).Select(i => (double)i).ToArray();
        byte[] bytes = WriteScores(DataFormat.Arrow, scores, single: false, seekable: true, chunk: 1000);

        using var reader = new ArrowFileReader(new MemoryStream(bytes));
        Assert.Equal(3, await reader.RecordBatchCountAsync());
        Assert.Equal(ArrowScoreWriter.BatchRows, (await reader.ReadRecordBatchAsync(0)).Length);
        Assert.Equal(ArrowScoreWriter.BatchRows, (await reader.ReadRecordBatchAsync(1)).Length);
        Assert.Equal(5, (await reader.ReadRecordBatchAsync(2)).Length);
    }

    [Fact]
    public void BatchesAreWrittenAsScoresComeNotAtTheEnd()
    {
        var stream = new NonSeekableStream();
        using var writer = new ArrowScoreWriter(stream, single: false, "score");

        writer.Write(new double[ArrowScoreWriter.BatchRows + 10]);

        Assert.True(stream.Written.Length > ArrowScoreWriter.BatchRows * sizeof(double));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void NoScoresIsATableWithoutRows(bool seekable)
    {
        byte[] bytes = WriteScores(DataFormat.Arrow, System.Array.Empty<double>(), single: false, seekable);

        using ArrowStreamReader reader = seekable ? new ArrowFileReader(new MemoryStream(bytes)) : new ArrowStreamReader(new MemoryStream(bytes));
        Assert.Equal("score", Assert.Single(reader.Schema.FieldsList).Name);
        Assert.Null(reader.ReadNextRecordBatch());
    }
}
