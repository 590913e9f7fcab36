using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Kernels;

/// <summary>
/// Every argument error of the library, each kind thrown from one place with one wording: "what is what it is; what
/// was expected", naming the argument, the index and the numbers. The <c>ThrowIf…</c> checks are small enough to
/// inline; the throwing methods are not (<see cref="DoesNotReturnAttribute"/>), so a check costs a compare and a
/// branch on the hot path. Values are formatted round-trip and culture-invariant.
/// </summary>
internal static partial class ThrowHelper
{
    /// <summary>Throws unless the two inputs have the same length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfLengthsDiffer(string firstName, int firstLength, string name, int length)
    {
        if (firstLength != length)
        {
            LengthMismatch(firstName, firstLength, name, length);
        }
    }

    /// <summary>Throws unless α is a valid Rényi order: ≥ 0, +∞ allowed (so NaN is not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfInvalidOrder(double alpha)
    {
        if (!(alpha >= 0.0))
        {
            OrderOutOfRange(alpha);
        }
    }

    /// <summary>Throws unless α is a valid Tsallis index: finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfInvalidIndex(double alpha)
    {
        if (!double.IsFinite(alpha))
        {
            IndexNotFinite(alpha);
        }
    }

    /// <summary>Throws unless the column count is positive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfColumnsNotPositive(int columns)
    {
        if (columns <= 0)
        {
            ColumnsNotPositive(columns);
        }
    }

    /// <summary>Throws unless the stride option is 0 (dense rows) or at least the column count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfStrideBelowColumns(string option, int stride, int columns)
    {
        if (stride != 0 && stride < columns)
        {
            StrideBelowColumns(option, stride, columns);
        }
    }

    /// <summary>Throws unless the reduction is <see cref="Reduction.Sum"/> or <see cref="Reduction.Mean"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfNotSumOrMean(Reduction reduction)
    {
        if (reduction is not (Reduction.Sum or Reduction.Mean))
        {
            ReductionNotSumOrMean(reduction);
        }
    }

    /// <summary>Throws unless the label smoothing ε is in [0, 1] (so NaN is not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfSmoothingOutOfRange(double labelSmoothing)
    {
        if (!(labelSmoothing >= 0.0 && labelSmoothing <= 1.0))
        {
            SmoothingOutOfRange(labelSmoothing);
        }
    }

    /// <summary>Throws unless <see cref="BatchOptions.Normalize"/> is off, for inputs it means nothing for
    /// (<paramref name="why"/> says why, after "BatchOptions.Normalize is true; ").</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfNormalizing(BatchOptions options, string why)
    {
        if (options.Normalize)
        {
            NormalizeNotApplicable(why);
        }
    }

    /// <summary>Two inputs of different lengths: an <see cref="ArgumentException"/> on the second, naming both
    /// lengths (the wording of the generated kernels' own check).</summary>
    [DoesNotReturn]
    public static void LengthMismatch(string firstName, int firstLength, string name, int length) =>
        throw new ArgumentException($"The inputs must have the same length; {firstName} has {firstLength} elements and {name} has {length}.", name);

    /// <summary>An input whose length is not the one its shape requires (<paramref name="expected"/> says which length
    /// and why, e.g. "12 (the 4 rows of 3 columns of p)").</summary>
    [DoesNotReturn]
    public static void LengthNotExpected(string name, int length, string expected) =>
        throw new ArgumentException($"{name} has {length} elements; expected {expected}.", name);

    /// <summary>A second input <paramref name="name"/> without a row per row of <paramref name="first"/> (<paramref name="rows"/>
    /// rows of <paramref name="columns"/> values <paramref name="stride"/> apart), nor, where <paramref name="shared"/>, the one
    /// row every row is paired with; worded as <see cref="LengthNotExpected(string, int, string)"/>.</summary>
    [DoesNotReturn]
    public static void NotTheRowsOf(string name, int length, string first, int rows, int columns, int stride, bool shared)
    {
        string expected = stride == columns
            ? $"{(long)rows * columns} (the {rows} rows of {columns} columns of {first})"
            : $"{(rows == 0 ? 0 : ((long)(rows - 1) * stride) + columns)} (the {rows} rows of {columns} columns of {first}, {stride} apart)";
        LengthNotExpected(name, length, shared ? $"{expected} or {columns} (one row shared by every row of {first})" : expected);
    }

    /// <summary>A destination that does not hold one value per row of <paramref name="matrix"/>.</summary>
    [DoesNotReturn]
    public static void DestinationNotOnePerRow(int length, int rows, string matrix) =>
        throw new ArgumentException($"destination has {length} elements; expected {rows}, one per row of {matrix}.", "destination");

    /// <summary>A negative entry of an input that must be ≥ 0 (counts), naming its index and value.</summary>
    [DoesNotReturn]
    public static void NegativeEntry<T>(string name, long index, T value)
        where T : IFloatingPointIeee754<T> =>
        throw new ArgumentException($"{name}[{index}] is {Format(value)}; every entry of {name} must be ≥ 0.", name);

