using System;
using System.IO;
using System.Linq;
using FsCheck.Xunit;
using Kernels.Cli.IO;
using Xunit;
using static Kernels.Cli.Tests.IO.MatrixReading;

namespace Kernels.Cli.Tests.IO;

/// <summary>
/// What every columnar reader does (Arrow IPC file, Arrow IPC stream, Parquet), run once per format by the subclasses:
/// rows that span batches, float and double columns, column selection, tables without rows, garbage, and a wide
/// table read in the score command's chunks.
/// </summary>
public abstract class ArrowParquetReaderContract
{
    private const int WideRows = 70_000;
    private const int WideColumns = 32;

    /// <summary>The file name that selects the format (its extension) in messages.</summary>
    private protected abstract string FileName { get; }

    /// <summary>How the format's files start, to make garbage that looks like one.</summary>
    private protected abstract byte[] Magic { get; }

    /// <summary>Three columns, a (float64), b (float32) and c (float64), in batches (record batches, row groups) of
    /// the given sizes: row r holds r + 0.25, r + 0.5 and -2r (see <see cref="GridRows"/>).</summary>
    private protected abstract byte[] Grid(params int[] batchSizes);

    /// <summary>float64 columns p0, p1, … holding r * 0.001 + c, in batches of the format's usual size.</summary>
    private protected abstract byte[] Wide(int rows, int columns);

    private protected abstract IMatrixReader Open(Stream stream, ColumnSelection columns);

    [Fact]
    public void ReadsFloat64AndFloat32ColumnsAcrossBatches()
    {
        using IMatrixReader reader = Open(Grid(5, 0, 7, 3));

        Assert.Equal(3, reader.Columns);
        Assert.Equal(FileName, reader.Source);
        Assert.Equal(GridRows(15), ReadAll(reader));
    }

    [Fact]
    public void EachReadFillsTheDestinationWithRowsFromSeveralBatches()
    {
        using IMatrixReader reader = Open(Grid(5, 7, 3));
        double[] buffer = new double[(4 * 3) + 2];

        Assert.Equal(new[] { 4, 4, 4, 3, 0 }, Enumerable.Range(0, 5).Select(_ => reader.Read(buffer)));
    }

    [Property(MaxTest = 30)]
    public void AnyBatchingAndReadSizeGivesTheSameRows(byte rowCount, byte batchRows, byte readRows)
    {
        int rows = 1 + (rowCount % 40);
        int perBatch = 1 + (batchRows % 9);
        int[] sizes = Enumerable.Range(0, (rows + perBatch - 1) / perBatch).Select(b => Math.Min(perBatch, rows - (b * perBatch))).ToArray();
        using IMatrixReader reader = Open(Grid(sizes));

        Assert.Equal(GridRows(rows), ReadAll(reader, 1 + (readRows % 11)));
    }

    [Fact]
    public void ReadsIntoFloats()
    {
        using IMatrixReader reader = Open(Grid(5, 7));

        Assert.Equal(GridRows(12).Select(r => r.Select(v => (float)v).ToArray()).ToArray(), ReadAllSingle(reader, 4));
    }

    [Theory]
    [InlineData("c,a", new[] { 2, 0 })]
    [InlineData("2,0-1", new[] { 2, 0, 1 })]
    [InlineData("b,b", new[] { 1, 1 })]
    public void SelectsColumnsByNameAndIndexInTheOrderGiven(string columns, int[] indices)
    {
        using IMatrixReader reader = Open(Grid(3, 4), columns);

        Assert.Equal(indices.Length, reader.Columns);
        Assert.Equal(GridRows(7).Select(r => indices.Select(i => r[i]).ToArray()).ToArray(), ReadAll(reader, 2));
    }

    [Fact]
    public void AnUnknownColumnNameListsTheColumns()
    {
        DataException error = Fails(Grid(2), "a,nope");

        Assert.StartsWith(FileName, error.Message);
        Assert.Contains("\"nope\"", error.Message);
        Assert.Contains("a, b, c", error.Message);
    }

