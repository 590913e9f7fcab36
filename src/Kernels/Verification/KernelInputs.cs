using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Kernels.Verification;

/// <summary>
/// Hard inputs for property-testing generated kernels, the ones the built-ins are tested with, from a seed (so any
/// framework's generator can drive them, and a failure is reproduced by its seed): feed
/// <see cref="Pair"/> for every <see cref="KernelInputKind"/> and every length of <see cref="Lengths{T}"/> to
/// <c>Fold</c> and <c>FoldReference</c>, and compare with <see cref="KernelCheck"/>. With FsCheck, for example:
/// <code>
/// Gen.Choose(0, int.MaxValue).Select(seed => KernelInputs.Pair(KernelInputKind.NearEqual, seed, 1000))
/// </code>
/// Float kernels take <see cref="ToSingle"/> of the same values.
/// </summary>
public static class KernelInputs
{
    /// <summary>Every kind, for iterating.</summary>
    public static IReadOnlyList<KernelInputKind> Kinds { get; } = Enum.GetValues<KernelInputKind>();

    /// <summary>A positive distribution of <paramref name="length"/> entries summing to 1 (within rounding).</summary>
    public static double[] Distribution(int seed, int length) => Normalized(Positive(new Random(seed), length));

    /// <summary>p, a <see cref="Distribution"/>, and q = p·(1 + δ) with |δ| between 2⁻⁴¹ and 2⁻⁴, one entry in eight
    /// exactly equal to p's.</summary>
    public static (double[] P, double[] Q) NearEqual(int seed, int length) => Pair(KernelInputKind.NearEqual, seed, length);

    /// <summary>A copy of <paramref name="values"/> with NaN, +∞, −∞, a negative, +0 or −0 at random positions, each
    /// position with probability <paramref name="rate"/>.</summary>
    public static double[] WithSpecials(ReadOnlySpan<double> values, int seed, double rate = 1.0 / 40.0)
    {
        var random = new Random(seed);
        double[] result = values.ToArray();
        for (int i = 0; i < result.Length; i++)
        {
            if (random.NextDouble() < rate)
            {
                result[i] = Special(random);
            }
        }

        return result;
    }

    /// <summary>Two inputs of the given kind and length (see <see cref="KernelInputKind"/>); the same seed gives the
    /// same values.</summary>
    public static (double[] P, double[] Q) Pair(KernelInputKind kind, int seed, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var random = new Random(seed);
        double[] p = Positive(random, length);
        double[] q = Positive(random, length);
        for (int i = 0; i < length; i++)
        {
            switch (kind)
            {
                case KernelInputKind.Zeros:
                    p[i] = random.Next(4) == 0 ? 0.0 : p[i];
                    q[i] = random.Next(6) == 0 ? 0.0 : q[i];
                    break;
                case KernelInputKind.Peaked:
                    p[i] = Math.ScaleB(p[i], -random.Next(0, 111));
                    q[i] = Math.ScaleB(q[i], -random.Next(0, 111));
                    break;
                case KernelInputKind.Subnormal:
                    p[i] = random.Next(3) == 0 ? random.Next(1, 1000) * (double)float.Epsilon : random.Next(5) == 0 ? random.Next(1, 1000) * double.Epsilon : p[i];
                    q[i] = random.Next(3) == 0 ? random.Next(1, 1000) * (double)float.Epsilon : q[i];
                    break;
                case KernelInputKind.Huge:
                    p[i] = random.Next(3) == 0 ? Math.ScaleB(1.0 + random.NextDouble(), random.Next(60, 100)) : p[i];
                    q[i] = random.Next(3) == 0 ? Math.ScaleB(1.0 + random.NextDouble(), random.Next(60, 100)) : q[i];
                    break;
            }
        }

        if (kind is KernelInputKind.Clean or KernelInputKind.Zeros or KernelInputKind.Peaked or KernelInputKind.NearEqual or KernelInputKind.Specials)
        {
            p = Normalized(p);
            q = Normalized(q);
        }

        if (kind == KernelInputKind.NearEqual)
        {
            for (int i = 0; i < length; i++)
            {
                q[i] = random.Next(8) == 0 ? p[i] : p[i] * (1.0 + ((random.NextDouble() - 0.5) * Math.ScaleB(1.0, -random.Next(3, 41))));
            }
        }

        if (kind == KernelInputKind.Specials)
        {
            p = WithSpecials(p, random.Next());
            q = WithSpecials(q, random.Next());
        }

        return (p, q);
    }

    /// <summary>
    /// Lengths that take a generated fold of <typeparamref name="T"/> (float or double) through every path at every
    /// SIMD width (128-, 256- and 512-bit vectors): empty, shorter than one vector (scalar), one vector ± 1, the
    /// unrolled loop (up to four vectors per iteration) with 0–3 whole vectors left over and with a masked tail of any
    /// size, and two longer ones (many checked blocks).
    /// </summary>
    public static int[] Lengths<T>()
        where T : unmanaged
    {
        var lengths = new SortedSet<int>();
        for (int n = 0; n <= 17; n++)
        {
            lengths.Add(n);
        }

        for (int bytes = 16; bytes <= 64; bytes *= 2)
        {
            int width = bytes / Unsafe.SizeOf<T>();
            foreach (int vectors in new[] { 1, 2, 3, 4, 5, 7, 8, 9, 12, 16 })
            {
                lengths.Add((vectors * width) - 1);
                lengths.Add(vectors * width);
                lengths.Add((vectors * width) + 1);
                lengths.Add((vectors * width) + (width / 2));
            }
        }

        lengths.Add(1031);
        lengths.Add(3079);
        return [.. lengths];
    }

    /// <summary>The values rounded to float (for the float overloads of a kernel).</summary>
    public static float[] ToSingle(ReadOnlySpan<double> values)
    {
        var result = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = (float)values[i];
        }

        return result;
    }

    private static double[] Positive(Random random, int length)
    {
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = 1.0 - random.NextDouble(); // (0, 1]
        }

        return values;
    }

    private static double[] Normalized(double[] values)
    {
        double sum = 0.0;
        foreach (double x in values)
        {
            sum += double.IsFinite(x) ? x : 0.0;
        }

        if (sum > 0.0)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] /= sum;
            }
        }

        return values;
    }

    private static double Special(Random random) => random.Next(6) switch
    {
        0 => double.NaN,
        1 => double.PositiveInfinity,
        2 => double.NegativeInfinity,
        3 => -random.NextDouble(),
        4 => 0.0,
        _ => -0.0,
    };
}
