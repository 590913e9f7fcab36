using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static Kernels.LogPolynomial;

namespace Kernels;

public static partial class VectorMath
{
    /// <summary>Natural logarithm of each lane: ≤ 2 ulp from <c>MathF.Log</c> over the whole
    /// positive range (subnormals included), exactly 0 for 1, −∞ for ±0, NaN for negatives and NaN, +∞ for +∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Log(Vector512<float> x)
    {
        if (Avx512F.IsSupported)
        {
            return Vector512.ConditionalSelect(IsPositiveFinite(x), LogOfParts(x), Special(x));
        }

        (Vector512<float> xs, Vector512<float> adjust) = Normalize(x);
        Vector512<int> d = xs.AsInt32() - Vector512.Create(0x3F400000);
        Vector512<float> scale = ((d & Vector512.Create(unchecked((int)0xFF800000))) + Vector512.Create(0x3F800000)).AsSingle();
        Vector512<float> k = Vector512.ConvertToSingle(Vector512.ShiftRightArithmetic(d, 23)) + adjust;
        Vector512<float> core = LogCore(xs - scale, xs + scale, k);
        return Vector512.ConditionalSelect(IsPositiveFinite(x), core, Special(x));
    }

    /// <summary><see cref="Log(Vector512{float})"/> without special-value handling: every lane must be a normal
    /// number in [2^−100, 2^100]; other lanes give unspecified values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> LogUnchecked(Vector512<float> x)
    {
        if (Avx512F.IsSupported)
        {
            return LogOfParts(x);
        }

        Vector512<int> d = x.AsInt32() - Vector512.Create(0x3F400000);
        Vector512<float> scale = ((d & Vector512.Create(unchecked((int)0xFF800000))) + Vector512.Create(0x3F800000)).AsSingle();
        Vector512<float> k = Vector512.ConvertToSingle(Vector512.ShiftRightArithmetic(d, 23));
        return LogCore(x - scale, x + scale, k);
    }

    /// <summary>log(x/y) per lane without forming x/y: ≤ 2 ulp of the exact value, exact near x ≈ y (p − q is
    /// computed exactly), finite whenever x and y are positive and finite even if x/y overflows or underflows.
    /// ±∞ and NaN follow log(x/y) with IEEE division (0/0, ∞/∞ and negatives give NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> LogRatio(Vector512<float> x, Vector512<float> y)
    {
        if (Avx512F.IsSupported)
        {
            return Vector512.ConditionalSelect(IsPositiveFinite(x) & IsPositiveFinite(y), LogRatioOfParts(x, y), RatioSpecial(x, y));
        }

        (Vector512<float> xs, Vector512<float> adjustX) = Normalize(x);
        (Vector512<float> ys, Vector512<float> adjustY) = Normalize(y);
        Vector512<int> d = xs.AsInt32() - ys.AsInt32() + Vector512.Create(0x00400000);
        Vector512<float> scaled = (ys.AsInt32() + (d & Vector512.Create(unchecked((int)0xFF800000)))).AsSingle();
        Vector512<float> k = Vector512.ConvertToSingle(Vector512.ShiftRightArithmetic(d, 23)) + (adjustX - adjustY);
        Vector512<float> core = LogCore(xs - scaled, xs + scaled, k);
        return Vector512.ConditionalSelect(IsPositiveFinite(x) & IsPositiveFinite(y), core, RatioSpecial(x, y));
    }

    /// <summary><see cref="LogRatio(Vector512{float}, Vector512{float})"/> without special-value handling: every
    /// lane of x and y must be a normal number in [2^−100, 2^100].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> LogRatioUnchecked(Vector512<float> x, Vector512<float> y)
    {
        Vector512<int> d = x.AsInt32() - y.AsInt32() + Vector512.Create(0x00400000);
        Vector512<float> scaled = (y.AsInt32() + (d & Vector512.Create(unchecked((int)0xFF800000)))).AsSingle();
        Vector512<float> k = Vector512.ConvertToSingle(Vector512.ShiftRightArithmetic(d, 23));
        return LogCore(x - scaled, x + scaled, k);
    }

    /// <summary>log(1 + x) per lane, accurate for tiny x (the rounding of 1 + x is carried into the reduction):
    /// ≤ 2.5 ulp; −∞ at −1, NaN below −1 and for NaN, +∞ for +∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Log1p(Vector512<float> x)
    {
        Vector512<float> one = Vector512.Create(1f);
        Vector512<float> u = one + x;
        Vector512<float> back = u - x;
        Vector512<float> carry = (one - back) + (x - (u - back));
        (Vector512<float> us, Vector512<float> adjust) = Normalize(u);
        carry *= Vector512.ConditionalSelect(Vector512.Equals(adjust, Vector512<float>.Zero), one, Vector512.Create(TwoToMinus24F));
        Vector512<int> d = us.AsInt32() - Vector512.Create(0x3F400000);
        Vector512<float> scale = ((d & Vector512.Create(unchecked((int)0xFF800000))) + Vector512.Create(0x3F800000)).AsSingle();
        Vector512<float> k = Vector512.ConvertToSingle(Vector512.ShiftRightArithmetic(d, 23)) + adjust;
        Vector512<float> core = LogCore((us - scale) + carry, us + scale, k);
        Vector512<float> special = Vector512.ConditionalSelect(Vector512.Equals(u, Vector512<float>.Zero),
            Vector512.Create(float.NegativeInfinity),
            Vector512.ConditionalSelect(Vector512.LessThan(u, Vector512<float>.Zero), Vector512.Create(float.NaN), u));
        return Vector512.ConditionalSelect(IsPositiveFinite(u), core, special);
    }

