namespace Kernels;

/// <summary>
/// The vector vocabulary terms are lowered to: logarithms on <see cref="System.Numerics.Vector{T}"/> and
/// <see cref="System.Runtime.Intrinsics.Vector512{T}"/> of float and double, written to be inlined into fused
/// loops (the BCL's vector Log is a call per vector). Each uses one exponent/mantissa reduction read from the bit
/// patterns, an exact p − q, one division and a minimax odd polynomial in s = (r − 1)/(r + 1).
/// Bounds (tested against a double-double reference over the whole positive range, subnormals included): Log and
/// LogRatio within 2 ulp of the exact value, Log1p within 2.5 ulp, Log(1) = 0 and LogRatio(x, x) = +0 exactly. The <c>Unchecked</c> forms skip the
/// special-value handling and are what generated kernels use when every lane is known to be in range.
/// </summary>
public static partial class VectorMath
{
}
