using System;

namespace Kernels;

/// <summary>The length check every two-span function does before anything else, with the contract's message.</summary>
internal static class Lengths
{
    /// <summary>Throws <see cref="ArgumentException"/> (naming q and both lengths) unless p and q have the same length;
    /// then whether both are empty (every measure of nothing is 0).</summary>
    public static bool BothEmpty<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
    {
        ThrowHelper.ThrowIfLengthsDiffer(nameof(p), p.Length, nameof(q), q.Length);
        return p.IsEmpty;
    }
}
