using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Kernels.Cli.IO;

namespace Kernels.Cli.Scoring;

/// <summary>
/// One scoring run, streamed: rows are read in chunks of about <see cref="ChunkValues"/> values per input (the next
/// chunk read on a worker thread while the current one is scored with <see cref="Batch"/> and written), so memory
/// stays bounded whatever the input size (two chunks of 8 MB per input in double, plus the format libraries' buffers
/// and the summary's 8 MB). Output to a file goes to a
/// temporary file in the same folder, renamed over the target only when everything succeeded.
/// </summary>
internal static class ScoreJob
{
    /// <summary>Values per input per chunk.</summary>
    public const int ChunkValues = 1 << 20;

    public static Summary Run(ScoreRequest request, Stream stdin, Stream stdout, TextWriter progress, bool showProgress, CancellationToken token)
    {
        using IMatrixReader p = Inputs.Open(request.Input, request.Format, request.Columns, stdin, out Stream pStream, request.Header);
        using Stream pOwned = pStream;
        IMatrixReader? q = null;
        Stream? qStream = null;
        try
        {
            if (request.Q is not null)
            {
                q = Inputs.Open(request.Q, request.Format, request.Columns, stdin, out qStream, request.Header);
                if (q.Columns != p.Columns)
                {
                    throw new DataException($"{p.Source} has {p.Columns} columns but {q.Source} has {q.Columns}; --q needs one row of the same length per row.");
                }
            }

            double[]? reference = request.Reference is null ? null : Inputs.ReadReference(request.Reference, request.Format, stdin, request.Header);
            if (reference is not null && reference.Length != p.Columns)
            {
                throw new DataException($"{request.Reference} holds {reference.Length} values but {p.Source} has {p.Columns} columns; the reference must have one value per column.");
            }

            return WriteScores(request, p, q, reference, stdout, progress, showProgress, pStream, token);
        }
        finally
        {
            q?.Dispose();
            qStream?.Dispose();
        }
    }

