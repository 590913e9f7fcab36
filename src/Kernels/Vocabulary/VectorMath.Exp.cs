using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Kernels;

/// <summary>
/// The vector exponential, inlined into the generated folds (the runtime's <c>Vector.Exp</c> is an out-of-line call
/// per vector, around which a fold's accumulators are spilled: 2.5× slower in a fold than in a bare loop). x = k·ln 2
/// + r with k = round(x/ln 2) and |r| ≤ ln 2/2 (ln 2 in two parts, fused multiply-adds); e^r by its Taylor series
/// (degree 13 for double: truncation below 5e-18; degree 7 for float, which is computed in double and rounded once);
/// 2^k applied as two factors so that results near overflow and in the subnormal range come out right. Bounds
/// (tested against a double-double exponential): double within 1.5 ulp (measured 1.00), float within 1 ulp (0.58);
/// exactly 1 at 0, 0 at −∞
/// and below −745.2 (double) / −104 (float), +∞ above 709.8 / 88.8, NaN for NaN.
/// </summary>
public static partial class VectorMath
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 0.6931471805599453;
    private const double Ln2Lo = 2.3190468138462996e-17;
    private const double RoundingShift = 6755399441055744.0; // 1.5 · 2^52: adding it rounds to an integer in the low bits.
    private const double Overflow = 709.782712893384;
    private const double Underflow = -745.2;

    /// <summary>eˣ per lane, computed in double and rounded once to float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Exp(Vector<float> x) =>
        Vector.Narrow(ExpCore(Vector.WidenLower(x), degree: 7), ExpCore(Vector.WidenUpper(x), degree: 7));

    /// <summary>eˣ per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Exp(Vector<double> x) => ExpCore(x, degree: 13);

    /// <summary>eˣ per lane, computed in double and rounded once to float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x) =>
        Vector512.Narrow(ExpCore(Vector512.WidenLower(x), degree: 7), ExpCore(Vector512.WidenUpper(x), degree: 7));

    /// <summary>eˣ per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x) => ExpCore(x, degree: 13);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> ExpCore(Vector<double> x, int degree)
    {
        Vector<double> clamped = Vector.Min(Vector.Max(x, Vector.Create(Underflow)), Vector.Create(Overflow));
        Vector<double> shifted = Vector.FusedMultiplyAdd(clamped, Vector.Create(Log2E), Vector.Create(RoundingShift));
        Vector<double> k = shifted - Vector.Create(RoundingShift);
        Vector<double> r = Vector.FusedMultiplyAdd(-k, Vector.Create(Ln2Hi), clamped);
        r = Vector.FusedMultiplyAdd(-k, Vector.Create(Ln2Lo), r);
        // Horner, 1/n! from n = degree down (the JIT folds the degree: each call site passes a constant).
        Vector<double> p = degree == 13 ? Vector.Create(1.0 / 6227020800) : Vector.Create(1.0 / 5040);
        if (degree == 13)
        {
            p = Vector.FusedMultiplyAdd(p, r, Vector.Create(1.0 / 479001600));
            p = Vector.FusedMultiplyAdd(p, r, Vector.Create(1.0 / 39916800));
            p = Vector.FusedMultiplyAdd(p, r, Vector.Create(1.0 / 3628800));
            p = Vector.FusedMultiplyAdd(p, r, Vector.Create(1.0 / 362880));
            p = Vector.FusedMultiplyAdd(p, r, Vector.Create(1.0 / 40320));
            p = Vector.FusedMultiplyAdd(p, r, Vector.Create(1.0 / 5040));
        }

        p = Vector.FusedMultiplyAdd(p, r, Vector.Create(1.0 / 720));
        p = Vector.FusedMultiplyAdd(p, r, Vector.Create(1.0 / 120));
        p = Vector.FusedMultiplyAdd(p, r, Vector.Create(1.0 / 24));
        p = Vector.FusedMultiplyAdd(p, r, Vector.Create(1.0 / 6));
        p = Vector.FusedMultiplyAdd(p, r, Vector.Create(0.5));
        p = Vector.FusedMultiplyAdd(p, r, Vector.Create(1.0));
        p = Vector.FusedMultiplyAdd(p, r, Vector.Create(1.0));

        // k sits in the low bits of shifted; 2^k as 2^(k/2) · 2^(k − k/2), each a valid exponent field.
        Vector<long> integer = shifted.As<double, long>() - Vector.Create(0x4338000000000000L);
        Vector<long> half = Vector.ShiftRightArithmetic(integer, 1);
        Vector<double> scale1 = Vector.ShiftLeft(half + Vector.Create(1023L), 52).As<long, double>();
        Vector<double> scale2 = Vector.ShiftLeft(integer - half + Vector.Create(1023L), 52).As<long, double>();
        Vector<double> result = p * scale1 * scale2;
        result = Vector.ConditionalSelect(Vector.GreaterThan<double>(x, Vector.Create(Overflow)), Vector.Create(double.PositiveInfinity), result);
        result = Vector.ConditionalSelect(Vector.LessThan<double>(x, Vector.Create(Underflow)), Vector<double>.Zero, result);
        return Vector.ConditionalSelect(Vector.Equals<double>(x, x), result, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> ExpCore(Vector512<double> x, int degree)
    {
        Vector512<double> clamped = Vector512.Min(Vector512.Max(x, Vector512.Create(Underflow)), Vector512.Create(Overflow));
        Vector512<double> shifted = Vector512.FusedMultiplyAdd(clamped, Vector512.Create(Log2E), Vector512.Create(RoundingShift));
        Vector512<double> k = shifted - Vector512.Create(RoundingShift);
        Vector512<double> r = Vector512.FusedMultiplyAdd(-k, Vector512.Create(Ln2Hi), clamped);
        r = Vector512.FusedMultiplyAdd(-k, Vector512.Create(Ln2Lo), r);
        Vector512<double> p = degree == 13 ? Vector512.Create(1.0 / 6227020800) : Vector512.Create(1.0 / 5040);
        if (degree == 13)
        {
            p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 479001600));
            p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 39916800));
            p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 3628800));
            p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 362880));
            p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 40320));
            p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 5040));
        }

        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 720));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 120));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 24));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 6));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(0.5));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0));

        Vector512<long> integer = shifted.AsInt64() - Vector512.Create(0x4338000000000000L);
        Vector512<long> half = Vector512.ShiftRightArithmetic(integer, 1);
        Vector512<double> scale1 = Vector512.ShiftLeft(half + Vector512.Create(1023L), 52).AsDouble();
        Vector512<double> scale2 = Vector512.ShiftLeft(integer - half + Vector512.Create(1023L), 52).AsDouble();
        Vector512<double> result = p * scale1 * scale2;
        result = Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512.Create(Overflow)), Vector512.Create(double.PositiveInfinity), result);
        result = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(Underflow)), Vector512<double>.Zero, result);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);
    }
}
