using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Runtime.Intrinsics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kernels.Support;
using Kernels.Verification;
using Xunit;

namespace Kernels.Tests;

/// <summary>One generated input: p and q (q ignored by one-input terms) and what kind of data it is.</summary>
public sealed record KernelCase(string Kind, int Seed, double[] P, double[] Q)
{
    public override string ToString() => $"{Kind} n={P.Length} seed={Seed}";
}

/// <summary>
/// Inputs for the kernel-versus-term properties: clean distributions, zeros, near-equal p ≈ q, peaked, subnormal,
/// huge, and sparse specials (NaN, ±∞, negatives) at random positions, so the unchecked fast loop, the checked
/// blocks, the remaining vectors and the masked tail all see them. Built from an FsCheck seed (Replay reproduces).
/// </summary>
public static class KernelCases
{
    public static readonly string[] Kinds = { "clean", "zeros", "near-equal", "peaked", "subnormal", "huge", "specials" };

    public static Arbitrary<KernelCase> Case() => Arb.From(
        from kind in Gen.Elements(Kinds)
        from length in Gen.OneOf(Gen.Choose(0, 300), Gen.Choose(1000, 3000))
        from seed in Gen.Choose(0, int.MaxValue)
        select Build(kind, length, seed));

    /// <summary>The inputs of one case: the package's own hard-input generator (<see cref="KernelInputs.Pair"/>), the one
    /// users test their kernels with.</summary>
    public static KernelCase Build(string kind, int length, int seed)
    {
        (double[] p, double[] q) = KernelInputs.Pair(KindOf(kind), seed, length);
        return new KernelCase(kind, seed, p, q);
    }

    private static KernelInputKind KindOf(string kind) => kind switch
    {
        "clean" => KernelInputKind.Clean,
        "zeros" => KernelInputKind.Zeros,
        "near-equal" => KernelInputKind.NearEqual,
        "peaked" => KernelInputKind.Peaked,
        "subnormal" => KernelInputKind.Subnormal,
        "huge" => KernelInputKind.Huge,
        "specials" => KernelInputKind.Specials,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown input kind."),
    };
}

/// <summary>
/// Every generated specialization agrees with its scalar term: for each measure (and the plain sum), float and
/// double, each width path (scalar fold, <see cref="Vector{T}"/>, Vector512 — software-emulated where the machine has
/// no AVX-512), each fold mode (plain, with totals, scaled inputs) and each log base. The reference is the term folded
/// in double-double, so the tolerance is the kernel's own: double within 8ε·Σ|term|, float within 6ε_f·Σ|term|
/// (JS: over the unpaired halves, as in SEMANTICS), plus a few subnormals; ±∞ and NaN must match exactly.
/// </summary>
public sealed class KernelAgreementTests
{
    private delegate FoldTotals FoldSingle(ReadOnlySpan<float> p, ReadOnlySpan<float> q, double scaleP, double scaleQ);

    private delegate FoldTotals FoldDouble(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double scaleP, double scaleQ);

    private delegate FoldTotals OneSingle(ReadOnlySpan<float> p, double scale);

    private delegate FoldTotals OneDouble(ReadOnlySpan<double> p, double scale);

    /// <summary>A generated kernel class with its term and the error scale the contract uses for it.</summary>
    private sealed record Measure(string Name, Type Kernel, int Arity, Func<double, double, double> Term, Func<double, double, double> Scale);

    private static readonly Measure[] Measures =
    {
        new("Entropy", typeof(Terms.EntropyKernel), 1, (p, _) => Terms.Entropy(p), (p, _) => Math.Abs(Terms.Entropy(p))),
        new("Total", typeof(Sums.TotalKernel), 1, (p, _) => p, (p, _) => Math.Abs(p)),
        new("CrossEntropy", typeof(Terms.CrossEntropyKernel), 2, Terms.CrossEntropy, (p, q) => Math.Abs(Terms.CrossEntropy(p, q))),
        new("KullbackLeibler", typeof(Terms.KullbackLeiblerKernel), 2, Terms.KullbackLeibler, (p, q) => Math.Abs(Terms.KullbackLeibler(p, q))),
        new("JensenShannon", typeof(Terms.JensenShannonKernel), 2, Terms.JensenShannon, UnpairedJensenShannonScale),
    };

