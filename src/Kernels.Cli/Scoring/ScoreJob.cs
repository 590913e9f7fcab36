using System;
using System.Diagnostics;
using System.IO;
using System.Numerics;
using System.Runtime.InteropServices;
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

            var family = LogitsInputs.Read(request, p, stdin);
            return WriteScores(request, p, q, reference, family, stdout, progress, showProgress, pStream, token);
        }
        finally
        {
            q?.Dispose();
            qStream?.Dispose();
        }
    }

    private static Summary WriteScores(ScoreRequest request, IMatrixReader p, IMatrixReader? q, double[]? reference, LogitsInputs family, Stream stdout, TextWriter progress, bool showProgress, Stream pStream, CancellationToken token)
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
            Summary summary = Score(request, p, q, reference, family, writer, progress, showProgress, pStream, token);
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
                summary = Score(request, p, q, reference, family, writer, progress, showProgress, pStream, token);
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

    private static Summary Score(ScoreRequest request, IMatrixReader p, IMatrixReader? q, double[]? reference, LogitsInputs family, IScoreWriter writer, TextWriter progress, bool showProgress, Stream pStream, CancellationToken token) =>
        request.Single
            ? Score<float>(request, p, q, reference, family, writer, progress, showProgress, pStream, token)
            : Score<double>(request, p, q, reference, family, writer, progress, showProgress, pStream, token);

    /// <summary>The chunk loop, once for both element types: read, score through <see cref="Batch"/> in T, widen the
    /// scores to double (exactly) for the summary and the writer.</summary>
    private static Summary Score<T>(ScoreRequest request, IMatrixReader p, IMatrixReader? q, double[]? reference, LogitsInputs family, IScoreWriter writer, TextWriter progress, bool showProgress, Stream pStream, CancellationToken token)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int columns = p.Columns;
        int chunkRows = Math.Max(1, ChunkValues / columns);
        var summary = new Summary();
        var options = new BatchOptions { Normalize = request.Normalize, MaxDegreeOfParallelism = request.Threads, CancellationToken = token };
        T[]? shared = reference is null ? null : Array.ConvertAll(reference, T.CreateTruncating);
        T[] weights = family.Weights is null ? [] : Array.ConvertAll(family.Weights, T.CreateTruncating);
        T[] values = new T[chunkRows];
        double[] scores = new double[chunkRows];
        var clock = Stopwatch.StartNew();
        long lastReport = 0;
        long row = 0;
        using var chunks = new ReadAhead<T>(p, q, chunkRows);
        while (true)
        {
            token.ThrowIfCancellationRequested();
            (int n, T[] pRows, T[]? qRows) = chunks.Next();
            if (n == 0)
            {
                break;
            }

            ReadOnlySpan<T> second = qRows is not null ? qRows.AsSpan(0, n * columns) : shared;
            ReadOnlySpan<int> classes = family.ClassesOf(row, n, p.Source);
            Compute(request, pRows.AsSpan(0, n * columns), second, classes, weights, columns, values.AsSpan(0, n), options);
            for (int i = 0; i < n; i++)
            {
                scores[i] = double.CreateTruncating(values[i]);
            }

            row += n;
            Emit(scores.AsSpan(0, n), summary, writer, progress, showProgress, pStream, clock, ref lastReport, row);
        }

        if (showProgress && lastReport > 0)
        {
            progress.Write("\r\u001b[K");
        }

        if (row == 0)
        {
            throw new DataException($"{p.Source} has no rows.");
        }

        family.CheckAllRowsRead(row, p.Source);

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

    /// <summary>
    /// Scores rows of p (against q, one row per row or one shared row) with the request's measure, base and options:
    /// one <see cref="Batch"/> call per measure, the float or the double overload as T is (the JIT keeps one).
    /// </summary>
    private static void Compute<T>(ScoreRequest r, ReadOnlySpan<T> p, ReadOnlySpan<T> q, ReadOnlySpan<int> classes, ReadOnlySpan<T> weights, int columns, Span<T> scores, BatchOptions o)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            Score(r, Cast<T, float>(p), Cast<T, float>(q), classes, Cast<T, float>(weights), columns, MemoryMarshal.Cast<T, float>(scores), o);
        }
        else
        {
            Score(r, Cast<T, double>(p), Cast<T, double>(q), classes, Cast<T, double>(weights), columns, MemoryMarshal.Cast<T, double>(scores), o);
        }
    }

    private static ReadOnlySpan<TTo> Cast<TFrom, TTo>(ReadOnlySpan<TFrom> values)
        where TFrom : unmanaged
        where TTo : unmanaged => MemoryMarshal.Cast<TFrom, TTo>(values);

    private static void Score(ScoreRequest r, ReadOnlySpan<float> p, ReadOnlySpan<float> q, ReadOnlySpan<int> classes, ReadOnlySpan<float> w, int c, Span<float> s, BatchOptions o)
    {
        switch (r.Measure)
        {
            case Measure.CrossEntropy when r.Targets is not null && r.ClassWeights is not null: Batch.CrossEntropyFromLogits(classes, p, w, c, s, r.Base, o, r.LabelSmoothing, r.IgnoreIndex); break;
            case Measure.CrossEntropy when r.Targets is not null: Batch.CrossEntropyFromLogits(classes, p, c, s, r.Base, o, r.LabelSmoothing, r.IgnoreIndex); break;
            case Measure.BinaryCrossEntropy when r.PositiveWeights is not null: Batch.BinaryCrossEntropyFromLogits(p, q, w, c, s, o); break;
            case Measure.BinaryCrossEntropy: Batch.BinaryCrossEntropyFromLogits(p, q, c, s, o); break;
            case Measure.Entropy when r.Logits: Batch.EntropyFromLogits(p, c, s, r.Base, o); break;
            case Measure.Entropy: Batch.Entropy(p, c, s, r.Base, o); break;
            case Measure.CrossEntropy when r.Logits: Batch.CrossEntropyFromLogits(p, q, c, s, r.Base, o, r.LabelSmoothing); break;
            case Measure.CrossEntropy: Batch.CrossEntropy(p, q, c, s, r.Base, o); break;
            case Measure.KullbackLeibler when r.Logits: Batch.KullbackLeiblerFromLogProbabilities(p, q, c, s, r.Base, o); break;
            case Measure.KullbackLeibler: Batch.KullbackLeibler(p, q, c, s, r.Base, o); break;
            case Measure.JensenShannon: Batch.JensenShannonDivergence(p, q, c, s, r.Base, o); break;
            case Measure.JensenShannonDistance: Batch.JensenShannonDistance(p, q, c, s, r.Base, o); break;
            case Measure.Hellinger: Batch.Hellinger(p, q, c, s, o); break;
            case Measure.TotalVariation: Batch.TotalVariation(p, q, c, s, o); break;
            case Measure.PearsonChiSquare: Batch.PearsonChiSquare(p, q, c, s, o); break;
            case Measure.NeymanChiSquare: Batch.NeymanChiSquare(p, q, c, s, o); break;
            default: Batch.BhattacharyyaDistance(p, q, c, s, r.Base, o); break;
        }
    }

    private static void Score(ScoreRequest r, ReadOnlySpan<double> p, ReadOnlySpan<double> q, ReadOnlySpan<int> classes, ReadOnlySpan<double> w, int c, Span<double> s, BatchOptions o)
    {
        switch (r.Measure)
        {
            case Measure.CrossEntropy when r.Targets is not null && r.ClassWeights is not null: Batch.CrossEntropyFromLogits(classes, p, w, c, s, r.Base, o, r.LabelSmoothing, r.IgnoreIndex); break;
            case Measure.CrossEntropy when r.Targets is not null: Batch.CrossEntropyFromLogits(classes, p, c, s, r.Base, o, r.LabelSmoothing, r.IgnoreIndex); break;
            case Measure.BinaryCrossEntropy when r.PositiveWeights is not null: Batch.BinaryCrossEntropyFromLogits(p, q, w, c, s, o); break;
            case Measure.BinaryCrossEntropy: Batch.BinaryCrossEntropyFromLogits(p, q, c, s, o); break;
            case Measure.Entropy when r.Logits: Batch.EntropyFromLogits(p, c, s, r.Base, o); break;
            case Measure.Entropy: Batch.Entropy(p, c, s, r.Base, o); break;
            case Measure.CrossEntropy when r.Logits: Batch.CrossEntropyFromLogits(p, q, c, s, r.Base, o, r.LabelSmoothing); break;
            case Measure.CrossEntropy: Batch.CrossEntropy(p, q, c, s, r.Base, o); break;
            case Measure.KullbackLeibler when r.Logits: Batch.KullbackLeiblerFromLogProbabilities(p, q, c, s, r.Base, o); break;
            case Measure.KullbackLeibler: Batch.KullbackLeibler(p, q, c, s, r.Base, o); break;
            case Measure.JensenShannon: Batch.JensenShannonDivergence(p, q, c, s, r.Base, o); break;
            case Measure.JensenShannonDistance: Batch.JensenShannonDistance(p, q, c, s, r.Base, o); break;
            case Measure.Hellinger: Batch.Hellinger(p, q, c, s, o); break;
            case Measure.TotalVariation: Batch.TotalVariation(p, q, c, s, o); break;
            case Measure.PearsonChiSquare: Batch.PearsonChiSquare(p, q, c, s, o); break;
            case Measure.NeymanChiSquare: Batch.NeymanChiSquare(p, q, c, s, o); break;
            default: Batch.BhattacharyyaDistance(p, q, c, s, r.Base, o); break;
        }
    }
}
