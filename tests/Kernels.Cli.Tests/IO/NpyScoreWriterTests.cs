using System;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck.Xunit;
using Kernels.Cli.IO;
using Kernels.Cli.Npy;
using Xunit;
using static Kernels.Cli.Tests.IO.MatrixReading;

namespace Kernels.Cli.Tests.IO;

/// <summary>The NPY score writer: the header NumPy expects, seekable (patched) and non-seekable (buffered) output,
/// float32 and float64, and round trips through the reader.</summary>
public sealed class NpyScoreWriterTests
{
    private static byte[] Write(Stream stream, bool single, params double[][] chunks)
    {
        using (var writer = new NpyScoreWriter(stream, single))
        {
            foreach (double[] chunk in chunks)
            {
                writer.Write(chunk);
            }

            writer.Complete();
        }

        return stream is NonSeekableStream pipe ? pipe.Written : ((MemoryStream)stream).ToArray();
    }

    private static string HeaderText(byte[] file)
    {
        int length = BitConverter.ToUInt16(file, 8);
        return Encoding.Latin1.GetString(file, 10, length);
    }

    private static double[] ReadBack(byte[] file)
    {
        using var reader = new NpyMatrixReader(new MemoryStream(file), Source, ColumnSelection.All);
        double[][] rows = ReadAll(reader, 1);
        return Assert.Single(rows);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheHeaderIsVersion1PaddedTo64BytesWithTheLength(bool seekable)
    {
        byte[] file = Write(seekable ? new MemoryStream() : new NonSeekableStream(), false, new[] { 1.0, 2.0 }, new[] { 3.0 });

        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, file[..8]);
        string header = HeaderText(file);
        int dataStart = 10 + header.Length;
        Assert.Equal(0, dataStart % 64);
        Assert.EndsWith("\n", header, StringComparison.Ordinal);
        Assert.StartsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", header, StringComparison.Ordinal);
        Assert.Equal(NpyBytes.Doubles(new[] { 1.0, 2.0, 3.0 }), file[dataStart..]);
    }

    [Fact]
    public void SinglePrecisionIsFloat32()
    {
        byte[] file = Write(new MemoryStream(), true, new[] { 0.1, 1e300, double.NaN });

        Assert.Contains("'descr': '<f4'", HeaderText(file), StringComparison.Ordinal);
        using var reader = new NpyMatrixReader(new MemoryStream(file), Source, ColumnSelection.All);
        AssertSameValues(new[] { 0.1f, float.PositiveInfinity, float.NaN }, Assert.Single(ReadAllSingle(reader)));
    }

    [Fact]
    public void ASeekableStreamIsPatchedInPlaceAfterWhateverPrecedesTheWriter()
    {
        var stream = new MemoryStream();
        stream.Write(new byte[] { 1, 2, 3 });
        byte[] file = Write(stream, false, new[] { 4.0, 5.0 });

        Assert.Equal(new byte[] { 1, 2, 3 }, file[..3]);
        Assert.Equal(new[] { 4.0, 5.0 }, ReadBack(file[3..]));
        Assert.Equal(file.Length, stream.Position);
    }

    [Fact]
    public void AnUnfinishedSeekableFileIsNotAValidNpy()
    {
        var stream = new MemoryStream();
        using (var writer = new NpyScoreWriter(stream, false))
        {
            writer.Write(new[] { 1.0, 2.0 });
        }

        var error = Assert.Throws<DataException>(() => ReadBack(stream.ToArray()));
        Assert.Contains("not an NPY file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANonSeekableStreamGetsNothingBeforeComplete()
    {
        using var stream = new NonSeekableStream();
        var writer = new NpyScoreWriter(stream, false);
        writer.Write(new[] { 1.0, 2.0 });
        Assert.Empty(stream.Written);

        writer.Complete();
        writer.Dispose();

        Assert.Equal(new[] { 1.0, 2.0 }, ReadBack(stream.Written));
        Assert.False(stream.Disposed);
        Assert.Throws<InvalidOperationException>(() => writer.Write(new[] { 3.0 }));
    }

    [Fact]
    public void NoScoresIsAnEmptyVector()
    {
        byte[] file = Write(new NonSeekableStream(), false);

        Assert.Contains("'shape': (0,)", HeaderText(file), StringComparison.Ordinal);
        Assert.Equal(10 + HeaderText(file).Length, file.Length);
        Assert.Equal(0, file.Length % 64);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public void ManyScoresCrossTheMemoryBlocks(bool seekable, bool single)
    {
        double[] scores = Enumerable.Range(0, 300_001).Select(i => i * 0.25).ToArray();
        double[][] chunks = scores.Chunk(65_537).ToArray();

        byte[] file = Write(seekable ? new MemoryStream() : new NonSeekableStream(), single, chunks);

        Assert.Equal(scores, ReadBack(file));
    }

    [Property(Arbitrary = new[] { typeof(ScoreArbitraries) }, MaxTest = 200)]
    public void DoublesRoundTripBitForBit(double[] scores)
    {
        foreach (bool seekable in new[] { true, false })
        {
            byte[] file = Write(seekable ? new MemoryStream() : new NonSeekableStream(), false, scores[..(scores.Length / 3)], scores[(scores.Length / 3)..]);
            if (scores.Length == 0)
            {
                Assert.Throws<DataException>(() => ReadBack(file));
                continue;
            }

            AssertSameValues(scores, ReadBack(file));
        }
    }

    [Property(Arbitrary = new[] { typeof(ScoreArbitraries) }, MaxTest = 100)]
    public void FloatsRoundTripBitForBit(double[] scores)
    {
        if (scores.Length == 0)
        {
            return;
        }

        byte[] file = Write(new NonSeekableStream(), true, scores);
        using var reader = new NpyMatrixReader(new MemoryStream(file), Source, ColumnSelection.All);

        AssertSameValues(scores.Select(s => (float)s).ToArray(), Assert.Single(ReadAllSingle(reader)));
    }
}
