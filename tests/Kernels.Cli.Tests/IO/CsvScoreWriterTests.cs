using System;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kernels.Cli.Csv;
using Kernels.Cli.IO;
using Xunit;
using static Kernels.Cli.Tests.IO.MatrixReading;

namespace Kernels.Cli.Tests.IO;

/// <summary>Doubles for round trips: FsCheck's own (NaN and ±∞ included), arbitrary bit patterns (subnormals, huge
/// exponents, NaN payloads) and the edge values by name.</summary>
public static class ScoreArbitraries
{
    private static readonly Gen<double> AnyBits =
        Gen.Choose(int.MinValue, int.MaxValue).SelectMany(high => Gen.Choose(int.MinValue, int.MaxValue), (high, low) => BitConverter.Int64BitsToDouble(((long)high << 32) | (uint)low));

    private static readonly Gen<double> Subnormals = Gen.Choose(1, int.MaxValue).Select(bits => BitConverter.Int64BitsToDouble(bits) * (bits % 2 == 0 ? 1 : -1));

    private static readonly Gen<double> Edges = Gen.Elements(
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue,
        2.2250738585072009E-308, 2.2250738585072014E-308, 0.1, 1.0 / 3, float.Epsilon, float.MaxValue);

    public static Arbitrary<double[]> Scores() =>
        Arb.From(Gen.ArrayOf(Gen.Frequency((3, ArbMap.Default.GeneratorFor<double>()), (3, AnyBits), (1, Subnormals), (1, Edges))));
}

/// <summary>The CSV score writer: its exact text, the special values, buffering, and round trips through the reader.</summary>
public sealed class CsvScoreWriterTests
{
    private static string Write(bool single, string name, params double[] scores)
    {
        using var stream = new MemoryStream();
        using (var writer = new CsvScoreWriter(stream, single, name))
        {
            writer.Write(scores);
            writer.Complete();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static double[] RoundTrip(double[] scores, bool single)
    {
        using var stream = new NonSeekableStream();
        var writer = new CsvScoreWriter(stream, single, "score");
        writer.Write(scores.AsSpan(0, scores.Length / 2));
        writer.Write(scores.AsSpan(scores.Length / 2));
        writer.Complete();

        using var reader = new CsvMatrixReader(new MemoryStream(stream.Written), Source, ColumnSelection.All);
        Assert.Equal(new[] { "score" }, reader.Names);
        return ReadAll(reader, 7).Select(row => Assert.Single(row)).ToArray();
    }

    [Fact]
    public void AHeaderThenOneRoundTripScorePerLine() =>
        Assert.Equal("kl\n0.1\n-2.5\n1E-310\n1.7976931348623157E+308\n-0\n", Write(false, "kl", 0.1, -2.5, 1e-310, double.MaxValue, -0.0));

    [Fact]
    public void SpecialValuesAreSpelledAsDotNetInvariant() =>
        Assert.Equal("h\nNaN\nInfinity\n-Infinity\n", Write(false, "h", double.NaN, double.PositiveInfinity, double.NegativeInfinity));

    [Fact]
    public void SinglePrecisionWritesTheShortestFloat() =>
        Assert.Equal("h\n0.1\n0.33333334\nInfinity\n1E-45\n", Write(true, "h", 0.1, 1.0 / 3, 1e300, 1.4e-45));

    [Fact]
    public void ANameThatNeedsQuotesIsQuoted() =>
        Assert.Equal("\"a,\"\"b\"\"\"\n1\n", Write(false, "a,\"b\"", 1.0));

    [Fact]
    public void NoScoresIsJustTheHeader() =>
        Assert.Equal("h\n", Write(false, "h"));

    [Fact]
    public void ScoresAreBufferedUntilCompleteAndTheStreamStaysOpen()
    {
        using var stream = new NonSeekableStream();
        var writer = new CsvScoreWriter(stream, false, "h");
        writer.Write(new[] { 1.0, 2.0 });
        Assert.Empty(stream.Written);

        writer.Complete();
        writer.Dispose();

        Assert.Equal("h\n1\n2\n", Encoding.UTF8.GetString(stream.Written));
        Assert.False(stream.Disposed);
        Assert.Throws<InvalidOperationException>(() => writer.Write(new[] { 3.0 }));
    }

    [Fact]
    public void ManyScoresCrossTheBufferAndComeBackExactly()
    {
        var random = new Random(3);
        double[] scores = Enumerable.Range(0, 20_000).Select(_ => -Math.Log(random.NextDouble())).ToArray();

        AssertSameValues(scores, RoundTrip(scores, single: false));
    }

    [Property(Arbitrary = new[] { typeof(ScoreArbitraries) }, MaxTest = 200)]
    public void DoublesRoundTripBitForBit(double[] scores)
    {
        if (scores.Length == 0)
        {
            Assert.Throws<DataException>(() => RoundTrip(scores, single: false));
            return;
        }

        AssertSameValues(scores, RoundTrip(scores, single: false));
    }

    [Property(Arbitrary = new[] { typeof(ScoreArbitraries) }, MaxTest = 100)]
    public void FloatsRoundTripBitForBit(double[] scores)
    {
        if (scores.Length == 0)
        {
            return;
        }

        using var stream = new MemoryStream();
        var writer = new CsvScoreWriter(stream, true, "score");
        writer.Write(scores);
        writer.Complete();
        stream.Position = 0;
        using var reader = new CsvMatrixReader(stream, Source, ColumnSelection.All);

        float[] actual = ReadAllSingle(reader).Select(row => Assert.Single(row)).ToArray();

        AssertSameValues(scores.Select(s => (float)s).ToArray(), actual);
    }
}