    /// <summary>log(num/den + 1)-style core: s = num/den, log = k·ln 2 + 2s + s·s²·P(s²).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> LogCore(Vector512<float> num, Vector512<float> den, Vector512<float> k)
    {
        Vector512<float> s = num / den;
        Vector512<float> z = s * s;
        Vector512<float> p = Vector512.MultiplyAddEstimate(Vector512.MultiplyAddEstimate(Vector512.Create(F2), z, Vector512.Create(F1)), z, Vector512.Create(F0));
        Vector512<float> r = Vector512.MultiplyAddEstimate(s * z, p, s + s);
        return Vector512.MultiplyAddEstimate(k, Vector512.Create(Ln2F), r);
    }

    /// <summary>log x for positive finite x (subnormals included) from the hardware's split x = m·2^k with m in
    /// [3/4, 3/2) (<c>vgetmant</c>, <c>vgetexp</c>): the same reduction as the bit-pattern one, so the same results,
    /// in one instruction fewer, and subnormals need no rescaling. k = exponent(x) − exponent(m), as m &lt; 1 moves
    /// the binade up by one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> LogOfParts(Vector512<float> x)
    {
        Vector512<float> m = Avx512F.GetMantissa(x, 0b0011); // interval [3/4, 3/2), sign of the source
        Vector512<float> k = Avx512F.GetExponent(x) - Avx512F.GetExponent(m);
        Vector512<float> one = Vector512.Create(1f);
        return LogCore(m - one, m + one, k);
    }

    /// <summary>Log's value where x is not positive and finite: −∞ for ±0, NaN for negatives, x itself for +∞ and NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Special(Vector512<float> x) =>
        Vector512.ConditionalSelect(Vector512.Equals(x, Vector512<float>.Zero),
            Vector512.Create(float.NegativeInfinity),
            Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<float>.Zero), Vector512.Create(float.NaN), x));

    /// <summary>log(x/y) for positive finite x and y (subnormals included): both split by the hardware into
    /// mantissas in [1, 2) and exponents (<c>vgetmant</c>, <c>vgetexp</c>), then the bit-pattern reduction of the
    /// mantissas. Powers of two move d and the rescaled y together, so s and the result are those of the rescaling
    /// reduction, without its compares, selects and multiplies per input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> LogRatioOfParts(Vector512<float> x, Vector512<float> y)
    {
        Vector512<float> mx = Avx512F.GetMantissa(x, 0b0000); // interval [1, 2), sign of the source
        Vector512<float> my = Avx512F.GetMantissa(y, 0b0000);
        Vector512<int> d = mx.AsInt32() - my.AsInt32() + Vector512.Create(0x00400000);
        Vector512<float> scaled = (my.AsInt32() + (d & Vector512.Create(unchecked((int)0xFF800000)))).AsSingle();
        Vector512<float> k = Vector512.ConvertToSingle(Vector512.ShiftRightArithmetic(d, 23)) + (Avx512F.GetExponent(x) - Avx512F.GetExponent(y));
        return LogCore(mx - scaled, mx + scaled, k);
    }

    /// <summary>LogRatio's value where x or y is not positive and finite: log(x/y) with IEEE division.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> RatioSpecial(Vector512<float> x, Vector512<float> y)
    {
        Vector512<float> ratio = x / y;
        return Vector512.ConditionalSelect(Vector512.Equals(ratio, Vector512.Create(float.PositiveInfinity)),
            ratio,
            Vector512.ConditionalSelect(Vector512.Equals(ratio, Vector512<float>.Zero), Vector512.Create(float.NegativeInfinity), Vector512.Create(float.NaN)));
    }

    /// <summary>Moves subnormal and tiny lanes up by 2^24 and huge lanes down by 2^24 (exactly), returning the
    /// exponent adjustment to add back; other lanes are unchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<float> Scaled, Vector512<float> Adjust) Normalize(Vector512<float> x)
    {
        Vector512<float> tiny = Vector512.LessThan(x, Vector512.Create(7.88860905e-31f)); // 2^-100
        Vector512<float> huge = Vector512.GreaterThanOrEqual(x, Vector512.Create(1.2676506e30f)); // 2^100
        Vector512<float> factor = Vector512.ConditionalSelect(tiny, Vector512.Create(TwoTo24F),
            Vector512.ConditionalSelect(huge, Vector512.Create(TwoToMinus24F), Vector512.Create(1f)));
        Vector512<float> adjust = Vector512.ConditionalSelect(tiny, Vector512.Create(-24f),
            Vector512.ConditionalSelect(huge, Vector512.Create(24f), Vector512<float>.Zero));
        return (x * factor, adjust);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> IsPositiveFinite(Vector512<float> x) =>
        Vector512.GreaterThan(x, Vector512<float>.Zero) & Vector512.LessThan(x, Vector512.Create(float.PositiveInfinity));
}
