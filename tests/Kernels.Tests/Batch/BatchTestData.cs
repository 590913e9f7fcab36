using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace Kernels.Tests;

/// <summary>
/// A row-major matrix as the batch functions read it: <see cref="Rows"/> rows of <see cref="Columns"/> values,
/// <see cref="Stride"/> apart. Everything between rows (and after the last row when it is padded) is NaN, so a fold
/// that reads outside its row turns that row's score into NaN and the comparison catches it.
/// </summary>
public sealed class StridedRows
{
    public StridedRows(double[] values, int rows, int columns, int optionStride, bool padLastRow)
    {
        Rows = rows;
        Columns = columns;
        OptionStride = optionStride;
        Stride = optionStride == 0 ? columns : optionStride;
        int length = rows == 0 ? 0 : padLastRow ? rows * Stride : ((rows - 1) * Stride) + columns;
        Buffer = new double[length];
        Array.Fill(Buffer, double.NaN);
        for (int r = 0; r < rows; r++)
        {
            Array.Copy(values, r * columns, Buffer, r * Stride, columns);
        }

        Single = Buffer.Select(x => (float)x).ToArray();
    }

    /// <summary>The values as the double functions read them.</summary>
    public double[] Buffer { get; }

    /// <summary>The float image of <see cref="Buffer"/> (what the float functions read).</summary>
    public float[] Single { get; }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>The distance between row starts.</summary>
    public int Stride { get; }

    /// <summary>What <see cref="BatchOptions.RowStride"/> is set to: 0 (dense) or <see cref="Stride"/>.</summary>
    public int OptionStride { get; }

    /// <summary>Row r as doubles, or as the float values widened (exactly) to double.</summary>
    public double[] Row(int r, bool single) => single
        ? Single.AsSpan(r * Stride, Columns).ToArray().Select(x => (double)x).ToArray()
        : Buffer.AsSpan(r * Stride, Columns).ToArray();

    /// <summary>One row of values, dense (the shared q of one-vs-many).</summary>
    public static StridedRows OneRow(double[] values) => new(values, 1, values.Length, 0, false);
}

/// <summary>Element values for batch inputs: probabilities with zeros, tiny values, wide ranges and (rarely, one per
/// row) NaN, ±∞ or negatives; logits; log-probabilities. Deterministic in the seed, so a failure replays.</summary>
public static class BatchValues
{
    public static readonly string[] ProbabilityKinds = ["clean", "zeros", "counts", "near-equal", "tiny", "wide", "specials"];

    public static readonly string[] LogitKinds = ["normal", "masked", "offset", "ties", "peaked", "specials"];

    /// <summary>p and q of <paramref name="length"/> values each (q related to p as the kind says).</summary>
    public static (double[] P, double[] Q) Probabilities(string kind, int length, int columns, int seed)
    {
        var random = new Random(seed);
        var p = new double[length];
        var q = new double[length];
        for (int i = 0; i < length; i++)
        {
            p[i] = 1.0 - random.NextDouble();
            q[i] = 1.0 - random.NextDouble();
            switch (kind)
            {
                case "zeros":
                    if (random.Next(4) == 0) p[i] = 0.0;
                    if (random.Next(6) == 0) q[i] = 0.0;
                    break;
                case "counts":
                    p[i] = random.Next(5) == 0 ? 0.0 : random.Next(1, 1001);
                    q[i] = random.Next(1, 1001);
                    break;
                case "near-equal":
                    q[i] = random.Next(8) == 0 ? p[i] : p[i] * (1.0 + ((random.NextDouble() - 0.5) * Math.ScaleB(1.0, -random.Next(3, 40))));
                    break;
                case "tiny":
                    if (random.Next(4) == 0) p[i] = Math.ScaleB(1.0 + random.NextDouble(), -random.Next(100, 1070));
                    if (random.Next(4) == 0) q[i] = Math.ScaleB(1.0 + random.NextDouble(), -random.Next(100, 1070));
                    if (random.Next(6) == 0) p[i] = random.Next(1, 100) * (double)float.Epsilon;
                    break;
                case "wide":
                    p[i] = Math.ScaleB(p[i], random.Next(-110, 40));
                    q[i] = Math.ScaleB(q[i], random.Next(-110, 40));
                    break;
            }
        }

        if (kind == "specials")
        {
            for (int start = 0; start + columns <= length; start += columns)
            {
                if (random.Next(3) == 0)
                {
                    double[] target = random.Next(2) == 0 ? p : q;
                    target[start + random.Next(columns)] = Special(random);
                }
            }
        }

        return (p, q);
    }

    /// <summary>Logits: normal with a random spread, with −∞ masks, offset by ±500, tied small integers, peaked (one
    /// class far ahead), or with a NaN or ±∞ in one row in four.</summary>
    public static double[] Logits(string kind, int length, int columns, int seed)
    {
        var random = new Random(seed);
        double spread = new[] { 0.3, 2.0, 8.0 }[random.Next(3)];
        double offset = kind == "offset" ? (random.Next(2) == 0 ? 500.0 : -500.0) : 0.0;
        var z = new double[length];
        for (int i = 0; i < length; i++)
        {
            z[i] = kind == "ties" ? random.Next(-3, 4) : offset + (spread * Normal(random));
            if (kind == "masked" && random.Next(5) == 0)
            {
                z[i] = double.NegativeInfinity;
            }
        }

        for (int start = 0; start + columns <= length; start += columns)
        {
            if (kind == "peaked")
            {
                z[start + random.Next(columns)] += 12.0;
            }
            else if (kind == "specials" && random.Next(4) == 0)
            {
                z[start + random.Next(columns)] = random.Next(4) switch
                {
                    0 => double.NaN,
                    1 => double.PositiveInfinity,
                    _ => double.NegativeInfinity,
                };
            }
        }

        return z;
    }

