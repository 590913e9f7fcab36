using System;
using System.IO;
using System.Linq;
using System.Text;
using Kernels.Cli.Csv;
using Kernels.Cli.IO;
using Xunit;
using static Kernels.Cli.Tests.IO.MatrixReading;

namespace Kernels.Cli.Tests.IO;

/// <summary>The CSV reader: header detection, separators, column selection, chunking, non-seekable input, the values
/// it must pass through (NaN, ±∞, negatives) and every malformed input it must refuse with line, column and text.</summary>
public sealed class CsvMatrixReaderTests
{
    private static CsvMatrixReader Open(string text, ColumnSelection? columns = null, bool? hasHeader = null) =>
        new(new MemoryStream(Utf8(text)), Source, columns ?? ColumnSelection.All, hasHeader);

    private static double[][] Read(string text, string? columns = null) =>
        ReadAll(Open(text, columns is null ? null : ColumnSelections.Parse(columns)));

    private static DataException Refuse(string text, string? columns = null) =>
        Assert.Throws<DataException>(() => Read(text, columns));

    [Fact]
    public void AFirstRowWithANameIsAHeader()
    {
        using CsvMatrixReader reader = Open("p0,p1\n0.5,0.25\n1,2\n");

        Assert.Equal(new[] { "p0", "p1" }, reader.Names);
        Assert.Equal(2, reader.Columns);
        Assert.Equal(new[] { new[] { 0.5, 0.25 }, new[] { 1.0, 2.0 } }, ReadAll(reader));
    }

    [Fact]
    public void AFirstRowOfNumbersIsData()
    {
        using CsvMatrixReader reader = Open("0.5,0.25\n1,2");

        Assert.Null(reader.Names);
        Assert.Equal(new[] { new[] { 0.5, 0.25 }, new[] { 1.0, 2.0 } }, ReadAll(reader));
    }

    [Fact]
    public void AFirstRowMixingNamesAndNumbersIsRefusedUnlessTheCallerSays()
    {
        // It may be a data row with a typo: detected as a header it would be dropped without a word.
        DataException error = Assert.Throws<DataException>(() => Open("id,1,2\n3,4,5\n"));
        Assert.Contains("line 1", error.Message);
        Assert.Contains("'id'", error.Message);

        using CsvMatrixReader reader = Open("id,1,2\n3,4,5\n", hasHeader: true);
        Assert.Equal(new[] { "id", "1", "2" }, reader.Names);
        Assert.Single(ReadAll(reader));
    }

    [Fact]
    public void SpecialValuesInTheFirstRowAreNumbersNotAHeader()
    {
        using CsvMatrixReader reader = Open("nan,inf,-Infinity\n1,2,3\n");

        Assert.Null(reader.Names);
        Assert.Equal(2, ReadAll(reader).Length);
    }

    [Fact]
    public void TheCallerCanOverrideHeaderDetection()
    {
        using CsvMatrixReader header = Open("1,2\n3,4\n", hasHeader: true);
        Assert.Equal(new[] { "1", "2" }, header.Names);
        Assert.Equal(new[] { new[] { 3.0, 4.0 } }, ReadAll(header));

        var error = Assert.Throws<DataException>(() => ReadAll(Open("a,b\n3,4\n", hasHeader: false)));
        AssertMessage(error, "line 1, column 0", "\"a\"");
    }

    [Fact]
    public void NaNInfinitiesAndNegativesAreValuesInAnyCase()
    {
        double[][] rows = Read("a,b,c\nnan,NaN,NAN\ninf,-inf,+inf\nInfinity,-Infinity,INF\n-1.5,-0,1e-320\n\"-inf\",\" nan \",\"2.5\"\n");

        double inf = double.PositiveInfinity;
        AssertSameValues(new[] { double.NaN, double.NaN, double.NaN }, rows[0]);
        AssertSameValues(new[] { inf, -inf, inf }, rows[1]);
        AssertSameValues(new[] { inf, -inf, inf }, rows[2]);
        AssertSameValues(new[] { -1.5, -0.0, 1e-320 }, rows[3]);
        AssertSameValues(new[] { -inf, double.NaN, 2.5 }, rows[4]);
    }

