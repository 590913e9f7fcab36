using System;

namespace Kernels.Cli.IO;

/// <summary>
/// A matrix of numbers read in chunks of whole rows, so that memory stays bounded whatever the input size. A reader
/// knows its column count once opened (after column selection). Malformed input throws <see cref="DataException"/>.
/// </summary>
internal interface IMatrixReader : IDisposable
{
    /// <summary>The input's name in messages: a path, or "stdin".</summary>
    string Source { get; }

    /// <summary>Values per row (after column selection).</summary>
    int Columns { get; }

    /// <summary>Reads up to destination.Length / Columns whole rows into destination, row-major; returns how many rows
    /// were read (0 at the end of the input).</summary>
    int Read(Span<double> destination);

    /// <summary>As <see cref="Read(Span{double})"/>, into floats (values rounded to float).</summary>
    int Read(Span<float> destination);
}
