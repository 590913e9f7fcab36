using System;
using System.Diagnostics.CodeAnalysis;

namespace Kernels.Rows;

/// <summary>
/// The one wording of every row-shape error, thrown by the batch functions (<see cref="BatchShape"/>) and by the
/// generated public row folds (through <see cref="Support.RowSupport.CheckRows(int, int, string, int)"/>): each names
/// the argument and the numbers.
/// </summary>
internal static class ShapeErrors
{
    [DoesNotReturn]
    public static void Columns(int columns) =>
        throw new ArgumentOutOfRangeException(nameof(columns), columns, "The column count must be positive.");

    /// <summary><paramref name="name"/> is not a whole number of rows of <paramref name="columns"/> values,
    /// <paramref name="stride"/> apart.</summary>
    [DoesNotReturn]
    public static void NotWholeRows(string name, int length, int columns, int stride) =>
        throw new ArgumentException(
            stride == columns
                ? $"{name} has {length} elements, which is not a whole number of rows of {columns} columns."
                : $"{name} has {length} elements, which is not a whole number of rows of {columns} columns {stride} apart ((rows − 1)·{stride} + {columns} or rows·{stride} elements).",
            name);

    /// <summary>A second input <paramref name="name"/> without a row per row of <paramref name="first"/> (nor, where
    /// <paramref name="shared"/>, the one row every row is paired with).</summary>
    [DoesNotReturn]
    public static void NotTheRowsOf(string name, int length, string first, int rows, int columns, int stride, bool shared)
    {
        string expected = stride == columns
            ? $"{(long)rows * columns} (the {rows} rows of {columns} columns of {first})"
            : $"{(rows == 0 ? 0 : ((long)(rows - 1) * stride) + columns)} (the {rows} rows of {columns} columns of {first}, {stride} apart)";
        throw new ArgumentException(
            $"{name} has {length} elements; expected {expected}{(shared ? $" or {columns} (one row shared by every row of {first})" : string.Empty)}.",
            name);
    }

    /// <summary>A destination without exactly one element per row of <paramref name="matrix"/>.</summary>
    [DoesNotReturn]
    public static void Destination(int length, int rows, string matrix) =>
        throw new ArgumentException($"destination has {length} elements; expected {rows}, one per row of {matrix}.", "destination");
}
