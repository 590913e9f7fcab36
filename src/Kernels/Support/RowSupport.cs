using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Kernels.Support;

/// <summary>Where the rows of a batch are, as the generated row folds read them.</summary>
/// <param name="Rows">Number of rows.</param>
/// <param name="Columns">Elements per row.</param>
/// <param name="XStride">Distance between the starts of consecutive rows of x (≥ Columns).</param>
/// <param name="YStride">Distance between the starts of consecutive rows of y; 0 when every row of x is folded against
/// the same single row of y (one-vs-many).</param>
public readonly record struct RowLayout(int Rows, int Columns, int XStride, int YStride);

/// <summary>Helpers the generated row folds call once per block of rows (never per element of the term).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RowSupport
{
    /// <summary>Float rows at least this long are folded one at a time (below it, a vector's width of rows at once).</summary>
    public const int WideSingleColumns = 64;

    /// <summary>Double rows (and float rows folded in double) at least this long are folded one at a time.</summary>
    public const int WideDoubleColumns = 32;

    /// <summary>Contiguous float rows shorter than this are folded flat (their terms in one pass, then summed per row),
    /// longer ones one at a time.</summary>
    public const int FlatSingleColumns = 256;

    /// <summary>Contiguous double rows (and float rows folded in double) shorter than this are folded flat.</summary>
    public const int FlatDoubleColumns = 32;

    /// <summary>Elements of a block of rows whose terms are computed in one flat pass before each row's are summed.</summary>
    public const int FlatChunkElements = 1024;

    /// <summary>Rows at most this many times their column count apart are folded flat (padding between rows is
    /// computed and ignored); sparser rows are transposed.</summary>
    public const int FlatStrideFactor = 2;

    /// <summary>Rows whose sums a generated public row fold (FoldEachRow, MeasureEachRow) collects on the stack at a time.</summary>
    public const int ResultBlockRows = 128;

    /// <summary>The layout of dense row-major inputs for a generated public row fold, checked: columns &gt; 0, every
    /// input whole rows, destination one element per row.</summary>
    public static RowLayout CheckRows(int columns, int destination, string xName, int x)
    {
        int rows = RowsOf(columns, xName, x);
        CheckDestination(destination, rows, xName);
        return new RowLayout(rows, columns, columns, columns);
    }

    /// <summary>As <see cref="CheckRows(int, int, string, int)"/> for two inputs; with <paramref name="sharedRow"/> the
    /// second may also be a single row that every row of the first is paired with.</summary>
    public static RowLayout CheckRows(int columns, int destination, bool sharedRow, string xName, int x, string yName, int y)
    {
        int rows = RowsOf(columns, xName, x);
        bool shared = sharedRow && y == columns && x != columns;
        if (!shared)
        {
            CheckSameShape(rows, columns, xName, x, yName, y, sharedRow);
        }

        CheckDestination(destination, rows, xName);
        return new RowLayout(rows, columns, columns, shared ? 0 : columns);
    }

    /// <summary>As <see cref="CheckRows(int, int, string, int)"/> for three inputs of the same shape.</summary>
    public static RowLayout CheckRows(int columns, int destination, string xName, int x, string yName, int y, string zName, int z)
    {
        int rows = RowsOf(columns, xName, x);
        CheckSameShape(rows, columns, xName, x, yName, y, sharedRow: false);
        CheckSameShape(rows, columns, xName, x, zName, z, sharedRow: false);
        CheckDestination(destination, rows, xName);
        return new RowLayout(rows, columns, columns, columns);
    }

    /// <summary>As <see cref="CheckRows(int, int, string, int)"/> for four inputs of the same shape.</summary>
    public static RowLayout CheckRows(int columns, int destination, string xName, int x, string yName, int y, string zName, int z, string wName, int w)
    {
        RowLayout layout = CheckRows(columns, destination, xName, x, yName, y, zName, z);
        CheckSameShape(layout.Rows, columns, xName, x, wName, w, sharedRow: false);
        return layout;
    }

    private static int RowsOf(int columns, string name, int length)
    {
        ThrowHelper.ThrowIfColumnsNotPositive(columns);

        if (length % columns != 0)
        {
            ThrowHelper.NotWholeRows(name, length, columns);
        }

        return length / columns;
    }

    private static void CheckSameShape(int rows, int columns, string xName, int x, string name, int length, bool sharedRow)
    {
        if (length != x)
        {
            ThrowHelper.NotTheRowsOf(name, length, xName, rows, columns, columns, sharedRow);
        }
    }

    private static void CheckDestination(int destination, int rows, string xName)
    {
        if (destination != rows)
        {
            ThrowHelper.DestinationNotOnePerRow(destination, rows, xName);
        }
    }

    /// <summary>Columns copied per transposition: a block of one row per lane × this many columns stays in L1.</summary>
    public const int ChunkColumns = 16;

    /// <summary>
    /// Copies columns [column, column + chunk) of rows [row, row + count) into <paramref name="block"/> column-major,
    /// <paramref name="width"/> lanes per column: block[j·width + l] = source[(row + l)·stride + column + j]. Lanes
    /// past <paramref name="count"/> repeat the last row, so they hold ordinary values and are simply not stored.
    /// </summary>
    public static void Transpose<T>(ReadOnlySpan<T> source, int stride, int row, int count, int column, int chunk, Span<T> block, int width)
    {
        ref T target = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(block);
        for (int l = 0; l < width; l++)
        {
            ReadOnlySpan<T> values = source.Slice(((row + Math.Min(l, count - 1)) * stride) + column, chunk);
            for (int j = 0; j < values.Length; j++)
            {
                Unsafe.Add(ref target, (j * width) + l) = values[j];
            }
        }
    }

    /// <summary>As <see cref="Transpose{T}"/>, widening float inputs exactly to double.</summary>
    public static void Transpose(ReadOnlySpan<float> source, int stride, int row, int count, int column, int chunk, Span<double> block, int width)
    {
        ref double target = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(block);
        for (int l = 0; l < width; l++)
        {
            ReadOnlySpan<float> values = source.Slice(((row + Math.Min(l, count - 1)) * stride) + column, chunk);
            for (int j = 0; j < values.Length; j++)
            {
                Unsafe.Add(ref target, (j * width) + l) = values[j];
            }
        }
    }

    /// <summary>The per-row parameters of rows [row, row + count) as one lane each (the last repeated), or zero when
    /// the fold has none.</summary>
    public static Vector<T> ParameterLanes<T>(ReadOnlySpan<double> parameters, int row, int count)
        where T : unmanaged, INumberBase<T>
    {
        if (parameters.IsEmpty)
        {
            return Vector<T>.Zero;
        }

        Span<T> lanes = stackalloc T[Vector<T>.Count];
        for (int l = 0; l < lanes.Length; l++)
        {
            lanes[l] = T.CreateTruncating(parameters[row + Math.Min(l, count - 1)]);
        }

        return new Vector<T>(lanes);
    }

    /// <summary>The per-row parameters of rows [row, row + count) as one lane each (the last repeated), or zero when
    /// the fold has none.</summary>
    public static Vector512<T> ParameterLanes512<T>(ReadOnlySpan<double> parameters, int row, int count)
        where T : unmanaged, INumberBase<T>
    {
        if (parameters.IsEmpty)
        {
            return Vector512<T>.Zero;
        }

        Span<T> lanes = stackalloc T[Vector512<T>.Count];
        for (int l = 0; l < lanes.Length; l++)
        {
            lanes[l] = T.CreateTruncating(parameters[row + Math.Min(l, count - 1)]);
        }

        return Vector512.Create<T>(lanes);
    }

    /// <summary>The parameter of row r, or the neutral value when the fold has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Parameter(ReadOnlySpan<double> parameters, int row) => parameters.IsEmpty ? 0.0 : parameters[row];

    /// <summary>Lane l of a compensated accumulator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Lane(Vector<double> sum, Vector<double> carry, int l) => FoldSupport.Combine(sum[l], carry[l]);

    /// <summary>Lane l of a compensated accumulator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Lane(Vector512<double> sum, Vector512<double> carry, int l) => FoldSupport.Combine(sum[l], carry[l]);

    /// <summary>Lane l of a pair of compensated accumulators holding the lower and the upper half of the lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Lane(Vector<double> sumLower, Vector<double> carryLower, Vector<double> sumUpper, Vector<double> carryUpper, int l) =>
        l < Vector<double>.Count ? Lane(sumLower, carryLower, l) : Lane(sumUpper, carryUpper, l - Vector<double>.Count);

    /// <summary>Lane l of a pair of compensated accumulators holding the lower and the upper half of the lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Lane(Vector512<double> sumLower, Vector512<double> carryLower, Vector512<double> sumUpper, Vector512<double> carryUpper, int l) =>
        l < Vector512<double>.Count ? Lane(sumLower, carryLower, l) : Lane(sumUpper, carryUpper, l - Vector512<double>.Count);

    /// <summary>Lane l of the running maxima of a maximum fold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LaneMaximum(Vector<double> sum, Vector<double> carry, int l) => sum[l];

    /// <summary>Lane l of the running maxima of a maximum fold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LaneMaximum(Vector512<double> sum, Vector512<double> carry, int l) => sum[l];

    /// <summary>Lane l of a pair of running maxima holding the lower and the upper half of the lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LaneMaximum(Vector<double> sumLower, Vector<double> carryLower, Vector<double> sumUpper, Vector<double> carryUpper, int l) =>
        l < Vector<double>.Count ? sumLower[l] : sumUpper[l - Vector<double>.Count];

    /// <summary>Lane l of a pair of running maxima holding the lower and the upper half of the lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LaneMaximum(Vector512<double> sumLower, Vector512<double> carryLower, Vector512<double> sumUpper, Vector512<double> carryUpper, int l) =>
        l < Vector512<double>.Count ? sumLower[l] : sumUpper[l - Vector512<double>.Count];

    /// <summary>max of the values buffer[at .. at + count) (NaN if any is; −∞ for none): the flat row folds' rows are short.</summary>
    public static double MaximumWithin(ReadOnlySpan<float> buffer, int at, int count)
    {
        double m = double.NegativeInfinity;
        foreach (float value in buffer.Slice(at, count))
        {
            m = Math.Max(m, value);
        }

        return m;
    }

    /// <summary>max of the values buffer[at .. at + count) (NaN if any is; −∞ for none): the flat row folds' rows are short.</summary>
    public static double MaximumWithin(ReadOnlySpan<double> buffer, int at, int count)
    {
        double m = double.NegativeInfinity;
        foreach (double value in buffer.Slice(at, count))
        {
            m = Math.Max(m, value);
        }

        return m;
    }

    /// <summary>Σ of float values in double (rows of a flat row fold are short, so no compensation is needed: the
    /// error is below 2^−47 of Σ|value|, far inside float resolution).</summary>
    public static double Sum(ReadOnlySpan<float> values)
    {
        double even = 0.0, odd = 0.0;
        int i = 0;
        for (; i + 1 < values.Length; i += 2)
        {
            even += values[i];
            odd += values[i + 1];
        }

        if (i < values.Length)
        {
            even += values[i];
        }

        return even + odd;
    }

    /// <summary>Σ of the float values buffer[at .. at + count) in double, a vector at a time (widened exactly, the last
    /// one masked): the buffer must hold a whole vector past the start of every segment it is asked for, as the flat row
    /// folds' term buffers do. Rows are short, so no compensation is needed (error below 2^−47 of Σ|value|).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SumWithin(ReadOnlySpan<float> buffer, int at, int count)
    {
        if (!Vector.IsHardwareAccelerated || at + count + Vector<float>.Count > buffer.Length)
        {
            return Sum(buffer.Slice(at, count));
        }

        ref float start = ref Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(buffer), at);
        Vector<double> lanes = Vector<double>.Zero;
        int j = 0;
        for (; j + Vector<float>.Count <= count; j += Vector<float>.Count)
        {
            Vector<float> v = Vector.LoadUnsafe(ref start, (nuint)j);
            lanes += Vector.WidenLower(v) + Vector.WidenUpper(v);
        }

        if (j < count)
        {
            Vector<float> keep = Vector.As<int, float>(Vector.LessThan(Vector<int>.Indices, new Vector<int>(count - j)));
            Vector<float> v = Vector.ConditionalSelect(keep, Vector.LoadUnsafe(ref start, (nuint)j), Vector<float>.Zero);
            lanes += Vector.WidenLower(v) + Vector.WidenUpper(v);
        }

        return Vector.Sum(lanes);
    }

    /// <summary>Σ of the double values buffer[at .. at + count), compensated (TwoSum per lane), a vector at a time (the
    /// last one masked): the buffer must hold a whole vector past the start of every segment it is asked for, as the flat
    /// row folds' term buffers do; otherwise one value at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SumWithin(ReadOnlySpan<double> buffer, int at, int count)
    {
        if (!Vector.IsHardwareAccelerated || at + count + Vector<double>.Count > buffer.Length)
        {
            return Sum(buffer.Slice(at, count));
        }

        ref double start = ref Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(buffer), at);
        Vector<double> sum = Vector<double>.Zero, carry = Vector<double>.Zero;
        int j = 0;
        for (; j + Vector<double>.Count <= count; j += Vector<double>.Count)
        {
            (sum, carry) = FoldSupport.Accumulate(sum, carry, Vector.LoadUnsafe(ref start, (nuint)j));
        }

        if (j < count)
        {
            Vector<double> keep = Vector.As<long, double>(Vector.LessThan(Vector<long>.Indices, new Vector<long>(count - j)));
            (sum, carry) = FoldSupport.Accumulate(sum, carry, Vector.ConditionalSelect(keep, Vector.LoadUnsafe(ref start, (nuint)j), Vector<double>.Zero));
        }

        return FoldSupport.Reduce(sum, carry);
    }

    /// <summary>Σ of double values, compensated (TwoSum).</summary>
    public static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0.0, carry = 0.0;
        for (int i = 0; i < values.Length; i++)
        {
            (sum, carry) = FoldSupport.Add(sum, carry, values[i]);
        }

        return FoldSupport.Combine(sum, carry);
    }

    /// <summary>Fills <paramref name="tiled"/> with <paramref name="row"/> at every multiple of <paramref name="stride"/>
    /// (1 in the gaps, a value every term takes its fast path on), so a shared row lines up with a flat block of rows.</summary>
    public static void Tile<T>(ReadOnlySpan<T> row, Span<T> tiled, int stride)
        where T : unmanaged, INumberBase<T>
    {
        tiled.Fill(T.One);
        for (int at = 0; at + row.Length <= tiled.Length; at += stride)
        {
            row.CopyTo(tiled.Slice(at));
        }
    }

    /// <summary>A copy of <paramref name="values"/> padded with 1 to <paramref name="padded"/>'s length (a block shorter
    /// than one vector).</summary>
    public static ReadOnlySpan<T> Pad<T>(ReadOnlySpan<T> values, Span<T> padded)
        where T : unmanaged, INumberBase<T>
    {
        padded.Fill(T.One);
        values.CopyTo(padded);
        return padded;
    }

    /// <summary>Each row's parameter over that row's elements of a flat block: spread[r·stride + j] = parameters[row + r]
    /// for j &lt; columns (0 in the gaps between rows, whose terms are never read).</summary>
    public static void Spread<T>(ReadOnlySpan<double> parameters, int row, int count, int stride, int columns, Span<T> spread)
        where T : unmanaged, INumberBase<T>
    {
        spread.Clear();
        for (int r = 0; r < count; r++)
        {
            spread.Slice(r * stride, columns).Fill(T.CreateTruncating(parameters[row + r]));
        }
    }
}
