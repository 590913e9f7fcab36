using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using Kernels.Cli.IO;

namespace Kernels.Cli.Npy;

/// <summary>
/// Scores as a NumPy .npy 1-D array, '&lt;f4' (single) or '&lt;f8', format 1.0, header padded to 64 bytes. The length is
/// known only at <see cref="Complete"/>: on a seekable stream the scores are written as they come after a zero-filled
/// header of fixed size (so an unfinished file is not a valid NPY), which Complete then overwrites; on a non-seekable
/// stream (stdout) the scores are kept in memory, 4 or 8 bytes per row (in 1 MB blocks), and everything is written at
/// Complete.
/// </summary>
internal sealed class NpyScoreWriter : IScoreWriter
{
    private const int BlockBytes = 1 << 20;

    private readonly Stream _stream;
    private readonly string _descr;
    private readonly bool _single;
    private readonly long _headerStart;
    private readonly int _headerLength;
    private readonly List<byte[]>? _blocks;
    private readonly float[]? _narrowed;
    private int _lastBlockUsed;
    private long _count;
    private bool _completed;

    /// <summary>Starts an NPY of float32 (<paramref name="single"/>) or float64 scores; the stream stays open (the
    /// caller owns it).</summary>
    public NpyScoreWriter(Stream stream, bool single)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Writing NPY needs a little-endian machine.");
        }

        _stream = stream;
        _single = single;
        _descr = single ? "<f4" : "<f8";
        _narrowed = single ? new float[BlockBytes / sizeof(float)] : null;
        if (stream.CanSeek)
        {
            _headerStart = stream.Position;
            _headerLength = NpyHeader.Vector(_descr, long.MaxValue).Encode().Length;
            stream.Write(new byte[_headerLength]);
        }
        else
        {
            _blocks = new List<byte[]>();
        }
    }

    /// <summary>Appends the scores (rounded to float for a single-precision writer).</summary>
    public void Write(ReadOnlySpan<double> scores)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The NPY is complete; no more scores can be written.");
        }

        _count += scores.Length;
        if (!_single)
        {
            Emit(MemoryMarshal.AsBytes(scores));
            return;
        }

        float[] narrowed = _narrowed!;
        for (int start = 0; start < scores.Length; start += narrowed.Length)
        {
            int count = Math.Min(narrowed.Length, scores.Length - start);
            FloatConversions.Convert(scores.Slice(start, count), narrowed.AsSpan());
            Emit(MemoryMarshal.AsBytes(narrowed.AsSpan(0, count)));
        }
    }

    /// <summary>Writes the header with the final length (and, on a non-seekable stream, the kept scores), then flushes.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (_blocks is null)
        {
            long end = _stream.Position;
            _stream.Position = _headerStart;
            _stream.Write(NpyHeader.Vector(_descr, _count).Encode(_headerLength));
            _stream.Position = end;
        }
        else
        {
            _stream.Write(NpyHeader.Vector(_descr, _count).Encode());
            for (int i = 0; i < _blocks.Count; i++)
            {
                _stream.Write(_blocks[i], 0, i == _blocks.Count - 1 ? _lastBlockUsed : BlockBytes);
            }

            _blocks.Clear();
        }

        _stream.Flush();
    }

    /// <summary>Drops the kept scores, if any; writes nothing (an unfinished seekable file keeps its zero header).</summary>
    public void Dispose() => _blocks?.Clear();

    private void Emit(ReadOnlySpan<byte> bytes)
    {
        if (_blocks is null)
        {
            _stream.Write(bytes);
            return;
        }

        while (!bytes.IsEmpty)
        {
            if (_blocks.Count == 0 || _lastBlockUsed == BlockBytes)
            {
                _blocks.Add(new byte[BlockBytes]);
                _lastBlockUsed = 0;
            }

            int n = Math.Min(bytes.Length, BlockBytes - _lastBlockUsed);
            bytes[..n].CopyTo(_blocks[^1].AsSpan(_lastBlockUsed));
            _lastBlockUsed += n;
            bytes = bytes[n..];
        }
    }
}
