using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Kernels.Cli.IO;

namespace Kernels.Cli.Scoring;

/// <summary>
/// Reads the next chunk of rows (of p, and the same number of rows of q) on a worker thread while the caller scores
/// and writes the current one: parsing text is usually the slowest step, and this hides the scoring and writing behind
/// it. Two buffers per input; memory is twice one chunk. Errors of the background read surface at <see cref="Next"/>.
/// </summary>
internal sealed class ReadAhead<T> : IDisposable
    where T : unmanaged
{
    private readonly IMatrixReader _p;
    private readonly IMatrixReader? _q;
    private readonly int _columns;
    private readonly T[][] _pBuffers;
    private readonly T[][]? _qBuffers;
    private Task<int>? _pending;
    private int _filling;
    private long _rows;

    public ReadAhead(IMatrixReader p, IMatrixReader? q, int chunkRows)
    {
        _p = p;
        _q = q;
        _columns = p.Columns;
        _pBuffers = new[] { new T[chunkRows * _columns], new T[chunkRows * _columns] };
        _qBuffers = q is null ? null : new[] { new T[chunkRows * _columns], new T[chunkRows * _columns] };
        Start();
    }

    /// <summary>The next chunk: its row count (0 at the end) and the buffers holding p's and q's rows.</summary>
    public (int Rows, T[] P, T[]? Q) Next()
    {
        int rows = _pending is null ? 0 : _pending.GetAwaiter().GetResult();
        int ready = _filling;
        _pending = null;
        if (rows > 0)
        {
            _filling ^= 1;
            Start();
        }

        return (rows, _pBuffers[ready], _qBuffers?[ready]);
    }

    public void Dispose()
    {
        try
        {
            _pending?.GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // The run is already failing or finished; the readers are disposed after this.
        }
    }

    private void Start()
    {
        int slot = _filling;
        _pending = Task.Run(() => Fill(slot));
    }

    private int Fill(int slot)
    {
        int n = Read(_p, _pBuffers[slot]);
        if (_q is not null)
        {
            ReadExactly(_q, _qBuffers![slot], n);
        }

        _rows += n;
        return n;
    }

    /// <summary>Exactly <paramref name="rows"/> rows of q (0 at the end of p: then q must be at its end too).</summary>
    private void ReadExactly(IMatrixReader q, T[] buffer, int rows)
    {
        if (rows == 0)
        {
            if (Read(q, buffer.AsSpan(0, _columns)) != 0)
            {
                throw new DataException($"{q.Source} has more rows than {_p.Source} ({_rows:N0}); --q needs one row per row.");
            }

            return;
        }

        int total = 0;
        while (total < rows)
        {
            int n = Read(q, buffer.AsSpan(total * _columns, (rows - total) * _columns));
            if (n == 0)
            {
                throw new DataException($"{q.Source} ends after {_rows + total:N0} rows but {_p.Source} has more; --q needs one row per row.");
            }

            total += n;
        }
    }

    private static int Read(IMatrixReader reader, Span<T> buffer) =>
        typeof(T) == typeof(float) ? reader.Read(MemoryMarshal.Cast<T, float>(buffer)) : reader.Read(MemoryMarshal.Cast<T, double>(buffer));
}
