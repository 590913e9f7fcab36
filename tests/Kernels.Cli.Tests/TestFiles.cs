using System;
using System.IO;
using System.Linq;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Parquet;
using Parquet.Schema;

namespace Kernels.Cli.Tests;

/// <summary>Matrices written with the formats' own libraries (NPY by hand), as a user's files would be.</summary>
internal static class TestFiles
{
    public static void Write(string path, double[][] rows)
    {
        int columns = rows[0].Length;
        switch (Path.GetExtension(path))
        {
            case ".npy":
                WriteNpy(path, rows, columns);
                break;
            case ".arrow":
                WriteArrow(path, rows, columns);
                break;
            case ".parquet":
                WriteParquet(path, rows, columns);
                break;
            default:
                throw new ArgumentException(path);
        }
    }

    private static void WriteNpy(string path, double[][] rows, int columns)
    {
        string header = $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({rows.Length}, {columns}), }}";
        int total = 10 + header.Length + 1;
        header += new string(' ', (64 - (total % 64)) % 64) + "\n";
        using var file = File.Create(path);
        file.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' });
        file.Write(new byte[] { 1, 0, (byte)header.Length, (byte)(header.Length >> 8) });
        file.Write(Encoding.Latin1.GetBytes(header));
        foreach (double[] row in rows)
        {
            foreach (double value in row)
            {
                file.Write(BitConverter.GetBytes(value));
            }
        }
    }

    private static void WriteArrow(string path, double[][] rows, int columns)
    {
        var batch = new RecordBatch.Builder();
        for (int c = 0; c < columns; c++)
        {
            int column = c;
            batch.Append("c" + c, false, builder => builder.Double(values => values.AppendRange(rows.Select(r => r[column]))));
        }

        RecordBatch built = batch.Build();
        using var file = File.Create(path);
        using var writer = new ArrowFileWriter(file, built.Schema);
        writer.WriteRecordBatch(built);
        writer.WriteEnd();
    }

    private static void WriteParquet(string path, double[][] rows, int columns)
    {
        DataField<double>[] fields = Enumerable.Range(0, columns).Select(c => new DataField<double>("c" + c)).ToArray();
        using var file = File.Create(path);
        ParquetWriter writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), file).GetAwaiter().GetResult();
        using (ParquetRowGroupWriter group = writer.CreateRowGroup())
        {
            for (int c = 0; c < columns; c++)
            {
                double[] data = rows.Select(r => r[c]).ToArray();
                group.WriteAsync<double>(fields[c], data.AsMemory()).GetAwaiter().GetResult();
            }
        }

        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
