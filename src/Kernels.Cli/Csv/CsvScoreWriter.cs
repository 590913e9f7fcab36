using System;
using System.Globalization;
using System.IO;
using System.Text;
using Kernels.Cli.IO;

namespace Kernels.Cli.Csv;

/// <summary>
/// Scores as CSV: a header line with the column name, then one score per line ('\n' endings), in invariant shortest
/// round-trip form ("R" for double; float's default, which is its shortest round-trip). The specials are .NET's
/// invariant spellings "NaN", "Infinity" and "-Infinity", which <see cref="CsvMatrixReader"/>, NumPy and pandas all
/// read back. Output goes through a 64 KB buffer; nothing is written after <see cref="Dispose"/>.
/// </summary>
internal sealed class CsvScoreWriter : IScoreWriter
{
    private const int BufferLength = 1 << 16;

    // The longest double in "R" form is 24 characters ("-2.2250738585072014E-308"), plus the newline.
    private const int LongestLine = 32;

    private readonly Stream _stream;
    private readonly bool _single;
    private readonly byte[] _buffer = new byte[BufferLength];
    private int _used;
    private bool _completed;

    /// <summary>Starts the CSV with a header line holding <paramref name="name"/> (quoted if it needs to be); the stream
    /// stays open (the caller owns it).</summary>
    public CsvScoreWriter(Stream stream, bool single, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        _stream = stream;
        _single = single;
        byte[] header = Encoding.UTF8.GetBytes(Escape(name) + "\n");
        if (header.Length > _buffer.Length)
        {
            _stream.Write(header);
        }
        else
        {
            header.CopyTo(_buffer, 0);
            _used = header.Length;
        }
    }

    /// <summary>Appends one line per score; single-precision writers round each score to float first.</summary>
    public void Write(ReadOnlySpan<double> scores)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The CSV is complete; no more scores can be written.");
        }

        foreach (double score in scores)
        {
            if (_used > BufferLength - LongestLine)
            {
                Flush();
            }

            Span<byte> free = _buffer.AsSpan(_used);
            bool formatted = _single
                ? ((float)score).TryFormat(free, out int written, default, CultureInfo.InvariantCulture)
                : score.TryFormat(free, out written, "R", CultureInfo.InvariantCulture);
            if (!formatted)
            {
                throw new InvalidOperationException($"A score needed more than {LongestLine} bytes.");
            }

            _buffer[_used + written] = (byte)'\n';
            _used += written + 1;
        }
    }

    /// <summary>Writes what is buffered and flushes the stream. Further writes throw.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        Flush();
        _stream.Flush();
        _completed = true;
    }

    /// <summary>Releases nothing and writes nothing: an incomplete run leaves what was already flushed, and the stream
    /// open.</summary>
    public void Dispose()
    {
    }

    private static string Escape(string name) =>
        name.AsSpan().IndexOfAny(",;\t|\"\r\n") >= 0 ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : name;

    private void Flush()
    {
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }
}
