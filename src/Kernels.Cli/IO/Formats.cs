using System;
using System.IO;
using Kernels.Cli.Arrow;
using Kernels.Cli.Csv;
using Kernels.Cli.Npy;
using Kernels.Cli.Parquet;

namespace Kernels.Cli.IO;

/// <summary>Format detection and the readers and writers of each format.</summary>
internal static class Formats
{
    /// <summary>The first six bytes of an NPY file (0x93 is one byte, not the UTF-8 encoding of U+0093).</summary>
    private static ReadOnlySpan<byte> NpyMagic => new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' };

    /// <summary>The format of a file: from its extension, else from its first bytes (NPY, Arrow file or stream, and
    /// Parquet magic numbers), else CSV.</summary>
    public static DataFormat Detect(string? path, ReadOnlySpan<byte> head)
    {
        string extension = path is null ? string.Empty : Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".csv" or ".tsv" or ".txt":
                return DataFormat.Csv;
            case ".npy":
                return DataFormat.Npy;
            case ".arrow" or ".feather" or ".arrows" or ".ipc":
                return DataFormat.Arrow;
            case ".parquet" or ".pq":
                return DataFormat.Parquet;
        }

        if (head.StartsWith(NpyMagic))
        {
            return DataFormat.Npy;
        }

        if (head.StartsWith("ARROW1"u8) || head.StartsWith(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }))
        {
            return DataFormat.Arrow;
        }

        return head.StartsWith("PAR1"u8) ? DataFormat.Parquet : DataFormat.Csv;
    }

    /// <summary>Whether reading the format needs a seekable stream (stdin is spooled to a temporary file first).</summary>
    public static bool NeedsSeek(DataFormat format, ReadOnlySpan<byte> head) =>
        format == DataFormat.Parquet || (format == DataFormat.Arrow && head.StartsWith("ARROW1"u8));

    /// <summary>A reader of the format; <paramref name="csvHeader"/> says whether a CSV's first row is a header (null:
    /// detected).</summary>
    public static IMatrixReader OpenReader(Stream stream, string source, DataFormat format, ColumnSelection columns, bool? csvHeader = null) => format switch
    {
        DataFormat.Csv => new CsvMatrixReader(stream, source, columns, csvHeader),
        DataFormat.Npy => new NpyMatrixReader(stream, source, columns),
        DataFormat.Arrow => new ArrowMatrixReader(stream, source, columns),
        DataFormat.Parquet => new ParquetMatrixReader(stream, source, columns),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Detect the format first."),
    };

    public static IScoreWriter CreateWriter(Stream stream, DataFormat format, bool single, string name) => format switch
    {
        DataFormat.Csv => new CsvScoreWriter(stream, single, name),
        DataFormat.Npy => new NpyScoreWriter(stream, single),
        DataFormat.Arrow => new ArrowScoreWriter(stream, single, name),
        DataFormat.Parquet => new ParquetScoreWriter(stream, single, name),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Choose the output format first."),
    };
}
