using System;
using System.Globalization;
using System.IO;
using Kernels.Cli.IO;

namespace Kernels.Cli.Scoring;

/// <summary>
/// The side inputs of the logits family, read and checked once before scoring: the class indices of
/// <c>cross-entropy --logits --targets</c> (one integer per row of logits, each in [0, columns) or the ignore index) and
/// the per-class or per-column weights (<c>--class-weights</c>, <c>--pos-weight</c>: a file or a comma list, one finite
/// weight ≥ 0 per column). Errors name the file or option, the position and the value.
/// </summary>
internal sealed record LogitsInputs(int[]? Classes, double[]? Weights, string? ClassesSource)
{
    public static LogitsInputs Read(ScoreRequest request, IMatrixReader logits, Stream stdin)
    {
        int columns = logits.Columns;
        int[]? classes = request.Targets is null ? null : ReadClasses(request.Targets, columns, request.IgnoreIndex, stdin, request.Header);
        string? option = request.ClassWeights is not null ? "--class-weights" : request.PositiveWeights is not null ? "--pos-weight" : null;
        double[]? weights = option is null ? null : ReadWeights(request.ClassWeights ?? request.PositiveWeights!, option, columns, stdin, request.Header);
        return new LogitsInputs(classes, weights, request.Targets);
    }

    /// <summary>The class indices of rows [start, start + count), or nothing when there are none.</summary>
    public ReadOnlySpan<int> ClassesOf(long start, int count, string logitsSource)
    {
        if (Classes is null)
        {
            return default;
        }

        if (start + count > Classes.Length)
        {
            throw new DataException($"{ClassesSource} holds {Classes.Length:N0} class indices but {logitsSource} has more rows; --targets needs one per row.");
        }

        return Classes.AsSpan((int)start, count);
    }

    public void CheckAllRowsRead(long rows, string logitsSource)
    {
        if (Classes is not null && rows != Classes.Length)
        {
            throw new DataException($"{logitsSource} has {rows:N0} rows but {ClassesSource} holds {Classes.Length:N0} class indices; --targets needs one per row.");
        }
    }

    private static int[] ReadClasses(string path, int columns, int? ignoreIndex, Stream stdin, bool? header)
    {
        double[] values = Inputs.ReadReference(path, DataFormat.Auto, stdin, header);
        var classes = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            bool integer = v == Math.Floor(v) && v >= int.MinValue && v <= int.MaxValue;
            if (!integer || !((v >= 0 && v < columns) || (int)v == ignoreIndex))
            {
                string allowed = ignoreIndex is int ignored ? $"an integer in [0, {columns}) or the ignore index {ignored}" : $"an integer in [0, {columns})";
                throw new DataException($"{path}: class index {i} is {v.ToString("R", CultureInfo.InvariantCulture)}; expected {allowed} (the logits have {columns} columns).");
            }

            classes[i] = (int)v;
        }

        return classes;
    }

    private static double[] ReadWeights(string text, string option, int columns, Stream stdin, bool? header)
    {
        double[] weights;
        if (text.Contains(',') || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            string[] items = text.Split(',', StringSplitOptions.TrimEntries);
            weights = new double[items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                if (!double.TryParse(items[i], NumberStyles.Float, CultureInfo.InvariantCulture, out weights[i]))
                {
                    throw new UsageException($"{option}: weight {i} ('{items[i]}') is not a number.");
                }
            }
        }
        else
        {
            weights = Inputs.ReadReference(text, DataFormat.Auto, stdin, header);
        }

        if (weights.Length != columns)
        {
            throw new DataException($"{option} has {weights.Length} weights but the logits have {columns} columns; give one per column (class).");
        }

        for (int i = 0; i < weights.Length; i++)
        {
            if (!double.IsFinite(weights[i]) || weights[i] < 0.0)
            {
                throw new DataException($"{option}: weight {i} is {weights[i].ToString("R", CultureInfo.InvariantCulture)}; a weight must be finite and ≥ 0.");
            }
        }

        return weights;
    }
}
