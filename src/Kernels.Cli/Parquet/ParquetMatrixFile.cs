using System;
using System.IO;
using System.Linq;
using Parquet;
using Parquet.Schema;

namespace Kernels.Cli.Parquet;

/// <summary>A matrix as a Parquet file: DOUBLE columns c0, c1, …, in one row group.</summary>
internal static class ParquetMatrixFile
{
    /// <summary>Writes <paramref name="values"/> (row-major, <paramref name="columns"/> per row) to <paramref name="path"/>.</summary>
    public static void Write(string path, double[] values, int columns)
    {
        int rows = values.Length / columns;
        DataField<double>[] fields = Enumerable.Range(0, columns).Select(c => new DataField<double>("c" + c)).ToArray();
        using FileStream file = File.Create(path);
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
}
