using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Kernels.Cli.Npy;

/// <summary>A matrix as a NumPy .npy file: '&lt;f8', shape (rows, columns), C order.</summary>
internal static class NpyMatrixFile
{
    /// <summary>Writes <paramref name="values"/> (row-major, <paramref name="columns"/> per row) to <paramref name="path"/>.</summary>
    public static void Write(string path, double[] values, int columns)
    {
        using FileStream file = File.Create(path);
        file.Write(new NpyHeader("<f8", false, [values.Length / columns, columns]).Encode());
        file.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }
}
