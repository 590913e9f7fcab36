using System;

namespace Kernels.Cli.IO;

/// <summary>One selected column of a columnar batch (an Arrow record batch, a Parquet row group): little-endian
/// float32 or float64 values, <see cref="Width"/> consecutive values per row (1 for a plain column, the list size for
/// a list column), row 0 first.</summary>
internal interface IColumnBlock
{
    /// <summary>float32 values if true, float64 otherwise.</summary>
    bool IsSingle { get; }

    /// <summary>Values per row.</summary>
    int Width { get; }

    /// <summary>The values of every row of the batch, <see cref="Width"/> per row.</summary>
    ReadOnlySpan<byte> Bytes { get; }
}
