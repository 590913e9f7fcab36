namespace Kernels.Verification;

/// <summary>The kinds of input <see cref="KernelInputs.Pair"/> builds: each drives a generated fold down a path the
/// others may not (fast unchecked loop, checked blocks, special-value lanes).</summary>
public enum KernelInputKind
{
    /// <summary>Two positive distributions (each sums to 1).</summary>
    Clean,

    /// <summary>Distributions with exact zeros (about a quarter of p, a sixth of q), at random positions.</summary>
    Zeros,

    /// <summary>q = p·(1 + δ) with |δ| from 2⁻⁴ down to 2⁻⁴¹, one in eight exactly equal: where naive formulas cancel.</summary>
    NearEqual,

    /// <summary>Entries spread over 33 binary orders of magnitude (2⁰ … 2⁻¹¹⁰), then normalized: tiny and large terms mixed.</summary>
    Peaked,

    /// <summary>About a third of the entries subnormal in float (k·2⁻¹⁴⁹), some subnormal in double (k·2⁻¹⁰⁷⁴).</summary>
    Subnormal,

    /// <summary>About a third of the entries between 2⁶⁰ and 2⁹⁹ (beyond float's square range, not its own).</summary>
    Huge,

    /// <summary>Clean values with NaN, +∞, −∞, negatives, +0 and −0 at random positions (about one in forty).</summary>
    Specials,
}
