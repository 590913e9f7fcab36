using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Kernels.Support;

/// <summary>What a fold accumulates: Σ term, and Σ of each input when totals are requested.</summary>
/// <param name="Sum">Σ term(pᵢ, qᵢ) in nats.</param>
/// <param name="SumP">Σ pᵢ (only for folds with totals; otherwise 0).</param>
/// <param name="SumQ">Σ qᵢ (only for folds with totals over two inputs; otherwise 0).</param>
public readonly record struct FoldTotals(double Sum, double SumP, double SumQ)
{
    /// <summary>The second sum of a term that returns several (a tuple); otherwise 0.</summary>
    public double Sum1 { get; init; }

    /// <summary>The third sum of a term that returns several; otherwise 0.</summary>
    public double Sum2 { get; init; }

    /// <summary>The fourth sum of a term that returns four; otherwise 0.</summary>
    public double Sum3 { get; init; }
}

/// <summary>A compile-time switch a generated fold is specialized on (the JIT removes the unused branches).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFoldMode
{
    /// <summary>Also accumulate Σ of each input (fused normalization).</summary>
    static abstract bool Totals { get; }

    /// <summary>Multiply each input by its parameter before the term (normalization by known totals).</summary>
    static abstract bool Scaled { get; }

    /// <summary>Subtract its parameter from each input before the term (logits shifted by their maximum).</summary>
    static abstract bool Shifted { get; }
}

/// <summary>The fold modes generated kernels are instantiated with.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FoldModes
{
    /// <summary>Σ term only.</summary>
    public readonly struct Plain : IFoldMode
    {
        /// <inheritdoc/>
        public static bool Totals => false;

        /// <inheritdoc/>
        public static bool Scaled => false;

        /// <inheritdoc/>
        public static bool Shifted => false;
    }

    /// <summary>Σ term with Σ of each input.</summary>
    public readonly struct WithTotals : IFoldMode
    {
        /// <inheritdoc/>
        public static bool Totals => true;

        /// <inheritdoc/>
        public static bool Scaled => false;

        /// <inheritdoc/>
        public static bool Shifted => false;
    }

    /// <summary>Σ term of scaled inputs.</summary>
    public readonly struct ScaledInputs : IFoldMode
    {
        /// <inheritdoc/>
        public static bool Totals => false;

        /// <inheritdoc/>
        public static bool Scaled => true;

        /// <inheritdoc/>
        public static bool Shifted => false;
    }

    /// <summary>Σ term of shifted inputs (each input minus its parameter).</summary>
    public readonly struct ShiftedInputs : IFoldMode
    {
        /// <inheritdoc/>
        public static bool Totals => false;

        /// <inheritdoc/>
        public static bool Scaled => false;

        /// <inheritdoc/>
        public static bool Shifted => true;
    }

    /// <summary>Σ term of shifted inputs, with Σ of each input as given (before the shift).</summary>
    public readonly struct ShiftedWithTotals : IFoldMode
    {
        /// <inheritdoc/>
        public static bool Totals => true;

        /// <inheritdoc/>
        public static bool Scaled => false;

        /// <inheritdoc/>
        public static bool Shifted => true;
    }
}

