using System;
using System.Runtime.CompilerServices;

namespace Kernels;

/// <summary>
/// The scalar vocabulary terms are written in. Each function has a vector counterpart in <see cref="VectorMath"/>
/// that the generator substitutes; these scalar forms are the reference semantics (natural logarithms).
/// </summary>
public static class Fn
{
    /// <summary>ln 2.</summary>
    public const double Ln2 = 0.6931471805599453094172321214581766;

    /// <summary>Natural logarithm (IEEE: −∞ at 0, NaN below 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log(double x) => Math.Log(x);

    /// <summary>eˣ (0 at −∞, +∞ on overflow, NaN for NaN). The kernels use the runtime's vector exponential
    /// (<c>Vector.Exp</c>, <c>Vector512.Exp</c>); its bound against this is tested.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Exp(double x) => Math.Exp(x);

    /// <summary>ln 10.</summary>
    public const double Ln10 = 2.3025850929940456840179914546843642;

    /// <summary>Base-2 logarithm (−∞ at 0, NaN below 0). In a term it is lowered to ln x · (1/ln 2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log2(double x) => Math.Log2(x);

    /// <summary>Base-10 logarithm (−∞ at 0, NaN below 0). In a term it is lowered to ln x · (1/ln 10).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log10(double x) => Math.Log10(x);

    /// <summary>x·log y with SciPy's <c>xlogy</c> convention: 0 when x = 0 whatever y is (NaN excepted).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double XLogY(double x, double y) => x == 0.0 && !double.IsNaN(y) ? 0.0 : x * Math.Log(y);

    /// <summary>x².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Square(double x) => x * x;

    /// <summary>xʸ as <see cref="Math.Pow"/> (IEEE <c>pow</c>: x⁰ = 1 for every x, 1ʸ = 1, 0 to a negative power +∞, a
    /// negative x to a non-integer power NaN). In a term, small integer and half-integer constant exponents become
    /// multiplications and square roots; any other exponent (a constant, a parameter or an expression) becomes
    /// e^(y·ln|x|) with the sign rules of pow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Pow(double x, double y) => Math.Pow(x, y);

    /// <summary>log(1 + x), accurate for tiny x: −∞ at −1, NaN below −1.</summary>
    public static double Log1p(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }

        if (double.IsPositiveInfinity(u) || !(u > 0.0))
        {
            return Math.Log(u);
        }

        // Goldberg: log(u)·x/(u − 1) cancels the rounding of 1 + x to first order.
        return Math.Log(u) * (x / (u - 1.0));
    }

    /// <summary>log(x/y) without losing digits near x ≈ y (p − q is exact there) and finite whenever x and y are
    /// positive and finite, even if x/y overflows or underflows. Specials follow log(x/y) with IEEE division.</summary>
    public static double LogRatio(double x, double y)
    {
        if (x > 0.0 && y > 0.0 && double.IsFinite(x) && double.IsFinite(y))
        {
            double r = x / y;
            if (r >= 0.5 && r <= 2.0)
            {
                // Sterbenz: x − y is exact when y/2 ≤ x ≤ 2y.
                return Log1p((x - y) / y);
            }

            // A quotient in the normal range keeps its relative precision; a subnormal one has lost digits.
            if (r >= 2.2250738585072014E-308 && double.IsFinite(r))
            {
                return Math.Log(r);
            }

            return Math.Log(x) - Math.Log(y);
        }

        return Math.Log(x / y);
    }

    /// <summary>The exact rounding error of a + b (Knuth's TwoSum): (a + b) − fl(a + b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SumError(double a, double b) => SumError(a, b, a + b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SumError(double a, double b, double sum) => SumErrorOf(a, b, sum, sum - a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SumErrorOf(double a, double b, double sum, double bVirtual) =>
        (a - (sum - bVirtual)) + (b - bVirtual);

    /// <summary>c[0] + x·(c[1] + x·(c[2] + …)) by Horner's rule; the coefficients must be constants in a term.</summary>
    public static double Horner(double x, params ReadOnlySpan<double> coefficients)
    {
        if (coefficients.IsEmpty)
        {
            return 0.0;
        }

        // Starting from the last coefficient (not 0·x + c) keeps an infinite x infinite, as the vector form does.
        double result = coefficients[^1];
        for (int i = coefficients.Length - 2; i >= 0; i--)
        {
            result = Math.FusedMultiplyAdd(result, x, coefficients[i]);
        }

        return result;
    }
}
