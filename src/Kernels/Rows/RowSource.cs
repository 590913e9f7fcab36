using System;
using Kernels.Support;

namespace Kernels.Rows;

/// <summary>
/// The validated inputs of one batch call, as pointers to memory the caller keeps pinned for the whole call, so that
/// blocks of rows can be scored on any thread. P is the first matrix (p, the logits, or the log-probabilities a); Q
/// the second, one row per row of P (QStride ≥ Columns) or one shared row (QStride = 0); Targets the class indices.
/// </summary>
internal readonly unsafe struct RowSource<T> where T : unmanaged
{
    private readonly T* _p;
    private readonly T* _q;
    private readonly int* _targets;
    private readonly int _qLength;
    private readonly T* _z;
    private readonly T* _w;

    public RowSource(T* p, int rows, int columns, int pStride, T* q, int qLength, int qStride, int* targets, in RowSettings settings)
    {
        _p = p;
        Rows = rows;
        Columns = columns;
        PStride = pStride;
        _q = q;
        _qLength = qLength;
        QStride = qStride;
        _targets = targets;
        Settings = settings;
    }

    /// <summary>A batch of four matrices of the same shape (P, Q, Z, W all <paramref name="stride"/> apart).</summary>
    public RowSource(T* p, T* q, T* z, T* w, int rows, int columns, int stride, in RowSettings settings)
        : this(p, rows, columns, stride, q, 0, stride, null, settings)
    {
        _z = z;
        _w = w;
    }

    /// <summary>The same batch with one row of <c>Columns</c> values beside it (a per-column weight every row shares),
    /// read with <c>Z(0, 1)</c>.</summary>
    public RowSource(RowSource<T> other, T* sharedRow)
        : this(other._p, other.Rows, other.Columns, other.PStride, other._q, other._qLength, other.QStride, other._targets, other.Settings)
    {
        _z = sharedRow;
    }

    /// <summary>The same batch with the two matrices exchanged (both must have one row per row).</summary>
    public RowSource(RowSource<T> other, bool swap)
        : this(swap ? other._q : other._p, other.Rows, other.Columns, swap ? other.QStride : other.PStride,
            swap ? other._p : other._q, other._qLength, swap ? other.PStride : other.QStride, other._targets, other.Settings)
    {
    }

    public int Rows { get; }

    public int Columns { get; }

    public int PStride { get; }

    public int QStride { get; }

    public RowSettings Settings { get; }

    /// <summary>Rows [start, start + count) of P, from the first element of the first to the last of the last.</summary>
    public ReadOnlySpan<T> P(int start, int count) =>
        count == 0 ? default : new ReadOnlySpan<T>(_p + ((long)start * PStride), ((count - 1) * PStride) + Columns);

    /// <summary>The matching rows of Q, or the shared row.</summary>
    public ReadOnlySpan<T> Q(int start, int count) =>
        QStride == 0 ? new ReadOnlySpan<T>(_q, _qLength)
        : count == 0 ? default : new ReadOnlySpan<T>(_q + ((long)start * QStride), ((count - 1) * QStride) + Columns);

    /// <summary>The matching rows of the third matrix (four-matrix batches; PStride apart).</summary>
    public ReadOnlySpan<T> Z(int start, int count) =>
        count == 0 ? default : new ReadOnlySpan<T>(_z + ((long)start * PStride), ((count - 1) * PStride) + Columns);

    /// <summary>The matching rows of the fourth matrix (four-matrix batches; PStride apart).</summary>
    public ReadOnlySpan<T> W(int start, int count) =>
        count == 0 ? default : new ReadOnlySpan<T>(_w + ((long)start * PStride), ((count - 1) * PStride) + Columns);

    /// <summary>Row r of Q (the shared row when there is one).</summary>
    public ReadOnlySpan<T> QRow(int row) => new(_q + ((long)row * QStride), Columns);

    /// <summary>Row r of P.</summary>
    public ReadOnlySpan<T> PRow(int row) => new(_p + ((long)row * PStride), Columns);

    /// <summary>The class index of row r.</summary>
    public int Target(int row) => _targets[row];

    /// <summary>The layout of rows [start, start + count) as the generated row folds read them.</summary>
    public RowLayout Layout(int count) => new(count, Columns, PStride, QStride);
}

/// <summary>Per-call settings the measures read.</summary>
/// <param name="Normalize">SciPy normalization of the probability inputs.</param>
/// <param name="LabelSmoothing">ε of label smoothing (cross-entropy from logits), 0 for none.</param>
/// <param name="IgnoreIndex">Class index whose rows score 0 and are not counted, if any.</param>
/// <param name="Order">The order α of a Rényi or Tsallis measure (0 for the others).</param>
internal readonly record struct RowSettings(bool Normalize, double LabelSmoothing, int? IgnoreIndex, double Order = 0.0);
