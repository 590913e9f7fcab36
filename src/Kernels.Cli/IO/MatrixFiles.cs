using System;
using System.IO;
using Kernels.Cli.Arrow;
using Kernels.Cli.Csv;
using Kernels.Cli.Npy;
using Kernels.Cli.Parquet;

namespace Kernels.Cli.IO;

/// <summary>Writes a matrix (rows × columns, row-major) as a CSV, NPY, Arrow or Parquet file with the formats' own
/// libraries, as a user's files would be: the inputs of <c>kernels bench --io</c>.</summary>
internal static class MatrixFiles
{
    /// <summary>Writes <paramref name="values"/> in the format of <paramref name="path"/>'s extension (.csv, .npy,
    /// .arrow or .parquet).</summary>
    public static void Write(string path, double[] values, int columns)
    {
        switch (Path.GetExtension(path))
        {
            case ".csv":
                CsvMatrixFile.Write(path, values, columns);
                break;
            case ".npy":
                NpyMatrixFile.Write(path, values, columns);
                break;
            case ".arrow":
                ArrowMatrixFile.Write(path, values, columns);
                break;
            case ".parquet":
                ParquetMatrixFile.Write(path, values, columns);
                break;
            default:
                throw new ArgumentException($"no matrix writer for {path}", nameof(path));
        }
    }
}
