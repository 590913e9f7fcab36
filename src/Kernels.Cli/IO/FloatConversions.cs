using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kernels.Cli.IO;

/// <summary>float ↔ double over spans, a vector at a time (the JIT does not vectorize the scalar conversion loop), for
/// every reader and writer that converts. Widening is exact; narrowing rounds to nearest, as the (float) cast does;
/// the same type is a copy.</summary>
internal static class FloatConversions
{
    /// <summary>destination[i] = (TTo)source[i] for the first source.Length elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Convert<TFrom, TTo>(ReadOnlySpan<TFrom> source, Span<TTo> destination)
        where TFrom : unmanaged, IBinaryFloatingPointIeee754<TFrom>
        where TTo : unmanaged, IBinaryFloatingPointIeee754<TTo>
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        }

        if (typeof(TFrom) == typeof(TTo))
        {
            MemoryMarshal.Cast<TFrom, TTo>(source).CopyTo(destination);
            return;
        }

        // The vector blocks: a float vector is two double vectors, whichever way the conversion goes.
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            if (typeof(TFrom) == typeof(float) && typeof(TTo) == typeof(double))
            {
                ref float from = ref Unsafe.As<TFrom, float>(ref MemoryMarshal.GetReference(source));
                ref double to = ref Unsafe.As<TTo, double>(ref MemoryMarshal.GetReference(destination));
                for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
                {
                    Vector.Widen(Vector.LoadUnsafe(ref from, (nuint)i), out Vector<double> low, out Vector<double> high);
                    low.StoreUnsafe(ref to, (nuint)i);
                    high.StoreUnsafe(ref to, (nuint)(i + Vector<double>.Count));
                }
            }
            else if (typeof(TFrom) == typeof(double) && typeof(TTo) == typeof(float))
            {
                ref double from = ref Unsafe.As<TFrom, double>(ref MemoryMarshal.GetReference(source));
                ref float to = ref Unsafe.As<TTo, float>(ref MemoryMarshal.GetReference(destination));
                for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
                {
                    Vector<double> low = Vector.LoadUnsafe(ref from, (nuint)i);
                    Vector<double> high = Vector.LoadUnsafe(ref from, (nuint)(i + Vector<double>.Count));
                    Vector.Narrow(low, high).StoreUnsafe(ref to, (nuint)i);
                }
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = TTo.CreateTruncating(source[i]);
        }
    }
}
