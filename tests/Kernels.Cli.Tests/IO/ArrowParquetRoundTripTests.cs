using System;
using System.IO;
using System.Linq;
using FsCheck.Xunit;
using Kernels.Cli.IO;
using Xunit;
using static Kernels.Cli.Tests.IO.MatrixReading;

namespace Kernels.Cli.Tests.IO;

/// <summary>Scores written by the Arrow and Parquet writers and read back by the readers of the same format, bit for
/// bit (rounded to float when written as float32), to files and to pipes.</summary>
public sealed class ArrowParquetRoundTripTests
{
    /// <summary>The bytes the writer for <paramref name="format"/> produces for the scores, written in chunks of
    /// <paramref name="chunk"/>, to a seekable stream (a file) or not (a pipe).</summary>
    internal static byte[] WriteScores(DataFormat format, double[] scores, bool single, bool seekable, string name = "score", int chunk = 1000)
    {
        var file = new MemoryStream();
        var pipe = new NonSeekableStream();
        Stream stream = seekable ? file : pipe;
        using (IScoreWriter writer = Formats.CreateWriter(stream, format, single, name))
        {
            for (int start = 0; start < scores.Length; start += chunk)
            {
                writer.Write(scores.AsSpan(start, Math.Min(chunk, scores.Length - start)));
            }

            writer.Complete();
        }

        Assert.False(pipe.Disposed);
        return seekable ? file.ToArray() : pipe.Written;
    }

    [Property(Arbitrary = new[] { typeof(ScoreArbitraries) }, MaxTest = 60)]
    public void ScoresRoundTrip(double[] scores, bool parquet, bool single, bool seekable, byte chunk)
    {
        DataFormat format = parquet ? DataFormat.Parquet : DataFormat.Arrow;
        byte[] bytes = WriteScores(format, scores, single, seekable, chunk: 1 + (chunk % 17));
        using var stream = new MemoryStream(bytes);
        Assert.Equal(format, Formats.Detect(null, bytes));

        if (scores.Length == 0)
        {
            Assert.Equal($"{Source} has no rows.", Assert.Throws<DataException>(() => Formats.OpenReader(stream, Source, format, ColumnSelection.All)).Message);
            return;
        }

        using IMatrixReader reader = Formats.OpenReader(stream, Source, format, ColumnSelection.All);
        double[] expected = single ? scores.Select(s => (double)(float)s).ToArray() : scores;
        AssertSameValues(expected, ReadAll(reader, 7).Select(row => Assert.Single(row)).ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SpecialValuesRoundTripAsFloatsBitForBit(bool parquet)
    {
        DataFormat format = parquet ? DataFormat.Parquet : DataFormat.Arrow;
        float[] specials = { float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, float.Epsilon, float.MaxValue, 0.1f };
        byte[] bytes = WriteScores(format, specials.Select(s => (double)s).ToArray(), single: true, seekable: false);
        using IMatrixReader reader = Formats.OpenReader(new MemoryStream(bytes), Source, format, ColumnSelection.All);

        AssertSameValues(specials, ReadAllSingle(reader).Select(row => Assert.Single(row)).ToArray());
    }
}
