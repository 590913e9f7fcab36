using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Kernels.Cli.Npy;

/// <summary>float ↔ double over spans, a vector at a time (the JIT does not vectorize the scalar conversion loop).
/// Widening is exact; narrowing rounds to nearest, as the (float) cast does.</summary>
internal static class NpyConversions
{
    /// <summary>destination[i] = source[i] for the first source.Length elements.</summary>
    public static void Widen(ReadOnlySpan<float> source, Span<double> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        }

        ref float from = ref MemoryMarshal.GetReference(source);
        ref double to = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector.Widen(Vector.LoadUnsafe(ref from, (nuint)i), out Vector<double> low, out Vector<double> high);
                low.StoreUnsafe(ref to, (nuint)i);
                high.StoreUnsafe(ref to, (nuint)(i + Vector<double>.Count));
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }

    /// <summary>destination[i] = (float)source[i] for the first source.Length elements.</summary>
    public static void Narrow(ReadOnlySpan<double> source, Span<float> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        }

        ref double from = ref MemoryMarshal.GetReference(source);
        ref float to = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector<double> low = Vector.LoadUnsafe(ref from, (nuint)i);
                Vector<double> high = Vector.LoadUnsafe(ref from, (nuint)(i + Vector<double>.Count));
                Vector.Narrow(low, high).StoreUnsafe(ref to, (nuint)i);
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = (float)source[i];
        }
    }
}
