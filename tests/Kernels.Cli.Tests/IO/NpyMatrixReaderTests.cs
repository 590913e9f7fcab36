using System;
using System.IO;
using System.Linq;
using Kernels.Cli.IO;
using Kernels.Cli.Npy;
using Xunit;
using static Kernels.Cli.Tests.IO.MatrixReading;

namespace Kernels.Cli.Tests.IO;

/// <summary>The NPY reader on files written byte by byte: versions 1–3, float32 and float64, 1-D and 2-D, column
/// selection, chunking, non-seekable input, and every header or payload it must refuse.</summary>
public sealed class NpyMatrixReaderTests
{
    private static NpyMatrixReader Open(byte[] file, string? columns = null) =>
        new(new MemoryStream(file), Source, columns is null ? ColumnSelection.All : ColumnSelections.Parse(columns));

    private static double[][] Read(byte[] file, string? columns = null, int rowsPerRead = 1000)
    {
        using NpyMatrixReader reader = Open(file, columns);
        return ReadAll(reader, rowsPerRead);
    }

    private static double[][] Grid(int rows, int columns) =>
        Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, columns).Select(c => (r * 100.0) + c).ToArray()).ToArray();

    private static DataException Refuse(byte[] file, string? columns = null) =>
        Assert.Throws<DataException>(() => Read(file, columns));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void EveryFormatVersionIsRead(byte major)
    {
        using NpyMatrixReader reader = Open(NpyBytes.Grid(4, 3, major));

        Assert.Equal(3, reader.Columns);
        Assert.Equal(4, reader.Rows);
        Assert.Equal(Grid(4, 3), ReadAll(reader));
    }

    [Fact]
    public void AVersion3HeaderIsUtf8()
    {
        string dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2), 'note': 'π≈3.14', }";

        Assert.Equal(new[] { new[] { 1.5, 2.5 } }, Read(NpyBytes.File(dict, NpyBytes.Doubles(new[] { 1.5, 2.5 }), major: 3)));
    }

    [Fact]
    public void HeaderSpellingsNumPyHasUsedAreAccepted()
    {
        byte[] data = NpyBytes.Doubles(new[] { 1.0, 2.0, 3.0, 4.0 });

        Assert.Equal(Grid(2, 2).Length, Read(NpyBytes.File("{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 2L), }", data)).Length);
        Assert.Equal(2, Read(NpyBytes.File("{\"shape\": (2,2), \"fortran_order\": False, \"descr\": \"<f8\"}", data)).Length);
    }

    [Fact]
    public void Float32IsWidenedExactlyAndReadAsFloatDirectly()
    {
        float[] values = { 0.1f, -2.5f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -0.0f, 3.4e38f, 1e-40f };
        byte[] file = NpyBytes.File(NpyBytes.Dict("<f4", "(3, 3)"), NpyBytes.Singles(values));

        AssertSameValues(values.Select(v => (double)v).ToArray(), Read(file).SelectMany(r => r).ToArray());
        AssertSameValues(values, ReadAllSingle(Open(file)).SelectMany(r => r).ToArray());
    }

    [Fact]
    public void Float64IsRoundedToNearestFloat()
    {
        double[] values = { 0.1, 1.0 / 3, 1e300, -1e-300, double.NaN, 1.0000000596046448 };
        byte[] file = NpyBytes.File(NpyBytes.Dict("<f8", "(2, 3)"), NpyBytes.Doubles(values));

        AssertSameValues(values.Select(v => (float)v).ToArray(), ReadAllSingle(Open(file)).SelectMany(r => r).ToArray());
    }

    [Fact]
    public void AVectorIsOneRow()
    {
        using NpyMatrixReader reader = Open(NpyBytes.File(NpyBytes.Dict("<f8", "(5,)"), NpyBytes.Doubles(new[] { 1.0, 2, 3, 4, 5 })));

        Assert.Equal(5, reader.Columns);
        Assert.Equal(new[] { new[] { 1.0, 2, 3, 4, 5 } }, ReadAll(reader));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(11)]
    public void ChunksHoldWholeRowsWhateverTheBufferSize(int rowsPerRead)
    {
        foreach (byte[] file in new[] { NpyBytes.Grid(10, 3), NpyBytes.File(NpyBytes.Dict("<f4", "(10, 3)"), NpyBytes.Singles(NpyBytes.GridValues(10, 3).Select(v => (float)v))) })
        {
            using NpyMatrixReader reader = Open(file);

            double[] values = ReadInFullChunks(reader, rowsPerRead, 10);

            Assert.Equal(NpyBytes.GridValues(10, 3), values);
        }
    }

    [Fact]
    public void ColumnsAreSelectedByIndexAndRangeInTheGivenOrder()
    {
        Assert.Equal(Grid(10, 5).Select(r => new[] { r[4], r[1], r[2], r[0] }), Read(NpyBytes.Grid(10, 5), "4,1-2,0", rowsPerRead: 3));

        byte[] singles = NpyBytes.File(NpyBytes.Dict("<f4", "(10, 5)"), NpyBytes.Singles(NpyBytes.GridValues(10, 5).Select(v => (float)v)));
        using NpyMatrixReader reader = Open(singles, "3");
        Assert.Equal(Enumerable.Range(0, 10).Select(r => new[] { (r * 100f) + 3 }), ReadAllSingle(reader, 4));
    }

    [Fact]
    public void LargeFilesCrossTheScratchBuffer()
    {
        // 300,000 floats is more than one 1 MB scratch piece both when widening every column and when gathering some.
        float[] values = Enumerable.Range(0, 300_000).Select(i => i * 0.5f).ToArray();
        byte[] file = NpyBytes.File(NpyBytes.Dict("<f4", "(50000, 6)"), NpyBytes.Singles(values));

        Assert.Equal(values.Select(v => (double)v), Read(file, rowsPerRead: 45_000).SelectMany(r => r));
        Assert.Equal(Enumerable.Range(0, 50_000).Select(r => (double)values[(r * 6) + 5]), Read(file, "5", rowsPerRead: 45_000).SelectMany(r => r));
    }

    [Fact]
    public void ANonSeekableStreamIsReadInSmallPieces()
    {
        using var stream = new NonSeekableStream(NpyBytes.Grid(200, 7)) { MaxRead = 13 };
        using var reader = new NpyMatrixReader(stream, "stdin", ColumnSelection.All);

        Assert.Equal(Grid(200, 7), ReadAll(reader, 9));
        Assert.False(stream.Disposed);
    }

    [Fact]
    public void ABufferSmallerThanARowIsAnArgumentError()
    {
        using NpyMatrixReader reader = Open(NpyBytes.Grid(2, 3));

        Assert.Throws<ArgumentException>(() => reader.Read(new double[2]));
    }

    [Fact]
    public void ANameIsRefusedForWantOfColumnNames() =>
        AssertMessage(Refuse(NpyBytes.Grid(2, 3), "p0"), "no column names", "(0-2)", "\"p0\"");

    [Fact]
    public void AnIndexBeyondTheColumnsIsRefused() =>
        AssertMessage(Refuse(NpyBytes.Grid(2, 3), "1-3"), "column range 1-3 is out of range", "3 columns");

    [Fact]
    public void ATruncatedSeekableFileIsRefusedWhenOpenedNamingTheRow()
    {
        byte[] file = NpyBytes.Grid(10, 3);
        byte[] cut = file[..^((5 * 24) + 4)];

        var error = Assert.Throws<DataException>(() => Open(cut));

        AssertMessage(error, "truncated", "10 rows", "row 4 (0-based) is missing or cut short", "only 4 complete rows");
    }

    [Fact]
    public void ATruncatedStreamIsRefusedWhenTheReadingGetsThere()
    {
        byte[] file = NpyBytes.Grid(10, 3);
        using var stream = new NonSeekableStream(file[..^((5 * 24) + 4)]);
        using var reader = new NpyMatrixReader(stream, Source, ColumnSelection.All);
        double[] buffer = new double[9];

        Assert.Equal(3, reader.Read(buffer));
        var error = Assert.Throws<DataException>(() => reader.Read(buffer));

        AssertMessage(error, "truncated", "row 4 (0-based) is missing or cut short", "only 4 complete rows");
    }

    [Theory]
    [InlineData(">f8", "'>f8' (big-endian float64)")]
    [InlineData(">f4", "'>f4' (big-endian float32)")]
    [InlineData("<i8", "'<i8' (little-endian int64)")]
    [InlineData("<i4", "'<i4' (little-endian int32)")]
    [InlineData("|u1", "'|u1' (uint8)")]
    [InlineData("|b1", "'|b1' (bool)")]
    [InlineData("<f2", "'<f2' (little-endian float16)")]
    [InlineData("<c16", "'<c16' (little-endian complex128)")]
    [InlineData("|O", "'|O' (Python objects)")]
    [InlineData("<U5", "'<U5' (little-endian unicode strings)")]
    [InlineData("|f4", "'|f4' (float32)")]
    public void OtherDtypesAreRefusedNamingWhatWasFoundAndWhatIsSupported(string descr, string found) =>
        AssertMessage(Refuse(NpyBytes.File(NpyBytes.Dict(descr, "(2, 2)"), new byte[64])), found, "not supported", "'<f4'", "'<f8'");

    [Fact]
    public void AStructuredDtypeIsRefused() =>
        AssertMessage(Refuse(NpyBytes.File("{'descr': [('a', '<f8'), ('b', '<f8')], 'fortran_order': False, 'shape': (2,), }", new byte[32])), "structured", "not supported");

    [Fact]
    public void FortranOrderIsRefused() =>
        AssertMessage(Refuse(NpyBytes.File(NpyBytes.Dict("<f8", "(2, 2)", fortran: true), new byte[32])), "Fortran", "C order");

    [Theory]
    [InlineData("(2, 2, 2)", "3 dimensions", "(2, 2, 2)")]
    [InlineData("()", "0 dimensions", "()")]
    public void OtherDimensionsAreRefused(string shape, string found, string shown) =>
        AssertMessage(Refuse(NpyBytes.File(NpyBytes.Dict("<f8", shape), new byte[64])), found, shown, "(rows, columns)");

    [Theory]
    [InlineData("(0, 3)")]
    [InlineData("(3, 0)")]
    [InlineData("(0,)")]
    public void AnEmptyArrayHasNoRows(string shape) =>
        AssertMessage(Refuse(NpyBytes.File(NpyBytes.Dict("<f8", shape), Array.Empty<byte>())), "has no rows", shape);

    [Fact]
    public void ATooLargeShapeIsRefused() =>
        AssertMessage(Refuse(NpyBytes.File(NpyBytes.Dict("<f8", "(9223372036854775807, 2)"), Array.Empty<byte>())), "too large");

    [Theory]
    [InlineData("not an npy file", "not an NPY file")]
    [InlineData("\u0093NUMPY", "not an NPY file")]
    public void AFileWithoutTheMagicIsRefused(string text, string expected) =>
        AssertMessage(Refuse(Utf8(text)), expected);

    [Fact]
    public void AnUnknownVersionIsRefused()
    {
        byte[] file = NpyBytes.Grid(1, 1);
        file[6] = 4;

        AssertMessage(Refuse(file), "version 4.0 is not supported", "1.0, 2.0 and 3.0");
    }

    [Fact]
    public void ATruncatedHeaderIsRefused()
    {
        byte[] file = NpyBytes.Grid(1, 1);

        AssertMessage(Refuse(file[..9]), "truncated inside the NPY preamble");
        AssertMessage(Refuse(file[..40]), "truncated inside the NPY header");
    }

    [Theory]
    [InlineData("{'descr': '<f8', 'fortran_order': False}", "no 'shape'")]
    [InlineData("{'descr': '<f8', 'shape': (1,)}", "no 'fortran_order'")]
    [InlineData("{'descr': '<f8', 'fortran_order': 0, 'shape': (1,)}", "'fortran_order' is not True or False")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': [1]}", "'shape' is not a tuple")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}", "'shape' is not a tuple")]
    [InlineData("{'descr': 8, 'fortran_order': False, 'shape': (1,)}", "'descr' is not a string")]
    [InlineData("['descr']", "not a dict")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (1,)", "not a Python dict literal")]
    [InlineData("{'descr': '<f8' 'fortran_order': False}", "not a Python dict literal")]
    [InlineData("{'descr': '<f8', 'fortran_order': Maybe, 'shape': (1,)}", "not a Python dict literal")]
    public void AMalformedHeaderIsRefused(string dict, string expected) =>
        AssertMessage(Refuse(NpyBytes.File(dict, new byte[8])), expected);

    [Theory]
    [InlineData("logits.npy", 5000, 10)]
    [InlineData("histograms.npy", 90, 32)]
    public void TheSampleDataReads(string name, int rows, int columns)
    {
        string path = SampleData(name);
        using FileStream stream = File.OpenRead(path);
        using var reader = new NpyMatrixReader(stream, path, ColumnSelection.All);

        Assert.Equal(columns, reader.Columns);
        double[][] values = ReadAll(reader, 777);
        Assert.Equal(rows, values.Length);
        Assert.All(values.SelectMany(r => r), v => Assert.True(double.IsFinite(v)));
    }

    private static string SampleData(string name)
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string path = Path.Combine(folder.FullName, "src", "Kernels.Cli", "Data", name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"src/Kernels.Cli/Data/{name} not found above {AppContext.BaseDirectory}.");
    }
}