    [Theory]
    [InlineData("a\tb\n1.5\t2\n3\t4\n")]
    [InlineData("a;b\n1.5;2\n3;4\n")]
    [InlineData("a|b\n1.5|2\n3|4\n")]
    [InlineData("a,b\r\n1.5,2\r\n3,4\r\n")]
    [InlineData("\"a\",\"b\"\n1.5,2\n3,4")]
    [InlineData("\uFEFFa,b\n1.5,2\n3,4\n")]
    [InlineData("a, b\n1.5, 2\n3 ,4\n")]
    public void SeparatorsLineEndsQuotesAndByteOrderMarksAreHandled(string text)
    {
        using CsvMatrixReader reader = Open(text);

        Assert.Equal(new[] { "a", "b" }, reader.Names);
        Assert.Equal(new[] { new[] { 1.5, 2.0 }, new[] { 3.0, 4.0 } }, ReadAll(reader));
    }

    [Fact]
    public void ASingleColumnWithoutSeparatorsIsRead() =>
        Assert.Equal(new[] { new[] { 0.5 }, new[] { 0.25 } }, Read("kl\n0.5\n0.25\n"));

    [Fact]
    public void ColumnsAreSelectedByNameIndexAndRangeInTheGivenOrder()
    {
        const string Text = "a,b,c,d\n0,1,2,3\n10,11,12,13\n";

        Assert.Equal(new[] { new[] { 3.0, 0.0 }, new[] { 13.0, 10.0 } }, Read(Text, "d,a"));
        Assert.Equal(new[] { new[] { 2.0 }, new[] { 12.0 } }, Read(Text, "2"));
        Assert.Equal(new[] { new[] { 1.0, 2.0, 3.0, 1.0 }, new[] { 11.0, 12.0, 13.0, 11.0 } }, Read(Text, "1-3,b"));
        Assert.Equal(new[] { new[] { 1.0, 3.0 } }, Read("0,1,2,3\n", "1,3"));
    }

    [Fact]
    public void SelectedColumnsAreStillCheckedForRaggedRows() =>
        AssertMessage(Refuse("a,b,c\n1,2,3\n4,5\n", "a"), "line 3", "2 fields", "expected 3");

    [Fact]
    public void AnUnknownNameListsTheColumns() =>
        AssertMessage(Refuse("p0,p1,p2\n1,2,3\n", "p3"), "no column named \"p3\"", "p0, p1, p2");

    [Fact]
    public void ANameNeedsAHeader() =>
        AssertMessage(Refuse("1,2,3\n", "p0"), "has no header row", "(0-2)");

