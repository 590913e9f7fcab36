using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Kernels.Cli.Npy;
using Parquet;
using Parquet.Schema;

namespace Kernels.Cli.IO;

/// <summary>Writes a matrix (rows × columns, row-major) as a CSV, NPY, Arrow or Parquet file with the formats' own
/// libraries, as a user's files would be: the inputs of <c>kernels bench --io</c>.</summary>
internal static class MatrixFiles
{
    public static void Write(string path, double[] values, int columns)
    {
        int rows = values.Length / columns;
        switch (Path.GetExtension(path))
        {
            case ".csv":
                using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
                {
                    writer.WriteLine(string.Join(",", Enumerable.Range(0, columns).Select(c => "c" + c)));
                    for (int r = 0; r < rows; r++)
                    {
                        for (int c = 0; c < columns; c++)
                        {
                            writer.Write(values[(r * columns) + c].ToString("R", CultureInfo.InvariantCulture));
                            writer.Write(c + 1 < columns ? ',' : '\n');
                        }
                    }
                }

                break;
            case ".npy":
                using (var file = File.Create(path))
                {
                    file.Write(new NpyHeader("<f8", false, [rows, columns]).Encode());
                    file.Write(MemoryMarshal.AsBytes(values.AsSpan()));
                }

                break;
            case ".arrow":
                using (var file = File.Create(path))
                {
                    ArrowFileWriter? writer = null;
                    const int BatchRows = 65_536;
                    for (int start = 0; start < rows; start += BatchRows)
                    {
                        int count = Math.Min(BatchRows, rows - start);
                        var batch = new RecordBatch.Builder();
                        for (int c = 0; c < columns; c++)
                        {
                            int column = c, first = start;
                            batch.Append("c" + c, false, builder => builder.Double(v => v.AppendRange(Enumerable.Range(first, count).Select(r => values[(r * columns) + column]))));
                        }

                        RecordBatch built = batch.Build();
                        writer ??= new ArrowFileWriter(file, built.Schema);
                        writer.WriteRecordBatch(built);
                    }

                    writer?.WriteEnd();
                    writer?.Dispose();
                }

                break;
            case ".parquet":
                DataField<double>[] fields = Enumerable.Range(0, columns).Select(c => new DataField<double>("c" + c)).ToArray();
                using (var file = File.Create(path))
                {
                    ParquetWriter writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), file).GetAwaiter().GetResult();
                    using (ParquetRowGroupWriter group = writer.CreateRowGroup())
                    {
                        for (int c = 0; c < columns; c++)
                        {
                            int column = c;
                            double[] data = Enumerable.Range(0, rows).Select(r => values[(r * columns) + column]).ToArray();
                            group.WriteAsync<double>(fields[c], data.AsMemory()).GetAwaiter().GetResult();
                        }
                    }

                    writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }

                break;
            default:
                throw new ArgumentException($"no matrix writer for {path}", nameof(path));
        }
    }
}
