using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Kernels.Cli.IO;
using Kernels.Cli.Npy;
using Xunit;

namespace Kernels.Cli.Tests.IO;

/// <summary>A read-only or write-only stream that cannot seek, like stdin and stdout, over a MemoryStream. Reads
/// return at most <see cref="MaxRead"/> bytes at a time, as pipes do.</summary>
internal sealed class NonSeekableStream : Stream
{
    private readonly MemoryStream _inner;

    public NonSeekableStream(byte[] bytes) => _inner = new MemoryStream(bytes, writable: false);

    public NonSeekableStream() => _inner = new MemoryStream();

    public int MaxRead { get; init; } = 1000;

    public bool Disposed { get; private set; }

    public override bool CanRead => _inner.CanRead && !_inner.CanWrite;

    public override bool CanSeek => false;

    public override bool CanWrite => _inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public byte[] Written => _inner.ToArray();

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, MaxRead));

    public override int Read(Span<byte> buffer) => _inner.Read(buffer[..Math.Min(buffer.Length, MaxRead)]);

    public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _inner.Write(buffer);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}

/// <summary>Helpers shared by the CSV and NPY reader and writer tests.</summary>
internal static class MatrixReading
{
    public const string Source = "input.dat";

    /// <summary>Every row, read <paramref name="rowsPerRead"/> at a time (with a few spare values in the buffer, so
    /// that chunks do not end on a multiple of the row length), checking each read's count.</summary>
    public static double[][] ReadAll(IMatrixReader reader, int rowsPerRead = 1000)
    {
        var rows = new List<double[]>();
        double[] buffer = new double[(rowsPerRead * reader.Columns) + reader.Columns - 1];
        int n;
        while ((n = reader.Read(buffer)) > 0)
        {
            Assert.InRange(n, 1, rowsPerRead);
            for (int r = 0; r < n; r++)
            {
                rows.Add(buffer.AsSpan(r * reader.Columns, reader.Columns).ToArray());
            }
        }

        Assert.Equal(0, reader.Read(buffer));
        return rows.ToArray();
    }

    /// <summary>Reads everything through a buffer of <paramref name="rowsPerRead"/> rows and two spare values, asserting
    /// that every read but the last fills the buffer with whole rows and that <paramref name="rows"/> rows come in all;
    /// returns the values row-major.</summary>
    public static double[] ReadInFullChunks(IMatrixReader reader, int rowsPerRead, int rows)
    {
        double[] buffer = new double[(rowsPerRead * reader.Columns) + 2];
        var counts = new List<int>();
        var values = new List<double>();
        int n;
        while ((n = reader.Read(buffer)) > 0)
        {
            counts.Add(n);
            values.AddRange(buffer.AsSpan(0, n * reader.Columns).ToArray());
        }

        Assert.All(counts.SkipLast(1), count => Assert.Equal(rowsPerRead, count));
        Assert.Equal(rows, counts.Sum());
        Assert.Equal(0, reader.Read(buffer));
        return values.ToArray();
    }

    /// <summary>Asserts that the message names <see cref="Source"/> and holds every part.</summary>
    public static void AssertMessage(DataException error, params string[] parts)
    {
        Assert.Contains(Source, error.Message, StringComparison.Ordinal);
        foreach (string part in parts)
        {
            Assert.Contains(part, error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>As <see cref="ReadAll"/>, into floats.</summary>
    public static float[][] ReadAllSingle(IMatrixReader reader, int rowsPerRead = 1000)
    {
        var rows = new List<float[]>();
        float[] buffer = new float[rowsPerRead * reader.Columns];
        int n;
        while ((n = reader.Read(buffer)) > 0)
        {
            for (int r = 0; r < n; r++)
            {
                rows.Add(buffer.AsSpan(r * reader.Columns, reader.Columns).ToArray());
            }
        }

        return rows.ToArray();
    }

    /// <summary>Bit-for-bit equality, except that every NaN equals every NaN.</summary>
    public static bool SameValue(double expected, double actual) =>
        double.IsNaN(expected) ? double.IsNaN(actual) : BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual);

    /// <summary>Bit-for-bit equality of floats, except that every NaN equals every NaN.</summary>
    public static bool SameValue(float expected, float actual) =>
        float.IsNaN(expected) ? float.IsNaN(actual) : BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual);

    public static void AssertSameValues(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(SameValue(expected[i], actual[i]), $"[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    public static void AssertSameValues(IReadOnlyList<float> expected, IReadOnlyList<float> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(SameValue(expected[i], actual[i]), $"[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

/// <summary>NPY files for the reader tests, any dict in any format version (well-formed or not), through the tool's one
/// header writer, whose bytes <see cref="NpyHeaderTests"/> checks against NumPy's layout.</summary>
internal static class NpyBytes
{
    /// <summary>The NPY preamble and header for <paramref name="dict"/> in format <paramref name="major"/>.0, padded
    /// with spaces to a multiple of 64 and ended by '\n', followed by <paramref name="data"/>.</summary>
    public static byte[] File(string dict, byte[] data, byte major = 1) => [.. NpyHeader.Encode(dict, major), .. data];

    public static string Dict(string descr, string shape, bool fortran = false) =>
        $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': {shape}, }}";

    public static byte[] Doubles(IEnumerable<double> values) => values.SelectMany(BitConverter.GetBytes).ToArray();

    public static byte[] Singles(IEnumerable<float> values) => values.SelectMany(BitConverter.GetBytes).ToArray();

    /// <summary>A (rows, columns) '&lt;f8' file whose value at (r, c) is r * 100 + c.</summary>
    public static byte[] Grid(int rows, int columns, byte major = 1) =>
        File(Dict("<f8", $"({rows}, {columns})"), Doubles(GridValues(rows, columns)), major);

    public static IEnumerable<double> GridValues(int rows, int columns) =>
        Enumerable.Range(0, rows).SelectMany(r => Enumerable.Range(0, columns).Select(c => (r * 100.0) + c));
}
