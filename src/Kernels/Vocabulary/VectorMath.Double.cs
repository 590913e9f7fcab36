using System.Runtime.CompilerServices;
using System.Numerics;
using static Kernels.LogPolynomial;

namespace Kernels;

public static partial class VectorMath
{
    /// <summary>Natural logarithm of each lane: ≤ 2 ulp from <c>Math.Log</c> over the whole
    /// positive range (subnormals included), exactly 0 for 1, −∞ for ±0, NaN for negatives and NaN, +∞ for +∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Log(Vector<double> x)
    {
        (Vector<double> xs, Vector<double> adjust) = Normalize(x);
        Vector<long> d = xs.As<double, long>() - Vector.Create(0x3FE8000000000000);
        Vector<double> scale = ((d & Vector.Create(unchecked((long)0xFFF0000000000000))) + Vector.Create(0x3FF0000000000000)).As<long, double>();
        Vector<double> k = HighBitsAsDouble(d) + adjust;
        Vector<double> core = LogCore(xs - scale, xs + scale, k);
        Vector<double> special = Vector.ConditionalSelect(Vector.Equals<double>(x, Vector<double>.Zero),
            Vector.Create(double.NegativeInfinity),
            Vector.ConditionalSelect(Vector.LessThan<double>(x, Vector<double>.Zero), Vector.Create(double.NaN), x));
        return Vector.ConditionalSelect(IsPositiveFinite(x), core, special);
    }

    /// <summary><see cref="Log(Vector{double})"/> without special-value handling: every lane must be a normal
    /// number in [2^−900, 2^900]; other lanes give unspecified values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> LogUnchecked(Vector<double> x)
    {
        Vector<long> d = x.As<double, long>() - Vector.Create(0x3FE8000000000000);
        Vector<double> scale = ((d & Vector.Create(unchecked((long)0xFFF0000000000000))) + Vector.Create(0x3FF0000000000000)).As<long, double>();
        Vector<double> k = HighBitsAsDouble(d);
        return LogCore(x - scale, x + scale, k);
    }

    /// <summary>log(x/y) per lane without forming x/y: ≤ 2 ulp of the exact value, exact near x ≈ y (p − q is
    /// computed exactly), finite whenever x and y are positive and finite even if x/y overflows or underflows.
    /// ±∞ and NaN follow log(x/y) with IEEE division (0/0, ∞/∞ and negatives give NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> LogRatio(Vector<double> x, Vector<double> y)
    {
        (Vector<double> xs, Vector<double> adjustX) = Normalize(x);
        (Vector<double> ys, Vector<double> adjustY) = Normalize(y);
        Vector<long> d = xs.As<double, long>() - ys.As<double, long>() + Vector.Create(0x0008000000000000);
        Vector<double> scaled = (ys.As<double, long>() + (d & Vector.Create(unchecked((long)0xFFF0000000000000)))).As<long, double>();
        Vector<double> k = HighBitsAsDouble(d) + (adjustX - adjustY);
        Vector<double> core = LogCore(xs - scaled, xs + scaled, k);
        Vector<double> ratio = x / y;
        Vector<double> special = Vector.ConditionalSelect(Vector.Equals<double>(ratio, Vector.Create(double.PositiveInfinity)),
            ratio,
            Vector.ConditionalSelect(Vector.Equals<double>(ratio, Vector<double>.Zero), Vector.Create(double.NegativeInfinity), Vector.Create(double.NaN)));
        return Vector.ConditionalSelect(IsPositiveFinite(x) & IsPositiveFinite(y), core, special);
    }

    /// <summary><see cref="LogRatio(Vector{double}, Vector{double})"/> without special-value handling: every
    /// lane of x and y must be a normal number in [2^−900, 2^900].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> LogRatioUnchecked(Vector<double> x, Vector<double> y)
    {
        Vector<long> d = x.As<double, long>() - y.As<double, long>() + Vector.Create(0x0008000000000000);
        Vector<double> scaled = (y.As<double, long>() + (d & Vector.Create(unchecked((long)0xFFF0000000000000)))).As<long, double>();
        Vector<double> k = HighBitsAsDouble(d);
        return LogCore(x - scaled, x + scaled, k);
    }

