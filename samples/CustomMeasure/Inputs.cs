using System;

namespace CustomMeasure;

/// <summary>A pair of probability vectors, in double and rounded to float (the float kernels get the float values, and
/// so does their reference).</summary>
public sealed record Inputs(string Name, double[] P, double[] Q)
{
    /// <summary><see cref="P"/> rounded to float.</summary>
    public float[] PSingle { get; } = Array.ConvertAll(P, x => (float)x);

    /// <summary><see cref="Q"/> rounded to float.</summary>
    public float[] QSingle { get; } = Array.ConvertAll(Q, x => (float)x);

    /// <summary>Two random distributions of <paramref name="length"/> elements (uniform on the simplex, from a fixed
    /// seed), zero at the same positions in about one element in sixteen so that the terms' 0·log 0 cases are taken.</summary>
    public static Inputs Random(int length, int seed)
    {
        var random = new Random(seed);
        double[] p = new double[length];
        double[] q = new double[length];
        for (int i = 0; i < length; i++)
        {
            bool gap = random.Next(16) == 0;
            p[i] = gap ? 0.0 : -Math.Log(1.0 - random.NextDouble());
            q[i] = gap ? 0.0 : -Math.Log(1.0 - random.NextDouble());
        }

        return new Inputs($"random n={length:N0}", Normalize(p), Normalize(q));
    }

    /// <summary>A small pair where p has mass that q lacks: Jeffreys is +∞ there, and the kernels must say so too.</summary>
    public static Inputs DisjointSupport() =>
        new("p > 0 where q = 0", [0.5, 0.25, 0.25, 0.0, 0.0], [0.5, 0.0, 0.25, 0.25, 0.0]);

    private static double[] Normalize(double[] weights)
    {
        double total = 0.0;
        foreach (double w in weights)
        {
            total += w;
        }

        return total > 0.0 ? Array.ConvertAll(weights, w => w / total) : weights;
    }
}
