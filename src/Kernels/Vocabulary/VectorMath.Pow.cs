using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Kernels;

/// <summary>
/// xʸ per lane with the rules of IEEE <c>pow</c> (<see cref="System.Math.Pow"/>): x⁰ = 1 and 1ʸ = 1 for every x and
/// y (NaN included), (−1)^±∞ = 1, 0 to a positive power 0 and to a negative power +∞, ∞ to a positive power ∞ and to a negative
/// power 0, a negative x to an integer power signed by the exponent's parity and to any other power NaN. The value is
/// e^(y·ln|x|) through the inlined <see cref="Log(Vector{double})"/> and <see cref="Exp(Vector{double})"/>: the
/// rounding of y·ln|x| is magnified by the exponential, so the relative error is within (3·|y·ln x| + 4) ulp (ln x's own 2 ulp are magnified by y)
/// (a few ulp for the terms of a distribution raised to a moderate power). Float lanes are computed in double and
/// rounded once; signed zeros and infinities follow <c>pow</c> too (pow(−0, −1) = −∞, pow(−∞, ½) = +∞). Terms lower a constant exponent
/// that is a small integer or half-integer to multiplications and square roots instead.
/// </summary>
public static partial class VectorMath
{
    /// <summary>xʸ per lane (see the class remarks for the rules and the bound).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Pow(Vector<double> x, Vector<double> y)
    {
        Vector<double> one = Vector.Create(1.0);
        Vector<double> magnitude = Exp(y * Log(Vector.Abs(x)));
        // 1ʸ = 1 even for y = ±∞ (where y·0 is NaN), and x⁰ = 1 even for x = NaN.
        // And (−1)^±∞ = 1 (|x| = 1 makes y·ln|x| = ±∞·0 = NaN).
        Vector<double> unit = Vector.Equals<double>(x, one) | Vector.Equals<double>(y, Vector<double>.Zero)
            | (Vector.Equals<double>(x, -one) & Vector.Equals<double>(Vector.Abs(y), Vector.Create(double.PositiveInfinity)));
        Vector<double> integer = Vector.Equals<double>(Vector.Floor(y), y);
        Vector<double> half = y * Vector.Create(0.5);
        Vector<double> odd = integer & ~Vector.Equals<double>(Vector.Floor(half), half);
        // The sign bit, so that −0 counts as negative (pow(−0, −1) = −∞); NaN lanes are NaN either way.
        Vector<double> negative = Vector.LessThan<long>(x.As<double, long>(), Vector<long>.Zero).As<long, double>();
        // (−1)^±∞ = 1: ±∞ counts as an even integer (Floor(∞) = ∞ and ∞/2 = ∞).
        Vector<double> signed = Vector.ConditionalSelect(odd, -magnitude, magnitude);
        // A non-integer power of −0 or −∞ is that of +0 or +∞; of any other negative, NaN.
        Vector<double> endpoint = Vector.Equals<double>(x, Vector<double>.Zero) | Vector.Equals<double>(x, Vector.Create(double.NegativeInfinity));
        Vector<double> ofNegative = Vector.ConditionalSelect(integer, signed, Vector.ConditionalSelect(endpoint, magnitude, Vector.Create(double.NaN)));
        return Vector.ConditionalSelect(unit, one, Vector.ConditionalSelect(negative, ofNegative, magnitude));
    }

    /// <summary>xʸ per lane (see the class remarks for the rules and the bound).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Pow(Vector512<double> x, Vector512<double> y)
    {
        Vector512<double> one = Vector512.Create(1.0);
        Vector512<double> magnitude = Exp(y * Log(Vector512.Abs(x)));
        Vector512<double> unit = Vector512.Equals(x, one) | Vector512.Equals(y, Vector512<double>.Zero)
            | (Vector512.Equals(x, -one) & Vector512.Equals(Vector512.Abs(y), Vector512.Create(double.PositiveInfinity)));
        Vector512<double> integer = Vector512.Equals(Vector512.Floor(y), y);
        Vector512<double> half = y * Vector512.Create(0.5);
        Vector512<double> odd = integer & ~Vector512.Equals(Vector512.Floor(half), half);
        Vector512<double> negative = Vector512.LessThan(x.AsInt64(), Vector512<long>.Zero).AsDouble();
        Vector512<double> signed = Vector512.ConditionalSelect(odd, -magnitude, magnitude);
        Vector512<double> endpoint = Vector512.Equals(x, Vector512<double>.Zero) | Vector512.Equals(x, Vector512.Create(double.NegativeInfinity));
        Vector512<double> ofNegative = Vector512.ConditionalSelect(integer, signed, Vector512.ConditionalSelect(endpoint, magnitude, Vector512.Create(double.NaN)));
        return Vector512.ConditionalSelect(unit, one, Vector512.ConditionalSelect(negative, ofNegative, magnitude));
    }

    /// <summary>xʸ per lane, computed in double and rounded once to float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Pow(Vector<float> x, Vector<float> y) =>
        Vector.Narrow(Pow(Vector.WidenLower(x), Vector.WidenLower(y)), Pow(Vector.WidenUpper(x), Vector.WidenUpper(y)));

    /// <summary>xʸ per lane, computed in double and rounded once to float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Pow(Vector512<float> x, Vector512<float> y) =>
        Vector512.Narrow(Pow(Vector512.WidenLower(x), Vector512.WidenLower(y)), Pow(Vector512.WidenUpper(x), Vector512.WidenUpper(y)));

    /// <summary>xʸ for lanes whose x is known to be a positive normal number in the unchecked logarithm's range:
    /// e^(y·ln x), and exactly 1 where x = 1 or y = 0 (as pow, even for an infinite or NaN y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> PowUnchecked(Vector<double> x, Vector<double> y)
    {
        Vector<double> one = Vector.Create(1.0);
        Vector<double> unit = Vector.Equals<double>(x, one) | Vector.Equals<double>(y, Vector<double>.Zero);
        return Vector.ConditionalSelect(unit, one, Exp(y * LogUnchecked(x)));
    }

    /// <inheritdoc cref="PowUnchecked(Vector{double}, Vector{double})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> PowUnchecked(Vector512<double> x, Vector512<double> y)
    {
        Vector512<double> one = Vector512.Create(1.0);
        Vector512<double> unit = Vector512.Equals(x, one) | Vector512.Equals(y, Vector512<double>.Zero);
        return Vector512.ConditionalSelect(unit, one, Exp(y * LogUnchecked(x)));
    }

    /// <summary>As <see cref="PowUnchecked(Vector{double}, Vector{double})"/>, computed in double and rounded once to float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> PowUnchecked(Vector<float> x, Vector<float> y) =>
        Vector.Narrow(PowUnchecked(Vector.WidenLower(x), Vector.WidenLower(y)), PowUnchecked(Vector.WidenUpper(x), Vector.WidenUpper(y)));

    /// <summary>As <see cref="PowUnchecked(Vector512{double}, Vector512{double})"/>, computed in double and rounded once to float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> PowUnchecked(Vector512<float> x, Vector512<float> y) =>
        Vector512.Narrow(PowUnchecked(Vector512.WidenLower(x), Vector512.WidenLower(y)), PowUnchecked(Vector512.WidenUpper(x), Vector512.WidenUpper(y)));
}