    private static Summary WriteScores(ScoreRequest request, IMatrixReader p, IMatrixReader? q, double[]? reference, Stream stdout, TextWriter progress, bool showProgress, Stream pStream, CancellationToken token)
    {
        DataFormat format = request.OutputFormat != DataFormat.Auto ? request.OutputFormat
            : request.Output == "-" ? DataFormat.Csv
            : Formats.Detect(request.Output, default);
        string name = Names.Of(request.Measure);
        if (request.Output == "-" || IsDevice(request.Output))
        {
            // Stdout, or a device such as /dev/null written in place: renaming a file over a device would replace it.
            using Stream? device = request.Output == "-" ? null : new FileStream(request.Output, FileMode.Open, FileAccess.Write);
            Stream target = device ?? stdout;
            using IScoreWriter writer = Formats.CreateWriter(target, format, request.Single, name);
            Summary summary = Score(request, p, q, reference, writer, progress, showProgress, pStream, token);
            writer.Complete();
            target.Flush();
            return summary;
        }

        string final = Path.GetFullPath(request.Output);
        string folder = Path.GetDirectoryName(final) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"output folder not found: {folder}");
        }

        string temporary = Path.Combine(folder, $".{Path.GetFileName(final)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Summary summary;
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                using IScoreWriter writer = Formats.CreateWriter(file, format, request.Single, name);
                summary = Score(request, p, q, reference, writer, progress, showProgress, pStream, token);
                writer.Complete();
                file.Flush(flushToDisk: false);
            }

            File.Move(temporary, final, overwrite: true);
            return summary;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static bool IsDevice(string path) =>
        !OperatingSystem.IsWindows() && Path.GetFullPath(path).StartsWith("/dev/", StringComparison.Ordinal);

    private static Summary Score(ScoreRequest request, IMatrixReader p, IMatrixReader? q, double[]? reference, IScoreWriter writer, TextWriter progress, bool showProgress, Stream pStream, CancellationToken token)
    {
        int columns = p.Columns;
        int chunkRows = Math.Max(1, ChunkValues / columns);
        var summary = new Summary();
        var options = new BatchOptions { Normalize = request.Normalize, MaxDegreeOfParallelism = request.Threads, CancellationToken = token };
        double[] scores = new double[chunkRows];
        var clock = Stopwatch.StartNew();
        long lastReport = 0;
        long row = 0;
        if (request.Single)
        {
            float[]? shared = reference is null ? null : Array.ConvertAll(reference, v => (float)v);
            float[] single = new float[chunkRows];
            using var chunks = new ReadAhead<float>(p, q, chunkRows);
            while (true)
            {
                token.ThrowIfCancellationRequested();
                (int n, float[] pRows, float[]? qRows) = chunks.Next();
                if (n == 0)
                {
                    break;
                }

                ReadOnlySpan<float> second = qRows is not null ? qRows.AsSpan(0, n * columns) : shared;
                if (Names.IsTermMeasure(request.Measure))
                {
                    // The term kernels fold float rows into double scores: rounded to float, as the other measures' are.
                    ComputeTermMeasure(request, pRows.AsSpan(0, n * columns), second, columns, scores.AsSpan(0, n));
                    for (int i = 0; i < n; i++)
                    {
                        scores[i] = (float)scores[i];
                    }
                }
                else
                {
                    Compute(request, pRows.AsSpan(0, n * columns), second, columns, single.AsSpan(0, n), options);
                    for (int i = 0; i < n; i++)
                    {
                        scores[i] = single[i];
                    }
                }

                row += n;
                Emit(scores.AsSpan(0, n), summary, writer, progress, showProgress, pStream, clock, ref lastReport, row);
            }
        }
        else
        {
            using var chunks = new ReadAhead<double>(p, q, chunkRows);
            while (true)
            {
                token.ThrowIfCancellationRequested();
                (int n, double[] pRows, double[]? qRows) = chunks.Next();
                if (n == 0)
                {
                    break;
                }

                ReadOnlySpan<double> second = qRows is not null ? qRows.AsSpan(0, n * columns) : reference;
                if (Names.IsTermMeasure(request.Measure))
                {
                    ComputeTermMeasure(request, pRows.AsSpan(0, n * columns), second, columns, scores.AsSpan(0, n));
                }
                else
                {
                    Compute(request, pRows.AsSpan(0, n * columns), second, columns, scores.AsSpan(0, n), options);
                }
                row += n;
                Emit(scores.AsSpan(0, n), summary, writer, progress, showProgress, pStream, clock, ref lastReport, row);
            }
        }

        if (showProgress && lastReport > 0)
        {
            progress.Write("\r\u001b[K");
        }

        if (row == 0)
        {
            throw new DataException($"{p.Source} has no rows.");
        }

        return summary;
    }

    private static void Emit(ReadOnlySpan<double> scores, Summary summary, IScoreWriter writer, TextWriter progress, bool showProgress, Stream pStream, Stopwatch clock, ref long lastReport, long rows)
    {
        summary.Add(scores);
        writer.Write(scores);
        long now = clock.ElapsedMilliseconds;
        if (showProgress && now > 1000 && now - lastReport > 200)
        {
            lastReport = now;
            string share = pStream.CanSeek && pStream.Length > 0 ? $"  {100.0 * pStream.Position / pStream.Length:F0}%" : string.Empty;
            progress.Write(FormattableString.Invariant($"\r\u001b[K{rows:N0} rows{share}  {rows / (now / 1000.0):N0} rows/s"));
            progress.Flush();
        }
    }

    /// <summary>The measures of <see cref="Measures"/> through their terms' row folds (one thread; q one row or one per
    /// row, as for the other measures): the same values as <c>Measures.Hellinger(row, qRow)</c> and the others.</summary>
    private static void ComputeTermMeasure(ScoreRequest r, ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<double> scores)
    {
        switch (r.Measure)
        {
            case Measure.Hellinger: Terms.HellingerKernel.MeasureEachRow(p, q, columns, scores); break;
            case Measure.TotalVariation: Terms.TotalVariationKernel.MeasureEachRow(p, q, columns, scores); break;
            case Measure.PearsonChiSquare: Terms.PearsonChiSquareKernel.FoldEachRow(p, q, columns, scores); break;
            case Measure.NeymanChiSquare: Terms.NeymanChiSquareKernel.FoldEachRow(p, q, columns, scores); break;
            default: Terms.BhattacharyyaKernel.MeasureEachRow(p, q, columns, scores); InBase(r.Base, scores); break;
        }
    }

    private static void ComputeTermMeasure(ScoreRequest r, ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> scores)
    {
        switch (r.Measure)
        {
            case Measure.Hellinger: Terms.HellingerKernel.MeasureEachRow(p, q, columns, scores); break;
            case Measure.TotalVariation: Terms.TotalVariationKernel.MeasureEachRow(p, q, columns, scores); break;
            case Measure.PearsonChiSquare: Terms.PearsonChiSquareKernel.FoldEachRow(p, q, columns, scores); break;
            case Measure.NeymanChiSquare: Terms.NeymanChiSquareKernel.FoldEachRow(p, q, columns, scores); break;
            default: Terms.BhattacharyyaKernel.MeasureEachRow(p, q, columns, scores); InBase(r.Base, scores); break;
        }
    }

    /// <summary>Nats to the requested base, in place.</summary>
    private static void InBase(LogBase logBase, Span<double> scores)
    {
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = logBase.FromNats(scores[i]);
        }
    }

    private static void Compute(ScoreRequest r, ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<float> scores, BatchOptions options)
    {
        switch (r.Measure)
        {
            case Measure.Entropy when r.Logits:
                Batch.EntropyFromLogits(p, columns, scores, r.Base, options);
                break;
            case Measure.Entropy:
                Batch.Entropy(p, columns, scores, r.Base, options);
                break;
            case Measure.CrossEntropy when r.Logits:
                Batch.CrossEntropyFromLogits(p, q, columns, scores, r.Base, options);
                break;
            case Measure.CrossEntropy:
                Batch.CrossEntropy(p, q, columns, scores, r.Base, options);
                break;
            case Measure.KullbackLeibler when r.Logits:
                Batch.KullbackLeiblerFromLogProbabilities(p, q, columns, scores, r.Base, options);
                break;
            case Measure.KullbackLeibler:
                Batch.KullbackLeibler(p, q, columns, scores, r.Base, options);
                break;
            case Measure.JensenShannon:
                Batch.JensenShannonDivergence(p, q, columns, scores, r.Base, options);
                break;
            default:
                Batch.JensenShannonDistance(p, q, columns, scores, r.Base, options);
                break;
        }
    }

    private static void Compute(ScoreRequest r, ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> scores, BatchOptions options)
    {
        switch (r.Measure)
        {
            case Measure.Entropy when r.Logits:
                Batch.EntropyFromLogits(p, columns, scores, r.Base, options);
                break;
            case Measure.Entropy:
                Batch.Entropy(p, columns, scores, r.Base, options);
                break;
            case Measure.CrossEntropy when r.Logits:
                Batch.CrossEntropyFromLogits(p, q, columns, scores, r.Base, options);
                break;
            case Measure.CrossEntropy:
                Batch.CrossEntropy(p, q, columns, scores, r.Base, options);
                break;
            case Measure.KullbackLeibler when r.Logits:
                Batch.KullbackLeiblerFromLogProbabilities(p, q, columns, scores, r.Base, options);
                break;
            case Measure.KullbackLeibler:
                Batch.KullbackLeibler(p, q, columns, scores, r.Base, options);
                break;
            case Measure.JensenShannon:
                Batch.JensenShannonDivergence(p, q, columns, scores, r.Base, options);
                break;
            default:
                Batch.JensenShannonDistance(p, q, columns, scores, r.Base, options);
                break;
        }
    }
}
