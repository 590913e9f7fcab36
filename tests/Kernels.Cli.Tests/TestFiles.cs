using System.Linq;
using Kernels.Cli.IO;

namespace Kernels.Cli.Tests;

/// <summary>Matrices written with the formats' own libraries (NPY with the tool's one header writer), as a user's files
/// would be: the tool's <see cref="MatrixFiles"/>, which also writes the inputs of <c>kernels bench --io</c>.</summary>
internal static class TestFiles
{
    public static void Write(string path, double[][] rows) =>
        MatrixFiles.Write(path, rows.SelectMany(r => r).ToArray(), rows[0].Length);
}
