using System.Runtime.CompilerServices;
using System.Numerics;
using static Kernels.LogPolynomial;

namespace Kernels;

public static partial class VectorMath
{
    /// <summary>Natural logarithm of each lane: ≤ 2 ulp from <c>MathF.Log</c> over the whole
    /// positive range (subnormals included), exactly 0 for 1, −∞ for ±0, NaN for negatives and NaN, +∞ for +∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log(Vector<float> x)
    {
        (Vector<float> xs, Vector<float> adjust) = Normalize(x);
        (Vector<float> num, Vector<float> halfDen, Vector<float> k) = ReduceHalved(xs);
        Vector<float> core = LogCoreOfHalf(num, halfDen, k + adjust);
        Vector<float> special = Vector.ConditionalSelect(Vector.Equals<float>(x, Vector<float>.Zero),
            Vector.Create(float.NegativeInfinity),
            Vector.ConditionalSelect(Vector.LessThan<float>(x, Vector<float>.Zero), Vector.Create(float.NaN), x));
        return Vector.ConditionalSelect(IsPositiveFinite(x), core, special);
    }

    /// <summary><see cref="Log(Vector{float})"/> without special-value handling: every lane must be a normal
    /// number in [2^−100, 2^100]; other lanes give unspecified values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> LogUnchecked(Vector<float> x)
    {
        (Vector<float> num, Vector<float> halfDen, Vector<float> k) = ReduceHalved(x);
        return LogCoreOfHalf(num, halfDen, k);
    }

    /// <summary>log(x/y) per lane without forming x/y: ≤ 2 ulp of the exact value, exact near x ≈ y (p − q is
    /// computed exactly), finite whenever x and y are positive and finite even if x/y overflows or underflows.
    /// ±∞ and NaN follow log(x/y) with IEEE division (0/0, ∞/∞ and negatives give NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> LogRatio(Vector<float> x, Vector<float> y)
    {
        (Vector<float> xs, Vector<float> adjustX) = Normalize(x);
        (Vector<float> ys, Vector<float> adjustY) = Normalize(y);
        Vector<int> d = xs.As<float, int>() - ys.As<float, int>() + Vector.Create(0x00400000);
        Vector<int> binades = d & Vector.Create(unchecked((int)0xFF800000));
        Vector<float> scaled = (ys.As<float, int>() + binades).As<int, float>();
        Vector<float> k = Vector.ConvertToSingle(binades) + (adjustX - adjustY);
        Vector<float> core = LogCore(xs - scaled, xs + scaled, k);
        Vector<float> ratio = x / y;
        Vector<float> special = Vector.ConditionalSelect(Vector.Equals<float>(ratio, Vector.Create(float.PositiveInfinity)),
            ratio,
            Vector.ConditionalSelect(Vector.Equals<float>(ratio, Vector<float>.Zero), Vector.Create(float.NegativeInfinity), Vector.Create(float.NaN)));
        return Vector.ConditionalSelect(IsPositiveFinite(x) & IsPositiveFinite(y), core, special);
    }

    /// <summary><see cref="LogRatio(Vector{float}, Vector{float})"/> without special-value handling: every
    /// lane of x and y must be a normal number in [2^−100, 2^100].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> LogRatioUnchecked(Vector<float> x, Vector<float> y)
    {
        Vector<int> d = x.As<float, int>() - y.As<float, int>() + Vector.Create(0x00400000);
        Vector<int> binades = d & Vector.Create(unchecked((int)0xFF800000));
        Vector<float> scaled = (y.As<float, int>() + binades).As<int, float>();
        return LogCore(x - scaled, x + scaled, Vector.ConvertToSingle(binades));
    }

    /// <summary>log(1 + x) per lane, accurate for tiny x (the rounding of 1 + x is carried into the reduction):
    /// ≤ 2.5 ulp; −∞ at −1, NaN below −1 and for NaN, +∞ for +∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log1p(Vector<float> x)
    {
        Vector<float> one = Vector.Create(1f);
        Vector<float> u = one + x;
        Vector<float> back = u - x;
        Vector<float> carry = (one - back) + (x - (u - back));
        (Vector<float> us, Vector<float> adjust) = Normalize(u);
        carry *= Vector.ConditionalSelect(Vector.Equals<float>(adjust, Vector<float>.Zero), one, Vector.Create(TwoToMinus24F));
        Vector<int> binades = (us.As<float, int>() - Vector.Create(0x3F400000)) & Vector.Create(unchecked((int)0xFF800000));
        Vector<float> scale = (binades + Vector.Create(0x3F800000)).As<int, float>();
        Vector<float> k = Vector.ConvertToSingle(binades) + adjust;
        Vector<float> core = LogCore((us - scale) + carry, us + scale, k);
        Vector<float> special = Vector.ConditionalSelect(Vector.Equals<float>(u, Vector<float>.Zero),
            Vector.Create(float.NegativeInfinity),
            Vector.ConditionalSelect(Vector.LessThan<float>(u, Vector<float>.Zero), Vector.Create(float.NaN), u));
        return Vector.ConditionalSelect(IsPositiveFinite(u), core, special);
    }