/// <summary>Helpers the generated folds call once per call (never per element).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FoldSupport
{
    /// <summary>Inputs of a float fold inside [2^−60, 2^60] take the unchecked path: bit pattern of 2^−60.</summary>
    public const uint SingleDomainLow = 67u << 23;

    /// <summary>Width of the float fast domain in bit-pattern units (2^60 − 2^−60).</summary>
    public const uint SingleDomainSpan = (187u << 23) - SingleDomainLow;

    /// <summary>Inputs of a double fold inside [2^−500, 2^500] take the unchecked path: bit pattern of 2^−500.</summary>
    public const ulong DoubleDomainLow = 523ul << 52;

    /// <summary>Width of the double fast domain in bit-pattern units.</summary>
    public const ulong DoubleDomainSpan = (1523ul << 52) - DoubleDomainLow;

    /// <summary>Σ of all lanes of a compensated accumulator (sum, carry), with TwoSum across lanes.</summary>
    public static double Reduce(Vector512<double> sum, Vector512<double> carry)
    {
        double plain = Vector512.Sum(sum);
        if (!double.IsFinite(plain))
        {
            return plain; // ±∞ or NaN: the carries hold NaN from ∞ − ∞ and mean nothing.
        }

        double s = 0.0, c = Vector512.Sum(carry);
        for (int i = 0; i < Vector512<double>.Count; i++)
        {
            (s, c) = Add(s, c, sum[i]);
        }

        return Combine(s, c);
    }

    /// <summary>Σ of all lanes of a compensated accumulator (sum, carry), with TwoSum across lanes.</summary>
    public static double Reduce(Vector<double> sum, Vector<double> carry)
    {
        double plain = Vector.Sum(sum);
        if (!double.IsFinite(plain))
        {
            return plain; // ±∞ or NaN: the carries hold NaN from ∞ − ∞ and mean nothing.
        }

        double s = 0.0, c = Vector.Sum(carry);
        for (int i = 0; i < Vector<double>.Count; i++)
        {
            (s, c) = Add(s, c, sum[i]);
        }

        return Combine(s, c);
    }

    /// <summary>Adds x to a compensated vector accumulator (TwoSum per lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<double> Sum, Vector512<double> Carry) Accumulate(Vector512<double> sum, Vector512<double> carry, Vector512<double> x)
    {
        Vector512<double> t = sum + x;
        Vector512<double> virtualX = t - sum;
        return (t, carry + ((sum - (t - virtualX)) + (x - virtualX)));
    }

    /// <summary>Adds x to a compensated vector accumulator (TwoSum per lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector<double> Sum, Vector<double> Carry) Accumulate(Vector<double> sum, Vector<double> carry, Vector<double> x)
    {
        Vector<double> t = sum + x;
        Vector<double> virtualX = t - sum;
        return (t, carry + ((sum - (t - virtualX)) + (x - virtualX)));
    }

    /// <summary>The lanes of a float vector summed pairwise into half as many double lanes (no float rounding).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Widen(Vector512<float> x) => Vector512.WidenLower(x) + Vector512.WidenUpper(x);

    /// <summary>Identity, so that float and double folds share one emitted shape.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Widen(Vector512<double> x) => x;

    /// <summary>The lanes of a float vector summed pairwise into half as many double lanes (no float rounding).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Widen(Vector<float> x) => Vector.WidenLower(x) + Vector.WidenUpper(x);

    /// <summary>Identity, so that float and double folds share one emitted shape.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Widen(Vector<double> x) => x;

    /// <summary>How far each lane's bit pattern lies above the fast domain's lower end (wraps below it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> DomainOffset(Vector512<float> x) => x.AsUInt32() - Vector512.Create(SingleDomainLow);

    /// <summary>How far each lane's bit pattern lies above the fast domain's lower end (wraps below it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> DomainOffset(Vector512<double> x) => x.AsUInt64() - Vector512.Create(DoubleDomainLow);

    /// <summary>How far each lane's bit pattern lies above the fast domain's lower end (wraps below it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<uint> DomainOffset(Vector<float> x) => x.As<float, uint>() - Vector.Create(SingleDomainLow);

    /// <summary>How far each lane's bit pattern lies above the fast domain's lower end (wraps below it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<ulong> DomainOffset(Vector<double> x) => x.As<double, ulong>() - Vector.Create(DoubleDomainLow);

    /// <summary>True when every lane of the combined offsets is inside the fast domain (normal, [2^−60, 2^60]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool InFastDomain(Vector512<uint> offsets) => Vector512.LessThanOrEqualAll(offsets, Vector512.Create(SingleDomainSpan));

    /// <summary>True when every lane of the combined offsets is inside the fast domain (normal, [2^−500, 2^500]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool InFastDomain(Vector512<ulong> offsets) => Vector512.LessThanOrEqualAll(offsets, Vector512.Create(DoubleDomainSpan));

    /// <summary>True when every lane of the combined offsets is inside the fast domain (normal, [2^−60, 2^60]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool InFastDomain(Vector<uint> offsets) => Vector.LessThanOrEqualAll(offsets, Vector.Create(SingleDomainSpan));

    /// <summary>True when every lane of the combined offsets is inside the fast domain (normal, [2^−500, 2^500]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool InFastDomain(Vector<ulong> offsets) => Vector.LessThanOrEqualAll(offsets, Vector.Create(DoubleDomainSpan));

    /// <summary>An input as the term sees it: multiplied by (Scaled) or shifted down by (Shifted) its parameter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Adjust<TMode, T>(Vector512<T> x, Vector512<T> parameter) where TMode : struct, IFoldMode =>
        TMode.Scaled ? x * parameter : TMode.Shifted ? x - parameter : x;

    /// <summary>An input as the term sees it: multiplied by (Scaled) or shifted down by (Shifted) its parameter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Adjust<TMode, T>(Vector<T> x, Vector<T> parameter) where TMode : struct, IFoldMode =>
        TMode.Scaled ? x * parameter : TMode.Shifted ? x - parameter : x;

    /// <summary>An input as the term sees it, in double arithmetic.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Adjust<TMode>(double x, double parameter) where TMode : struct, IFoldMode =>
        TMode.Scaled ? x * parameter : TMode.Shifted ? x - parameter : x;

    /// <summary>An input as the term sees it, rounded to float like the float vector folds (which adjust in float).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AdjustInSingle<TMode>(double x, double parameter) where TMode : struct, IFoldMode =>
        TMode.Scaled ? (float)x * (float)parameter : TMode.Shifted ? (float)x - (float)parameter : x;

    // ---- maximum folds ([Term(Maximum = true)]): the same shapes as the sums, with max for + and −∞ for 0. Vector.Max and
    // Math.Max propagate NaN (IEEE 754-2019 maximum), so a NaN term makes the fold NaN as a NaN term makes a sum NaN.
    // The carries are carried along unused, so that the generated loops keep one shape.

    /// <summary>The larger of the running maxima and x, lane by lane (NaN if either is).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<double> Sum, Vector512<double> Carry) AccumulateMaximum(Vector512<double> sum, Vector512<double> carry, Vector512<double> x) =>
        (Vector512.Max(sum, x), carry);

    /// <summary>The larger of the running maxima and x, lane by lane (NaN if either is).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector<double> Sum, Vector<double> Carry) AccumulateMaximum(Vector<double> sum, Vector<double> carry, Vector<double> x) =>
        (Vector.Max(sum, x), carry);

    /// <summary>The lane-wise maximum of two blocks (NaN where either is).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Maximum(Vector512<double> a, Vector512<double> b) => Vector512.Max(a, b);

    /// <summary>The lane-wise maximum of two blocks (NaN where either is).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Maximum(Vector<double> a, Vector<double> b) => Vector.Max(a, b);

    /// <summary>The lanes of a float vector taken pairwise into half as many double lanes by their maximum (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> WidenMaximum(Vector512<float> x) => Vector512.Max(Vector512.WidenLower(x), Vector512.WidenUpper(x));

    /// <summary>A double vector as it is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> WidenMaximum(Vector512<double> x) => x;

    /// <summary>The lanes of a float vector taken pairwise into half as many double lanes by their maximum (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> WidenMaximum(Vector<float> x) => Vector.Max(Vector.WidenLower(x), Vector.WidenUpper(x));

    /// <summary>A double vector as it is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> WidenMaximum(Vector<double> x) => x;

    /// <summary>The largest lane of the running maxima (NaN if any lane is NaN).</summary>
    public static double ReduceMaximum(Vector512<double> sum, Vector512<double> carry)
    {
        double m = double.NegativeInfinity;
        for (int i = 0; i < Vector512<double>.Count; i++)
        {
            m = Math.Max(m, sum[i]);
        }

        return m;
    }

    /// <summary>The largest lane of the running maxima (NaN if any lane is NaN).</summary>
    public static double ReduceMaximum(Vector<double> sum, Vector<double> carry)
    {
        double m = double.NegativeInfinity;
        for (int i = 0; i < Vector<double>.Count; i++)
        {
            m = Math.Max(m, sum[i]);
        }

        return m;
    }

    /// <summary>The scalar step of a maximum fold: max(s, x), NaN if either is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Sum, double Carry) AddMaximum(double s, double c, double x) => (Math.Max(s, x), c);

    /// <summary>The value of a scalar maximum fold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CombineMaximum(double s, double c) => s;

    /// <summary>The value of a compensated pair: s + c, or s alone when s is ±∞ or NaN (its carry is then NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Combine(double s, double c) => double.IsFinite(s) ? s + c : s;

    /// <summary>Neumaier's compensated step: adds x to (s, c) and returns the new pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Sum, double Carry) Add(double s, double c, double x)
    {
        double t = s + x;
        double virtualX = t - s;
        return (t, c + ((s - (t - virtualX)) + (x - virtualX)));
    }
}
