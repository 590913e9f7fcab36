using System;
using System.IO;
using Kernels.Cli.IO;

namespace Kernels.Cli.Scoring;

/// <summary>A wrong path, option or combination: exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}

/// <summary>Opens inputs: files (format from --format, the extension or the first bytes) and stdin ("-"), which is
/// spooled to a temporary file (deleted on close) when the format needs seeking (Parquet, Arrow IPC file).</summary>
internal static class Inputs
{
    private const int HeadLength = 8;

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
            var values = new System.Collections.Generic.List<double>();
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

    /// <summary>A non-seekable stream that first replays bytes already read (the head used to detect the format).</summary>
    private sealed class PrefixedStream : Stream
    {
        private readonly byte[] _prefix;
        private readonly Stream _rest;
        private int _position;

        public PrefixedStream(byte[] prefix, Stream rest)
        {
            _prefix = prefix;
            _rest = rest;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position < _prefix.Length)
            {
                int n = Math.Min(buffer.Length, _prefix.Length - _position);
                _prefix.AsSpan(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }

            return _rest.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
