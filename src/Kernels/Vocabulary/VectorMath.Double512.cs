using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static Kernels.LogPolynomial;

namespace Kernels;

public static partial class VectorMath
{
    /// <summary>Natural logarithm of each lane: ≤ 2 ulp from <c>Math.Log</c> over the whole
    /// positive range (subnormals included), exactly 0 for 1, −∞ for ±0, NaN for negatives and NaN, +∞ for +∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Log(Vector512<double> x)
    {
        if (Avx512F.IsSupported)
        {
            return Vector512.ConditionalSelect(IsPositiveFinite(x), LogOfParts(x), Special(x));
        }

        (Vector512<double> xs, Vector512<double> adjust) = Normalize(x);
        Vector512<long> d = xs.AsInt64() - Vector512.Create(0x3FE8000000000000);
        Vector512<double> scale = ((d & Vector512.Create(unchecked((long)0xFFF0000000000000))) + Vector512.Create(0x3FF0000000000000)).AsDouble();
        Vector512<double> k = Vector512.ConvertToDouble(Vector512.ShiftRightArithmetic(d, 52)) + adjust;
        Vector512<double> core = LogCore(xs - scale, xs + scale, k);
        return Vector512.ConditionalSelect(IsPositiveFinite(x), core, Special(x));
    }

    /// <summary><see cref="Log(Vector512{double})"/> without special-value handling: every lane must be a normal
    /// number in [2^−900, 2^900]; other lanes give unspecified values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> LogUnchecked(Vector512<double> x)
    {
        if (Avx512F.IsSupported)
        {
            return LogOfParts(x);
        }

        Vector512<long> d = x.AsInt64() - Vector512.Create(0x3FE8000000000000);
        Vector512<double> scale = ((d & Vector512.Create(unchecked((long)0xFFF0000000000000))) + Vector512.Create(0x3FF0000000000000)).AsDouble();
        Vector512<double> k = Vector512.ConvertToDouble(Vector512.ShiftRightArithmetic(d, 52));
        return LogCore(x - scale, x + scale, k);
    }

    /// <summary>log(x/y) per lane without forming x/y: ≤ 2 ulp of the exact value, exact near x ≈ y (p − q is
    /// computed exactly), finite whenever x and y are positive and finite even if x/y overflows or underflows.
    /// ±∞ and NaN follow log(x/y) with IEEE division (0/0, ∞/∞ and negatives give NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> LogRatio(Vector512<double> x, Vector512<double> y)
    {
        if (Avx512F.IsSupported)
        {
            return Vector512.ConditionalSelect(IsPositiveFinite(x) & IsPositiveFinite(y), LogRatioOfParts(x, y), RatioSpecial(x, y));
        }

        (Vector512<double> xs, Vector512<double> adjustX) = Normalize(x);
        (Vector512<double> ys, Vector512<double> adjustY) = Normalize(y);
        Vector512<long> d = xs.AsInt64() - ys.AsInt64() + Vector512.Create(0x0008000000000000);
        Vector512<double> scaled = (ys.AsInt64() + (d & Vector512.Create(unchecked((long)0xFFF0000000000000)))).AsDouble();
        Vector512<double> k = Vector512.ConvertToDouble(Vector512.ShiftRightArithmetic(d, 52)) + (adjustX - adjustY);
        Vector512<double> core = LogCore(xs - scaled, xs + scaled, k);
        return Vector512.ConditionalSelect(IsPositiveFinite(x) & IsPositiveFinite(y), core, RatioSpecial(x, y));
    }

    /// <summary><see cref="LogRatio(Vector512{double}, Vector512{double})"/> without special-value handling: every
    /// lane of x and y must be a normal number in [2^−900, 2^900].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> LogRatioUnchecked(Vector512<double> x, Vector512<double> y)
    {
        Vector512<long> d = x.AsInt64() - y.AsInt64() + Vector512.Create(0x0008000000000000);
        Vector512<double> scaled = (y.AsInt64() + (d & Vector512.Create(unchecked((long)0xFFF0000000000000)))).AsDouble();
        Vector512<double> k = Vector512.ConvertToDouble(Vector512.ShiftRightArithmetic(d, 52));
        return LogCore(x - scaled, x + scaled, k);
    }

    /// <summary>log(1 + x) per lane, accurate for tiny x (the rounding of 1 + x is carried into the reduction):
    /// ≤ 2.5 ulp; −∞ at −1, NaN below −1 and for NaN, +∞ for +∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Log1p(Vector512<double> x)
    {
        Vector512<double> one = Vector512.Create(1.0);
        Vector512<double> u = one + x;
        Vector512<double> back = u - x;
        Vector512<double> carry = (one - back) + (x - (u - back));
        (Vector512<double> us, Vector512<double> adjust) = Normalize(u);
        carry *= Vector512.ConditionalSelect(Vector512.Equals(adjust, Vector512<double>.Zero), one, Vector512.Create(TwoToMinus54));
        Vector512<long> d = us.AsInt64() - Vector512.Create(0x3FE8000000000000);
        Vector512<double> scale = ((d & Vector512.Create(unchecked((long)0xFFF0000000000000))) + Vector512.Create(0x3FF0000000000000)).AsDouble();
        Vector512<double> k = Vector512.ConvertToDouble(Vector512.ShiftRightArithmetic(d, 52)) + adjust;
        Vector512<double> core = LogCore((us - scale) + carry, us + scale, k);
        Vector512<double> special = Vector512.ConditionalSelect(Vector512.Equals(u, Vector512<double>.Zero),
            Vector512.Create(double.NegativeInfinity),
            Vector512.ConditionalSelect(Vector512.LessThan(u, Vector512<double>.Zero), Vector512.Create(double.NaN), u));
        return Vector512.ConditionalSelect(IsPositiveFinite(u), core, special);
    }

