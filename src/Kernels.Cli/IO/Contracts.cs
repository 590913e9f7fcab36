using System;
using System.Collections.Generic;

namespace Kernels.Cli.IO;

/// <summary>The file formats the tool reads and writes.</summary>
internal enum DataFormat
{
    /// <summary>From the file extension, or from the first bytes (NPY, Arrow and Parquet magic; CSV otherwise).</summary>
    Auto,

    /// <summary>Comma-separated values (Sep); a header row is optional.</summary>
    Csv,

    /// <summary>NumPy .npy, format versions 1–3, little-endian float32 or float64, C order.</summary>
    Npy,

    /// <summary>Arrow IPC, file or stream (Feather v2; LZ4 and ZSTD compressed buffers are read).</summary>
    Arrow,

    /// <summary>Apache Parquet.</summary>
    Parquet,
}

/// <summary>Bad input data: the message names the source, the line or row, the column and the offending text where
/// they are known. The tool reports it and exits with code 1; nothing is written.</summary>
internal sealed class DataException : Exception
{
    public DataException(string message)
        : base(message)
    {
    }

    public DataException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>Which columns of a table to read: all (the default), or by name or zero-based index, in the given order.
/// Text form: a comma-separated list of names, indices and index ranges ("p0,p1", "2,5-9").</summary>
internal sealed record ColumnSelection(IReadOnlyList<ColumnSelector> Selectors)
{
    /// <summary>Every column, in file order.</summary>
    public static ColumnSelection All { get; } = new(Array.Empty<ColumnSelector>());

    public bool IsAll => Selectors.Count == 0;
}

/// <summary>One item of a column selection: a name, or an inclusive range of zero-based indices (First == Last for one).</summary>
internal abstract record ColumnSelector
{
    internal sealed record Named(string Name) : ColumnSelector;

    internal sealed record Indices(int First, int Last) : ColumnSelector;
}

/// <summary>
/// A matrix of numbers read in chunks of whole rows, so that memory stays bounded whatever the input size. A reader
/// knows its column count once opened (after column selection). Malformed input throws <see cref="DataException"/>.
/// </summary>
internal interface IMatrixReader : IDisposable
{
    /// <summary>The input's name in messages: a path, or "stdin".</summary>
    string Source { get; }

    /// <summary>Values per row (after column selection).</summary>
    int Columns { get; }

    /// <summary>Reads up to destination.Length / Columns whole rows into destination, row-major; returns how many rows
    /// were read (0 at the end of the input).</summary>
    int Read(Span<double> destination);

    /// <summary>As <see cref="Read(Span{double})"/>, into floats (values rounded to float).</summary>
    int Read(Span<float> destination);
}

/// <summary>Writes one score per row, appended chunk by chunk, to a stream the caller owns; <see cref="Complete"/>
/// finishes the file (footers, NPY shape). Scores are written as float32 or float64 as the writer was created.</summary>
internal interface IScoreWriter : IDisposable
{
    void Write(ReadOnlySpan<double> scores);

    void Complete();
}
