using System;
using System.Collections.Generic;
using System.IO;

namespace Kernels.Cli.IO;

/// <summary>Opens inputs: files (format from --format, the extension or the first bytes) and stdin ("-"), which is
/// spooled to a temporary file (deleted on close) when the format needs seeking (Parquet, Arrow IPC file).</summary>
internal static class Inputs
{
    private const int HeadLength = 8;

    /// <summary>A reader of <paramref name="path"/> ("-": stdin) in <paramref name="format"/> (Auto: detected);
    /// <paramref name="stream"/> is what it reads, for the caller to dispose after the reader.</summary>
    public static IMatrixReader Open(string path, DataFormat format, ColumnSelection columns, Stream stdin, out Stream stream, bool? csvHeader = null)
    {
        string source = path == "-" ? "stdin" : path;
        byte[] head = new byte[HeadLength];
        if (path == "-")
        {
            int read = ReadHead(stdin, head);
            stream = new PrefixedStream(head.AsSpan(0, read).ToArray(), stdin);
            head = head[..read];
        }
        else
        {
            if (!File.Exists(path))
            {
                throw new UsageException($"input file not found: {path}");
            }

            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            int read = ReadHead(stream, head);
            head = head[..read];
            stream.Position = 0;
        }

        DataFormat actual = format == DataFormat.Auto ? Formats.Detect(path == "-" ? null : path, head) : format;
        if (path == "-" && Formats.NeedsSeek(actual, head))
        {
            string spool = Path.Combine(Path.GetTempPath(), $"kernels-stdin-{Guid.NewGuid():N}.tmp");
            var file = new FileStream(spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            stream.CopyTo(file);
            file.Position = 0;
            stream = file;
        }

        try
        {
            return Formats.OpenReader(stream, source, actual, columns, csvHeader);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a whole (small) file: its values row-major, and its column count.</summary>
    public static (double[] Values, int Columns, long Rows) ReadAll(string path, DataFormat format, Stream stdin, bool? csvHeader = null, long limit = 100_000_000)
    {
        using IMatrixReader reader = Open(path, format, ColumnSelection.All, stdin, out Stream stream, csvHeader);
        using (stream)
        {
            int columns = reader.Columns;
            var values = new List<double>();
            double[] buffer = new double[Math.Max(1, 4096 / columns) * columns];
            long rows = 0;
            int n;
            while ((n = reader.Read(buffer)) > 0)
            {
                rows += n;
                values.AddRange(new ArraySegment<double>(buffer, 0, n * columns));
                if (values.Count > limit)
                {
                    throw new DataException($"{reader.Source}: more than {limit:N0} values; this input is read whole.");
                }
            }

            return (values.ToArray(), columns, rows);
        }
    }

    /// <summary>Reads a reference distribution: one row of values, or one value per row.</summary>
    public static double[] ReadReference(string path, DataFormat format, Stream stdin, bool? csvHeader = null)
    {
        (double[] values, int columns, long rows) = ReadAll(path, format, stdin, csvHeader);
        return rows > 1 && columns > 1
            ? throw new DataException($"{(path == "-" ? "stdin" : path)}: a reference distribution is one row (or one column); found {rows:N0} rows of {columns} columns.")
            : values;
    }

    private static int ReadHead(Stream stream, byte[] head)
    {
        int total = 0;
        while (total < head.Length)
        {
            int read = stream.Read(head, total, head.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