    /// <summary>The bit-pattern reduction of a normal x = m·2^k, m in [3/4, 3/2), for <see cref="LogCoreOfHalf"/>:
    /// num = x − 2^k exactly, halfDen = (x + 2^k)/2 in one FMA (2^(k−1) is the masked exponent plus 1/2's bits), and k
    /// as k·2^23, the masked bits converted without a shift. Every quantity is the unscaled one times a power of two,
    /// so the results are bit-identical to those of s = (x − 2^k)/(x + 2^k) with an integer k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector<float> Num, Vector<float> HalfDen, Vector<float> KTimes2To23) ReduceHalved(Vector<float> x)
    {
        Vector<int> binades = (x.As<float, int>() - Vector.Create(0x3F400000)) & Vector.Create(unchecked((int)0xFF800000));
        Vector<float> halfScale = (binades + Vector.Create(0x3F000000)).As<int, float>();
        Vector<float> num = Vector.MultiplyAddEstimate(halfScale, Vector.Create(-2f), x);
        Vector<float> halfDen = Vector.MultiplyAddEstimate(x, Vector.Create(0.5f), halfScale);
        return (num, halfDen, Vector.ConvertToSingle(binades));
    }

    /// <summary>log(num/den + 1)-style core: s = num/den, log = k·ln 2 + 2s + s·s²·P(s²), with k given as k·2^23
    /// (the masked exponent bits converted without a shift).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> LogCore(Vector<float> num, Vector<float> den, Vector<float> kTimes2To23)
    {
        Vector<float> s = num / den;
        Vector<float> z = s * s;
        Vector<float> p = Vector.MultiplyAddEstimate(Vector.MultiplyAddEstimate(Vector.Create(F2), z, Vector.Create(F1)), z, Vector.Create(F0));
        Vector<float> r = Vector.MultiplyAddEstimate(s * z, p, s + s);
        return Vector.MultiplyAddEstimate(kTimes2To23, Vector.Create(Ln2FOver2To23), r);
    }

    /// <summary>The core given den/2: s2 = num/(den/2) = 2s exactly, z2 = s2² = 4z, and P scaled to P(z2/4)/8, so
    /// log = k·ln 2 + s2 + s2·z2·P₂(z2) rounds exactly as the unhalved form does, one addition (2s) fewer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> LogCoreOfHalf(Vector<float> num, Vector<float> halfDen, Vector<float> kTimes2To23)
    {
        Vector<float> s2 = num / halfDen;
        Vector<float> z2 = s2 * s2;
        Vector<float> p = Vector.MultiplyAddEstimate(Vector.MultiplyAddEstimate(Vector.Create(F2Half), z2, Vector.Create(F1Half)), z2, Vector.Create(F0Half));
        Vector<float> r = Vector.MultiplyAddEstimate(s2 * z2, p, s2);
        return Vector.MultiplyAddEstimate(kTimes2To23, Vector.Create(Ln2FOver2To23), r);
    }

    /// <summary>Moves subnormal and tiny lanes up by 2^24 and huge lanes down by 2^24 (exactly), returning the
    /// exponent adjustment to add back, in units of 2^23 like the cores' k; other lanes are unchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector<float> Scaled, Vector<float> Adjust) Normalize(Vector<float> x)
    {
        Vector<float> tiny = Vector.LessThan<float>(x, Vector.Create(7.88860905e-31f)); // 2^-100
        Vector<float> huge = Vector.GreaterThanOrEqual<float>(x, Vector.Create(1.2676506e30f)); // 2^100
        Vector<float> factor = Vector.ConditionalSelect(tiny, Vector.Create(TwoTo24F),
            Vector.ConditionalSelect(huge, Vector.Create(TwoToMinus24F), Vector.Create(1f)));
        Vector<float> adjust = Vector.ConditionalSelect(tiny, Vector.Create(-24f * TwoTo23F),
            Vector.ConditionalSelect(huge, Vector.Create(24f * TwoTo23F), Vector<float>.Zero));
        return (x * factor, adjust);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> IsPositiveFinite(Vector<float> x) =>
        Vector.GreaterThan<float>(x, Vector<float>.Zero) & Vector.LessThan<float>(x, Vector.Create(float.PositiveInfinity));
}
