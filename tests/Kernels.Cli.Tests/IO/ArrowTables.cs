using System;
using System.IO;
using System.Linq;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace Kernels.Cli.Tests.IO;

/// <summary>Arrow tables written with Apache.Arrow itself, as a user's files would be.</summary>
internal static class ArrowTables
{
    public static Schema Schema(params Field[] fields) => new(fields, metadata: null);

    public static Field Field(string name, IArrowType type, bool nullable = false) => new(name, type, nullable);

    public static DoubleArray Doubles(params double?[] values)
    {
        var builder = new DoubleArray.Builder();
        foreach (double? value in values)
        {
            _ = value is { } v ? builder.Append(v) : builder.AppendNull();
        }

        return builder.Build();
    }

    public static FloatArray Singles(params float?[] values)
    {
        var builder = new FloatArray.Builder();
        foreach (float? value in values)
        {
            _ = value is { } v ? builder.Append(v) : builder.AppendNull();
        }

        return builder.Build();
    }

    public static StringArray Strings(params string[] values) => new StringArray.Builder().AppendRange(values).Build();

    /// <summary>A fixed-size list column of doubles: one list of <paramref name="size"/> values per row.</summary>
    public static FixedSizeListArray DoubleLists(int size, params double?[][] rows)
    {
        var builder = new FixedSizeListArray.Builder(DoubleType.Default, size);
        var values = (DoubleArray.Builder)builder.ValueBuilder;
        foreach (double?[] row in rows)
        {
            builder.Append();
            foreach (double? value in row)
            {
                _ = value is { } v ? values.Append(v) : values.AppendNull();
            }
        }

        return builder.Build();
    }

    /// <summary>As <see cref="DoubleLists"/>, of floats.</summary>
    public static FixedSizeListArray SingleLists(int size, params float[][] rows)
    {
        var builder = new FixedSizeListArray.Builder(FloatType.Default, size);
        var values = (FloatArray.Builder)builder.ValueBuilder;
        foreach (float[] row in rows)
        {
            builder.Append();
            values.AppendRange(row);
        }

        return builder.Build();
    }

    public static RecordBatch Batch(Schema schema, params IArrowArray[] columns) => new(schema, columns, columns[0].Length);

    /// <summary>The IPC file format ("ARROW1", Feather v2), optionally with compressed buffers.</summary>
    public static byte[] File(Schema schema, IpcOptions? options, params RecordBatch[] batches)
    {
        using var stream = new MemoryStream();
        using (var writer = new ArrowFileWriter(stream, schema, leaveOpen: true, options))
        {
            WriteAll(writer, batches);
        }

        return stream.ToArray();
    }

    public static byte[] File(Schema schema, params RecordBatch[] batches) => File(schema, null, batches);

    /// <summary>The IPC stream format.</summary>
    public static byte[] Stream(Schema schema, params RecordBatch[] batches)
    {
        using var stream = new MemoryStream();
        using (var writer = new ArrowStreamWriter(stream, schema, leaveOpen: true))
        {
            WriteAll(writer, batches);
        }

        return stream.ToArray();
    }

    public static byte[] Write(bool file, Schema schema, params RecordBatch[] batches) => file ? File(schema, batches) : Stream(schema, batches);

    /// <summary>Three columns (a float64, b float32, c float64) in record batches of the given sizes; row r holds
    /// r + 0.25, r + 0.5 and -2r.</summary>
    public static (Schema Schema, RecordBatch[] Batches) Grid(params int[] batchSizes)
    {
        Schema schema = Schema(Field("a", DoubleType.Default), Field("b", FloatType.Default), Field("c", DoubleType.Default));
        int first = 0;
        var batches = new RecordBatch[batchSizes.Length];
        for (int i = 0; i < batchSizes.Length; i++)
        {
            int[] rows = Enumerable.Range(first, batchSizes[i]).ToArray();
            batches[i] = Batch(
                schema,
                Doubles(rows.Select(r => (double?)(r + 0.25)).ToArray()),
                Singles(rows.Select(r => (float?)(r + 0.5f)).ToArray()),
                Doubles(rows.Select(r => (double?)(-2.0 * r)).ToArray()));
            first += batchSizes[i];
        }

        return (schema, batches);
    }

    /// <summary>float64 columns p0, p1, … holding r * 0.001 + c, in record batches of 65,536 rows.</summary>
    public static byte[] Wide(int rows, int columns, bool file)
    {
        const int batchRows = 65_536;
        Schema schema = Schema(Enumerable.Range(0, columns).Select(c => Field("p" + c, DoubleType.Default)).ToArray());
        RecordBatch[] batches = Enumerable.Range(0, (rows + batchRows - 1) / batchRows).Select(b =>
        {
            int first = b * batchRows;
            int count = Math.Min(batchRows, rows - first);
            return Batch(schema, Enumerable.Range(0, columns).Select(c => (IArrowArray)new DoubleArray.Builder().AppendRange(Enumerable.Range(first, count).Select(r => (r * 0.001) + c)).Build()).ToArray());
        }).ToArray();
        return Write(file, schema, batches);
    }

    private static void WriteAll(ArrowStreamWriter writer, RecordBatch[] batches)
    {
        writer.WriteStart();
        foreach (RecordBatch batch in batches)
        {
            writer.WriteRecordBatch(batch);
        }

        writer.WriteEnd();
    }
}
