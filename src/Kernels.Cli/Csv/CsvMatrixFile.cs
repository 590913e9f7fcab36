using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Kernels.Cli.Csv;

/// <summary>A matrix as a CSV file: a header row c0, c1, …, then each row's values in round-trip form.</summary>
internal static class CsvMatrixFile
{
    /// <summary>Writes <paramref name="values"/> (row-major, <paramref name="columns"/> per row) to <paramref name="path"/>.</summary>
    public static void Write(string path, double[] values, int columns)
    {
        int rows = values.Length / columns;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
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
}
