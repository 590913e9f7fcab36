using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Kernels;

public static partial class VectorMath
{
    /// <summary>eˣ per lane, computed in double (the runtime's float exponential is 1.8 ulp off and gives
    /// exp(0) = 1.0000001): within 1 ulp, exactly 1 at 0, 0 at −∞, +∞ on overflow, NaN for NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Exp(Vector<float> x) =>
        Vector.Narrow(Vector.Exp(Vector.WidenLower(x)), Vector.Exp(Vector.WidenUpper(x)));

    /// <summary>eˣ per lane (the runtime's <c>Vector.Exp</c>): within 2.5 ulp, exactly 1 at 0, 0 at −∞, +∞ on
    /// overflow, NaN for NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Exp(Vector<double> x) => Vector.Exp(x);

    /// <summary>eˣ per lane, computed in double: within 1 ulp, exactly 1 at 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x) =>
        Vector512.Narrow(Vector512.Exp(Vector512.WidenLower(x)), Vector512.Exp(Vector512.WidenUpper(x)));

    /// <summary>eˣ per lane (the runtime's <c>Vector512.Exp</c>): within 2.5 ulp, exactly 1 at 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x) => Vector512.Exp(x);
}
