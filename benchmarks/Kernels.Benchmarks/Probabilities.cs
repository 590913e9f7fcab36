using System;
using System.Numerics;

namespace Kernels.Benchmarks;

/// <summary>Deterministic benchmark inputs.</summary>
internal static class Probabilities
{
    public const int Seed = 42;

    /// <summary>Two different strictly positive probability vectors drawn in sequence from one generator seeded with
    /// <paramref name="seed"/>. Weights are uniform on (0, 1], normalized in double and then rounded to T, so the
    /// float inputs are the double inputs rounded.</summary>
    public static (T[] P, T[] Q) Pair<T>(int n, int seed = Seed)
        where T : IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        return (Draw<T>(random, n), Draw<T>(random, n));
    }

    /// <summary>q within ±0.5% of p, element by element, renormalized: the inputs of a drift check between two
    /// nearly identical distributions.</summary>
    public static T[] NearlyEqual<T>(T[] p, int seed = Seed)
        where T : IFloatingPointIeee754<T>
    {
        var random = new Random(seed + 1);
        var weights = new double[p.Length];
        double total = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            weights[i] = double.CreateTruncating(p[i]) * (1.0 + (0.01 * (random.NextDouble() - 0.5)));
            total += weights[i];
        }

        var result = new T[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            result[i] = T.CreateTruncating(weights[i] / total);
        }

        return result;
    }

    /// <summary>Two different row-major matrices of <paramref name="rows"/> strictly positive probability rows of
    /// <paramref name="columns"/> values, each row normalized to 1 (in double, then rounded to T), drawn in sequence
    /// from one generator: the inputs of a batch where every row is a distribution.</summary>
    public static (T[] P, T[] Q) RowPair<T>(int rows, int columns, int seed = Seed)
        where T : IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        return (DrawRows<T>(random, rows, columns), DrawRows<T>(random, rows, columns));
    }

    private static T[] DrawRows<T>(Random random, int rows, int columns)
        where T : IFloatingPointIeee754<T>
    {
        var result = new T[rows * columns];
        for (int row = 0; row < rows; row++)
        {
            Draw<T>(random, columns).CopyTo(result, row * columns);
        }

        return result;
    }

    private static T[] Draw<T>(Random random, int n)
        where T : IFloatingPointIeee754<T>
    {
        var weights = new double[n];
        double total = 0.0;
        for (int i = 0; i < n; i++)
        {
            weights[i] = 1.0 - random.NextDouble();
            total += weights[i];
        }

        var result = new T[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = T.CreateTruncating(weights[i] / total);
        }

        return result;
    }
}
