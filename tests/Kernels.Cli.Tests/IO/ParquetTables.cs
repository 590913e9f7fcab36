using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace Kernels.Cli.Tests.IO;

/// <summary>Parquet files written with Parquet.Net itself, as a user's files would be.</summary>
internal static class ParquetTables
{
    /// <summary>A file of the given row groups: each row group holds one array per top-level field, in schema order:
    /// double[], float[], double?[] (nulls), long[], string[], or double[][] (one list per row) for a list field.</summary>
    public static byte[] Write(ParquetSchema schema, CompressionMethod compression, params object[][] rowGroups) =>
        WriteAsync(schema, compression, rowGroups).GetAwaiter().GetResult();

    public static byte[] Write(ParquetSchema schema, params object[][] rowGroups) => Write(schema, CompressionMethod.Snappy, rowGroups);

    /// <summary>Three columns (a DOUBLE, b FLOAT, c DOUBLE) in row groups of the given sizes; row r holds r + 0.25,
    /// r + 0.5 and -2r.</summary>
    public static (ParquetSchema Schema, object[][] RowGroups) Grid(params int[] rowGroupSizes)
    {
        var schema = new ParquetSchema(new DataField<double>("a"), new DataField<float>("b"), new DataField<double>("c"));
        int first = 0;
        var rowGroups = new object[rowGroupSizes.Length][];
        for (int i = 0; i < rowGroupSizes.Length; i++)
        {
            int[] rows = Enumerable.Range(first, rowGroupSizes[i]).ToArray();
            rowGroups[i] = new object[] { rows.Select(r => r + 0.25).ToArray(), rows.Select(r => r + 0.5f).ToArray(), rows.Select(r => -2.0 * r).ToArray() };
            first += rowGroupSizes[i];
        }

        return (schema, rowGroups);
    }

    /// <summary>DOUBLE columns p0, p1, … holding r * 0.001 + c, in one Snappy-compressed row group (pyarrow's
    /// default row group holds up to 1Mi rows).</summary>
    public static byte[] Wide(int rows, int columns)
    {
        var schema = new ParquetSchema(Enumerable.Range(0, columns).Select(c => (Field)new DataField<double>("p" + c)).ToArray());
        object[] values = Enumerable.Range(0, columns).Select(c => (object)Enumerable.Range(0, rows).Select(r => (r * 0.001) + c).ToArray()).ToArray();
        return Write(schema, values);
    }

    private static async Task<byte[]> WriteAsync(ParquetSchema schema, CompressionMethod compression, object[][] rowGroups)
    {
        using var stream = new MemoryStream();
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = compression }))
        {
            foreach (object[] columns in rowGroups)
            {
                using ParquetRowGroupWriter group = writer.CreateRowGroup();
                for (int i = 0; i < columns.Length; i++)
                {
                    await WriteColumn(group, schema.Fields[i], columns[i]);
                }
            }
        }

        return stream.ToArray();
    }

    private static Task WriteColumn(ParquetRowGroupWriter group, Field field, object values) => (field, values) switch
    {
        (ListField { Item: DataField item }, double[][] rows) => group.WriteAsync<double>(
            item,
            rows.SelectMany(row => row.Select(v => (double?)v)).ToArray(),
            rows.SelectMany(row => row.Select((_, i) => i == 0 ? 0 : 1)).ToArray()),
        (DataField data, double[] doubles) => group.WriteAsync<double>(data, doubles),
        (DataField data, float[] floats) => group.WriteAsync<float>(data, floats),
        (DataField data, double?[] doubles) => group.WriteAsync<double>(data, (ReadOnlyMemory<double?>)doubles),
        (DataField data, long[] longs) => group.WriteAsync<long>(data, longs),
        (DataField data, string[] strings) => group.WriteAsync(data, strings),
        _ => throw new ArgumentException($"cannot write {values.GetType().Name} to {field.Name}"),
    };
}
