namespace Kernels;

/// <summary>Plain sums, compiled by the same generator (compensated, fused, every width): the totals that
/// normalization needs when they cannot be fused into the measure's own pass (Jensen–Shannon).</summary>
internal static partial class Sums
{
    /// <summary>The identity term: its fold is Σ xᵢ.</summary>
    [Term]
    internal static double Total(double x) => x;
}
