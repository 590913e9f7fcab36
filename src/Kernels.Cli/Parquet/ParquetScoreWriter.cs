using System;
using System.IO;
using System.Threading.Tasks;
using Kernels.Cli.IO;
using Parquet;
using Parquet.Schema;

namespace Kernels.Cli.Parquet;

/// <summary>
/// Writes scores as Apache Parquet: one required (non-null) column, FLOAT or DOUBLE, Snappy-compressed. Scores are
/// gathered into row groups of up to <see cref="RowGroupRows"/> rows, each written when full, so memory stays bounded.
/// Parquet.Net only appends (it tracks offsets itself), so a non-seekable stream such as stdout is written directly,
/// without buffering the file. The stream is left open.
/// </summary>
internal sealed class ParquetScoreWriter : IScoreWriter
{
    /// <summary>Rows per row group: 1Mi, the size readers such as pyarrow default to.</summary>
    public const int RowGroupRows = 1 << 20;

    private const int FirstBufferRows = 1 << 14;

    private readonly ParquetWriter _writer;
    private readonly DataField _field;
    private readonly bool _single;
    private double[] _doubles = Array.Empty<double>();
    private float[] _floats = Array.Empty<float>();
    private int _pendingRows;
    private bool _completed;

    public ParquetScoreWriter(Stream stream, bool single, string name)
    {
        _single = single;
        _field = single ? new DataField<float>(name) : new DataField<double>(name);
        _writer = Wait(ParquetWriter.CreateAsync(new ParquetSchema(_field), stream));
    }

    public void Write(ReadOnlySpan<double> scores)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        while (!scores.IsEmpty)
        {
            int count = Math.Min(scores.Length, RowGroupRows - _pendingRows);
            if (_single)
            {
                FloatConversions.Convert(scores[..count], Reserve(ref _floats, count));
            }
            else
            {
                scores[..count].CopyTo(Reserve(ref _doubles, count));
            }

            _pendingRows += count;
            scores = scores[count..];
            if (_pendingRows == RowGroupRows)
            {
                WritePending();
            }
        }
    }

    /// <summary>Writes the last row group and the footer.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        WritePending();
        Wait(_writer.DisposeAsync());
        _completed = true;
    }

    /// <summary>Without <see cref="Complete"/> the file is left without its footer (unfinished).</summary>
    public void Dispose()
    {
    }

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private static void Wait(Task task) => task.GetAwaiter().GetResult();

    private static void Wait(ValueTask task) => task.AsTask().GetAwaiter().GetResult();

    /// <summary>The next count slots after the pending rows, growing the buffer (up to a row group) as needed.</summary>
    private Span<T> Reserve<T>(ref T[] buffer, int count)
    {
        int needed = _pendingRows + count;
        if (buffer.Length < needed)
        {
            Array.Resize(ref buffer, Math.Min(RowGroupRows, Math.Max(needed, Math.Max(FirstBufferRows, buffer.Length * 2))));
        }

        return buffer.AsSpan(_pendingRows, count);
    }

    private void WritePending()
    {
        if (_pendingRows == 0)
        {
            return;
        }

        using (ParquetRowGroupWriter group = _writer.CreateRowGroup())
        {
            Wait(_single
                ? group.WriteAsync<float>(_field, _floats.AsMemory(0, _pendingRows))
                : group.WriteAsync<double>(_field, _doubles.AsMemory(0, _pendingRows)));
        }

        _pendingRows = 0;
    }
}
