using System;
using System.IO;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Kernels.Cli.IO;

namespace Kernels.Cli.Arrow;

/// <summary>
/// Writes scores as Arrow IPC: one non-nullable column, float32 or float64. A seekable stream positioned at its start
/// (a file) gets the IPC file format (Feather v2, "ARROW1" and a footer); any other stream (a pipe, stdout) gets the
/// IPC stream format, which needs no seeking. Scores are written in record batches of up to
/// <see cref="BatchRows"/> rows as they come, so memory stays bounded. The stream is left open.
/// </summary>
internal sealed class ArrowScoreWriter : IScoreWriter
{
    /// <summary>Rows per record batch: small writes are gathered up to this many, large ones split.</summary>
    public const int BatchRows = 1 << 16;

    private readonly ArrowStreamWriter _writer;
    private readonly Schema _schema;
    private readonly bool _single;
    private readonly byte[] _pending;
    private int _pendingRows;
    private bool _completed;

    public ArrowScoreWriter(Stream stream, bool single, string name)
    {
        _single = single;
        _schema = new Schema.Builder()
            .Field(new Field(name, single ? FloatType.Default : DoubleType.Default, nullable: false))
            .Build();
        _writer = stream.CanSeek && stream.Position == 0
            ? new ArrowFileWriter(stream, _schema, leaveOpen: true)
            : new ArrowStreamWriter(stream, _schema, leaveOpen: true);
        _pending = new byte[BatchRows * (single ? sizeof(float) : sizeof(double))];
    }

    public void Write(ReadOnlySpan<double> scores)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        while (!scores.IsEmpty)
        {
            int count = Math.Min(scores.Length, BatchRows - _pendingRows);
            if (_single)
            {
                FloatConversions.Convert(scores[..count], MemoryMarshal.Cast<byte, float>(_pending.AsSpan()).Slice(_pendingRows, count));
            }
            else
            {
                scores[..count].CopyTo(MemoryMarshal.Cast<byte, double>(_pending.AsSpan()).Slice(_pendingRows, count));
            }

            _pendingRows += count;
            scores = scores[count..];
            if (_pendingRows == BatchRows)
            {
                WritePending();
            }
        }
    }

    /// <summary>Writes the last record batch and the end of the data (the footer of a file, the end-of-stream marker
    /// of a stream).</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        // WriteStart writes the schema if no batch has: no scores is then a valid table without rows.
        _writer.WriteStart();
        WritePending();
        _writer.WriteEnd();
        _completed = true;
    }

    /// <summary>Releases the library writer. Without <see cref="Complete"/> the data is left unfinished.</summary>
    public void Dispose() => _writer.Dispose();

    private void WritePending()
    {
        if (_pendingRows == 0)
        {
            return;
        }

        // The batch wraps the pending buffer without copying; the writer has serialized it by the time it returns,
        // so the buffer can be refilled.
        var values = new ArrowBuffer(_pending.AsMemory(0, _pendingRows * (_single ? sizeof(float) : sizeof(double))));
        IArrowArray array = _single
            ? new FloatArray(values, ArrowBuffer.Empty, _pendingRows, nullCount: 0, offset: 0)
            : new DoubleArray(values, ArrowBuffer.Empty, _pendingRows, nullCount: 0, offset: 0);
        using var batch = new RecordBatch(_schema, new[] { array }, _pendingRows);
        _writer.WriteRecordBatch(batch);
        _pendingRows = 0;
    }
}
