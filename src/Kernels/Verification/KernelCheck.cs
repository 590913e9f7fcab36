using System;
using System.Globalization;
using System.Numerics;

namespace Kernels.Verification;

/// <summary>
/// The agreement rule the built-in kernels are tested with, for property-testing your own: a generated fold
/// (<c>MyTerms.JeffreysKernel.Fold(p, q)</c>) agrees with its scalar reference (<c>FoldReference(p, q)</c>, the term
/// folded in a plain compensated loop) when both are the same special value (NaN and NaN, +∞ and +∞, −∞ and −∞), or
/// both are finite and |kernel − reference| ≤ tolerance·magnitude. Works with any test framework:
/// <code>
/// double kernel = MyTerms.JeffreysKernel.Fold(p, q), reference = MyTerms.JeffreysKernel.FoldReference(p, q);
/// KernelCheck.Assert(kernel, reference, KernelCheck.Magnitude(p, q, MyTerms.Jeffreys), 8 * KernelCheck.DoubleEpsilon);
/// </code>
/// Tolerances the built-ins meet (c·ε with ε = <see cref="DoubleEpsilon"/> or <see cref="SingleEpsilon"/>):
/// 8ε_double for double terms of arithmetic, roots and logarithms (and float inputs a term folds in double); 8ε_float
/// for float inputs folded in float; for a term with an exponential or a power, make the magnitude
/// Σ|termᵢ|·(1 + |exponentᵢ|), since the exponential magnifies the rounding of its argument.
/// </summary>
public static class KernelCheck
{
    /// <summary>2⁻⁵², the spacing of doubles at 1 (not <see cref="double.Epsilon"/>, the smallest subnormal).</summary>
    public const double DoubleEpsilon = 2.220446049250313e-16;

    /// <summary>2⁻²³, the spacing of floats at 1.</summary>
    public const double SingleEpsilon = 1.1920928955078125e-7;

    /// <summary>True when <paramref name="kernel"/> and <paramref name="reference"/> are the same special value (NaN
    /// and NaN, or equal infinities), or both are finite and differ by at most
    /// <paramref name="tolerance"/>·<paramref name="magnitude"/> (+0 and −0 agree).</summary>
    /// <param name="kernel">The generated fold's result.</param>
    /// <param name="reference">The reference's result (<c>FoldReference</c>, or an exact value).</param>
    /// <param name="magnitude">The scale the error is measured against, typically Σ|termᵢ| (see
    /// <see cref="Magnitude(ReadOnlySpan{double}, ReadOnlySpan{double}, Func{double, double, double})"/>); add a floor
    /// such as length·<see cref="double.Epsilon"/> where terms may underflow.</param>
    /// <param name="tolerance">The allowed error relative to <paramref name="magnitude"/>, e.g. 8·<see cref="DoubleEpsilon"/>.</param>
    public static bool Agrees(double kernel, double reference, double magnitude, double tolerance)
    {
        if (double.IsNaN(reference) || double.IsInfinity(reference))
        {
            return kernel.Equals(reference);
        }

        return double.IsFinite(kernel) && Math.Abs(kernel - reference) <= tolerance * Math.Abs(magnitude);
    }

    /// <summary>Null when the values <see cref="Agrees">agree</see>; otherwise one line with both values (round-trip
    /// formatted), their difference, the bound and the magnitude, prefixed by <paramref name="what"/>.</summary>
    public static string? Explain(double kernel, double reference, double magnitude, double tolerance, string? what = null)
    {
        if (Agrees(kernel, reference, magnitude, tolerance))
        {
            return null;
        }

        string prefix = string.IsNullOrEmpty(what) ? string.Empty : what + ": ";
        double bound = tolerance * Math.Abs(magnitude);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{prefix}kernel {kernel:R}, reference {reference:R}, |difference| {Math.Abs(kernel - reference):E3} > bound {bound:E3} (tolerance {tolerance:E3} × magnitude {magnitude:E3})");
    }

    /// <summary>Throws <see cref="KernelMismatchException"/> with the <see cref="Explain">explanation</see> unless the
    /// values agree.</summary>
    public static void Assert(double kernel, double reference, double magnitude, double tolerance, string? what = null)
    {
        string? failure = Explain(kernel, reference, magnitude, tolerance, what);
        if (failure is not null)
        {
            throw new KernelMismatchException(failure);
        }
    }

    /// <summary>Σ|term(pᵢ, qᵢ)| over the finite terms (the usual magnitude for a two-input term; NaN and infinite
    /// terms are compared exactly, so they add nothing). Throws <see cref="ArgumentException"/> for different lengths.</summary>
    public static double Magnitude(ReadOnlySpan<double> p, ReadOnlySpan<double> q, Func<double, double, double> term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return MagnitudeOf(p, q, term);
    }

    /// <summary>Σ|term(pᵢ, qᵢ)| of float inputs, the term called on their exact double values.</summary>
    public static double Magnitude(ReadOnlySpan<float> p, ReadOnlySpan<float> q, Func<double, double, double> term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return MagnitudeOf(p, q, term);
    }

    /// <summary>Σ|term(xᵢ)| over the finite terms, for a one-input term.</summary>
    public static double Magnitude(ReadOnlySpan<double> x, Func<double, double> term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return MagnitudeOf(x, term);
    }

    /// <summary>Σ|term(xᵢ)| of float inputs, the term called on their exact double values.</summary>
    public static double Magnitude(ReadOnlySpan<float> x, Func<double, double> term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return MagnitudeOf(x, term);
    }

    // One body for float and double: a float widens to double exactly.
    private static double MagnitudeOf<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, Func<double, double, double> term)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ThrowHelper.ThrowIfLengthsDiffer(nameof(p), p.Length, nameof(q), q.Length);
        double sum = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            sum += FiniteMagnitude(term(double.CreateTruncating(p[i]), double.CreateTruncating(q[i])));
        }

        return sum;
    }

    private static double MagnitudeOf<T>(ReadOnlySpan<T> x, Func<double, double> term)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0.0;
        foreach (T value in x)
        {
            sum += FiniteMagnitude(term(double.CreateTruncating(value)));
        }

        return sum;
    }

    private static double FiniteMagnitude(double term) => double.IsFinite(term) ? Math.Abs(term) : 0.0;
}
