using System;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Kernels;

/// <summary>The checks of per-class and per-column weights (class weights of cross-entropy, positive weights of
/// binary cross-entropy): one weight per column, each finite and ≥ 0.</summary>
internal static partial class ThrowHelper
{
    /// <summary>Throws unless <paramref name="weights"/> has one finite, non-negative value per column.</summary>
    public static void ThrowIfInvalidWeights<T>(ReadOnlySpan<T> weights, int columns, string name)
        where T : IFloatingPointIeee754<T>
    {
        if (weights.Length != columns)
        {
            WeightsNotOnePerColumn(name, weights.Length, columns);
        }

        for (int i = 0; i < weights.Length; i++)
        {
            T w = weights[i];
            if (!T.IsFinite(w) || w < T.Zero)
            {
                WeightOutOfRange(name, i, w);
            }
        }
    }

    /// <summary>Weights without exactly one value per column (class).</summary>
    [DoesNotReturn]
    public static void WeightsNotOnePerColumn(string name, int length, int columns) =>
        throw new ArgumentException($"{name} has {length} elements; expected {columns}, one per column (class).", name);

    /// <summary>A weight that is negative, infinite or NaN.</summary>
    [DoesNotReturn]
    public static void WeightOutOfRange<T>(string name, int index, T value)
        where T : IFloatingPointIeee754<T> =>
        throw new ArgumentOutOfRangeException(name, value, $"{name}[{index}] is {Format(value)}; a weight must be finite and ≥ 0.");
}
