using System;

namespace Kernels.Cli.IO;

/// <summary>Writes one score per row, appended chunk by chunk, to a stream the caller owns; <see cref="Complete"/>
/// finishes the file (footers, NPY shape). Scores are written as float32 or float64 as the writer was created.</summary>
internal interface IScoreWriter : IDisposable
{
    /// <summary>Appends the scores of the next rows (rounded to float by a single-precision writer).</summary>
    void Write(ReadOnlySpan<double> scores);

    /// <summary>Finishes the file (footer, the row count in the header) and flushes; no scores may follow.</summary>
    void Complete();
}
