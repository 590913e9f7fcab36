using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace Kernels.Tests;

/// <summary>
/// A probability vector built from non-negative integer weights (zeros mixed in, never all zero unless empty),
/// normalized in double, with its float image. The weights are kept so a failure prints something replayable.
/// </summary>
public sealed class Distribution
{
    public Distribution(int[] weights)
    {
        Weights = weights;
        Counts = weights.Select(w => (double)w).ToArray();
        P = Normalize(weights);
        PSingle = P.Select(x => (float)x).ToArray();
    }

    /// <summary>The unnormalized weights (counts).</summary>
    public int[] Weights { get; }

    /// <summary>The weights as doubles (what SciPy-style normalized functions take).</summary>
    public double[] Counts { get; }

    /// <summary>wᵢ / Σw in double (sums to 1 within rounding).</summary>
    public double[] P { get; }

    /// <summary>The float image of <see cref="P"/>.</summary>
    public float[] PSingle { get; }

    public int Length => Weights.Length;

    internal static double[] Normalize(int[] weights)
    {
        long total = weights.Sum(w => (long)w);
        return weights.Select(w => total == 0 ? 0.0 : w / (double)total).ToArray();
    }

    public override string ToString() => $"Distribution(n={Length}, weights=[{string.Join(",", Weights)}])";
}

/// <summary>
/// Two probability vectors of one length. Q is positive wherever P is (so cross-entropy and KL are finite); where
/// P is zero, Q may be zero or not. One pair in four has Q a small perturbation of P (the near-equal regime).
/// </summary>
public sealed class DistributionPair
{
    public DistributionPair(int[] pWeights, int[] qWeights)
    {
        First = new Distribution(pWeights);
        Second = new Distribution(qWeights);
    }

    public Distribution First { get; }

    public Distribution Second { get; }

    public double[] P => First.P;

    public double[] Q => Second.P;

    public float[] PSingle => First.PSingle;

    public float[] QSingle => Second.PSingle;

    public int Length => First.Length;

    public override string ToString() =>
        $"DistributionPair(n={Length}, p=[{string.Join(",", First.Weights)}], q=[{string.Join(",", Second.Weights)}])";
}

/// <summary>FsCheck arbitraries for <see cref="Distribution"/> and <see cref="DistributionPair"/>. The default
/// double generator yields NaN and ±∞, so vectors are built from integer weights and normalized.</summary>
public static class Distributions
{
    /// <summary>Mostly 0…300 (every vector width, unrolled block and tail), sometimes 1000…5000.</summary>
    public static Gen<int> Lengths { get; } =
        Gen.Frequency((12, Gen.Choose(0, 300)), (1, Gen.Choose(1000, 5000)));

    /// <summary>One weight in five is zero; the rest span three to six decades.</summary>
    public static Gen<int> Weights { get; } =
        Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 1000)), (1, Gen.Choose(1, 1_000_000)));

    private static Gen<int> PositiveWeights { get; } =
        Gen.Frequency((3, Gen.Choose(1, 1000)), (1, Gen.Choose(1, 1_000_000)));

    private static Gen<int[]> WeightVectors { get; } =
        Lengths.SelectMany(n => Gen.ArrayOf(Weights, n)).Select(EnsureSomeMass);

    public static Arbitrary<Distribution> Vectors() => Arb.From(WeightVectors.Select(w => new Distribution(w)));

    public static Arbitrary<DistributionPair> Pairs() =>
        Arb.From(Gen.Frequency(
            (3, WeightVectors.SelectMany(p => Independent(p), (p, q) => new DistributionPair(p, q))),
            (1, WeightVectors.SelectMany(p => Perturbed(p), (p, q) => new DistributionPair(p, q)))));

    // Q independent of P, but positive wherever P is.
    private static Gen<int[]> Independent(int[] p) =>
        Gen.CollectToArray(p, w => w > 0 ? PositiveWeights : Weights).Select(EnsureSomeMass);

    // Q = P ± 1 elementwise (weights up to 10^6 make the relative change as small as 10^-6), positive where P is.
    private static Gen<int[]> Perturbed(int[] p) =>
        Gen.CollectToArray(p, w => Gen.Choose(-1, 1).Select(d => w > 0 ? Math.Max(1, w + d) : 0)).Select(EnsureSomeMass);

    private static int[] EnsureSomeMass(int[] weights)
    {
        if (weights.Length > 0 && weights.All(w => w == 0))
        {
            weights[weights.Length / 2] = 1;
        }

        return weights;
    }
}