    /// <summary>Rows of log-probabilities (log of a normalized row of random weights, −∞ where a weight is 0).</summary>
    public static double[] LogProbabilities(int length, int columns, int seed, bool zeros)
    {
        var random = new Random(seed);
        var a = new double[length];
        for (int start = 0; start + columns <= length; start += columns)
        {
            double total = 0.0;
            for (int j = 0; j < columns; j++)
            {
                double w = zeros && random.Next(5) == 0 ? 0.0 : Math.ScaleB(1.0 - random.NextDouble(), -random.Next(0, 20));
                a[start + j] = w;
                total += w;
            }

            for (int j = 0; j < columns; j++)
            {
                a[start + j] = total == 0.0 ? double.NegativeInfinity : Math.Log(a[start + j] / total);
            }
        }

        return a;
    }

    /// <summary>One class index per row in [0, columns), with <paramref name="ignoreIndex"/> in about one row in six.</summary>
    public static int[] Classes(int rows, int columns, int seed, int? ignoreIndex)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows)
            .Select(_ => ignoreIndex is int ignored && random.Next(6) == 0 ? ignored : random.Next(columns))
            .ToArray();
    }

    public static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    private static double Special(Random random) => random.Next(6) switch
    {
        0 => double.NaN,
        1 => double.PositiveInfinity,
        2 => double.NegativeInfinity,
        3 => -random.NextDouble(),
        4 => -0.0,
        _ => double.NaN,
    };
}

/// <summary>
/// One generated batch: shape (rows 0…200, columns 1…300, mostly narrow), strides with NaN padding, q as a full matrix
/// or one shared row, a log base and a thread count. The matrices are rebuilt from these numbers, so the printed case
/// is the whole reproduction.
/// </summary>
public sealed class BatchCase
{
    public static readonly LogBase[] Bases = [LogBase.E, LogBase.Two, LogBase.Ten, LogBase.Of(3.7), LogBase.Of(0.5)];

    public BatchCase(string kind, int seed, int rows, int columns, int pPadding, int qPadding, bool sharedQ, bool padLastRow, int baseIndex, int threads)
    {
        Kind = kind;
        Seed = seed;
        Columns = columns;
        PPadding = pPadding;
        QPadding = qPadding;
        SharedQ = sharedQ;
        PadLastRow = padLastRow;
        BaseIndex = baseIndex;
        Threads = threads;
        (double[] p, double[] q) = BatchValues.Probabilities(kind, Math.Max(rows, 1) * columns, columns, seed);
        P = new StridedRows(p, rows, columns, pPadding < 0 ? 0 : columns + pPadding, padLastRow);
        Q = sharedQ
            ? StridedRows.OneRow(q.AsSpan(0, columns).ToArray())
            : new StridedRows(q, rows, columns, qPadding < 0 ? 0 : columns + qPadding, padLastRow);
    }

    public string Kind { get; }

    public int Seed { get; }

    public int Rows => P.Rows;

    public int Columns { get; }

    /// <summary>Extra elements between rows of p; −1 for dense rows with no RowStride option.</summary>
    public int PPadding { get; }

    public int QPadding { get; }

    public bool SharedQ { get; }

    public bool PadLastRow { get; }

    public int BaseIndex { get; }

    public int Threads { get; }

    public StridedRows P { get; }

    public StridedRows Q { get; }

    public LogBase LogBase => Bases[BaseIndex];

    public BatchOptions Options(bool normalize) => new()
    {
        Normalize = normalize,
        RowStride = P.OptionStride,
        QRowStride = SharedQ ? 0 : Q.OptionStride,
        MaxDegreeOfParallelism = Threads,
    };

    /// <summary>Row r of q (the shared row for one-vs-many).</summary>
    public double[] QRow(int r, bool single) => Q.Row(SharedQ ? 0 : r, single);

    public override string ToString() =>
        $"BatchCase(kind={Kind}, seed={Seed}, rows={Rows}, columns={Columns}, pPadding={PPadding}, qPadding={QPadding}, sharedQ={SharedQ}, padLastRow={PadLastRow}, base={LogBase}, threads={Threads})";
}

/// <summary>FsCheck arbitrary for <see cref="BatchCase"/>.</summary>
public static class BatchCases
{
    public static Arbitrary<BatchCase> Cases() => Arb.From(
        from kind in Gen.Elements(BatchValues.ProbabilityKinds)
        from rows in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 40)), (3, Gen.Choose(41, 200)))
        from columns in Gen.Frequency((5, Gen.Choose(1, 70)), (2, Gen.Choose(1, 300)))
        from pPadding in Gen.Frequency((2, Gen.Constant(-1)), (2, Gen.Choose(0, 9)))
        from qPadding in Gen.Frequency((2, Gen.Constant(-1)), (1, Gen.Constant(pPadding)), (2, Gen.Choose(0, 9)))
        from sharedQ in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from padLastRow in Gen.Elements(false, true)
        from baseIndex in Gen.Choose(0, BatchCase.Bases.Length - 1)
        from threads in Gen.Elements(0, 1, 2)
        from seed in Gen.Choose(0, int.MaxValue)
        select new BatchCase(kind, seed, rows, columns, pPadding, qPadding, sharedQ, padLastRow, baseIndex, threads));
}
