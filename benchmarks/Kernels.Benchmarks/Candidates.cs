using System;
using System.Numerics;
using System.Runtime.InteropServices;
using Tensor = System.Numerics.Tensors.TensorPrimitives;

namespace Kernels.Benchmarks;

/// <summary>
/// Each candidate as a pure function of the inputs (plus caller-owned scratch space), generic over float and double.
/// Every result is returned widened to double so that callers can compare them without losing digits.
/// </summary>
internal static class Candidates
{
    /// <summary>This library's public API (natural log).</summary>
    public static double Ours<T>(Measure measure, ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            return Ours(measure, MemoryMarshal.Cast<T, float>(p), MemoryMarshal.Cast<T, float>(q));
        }

        if (typeof(T) == typeof(double))
        {
            return Ours(measure, MemoryMarshal.Cast<T, double>(p), MemoryMarshal.Cast<T, double>(q));
        }

        throw new NotSupportedException($"{typeof(T)} is not float or double.");
    }

    /// <summary>
    /// A plain loop: each term is computed in T with T.Log (MathF.Log for float, Math.Log for double), p = 0 gives
    /// a 0 term, and the terms are summed in double, as ours does, so the comparison is about the log, not the sum.
    /// </summary>
    public static double ScalarLoop<T>(Measure measure, ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IFloatingPointIeee754<T> => measure switch
        {
            Measure.Entropy => SumTerms<T, EntropyTerm<T>>(p, p),
            Measure.CrossEntropy => SumTerms<T, CrossEntropyTerm<T>>(p, q),
            Measure.KullbackLeibler => SumTerms<T, KullbackLeiblerTerm<T>>(p, q),
            Measure.JensenShannon => SumTerms<T, JensenShannonTerm<T>>(p, q),
            _ => throw Unknown(measure),
        };

    /// <summary>
    /// What a TensorPrimitives user would write: whole-array passes through <paramref name="scratch"/> (and
    /// <paramref name="mid"/> for Jensen–Shannon), with Dot summing in T. A zero probability gives 0·log 0 = NaN, so
    /// this is only valid for strictly positive inputs.
    /// </summary>
    public static double TensorPrimitives<T>(Measure measure, ReadOnlySpan<T> p, ReadOnlySpan<T> q, Span<T> scratch, Span<T> mid)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> t = scratch[..p.Length];
        switch (measure)
        {
            case Measure.Entropy:
                Tensor.Log(p, t);
                return -Widen(Tensor.Dot(p, t));
            case Measure.CrossEntropy:
                Tensor.Log(q, t);
                return -Widen(Tensor.Dot(p, t));
            case Measure.KullbackLeibler:
                Tensor.Divide(p, q, t);
                Tensor.Log(t, t);
                return Widen(Tensor.Dot(p, t));
            case Measure.JensenShannon:
                Span<T> m = mid[..p.Length];
                T half = T.CreateTruncating(0.5);
                Tensor.Add(p, q, m);
                Tensor.Multiply(m, half, m);
                Tensor.Divide(p, m, t);
                Tensor.Log(t, t);
                T fromP = Tensor.Dot(p, t);
                Tensor.Divide(q, m, t);
                Tensor.Log(t, t);
                T fromQ = Tensor.Dot(q, t);
                return Widen((fromP + fromQ) * half);
            default:
                throw Unknown(measure);
        }
    }

    /// <summary>TensorPrimitives.Sum over the bytes the measure reads: p alone for entropy, p and q otherwise.</summary>
    public static double Roofline<T>(Measure measure, ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        measure == Measure.Entropy ? Widen(Tensor.Sum(p)) : Widen(Tensor.Sum(p)) + Widen(Tensor.Sum(q));

    private static double Ours(Measure measure, ReadOnlySpan<float> p, ReadOnlySpan<float> q) => measure switch
    {
        Measure.Entropy => Information.Entropy(p),
        Measure.CrossEntropy => Information.CrossEntropy(p, q),
        Measure.KullbackLeibler => Information.KullbackLeibler(p, q),
        Measure.JensenShannon => Information.JensenShannonDivergence(p, q),
        _ => throw Unknown(measure),
    };

    private static double Ours(Measure measure, ReadOnlySpan<double> p, ReadOnlySpan<double> q) => measure switch
    {
        Measure.Entropy => Information.Entropy(p),
        Measure.CrossEntropy => Information.CrossEntropy(p, q),
        Measure.KullbackLeibler => Information.KullbackLeibler(p, q),
        Measure.JensenShannon => Information.JensenShannonDivergence(p, q),
        _ => throw Unknown(measure),
    };

    private static double SumTerms<T, TTerm>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTerm : IScalarTerm<T>
    {
        q = q[..p.Length];
        double sum = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            sum += Widen(TTerm.Of(p[i], q[i]));
        }

        return sum;
    }

    // The JIT folds the type test and the box/unbox pair away for each instantiation.
    private static double Widen<T>(T value) =>
        typeof(T) == typeof(float) ? (float)(object)value! : (double)(object)value!;

    private static ArgumentOutOfRangeException Unknown(Measure measure) =>
        new(nameof(measure), measure, "Unknown measure.");

    private interface IScalarTerm<T>
    {
        static abstract T Of(T p, T q);
    }

    private readonly struct EntropyTerm<T> : IScalarTerm<T>
        where T : IFloatingPointIeee754<T>
    {
        public static T Of(T p, T q) => p > T.Zero ? -(p * T.Log(p)) : T.Zero;
    }

    private readonly struct CrossEntropyTerm<T> : IScalarTerm<T>
        where T : IFloatingPointIeee754<T>
    {
        public static T Of(T p, T q) => p > T.Zero ? -(p * T.Log(q)) : T.Zero;
    }

    private readonly struct KullbackLeiblerTerm<T> : IScalarTerm<T>
        where T : IFloatingPointIeee754<T>
    {
        public static T Of(T p, T q) => p > T.Zero ? p * T.Log(p / q) : T.Zero;
    }

    private readonly struct JensenShannonTerm<T> : IScalarTerm<T>
        where T : IFloatingPointIeee754<T>
    {
        public static T Of(T p, T q)
        {
            T half = T.CreateTruncating(0.5);
            T m = (p + q) * half;
            T fromP = p > T.Zero ? p * T.Log(p / m) : T.Zero;
            T fromQ = q > T.Zero ? q * T.Log(q / m) : T.Zero;
            return (fromP + fromQ) * half;
        }
    }
}
