using System;
using System.IO;
using System.Linq;
using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace Kernels.Cli.Arrow;

/// <summary>A matrix as an Arrow IPC file: float64 columns c0, c1, …, in record batches of 65,536 rows.</summary>
internal static class ArrowMatrixFile
{
    private const int BatchRows = 65_536;

    /// <summary>Writes <paramref name="values"/> (row-major, <paramref name="columns"/> per row) to <paramref name="path"/>.</summary>
    public static void Write(string path, double[] values, int columns)
    {
        int rows = values.Length / columns;
        using FileStream file = File.Create(path);
        ArrowFileWriter? writer = null;
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
}