    /// <summary>The generated Run{path}&lt;TMode&gt; fold of a kernel for one element type, as a delegate.</summary>
    private static TDelegate Fold<TDelegate>(Measure measure, string path, string mode, Type element, string suffix = "")
        where TDelegate : Delegate
    {
        Type span = typeof(ReadOnlySpan<>).MakeGenericType(element);
        MethodInfo method = measure.Kernel.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Single(m => m.Name == (path == "Vector512" ? "Run512" : "Run" + path) + suffix && m.GetParameters()[0].ParameterType == span);
        Type modeType = typeof(FoldModes).GetNestedType(mode)!;
        return (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), method.MakeGenericMethod(modeType));
    }

    private static FoldSingle SingleFold(Measure measure, string path, string mode, string suffix = "")
    {
        if (measure.Arity == 2)
        {
            return Fold<FoldSingle>(measure, path, mode, typeof(float), suffix);
        }

        OneSingle one = Fold<OneSingle>(measure, path, mode, typeof(float), suffix);
        return (p, _, scaleP, _) => one(p, scaleP);
    }

    private static FoldDouble DoubleFold(Measure measure, string path, string mode)
    {
        if (measure.Arity == 2)
        {
            return Fold<FoldDouble>(measure, path, mode, typeof(double));
        }

        OneDouble one = Fold<OneDouble>(measure, path, mode, typeof(double));
        return (p, _, scaleP, _) => one(p, scaleP);
    }

    private static readonly string[] Paths = { "Scalar", "Vector", "Vector512" };
    private static readonly string[] Modes = { "Plain", "WithTotals", "ScaledInputs" };

    [Property(Arbitrary = new[] { typeof(KernelCases) }, MaxTest = 60)]
    public void EveryGeneratedFoldAgreesWithItsTerm(KernelCase input) => CheckAll(input);

    public static TheoryData<string, int> LengthsAroundEveryVectorWidth()
    {
        var data = new TheoryData<string, int>();
        int[] lengths = { 0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 48, 63, 64, 65, 66, 95, 127, 128, 129, 191, 255, 256, 257 };
        foreach (string kind in KernelCases.Kinds)
        {
            foreach (int length in lengths)
            {
                data.Add(kind, length);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LengthsAroundEveryVectorWidth))]
    public void EveryGeneratedFoldAgreesWithItsTermAtEachLength(string kind, int length) =>
        CheckAll(KernelCases.Build(kind, length, (kind.GetHashCode(StringComparison.Ordinal) & 0xFFFF) + length));

    [Fact]
    public void LogBaseEntryPointsScaleTheNaturalFoldOnce()
    {
        KernelCase input = KernelCases.Build("clean", 77, 5);
        double nats = Terms.KullbackLeiblerKernel.Fold(input.P, input.Q);
        Assert.Equal(nats / Math.Log(2.0), Terms.KullbackLeiblerKernel.FoldLog2(input.P, input.Q), 14);
        Assert.Equal(nats / Math.Log(10.0), Terms.KullbackLeiblerKernel.FoldLog10(input.P, input.Q), 14);
        Assert.Equal(nats / Math.Log(3.7), Terms.KullbackLeiblerKernel.Fold(input.P, input.Q, LogBase.Of(3.7)), 14);
        Assert.Equal(nats, Terms.KullbackLeiblerKernel.Fold(input.P, input.Q, LogBase.E));
    }

    private static void CheckAll(KernelCase input)
    {
        float[] pf = input.P.Select(x => (float)x).ToArray();
        float[] qf = input.Q.Select(x => (float)x).ToArray();
        double[] pfd = pf.Select(x => (double)x).ToArray();
        double[] qfd = qf.Select(x => (double)x).ToArray();
        const double scaleP = 1.0 / 3.0, scaleQ = 1.75;
        foreach (Measure measure in Measures)
        {
            foreach (string path in Paths)
            {
                foreach (string mode in Modes)
                {
                    bool scaled = mode == "ScaledInputs";
                    FoldDouble foldD = DoubleFold(measure, path, mode);
                    if (Runs(path, input.P.Length, Vector<double>.Count, Vector512<double>.Count))
                    {
                        FoldTotals actual = foldD(input.P, input.Q, scaleP, scaleQ);
                        double[] p = scaled ? input.P.Select(x => x * scaleP).ToArray() : input.P;
                        double[] q = scaled ? input.Q.Select(x => x * scaleQ).ToArray() : input.Q;
                        Check($"{measure.Name} double {path} {mode} {input}", actual.Sum, measure, p, q, 8 * Math.ScaleB(1.0, -52), 4 * double.Epsilon);
                        if (mode == "WithTotals")
                        {
                            CheckTotal($"{measure.Name} double {path} Σp {input}", actual.SumP, input.P, Math.ScaleB(1.0, -50));
                        }
                    }

                    FoldSingle foldS = SingleFold(measure, path, mode);
                    if (Runs(path, pf.Length, Vector<float>.Count, Vector512<float>.Count))
                    {
                        FoldTotals actual = foldS(pf, qf, scaleP, scaleQ);
                        double[] p = scaled ? pf.Select(x => (double)(x * (float)scaleP)).ToArray() : pfd;
                        double[] q = scaled ? qf.Select(x => (double)(x * (float)scaleQ)).ToArray() : qfd;
                        Check($"{measure.Name} float {path} {mode} {input}", actual.Sum, measure, p, q, 6 * Math.ScaleB(1.0, -23), 8 * (double)float.Epsilon);
                        if (mode == "WithTotals")
                        {
                            CheckTotal($"{measure.Name} float {path} Σp {input}", actual.SumP, pfd, Math.ScaleB(1.0, -50));
                        }
                    }

                    // Float inputs folded in double arithmetic: nothing is rounded to float, so the double bound applies.
                    FoldSingle inDouble = SingleFold(measure, path, mode, "InDouble");
                    if (Runs(path, pf.Length, Vector<float>.Count, Vector512<float>.Count))
                    {
                        FoldTotals actual = inDouble(pf, qf, scaleP, scaleQ);
                        double[] p = scaled ? pfd.Select(x => x * scaleP).ToArray() : pfd;
                        double[] q = scaled ? qfd.Select(x => x * scaleQ).ToArray() : qfd;
                        Check($"{measure.Name} float-in-double {path} {mode} {input}", actual.Sum, measure, p, q, 8 * Math.ScaleB(1.0, -52), 4 * double.Epsilon);
                        if (mode == "WithTotals")
                        {
                            CheckTotal($"{measure.Name} float-in-double {path} Σp {input}", actual.SumP, pfd, Math.ScaleB(1.0, -50));
                        }
                    }
                }
            }
        }
    }

    private static bool Runs(string path, int length, int vectorCount, int vector512Count) => path switch
    {
        "Vector" => Vector.IsHardwareAccelerated && length >= vectorCount,
        "Vector512" => length >= vector512Count,
        _ => true,
    };

    private static void Check(string what, double actual, Measure measure, double[] p, double[] q, double relative, double absolutePerElement)
    {
        DoubleDouble exact = 0.0;
        double scale = 0.0;
        bool special = false;
        double specialSum = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            double term = measure.Term(p[i], q.Length > i ? q[i] : 0.0);
            if (!double.IsFinite(term))
            {
                special = true;
                specialSum += term;
                continue;
            }

            exact += term;
            scale += measure.Scale(p[i], q.Length > i ? q[i] : 0.0);
        }

        if (special)
        {
            Assert.True(actual.Equals(specialSum), $"{what}: expected {specialSum}, got {actual}");
            return;
        }

        double tolerance = (relative * scale) + (absolutePerElement * p.Length);
        double error = Math.Abs((actual - exact.Hi) - exact.Lo);
        Assert.True(error <= tolerance, $"{what}: expected {exact.Value:R}, got {actual:R}, error {error:E3} > tolerance {tolerance:E3}");
        if (exact.Hi == 0.0 && p.All(x => x >= 0) && measure.Name is "KullbackLeibler" or "JensenShannon")
        {
            Assert.False(double.IsNegative(actual), $"{what}: a zero divergence must be +0.0");
        }
    }

    private static void CheckTotal(string what, double actual, double[] values, double relative)
    {
        if (values.Any(x => !double.IsFinite(x)))
        {
            return;
        }

        DoubleDouble exact = 0.0;
        double scale = 0.0;
        foreach (double x in values)
        {
            exact += x;
            scale += Math.Abs(x);
        }

        Assert.True(Math.Abs(actual - exact.Value) <= (relative * scale) + 1e-300, $"{what}: expected {exact.Value:R}, got {actual:R}");
    }

    // The JS contract bounds the error by the unpaired halves ½|p·log(2p/(p+q))| + ½|q·log(2q/(p+q))|.
    private static double UnpairedJensenShannonScale(double p, double q)
    {
        double m = 0.5 * (p + q);
        double a = p > 0 ? Math.Abs(p * Math.Log(p / m)) : 0.0;
        double b = q > 0 ? Math.Abs(q * Math.Log(q / m)) : 0.0;
        return 0.5 * (a + b) + Math.Abs(Terms.JensenShannon(p, q));
    }
}
