using System;

namespace Kernels.Native;

/// <summary>The checks the C ABI adds in front of the .NET API: 64-bit sizes that must fit the spans' int lengths,
/// NULL pointers where data is needed, the options struct turned into <see cref="LogBase"/> and
/// <see cref="BatchOptions"/>. Everything else (shapes, strides, α, smoothing, reductions) is checked by the .NET API
/// itself, so C gets the same message a .NET caller would.</summary>
internal static unsafe class Boundary
{
    public static Measure MeasureOf(int measure) =>
        MeasureFacts.IsKnown((Measure)measure)
            ? (Measure)measure
            : throw new ArgumentException($"measure is {measure}; it must be one of the KERNELS_* measures of kernels.h (1 to {(int)Measure.ConditionalEntropy}).", nameof(measure));

    public static NativeOptions OptionsOf(NativeOptions* options) => options == null ? default : *options;

    /// <summary>options.base: 0 is the natural log; otherwise any finite b &gt; 0, b ≠ 1 (as <see cref="LogBase.Of"/>),
    /// and only for measures with a logarithm.</summary>
    public static LogBase BaseOf(in NativeOptions options, Measure measure)
    {
        if (options.Base == 0.0)
        {
            return LogBase.E;
        }

        if (MeasureFacts.TakesNoBase(measure))
        {
            throw new ArgumentException($"options.base is {options.Base.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}; {measure} has no logarithm and takes no log base (pass 0).", "options");
        }

        return LogBase.Of(options.Base);
    }

    public static BatchOptions BatchOptionsOf(in NativeOptions options) => new()
    {
        Normalize = options.Normalize != 0,
        RowStride = ToInt(options.PRowStride, "options.p_row_stride"),
        QRowStride = ToInt(options.QRowStride, "options.q_row_stride"),
        MaxDegreeOfParallelism = options.Threads,
    };

    public static int? IgnoreIndexOf(in NativeOptions options) => options.HasIgnoreIndex != 0 ? options.IgnoreIndex : null;

    /// <summary>A vector's length as a span length.</summary>
    public static int Length(long n, string name)
    {
        if (n < 0)
        {
            throw new ArgumentOutOfRangeException(name, n, $"{name} is {n}; a length cannot be negative.");
        }

        return ToInt(n, name);
    }

    /// <summary>The elements a matrix of <paramref name="rows"/> rows, <paramref name="stride"/> (0: dense) apart,
    /// spans: (rows − 1)·stride + columns.</summary>
    public static int MatrixLength(long rows, long columns, long stride, string name)
    {
        if (rows < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, $"rows is {rows}; a row count cannot be negative.");
        }

        if (columns <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(columns), columns, $"columns is {columns}; it must be positive.");
        }

        if (rows == 0)
        {
            return 0;
        }

        long step = stride == 0 ? columns : stride;
        if (step < columns)
        {
            // The .NET API words this error (it checks strides before it reads anything): give it no data to read.
            return 0;
        }

        Int128 length = ((Int128)(rows - 1) * step) + columns;
        return length > int.MaxValue
            ? throw new ArgumentOutOfRangeException(name, (long)length, $"{name} would span {length} elements ({rows} rows of {columns}, {step} apart); the library takes at most {int.MaxValue} elements per matrix: score it in chunks of rows.")
            : (int)length;
    }

    /// <summary>The elements of q for a pair measure: one reference row (q_rows = 1) or one row per row of p.</summary>
    public static int QLength(in NativeOptions options, long rows, long columns)
    {
        long qRows = options.QRows == 0 ? rows : options.QRows;
        if (qRows == 1)
        {
            return ToInt(columns, nameof(columns));
        }

        return qRows == rows
            ? MatrixLength(rows, columns, options.QRowStride, "q")
            : throw new ArgumentException($"options.q_rows is {options.QRows}; it must be 1 (one reference row), the row count of p ({rows}) or 0 (the same as p).", "options");
    }

    public static void RequireData(void* pointer, long length, string name)
    {
        if (pointer == null && length > 0)
        {
            throw new ArgumentNullException(name, $"{name} is NULL but must hold {length} elements.");
        }
    }

    public static void RequireResult(void* pointer, string name)
    {
        if (pointer == null)
        {
            throw new ArgumentNullException(name, $"{name} is NULL; it must point to where the result is written.");
        }
    }

    public static Reduction ReductionOf(int reduction) => (Reduction)reduction;

    public static int ToInt(long value, string name) =>
        value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} is {value}; the library takes at most {int.MaxValue}.");
}