    /// <summary>log(1 + x) per lane, accurate for tiny x (the rounding of 1 + x is carried into the reduction):
    /// ≤ 2.5 ulp; −∞ at −1, NaN below −1 and for NaN, +∞ for +∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Log1p(Vector<double> x)
    {
        Vector<double> one = Vector.Create(1.0);
        Vector<double> u = one + x;
        Vector<double> back = u - x;
        Vector<double> carry = (one - back) + (x - (u - back));
        (Vector<double> us, Vector<double> adjust) = Normalize(u);
        carry *= Vector.ConditionalSelect(Vector.Equals<double>(adjust, Vector<double>.Zero), one, Vector.Create(TwoToMinus54));
        Vector<long> d = us.As<double, long>() - Vector.Create(0x3FE8000000000000);
        Vector<double> scale = ((d & Vector.Create(unchecked((long)0xFFF0000000000000))) + Vector.Create(0x3FF0000000000000)).As<long, double>();
        Vector<double> k = HighBitsAsDouble(d) + adjust;
        Vector<double> core = LogCore((us - scale) + carry, us + scale, k);
        Vector<double> special = Vector.ConditionalSelect(Vector.Equals<double>(u, Vector<double>.Zero),
            Vector.Create(double.NegativeInfinity),
            Vector.ConditionalSelect(Vector.LessThan<double>(u, Vector<double>.Zero), Vector.Create(double.NaN), u));
        return Vector.ConditionalSelect(IsPositiveFinite(u), core, special);
    }

    /// <summary>log(num/den + 1)-style core: s = num/den, log = k·ln 2 + 2s + s·s²·P(s²), ln 2 split in two.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> LogCore(Vector<double> num, Vector<double> den, Vector<double> k)
    {
        Vector<double> s = num / den;
        Vector<double> z = s * s;
        Vector<double> p = Vector.MultiplyAddEstimate(Vector.Create(D6), z, Vector.Create(D5));
        p = Vector.MultiplyAddEstimate(p, z, Vector.Create(D4));
        p = Vector.MultiplyAddEstimate(p, z, Vector.Create(D3));
        p = Vector.MultiplyAddEstimate(p, z, Vector.Create(D2));
        p = Vector.MultiplyAddEstimate(p, z, Vector.Create(D1));
        p = Vector.MultiplyAddEstimate(p, z, Vector.Create(D0));
        Vector<double> low = Vector.MultiplyAddEstimate(s * z, p, k * Vector.Create(Ln2Lo));
        return Vector.MultiplyAddEstimate(k, Vector.Create(Ln2Hi), (s + s) + low);
    }

    /// <summary>Moves subnormal and tiny lanes up by 2^54 and huge lanes down by 2^54 (exactly), returning the
    /// exponent adjustment to add back; other lanes are unchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector<double> Scaled, Vector<double> Adjust) Normalize(Vector<double> x)
    {
        Vector<double> tiny = Vector.LessThan<double>(x, Vector.Create(1.4708983551653345e-271)); // 2^-900
        Vector<double> huge = Vector.GreaterThanOrEqual<double>(x, Vector.Create(6.7987296869571886e270)); // 2^900
        Vector<double> factor = Vector.ConditionalSelect(tiny, Vector.Create(TwoTo54),
            Vector.ConditionalSelect(huge, Vector.Create(TwoToMinus54), Vector.Create(1.0)));
        Vector<double> adjust = Vector.ConditionalSelect(tiny, Vector.Create(-54.0),
            Vector.ConditionalSelect(huge, Vector.Create(54.0), Vector<double>.Zero));
        return (x * factor, adjust);
    }

    /// <summary>d &gt;&gt; 52 (arithmetic) as a double, without the 64-bit arithmetic shift and long → double conversion
    /// that only AVX-512 has: the top 12 bits, offset by 2048, become the low mantissa bits of 2^52.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> HighBitsAsDouble(Vector<long> d) =>
        ((Vector.ShiftRightLogical(d.As<long, ulong>(), 52) ^ Vector.Create(0x800ul)) | Vector.Create(0x4330000000000000ul)).As<ulong, double>()
        - Vector.Create(4503599627372544.0); // 2^52 + 2048

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> IsPositiveFinite(Vector<double> x) =>
        Vector.GreaterThan<double>(x, Vector<double>.Zero) & Vector.LessThan<double>(x, Vector.Create(double.PositiveInfinity));
}