    [Fact]
    public void AnIndexBeyondTheColumnsIsRefused() =>
        AssertMessage(Refuse("a,b\n1,2\n", "2"), "column 2 is out of range", "2 columns");

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(11)]
    public void ChunksHoldWholeRowsWhateverTheBufferSize(int rowsPerRead)
    {
        string text = "x,y,z\n" + string.Concat(Enumerable.Range(0, 10).Select(r => $"{r},{r + 0.5},{-r}\n"));
        using CsvMatrixReader reader = Open(text);

        double[] values = ReadInFullChunks(reader, rowsPerRead, 10);

        Assert.Equal(Enumerable.Range(0, 10).SelectMany(r => new[] { r, r + 0.5, -r }), values);
    }

    [Fact]
    public void ABufferSmallerThanARowIsAnArgumentError()
    {
        using CsvMatrixReader reader = Open("1,2,3\n");

        Assert.Throws<ArgumentException>(() => reader.Read(new double[2]));
        Assert.Equal(0, reader.Read(Span<double>.Empty));
    }

    [Fact]
    public void ANonSeekableStreamIsReadInSmallPieces()
    {
        string text = "a,b\n" + string.Concat(Enumerable.Range(0, 5000).Select(r => $"{r}.5,{-r}\n"));
        using var stream = new NonSeekableStream(Utf8(text)) { MaxRead = 7 };
        using var reader = new CsvMatrixReader(stream, "stdin", ColumnSelection.All);

        double[][] rows = ReadAll(reader, 333);

        Assert.Equal(5000, rows.Length);
        Assert.Equal(new[] { 4999.5, -4999.0 }, rows[^1]);
    }

    [Fact]
    public void DisposingLeavesTheStreamOpen()
    {
        using var stream = new NonSeekableStream(Utf8("1,2\n"));
        new CsvMatrixReader(stream, Source, ColumnSelection.All).Dispose();

        Assert.False(stream.Disposed);
    }

    [Fact]
    public void FloatsAreParsedAsFloatsNotRoundedTwice()
    {
        // 1.00000005960464477539 lies just above the midpoint of 1 and 1 + 2^-23: rounding through double lands on the
        // midpoint and ties to 1, a correctly rounded float parse goes up.
        using CsvMatrixReader reader = Open("0.1,1.000000059604644775390625000001,-inf,3e38,1e39\n");

        float[][] rows = ReadAllSingle(reader);

        AssertSameValues(new[] { 0.1f, 1.0000001f, float.NegativeInfinity, 3e38f, float.PositiveInfinity }, rows[0]);
    }

    [Theory]
    [InlineData("a,b\n0.1,0.2\n0.3,0.2x\n", "line 3, column 1 (b)", "\"0.2x\"")]
    [InlineData("0.1,0.2\n0.3,abc\n", "line 2, column 1:", "\"abc\"")]
    [InlineData("a,b\n0.1,0x10\n", "line 2, column 1 (b)", "\"0x10\"")]
    [InlineData("a,b\n0.1,1e\n", "line 2, column 1 (b)", "\"1e\"")]
    [InlineData("a;b\n0,5;1\n", "line 2, column 0 (a)", "\"0,5\"")]
    [InlineData("a\tb\n1,000\t1\n", "line 2, column 0 (a)", "\"1,000\"")]
    [InlineData("a,b\n\"1,5\",1\n", "line 2, column 0 (a)", "\"\"1,5\"\"")]
    [InlineData("\"a\nA\",b\n1,2\n3,z\n", "line 4, column 1 (b)", "\"z\"")]
    public void AMalformedNumberNamesTheLineTheColumnAndTheText(string text, string where, string shown) =>
        AssertMessage(Refuse(text), where, shown, "is not a number");

    [Fact]
    public void LongTextIsShortenedInTheMessage()
    {
        DataException error = Refuse("a\n" + new string('x', 500) + "\n");

        AssertMessage(error, "line 2, column 0 (a)", new string('x', 40) + "…");
        Assert.DoesNotContain(new string('x', 41), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b\n1,\n")]
    [InlineData("a,b\n1,  \n")]
    public void AnEmptyFieldIsNotAMissingValue(string text) =>
        AssertMessage(Refuse(text), "line 2, column 1 (b)", "empty field", "NaN");

    [Theory]
    [InlineData("a,b\n1,2\n3,4,5\n", "line 3", "3 fields", "expected 2")]
    [InlineData("1,2,3\n4,5\n", "line 2", "2 fields", "expected 3")]
    [InlineData("a,b\n1\n", "line 2", "1 field,", "expected 2")]
    public void ARaggedRowNamesTheLineAndBothCounts(string text, string line, string actual, string expected) =>
        AssertMessage(Refuse(text), line, actual, expected);

    [Theory]
    [InlineData("a,b\n1,2\n\n3,4\n", "line 3 is blank", "expected 2 fields")]
    [InlineData("x\n1\n\n2\n", "line 3 is blank", "expected 1 field ")]
    [InlineData("\na,b\n1,2\n", "line 1 is blank", "")]
    public void ABlankLineBeforeMoreRowsIsRefused(string text, string line, string expected) =>
        AssertMessage(Refuse(text), line, expected);

    [Theory]
    [InlineData("a,b\n1,2\n\n\n")]
    [InlineData("a,b\r\n1,2\r\n\r\n")]
    public void BlankLinesAtTheEndAreIgnored(string text) =>
        Assert.Equal(new[] { new[] { 1.0, 2.0 } }, Read(text));

    [Theory]
    [InlineData("", "has no rows")]
    [InlineData("\n\n", "has no rows")]
    [InlineData("a,b\n", "has a header but no rows")]
    [InlineData("a,b\n\n", "has a header but no rows")]
    public void AFileWithoutDataRowsIsRefusedWhenOpened(string text, string expected)
    {
        var error = Assert.Throws<DataException>(() => Open(text));

        AssertMessage(error, expected);
    }

    [Fact]
    public void ARealFileWithManyRowsRoundTripsEveryDigit()
    {
        var random = new Random(7);
        double[][] expected = Enumerable.Range(0, 2000).Select(_ => Enumerable.Range(0, 9).Select(_ => (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-30, 30))).ToArray()).ToArray();
        var text = new StringBuilder("c0,c1,c2,c3,c4,c5,c6,c7,c8\n");
        foreach (double[] row in expected)
        {
            text.AppendJoin(',', row.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))).Append('\n');
        }

        double[][] actual = Read(text.ToString());

        Assert.Equal(expected.Length, actual.Length);
        for (int r = 0; r < expected.Length; r++)
        {
            AssertSameValues(expected[r], actual[r]);
        }
    }
}