    /// <summary>log(num/den + 1)-style core: s = num/den, log = k·ln 2 + 2s + s·s²·P(s²), ln 2 split in two.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> LogCore(Vector512<double> num, Vector512<double> den, Vector512<double> k)
    {
        Vector512<double> s = num / den;
        Vector512<double> z = s * s;
        Vector512<double> p = Vector512.MultiplyAddEstimate(Vector512.Create(D6), z, Vector512.Create(D5));
        p = Vector512.MultiplyAddEstimate(p, z, Vector512.Create(D4));
        p = Vector512.MultiplyAddEstimate(p, z, Vector512.Create(D3));
        p = Vector512.MultiplyAddEstimate(p, z, Vector512.Create(D2));
        p = Vector512.MultiplyAddEstimate(p, z, Vector512.Create(D1));
        p = Vector512.MultiplyAddEstimate(p, z, Vector512.Create(D0));
        Vector512<double> low = Vector512.MultiplyAddEstimate(s * z, p, k * Vector512.Create(Ln2Lo));
        return Vector512.MultiplyAddEstimate(k, Vector512.Create(Ln2Hi), (s + s) + low);
    }

    /// <summary>log x for positive finite x (subnormals included) from the hardware's split x = m·2^k with m in
    /// [3/4, 3/2) (<c>vgetmant</c>, <c>vgetexp</c>): the same reduction as the bit-pattern one, so the same results,
    /// in one instruction fewer, and subnormals need no rescaling. k = exponent(x) − exponent(m), as m &lt; 1 moves
    /// the binade up by one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> LogOfParts(Vector512<double> x)
    {
        Vector512<double> m = Avx512F.GetMantissa(x, 0b0011); // interval [3/4, 3/2), sign of the source
        Vector512<double> k = Avx512F.GetExponent(x) - Avx512F.GetExponent(m);
        Vector512<double> one = Vector512.Create(1.0);
        return LogCore(m - one, m + one, k);
    }

    /// <summary>Log's value where x is not positive and finite: −∞ for ±0, NaN for negatives, x itself for +∞ and NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Special(Vector512<double> x) =>
        Vector512.ConditionalSelect(Vector512.Equals(x, Vector512<double>.Zero),
            Vector512.Create(double.NegativeInfinity),
            Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<double>.Zero), Vector512.Create(double.NaN), x));

    /// <summary>log(x/y) for positive finite x and y (subnormals included): both split by the hardware into
    /// mantissas in [1, 2) and exponents (<c>vgetmant</c>, <c>vgetexp</c>), then the bit-pattern reduction of the
    /// mantissas. Powers of two move d and the rescaled y together, so s and the result are those of the rescaling
    /// reduction, without its compares, selects and multiplies per input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> LogRatioOfParts(Vector512<double> x, Vector512<double> y)
    {
        Vector512<double> mx = Avx512F.GetMantissa(x, 0b0000); // interval [1, 2), sign of the source
        Vector512<double> my = Avx512F.GetMantissa(y, 0b0000);
        Vector512<long> d = mx.AsInt64() - my.AsInt64() + Vector512.Create(0x0008000000000000);
        Vector512<double> scaled = (my.AsInt64() + (d & Vector512.Create(unchecked((long)0xFFF0000000000000)))).AsDouble();
        Vector512<double> k = Vector512.ConvertToDouble(Vector512.ShiftRightArithmetic(d, 52)) + (Avx512F.GetExponent(x) - Avx512F.GetExponent(y));
        return LogCore(mx - scaled, mx + scaled, k);
    }

    /// <summary>LogRatio's value where x or y is not positive and finite: log(x/y) with IEEE division.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> RatioSpecial(Vector512<double> x, Vector512<double> y)
    {
        Vector512<double> ratio = x / y;
        return Vector512.ConditionalSelect(Vector512.Equals(ratio, Vector512.Create(double.PositiveInfinity)),
            ratio,
            Vector512.ConditionalSelect(Vector512.Equals(ratio, Vector512<double>.Zero), Vector512.Create(double.NegativeInfinity), Vector512.Create(double.NaN)));
    }

    /// <summary>Moves subnormal and tiny lanes up by 2^54 and huge lanes down by 2^54 (exactly), returning the
    /// exponent adjustment to add back; other lanes are unchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<double> Scaled, Vector512<double> Adjust) Normalize(Vector512<double> x)
    {
        Vector512<double> tiny = Vector512.LessThan(x, Vector512.Create(1.4708983551653345e-271)); // 2^-900
        Vector512<double> huge = Vector512.GreaterThanOrEqual(x, Vector512.Create(6.7987296869571886e270)); // 2^900
        Vector512<double> factor = Vector512.ConditionalSelect(tiny, Vector512.Create(TwoTo54),
            Vector512.ConditionalSelect(huge, Vector512.Create(TwoToMinus54), Vector512.Create(1.0)));
        Vector512<double> adjust = Vector512.ConditionalSelect(tiny, Vector512.Create(-54.0),
            Vector512.ConditionalSelect(huge, Vector512.Create(54.0), Vector512<double>.Zero));
        return (x * factor, adjust);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> IsPositiveFinite(Vector512<double> x) =>
        Vector512.GreaterThan(x, Vector512<double>.Zero) & Vector512.LessThan(x, Vector512.Create(double.PositiveInfinity));
}
