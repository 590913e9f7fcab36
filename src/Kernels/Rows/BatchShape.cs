using System;

namespace Kernels.Rows;

/// <summary>The checked shape of a batch call: rows, and where consecutive rows of each matrix start (QStride 0: one
/// shared q row). Every check names the argument and the numbers.</summary>
internal readonly record struct BatchShape(int Rows, int PStride, int QStride)
{
    public static BatchShape OfPair(int pLength, int qLength, int columns, BatchOptions options, string pName, string qName, bool sharedQ)
    {
        int pStride = Stride(options.RowStride, columns, nameof(BatchOptions.RowStride));
        int qStride = Stride(options.QRowStride, columns, nameof(BatchOptions.QRowStride));
        int rows = RowCount(pLength, columns, pStride, pName);
        if (TryRows(qLength, columns, qStride) == rows)
        {
            return new BatchShape(rows, pStride, qStride);
        }

        if (sharedQ && qLength == columns)
        {
            return new BatchShape(rows, pStride, 0);
        }

        ThrowHelper.NotTheRowsOf(qName, qLength, pName, rows, columns, qStride, sharedQ);
        return default;
    }

    /// <summary>The rows and stride of four matrices of the same shape (RowStride applies to all of them).</summary>
    public static (int Rows, int Stride) OfFour(int mean1, int logVariance1, int mean2, int logVariance2, int columns, BatchOptions options)
    {
        int stride = SingleStride(options, columns);
        int rows = RowCount(mean1, columns, stride, nameof(mean1));
        CheckSameRows(logVariance1, rows, columns, stride, nameof(logVariance1), nameof(mean1));
        CheckSameRows(mean2, rows, columns, stride, nameof(mean2), nameof(mean1));
        CheckSameRows(logVariance2, rows, columns, stride, nameof(logVariance2), nameof(mean1));
        return (rows, stride);
    }

    private static void CheckSameRows(int length, int rows, int columns, int stride, string name, string firstName)
    {
        if (TryRows(length, columns, stride) != rows)
        {
            ThrowHelper.NotTheRowsOf(name, length, firstName, rows, columns, stride, shared: false);
        }
    }

    /// <summary>The row stride of a call with one matrix (QRowStride, which describes a second matrix, is ignored).</summary>
    public static int SingleStride(BatchOptions options, int columns) =>
        Stride(options.RowStride, columns, nameof(BatchOptions.RowStride));

    /// <summary>The distance between row starts: the option, or the column count when it is 0.</summary>
    public static int Stride(int option, int columns, string name)
    {
        ThrowHelper.ThrowIfColumnsNotPositive(columns);
        ThrowHelper.ThrowIfStrideBelowColumns(name, option, columns);
        return option == 0 ? columns : option;
    }

    /// <summary>How many rows of <paramref name="columns"/> values, <paramref name="stride"/> apart, a span of
    /// <paramref name="length"/> holds: either (rows − 1)·stride + columns elements or rows·stride.</summary>
    public static int RowCount(int length, int columns, int stride, string name)
    {
        int rows = TryRows(length, columns, stride);
        if (rows >= 0)
        {
            return rows;
        }

        ThrowHelper.NotWholeRows(name, length, columns, stride);
        return rows;
    }

    public static void CheckDestination(int length, int rows, string matrix)
    {
        if (length != rows)
        {
            ThrowHelper.DestinationNotOnePerRow(length, rows, matrix);
        }
    }

    public static void CheckReduction(Reduction reduction)
    {
        ThrowHelper.ThrowIfNotSumOrMean(reduction);
    }

    public static void CheckSmoothing(double labelSmoothing)
    {
        ThrowHelper.ThrowIfSmoothingOutOfRange(labelSmoothing);
    }

    public static void CheckTargets(ReadOnlySpan<int> targets, int rows, int columns, int? ignoreIndex)
    {
        if (targets.Length != rows)
        {
            ThrowHelper.TargetsNotOnePerRow(targets.Length, rows, columns);
        }

        for (int i = 0; i < targets.Length; i++)
        {
            int target = targets[i];
            if ((uint)target >= (uint)columns && target != ignoreIndex)
            {
                ThrowHelper.TargetOutOfRange(i, target, columns, ignoreIndex);
            }
        }
    }

    private static int TryRows(int length, int columns, int stride)
    {
        if (length == 0)
        {
            return 0;
        }

        if (stride == columns)
        {
            return length % columns == 0 ? length / columns : -1;
        }

        if (length >= columns && (length - columns) % stride == 0)
        {
            return ((length - columns) / stride) + 1;
        }

        return length % stride == 0 ? length / stride : -1;
    }

}