    /// <summary>A negative entry of a row-major table that must be ≥ 0, naming its row, column, flat index and value.</summary>
    [DoesNotReturn]
    public static void NegativeTableEntry<T>(string name, int row, int column, int columns, T value)
        where T : IFloatingPointIeee754<T> =>
        throw new ArgumentException(
            $"{name}[{row}, {column}] (element {((long)row * columns) + column}) is {Format(value)}; every entry of {name} must be ≥ 0.", name);

    /// <summary>A Rényi order α that is negative or NaN.</summary>
    [DoesNotReturn]
    public static void OrderOutOfRange(double alpha) =>
        throw new ArgumentOutOfRangeException("alpha", alpha, $"alpha is {Format(alpha)}; the order α must be ≥ 0 (+∞ allowed).");

    /// <summary>A Tsallis index α that is not finite.</summary>
    [DoesNotReturn]
    public static void IndexNotFinite(double alpha) =>
        throw new ArgumentOutOfRangeException("alpha", alpha, $"alpha is {Format(alpha)}; the index α must be finite.");

    /// <summary>A log base that is not finite, not positive, or 1.</summary>
    [DoesNotReturn]
    public static void InvalidLogBase(string name, double value) =>
        throw new ArgumentOutOfRangeException(name, value, $"{name} is {Format(value)}; a log base must be finite, greater than 0 and not 1.");

    /// <summary>A column count that is 0 or negative.</summary>
    [DoesNotReturn]
    public static void ColumnsNotPositive(int columns) =>
        throw new ArgumentOutOfRangeException("columns", columns, $"columns is {columns}; the column count must be positive.");

    /// <summary>A row-major input whose length is not a multiple of the column count.</summary>
    [DoesNotReturn]
    public static void NotWholeRows(string name, int length, int columns) =>
        throw new ArgumentException($"{name} has {length} elements, which is not a whole number of rows of {columns} columns.", name);

    /// <summary>A strided input that holds no whole number of rows of <paramref name="columns"/> values
    /// <paramref name="stride"/> apart; a dense stride (equal to the column count) is worded as
    /// <see cref="NotWholeRows(string, int, int)"/>.</summary>
    [DoesNotReturn]
    public static void NotWholeRows(string name, int length, int columns, int stride)
    {
        if (stride == columns)
        {
            NotWholeRows(name, length, columns);
        }

        throw new ArgumentException(
            $"{name} has {length} elements, which is not a whole number of rows of {columns} columns {stride} apart ((rows − 1)·{stride} + {columns} or rows·{stride} elements).",
            name);
    }

    /// <summary>A row stride option below the column count (0 means dense rows).</summary>
    [DoesNotReturn]
    public static void StrideBelowColumns(string option, int stride, int columns) =>
        throw new ArgumentOutOfRangeException("options", stride, $"BatchOptions.{option} is {stride}; it must be 0 (dense rows) or at least the column count ({columns}).");

    /// <summary><see cref="BatchOptions.Normalize"/> asked of inputs it means nothing for (logits, log-probabilities,
    /// counts, Gaussians).</summary>
    [DoesNotReturn]
    public static void NormalizeNotApplicable(string why) =>
        throw new ArgumentException($"BatchOptions.Normalize is true; {why}", "options");

    /// <summary>A reduction other than <see cref="Reduction.Sum"/> and <see cref="Reduction.Mean"/>.</summary>
    [DoesNotReturn]
    public static void ReductionNotSumOrMean(Reduction reduction) =>
        throw new ArgumentOutOfRangeException("reduction", reduction,
            $"reduction is {reduction}; it must be Reduction.Sum or Reduction.Mean (for one score per row, pass a destination).");

    /// <summary>A label smoothing ε outside [0, 1] or NaN.</summary>
    [DoesNotReturn]
    public static void SmoothingOutOfRange(double labelSmoothing) =>
        throw new ArgumentOutOfRangeException("labelSmoothing", labelSmoothing, $"labelSmoothing is {Format(labelSmoothing)}; it must be in [0, 1].");

    /// <summary>Targets without one class index per row of logits.</summary>
    [DoesNotReturn]
    public static void TargetsNotOnePerRow(int length, int rows, int columns) =>
        throw new ArgumentException($"targets has {length} class indices; expected {rows}, one per row of logits ({rows} rows of {columns} columns).", "targets");

    /// <summary>A class index outside [0, columns) that is not the ignore index.</summary>
    [DoesNotReturn]
    public static void TargetOutOfRange(int index, int target, int columns, int? ignoreIndex) =>
        throw new ArgumentOutOfRangeException("targets", target,
            $"targets[{index}] is {target}; a class index must be in [0, {columns}){(ignoreIndex is int ignored ? $" or the ignore index {ignored}" : string.Empty)}.");

    // "R": the shortest text that reads back as the same float or double.
    private static string Format<T>(T value)
        where T : IFloatingPointIeee754<T> => value.ToString("R", CultureInfo.InvariantCulture);
}
