namespace Kernels.Cli.IO;

/// <summary>The file formats the tool reads and writes.</summary>
internal enum DataFormat
{
    /// <summary>From the file extension, or from the first bytes (NPY, Arrow and Parquet magic; CSV otherwise).</summary>
    Auto,

    /// <summary>Comma-separated values (Sep); a header row is optional.</summary>
    Csv,

    /// <summary>NumPy .npy, format versions 1–3, little-endian float32 or float64, C order.</summary>
    Npy,

    /// <summary>Arrow IPC, file or stream (Feather v2; LZ4 and ZSTD compressed buffers are read).</summary>
    Arrow,

    /// <summary>Apache Parquet.</summary>
    Parquet,
}
