using System;

namespace Kernels;

/// <summary>
/// When a Rényi power sum has lost digits and how it is rescaled, shared by the single-vector functions
/// (<see cref="Measures"/>) and the batch rows, so both decide and compute the same way: log Σp^α = α·log m +
/// log Σ(p/m)^α for the largest probability m (or the largest ratio p/q of a divergence).
/// </summary>
internal static class RenyiRescaling
{
    /// <summary>Sums below 2^-1000 or above 2^1000 (or 0, ∞) have lost digits or will: rescale. NaN stands.</summary>
    public static bool InNormalRange(double sum) => double.IsNaN(sum) || (sum >= 9.332636185032189e-302 && sum <= 1.0715086071862673e301);

    /// <summary>Whether a maximum or largest ratio can scale a sum: positive and finite (NaN, 0 and ∞ cannot).</summary>
    public static bool CanScaleBy(double scale) => scale > 0.0 && double.IsFinite(scale);

    /// <summary>Rényi entropy in nats from Σ(p/m)^α and the maximum m; a maximum that is NaN, 0 or not finite leaves
    /// nothing to rescale and gives the limit of the unscaled sum.</summary>
    public static double Entropy(double scaledSum, double max, double alpha) =>
        CanScaleBy(max)
            ? ((alpha * Math.Log(max)) + Math.Log(scaledSum)) / (1.0 - alpha)
            : Terms.RenyiEntropyOfSum(double.IsNaN(max) ? double.NaN : max == 0.0 ? 0.0 : double.PositiveInfinity, alpha);

    /// <summary>Rényi divergence in nats from Σ(p/r)^α·q^(1−α) and the largest ratio r = p/q
    /// (Σp^α·q^(1−α) = r^α·Σ(p/r)^α·q^(1−α)); when r is 0, ∞ or NaN the unscaled <paramref name="sum"/> stands and
    /// <paramref name="scaledSum"/> is not read.</summary>
    public static double Divergence(double scaledSum, double sum, double ratio, double alpha) =>
        CanScaleBy(ratio)
            ? ((alpha * Math.Log(ratio)) + Math.Log(scaledSum)) / (alpha - 1.0)
            : Terms.RenyiDivergenceOfSum(sum, alpha);
}