    [Fact]
    public void AColumnIndexPastTheEndIsAnError() => Assert.Contains("out of range", Fails(Grid(2), "1-3").Message);

    [Fact]
    public void ATableWithoutRowsIsAnError()
    {
        Assert.Equal($"{FileName} has no rows.", Fails(Grid()).Message);
        Assert.Equal($"{FileName} has no rows.", Fails(Grid(0, 0)).Message);
    }

    [Fact]
    public void GarbageIsADataErrorNamingTheFile()
    {
        foreach (byte[] prefix in new[] { System.Array.Empty<byte>(), Magic })
        {
            byte[] garbage = prefix.Concat(Enumerable.Range(0, 4000).Select(i => (byte)((i * 7919) >> 3))).ToArray();
            using var stream = new MemoryStream(garbage);

            DataException error = Assert.Throws<DataException>(() =>
                Formats.OpenReader(stream, FileName, Formats.Detect(FileName, garbage), ColumnSelection.All).Dispose());

            Assert.StartsWith(FileName, error.Message);
        }
    }

    [Fact]
    public void ATruncatedFileIsADataError()
    {
        byte[] whole = Grid(50, 50);

        Assert.Contains("unreadable", Fails(whole[..(whole.Length * 2 / 3)]).Message);
        Assert.Contains("unreadable", Fails(whole[..^10]).Message);
    }

    [Fact]
    public void LeavesTheStreamOpen()
    {
        var stream = new MemoryStream(Grid(2));

        Open(stream, ColumnSelection.All).Dispose();

        Assert.True(stream.CanRead);
    }

    [Fact]
    public void ADestinationShorterThanARowIsAnArgumentError()
    {
        using IMatrixReader reader = Open(Grid(2));

        Assert.Throws<ArgumentException>(() => reader.Read(new double[2]));
    }

    /// <summary>A wide table (70,000 rows × 32 float64 columns, so more than one batch) read in the score command's
    /// chunks of 2^20 values: every row arrives once, in order, every value bit-exact (r * 0.001 + c). Read speed is
    /// measured by `kernels bench --io`, not here.</summary>
    [Fact]
    public void ReadsAWideTableInTheScoreCommandsChunks()
    {
        byte[] file = Wide(WideRows, WideColumns);
        double[] chunk = new double[(1 << 20) / WideColumns * WideColumns];
        using IMatrixReader reader = Open(new MemoryStream(file, writable: false), ColumnSelection.All);
        long row = 0;
        int n;
        while ((n = reader.Read(chunk)) > 0)
        {
            for (int i = 0; i < n; i++, row++)
            {
                for (int c = 0; c < WideColumns; c++)
                {
                    double expected = (row * 0.001) + c;
                    if (chunk[(i * WideColumns) + c] != expected)
                    {
                        Assert.Fail($"row {row}, column p{c}: read {chunk[(i * WideColumns) + c]:R}, expected {expected:R}");
                    }
                }
            }
        }

        Assert.Equal(WideRows, row);
    }

    /// <summary>The rows of <see cref="Grid"/>.</summary>
    internal static double[][] GridRows(int count) =>
        Enumerable.Range(0, count).Select(r => new[] { r + 0.25, r + 0.5, -2.0 * r }).ToArray();

    private protected IMatrixReader Open(byte[] bytes, string columns = "") =>
        Open(new MemoryStream(bytes), columns.Length == 0 ? ColumnSelection.All : ColumnSelections.Parse(columns));

    /// <summary>The error opening or reading the whole input.</summary>
    private protected DataException Fails(byte[] bytes, string columns = "") => Assert.Throws<DataException>(() =>
    {
        using IMatrixReader reader = Open(bytes, columns);
        ReadAll(reader);
    });
}
