using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Runtime.Intrinsics;
using Kernels.Support;

namespace Kernels.Tests;

/// <summary>One generated fold of a kernel as a uniform delegate: (inputs, one scale per input, α) → its totals.</summary>
public delegate FoldTotals RunOf<T>(T[][] inputs, double[] scales, double alpha);

/// <summary>A width path of a generated kernel (Run512, RunVector, their InDouble forms) with the scalar fold it is
/// checked against (RunScalar or RunScalarInDouble, same element type and mode).</summary>
public sealed record WidthPath<T>(string Name, bool InDouble, RunOf<T> Run, RunOf<T> Reference);

/// <summary>
/// The internal folds of every generated kernel, one per SIMD width, called directly: the public <c>Fold</c> picks one
/// width for the machine, so calling them all (Vector512 software-emulated where the machine has no AVX-512) tests every
/// width on every machine. Bound through delegates by input count and parameter, so nothing is boxed.
/// </summary>
public static class WidthPaths
{
    private delegate FoldTotals Run1<T>(ReadOnlySpan<T> x, double sx);

    private delegate FoldTotals Run1A<T>(ReadOnlySpan<T> x, double sx, double a);

    private delegate FoldTotals Run2<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, double sx, double sy);

    private delegate FoldTotals Run2A<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, double sx, double sy, double a);

    private delegate FoldTotals Run4<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> z, ReadOnlySpan<T> w, double sx, double sy, double sz, double sw);

    /// <summary>The names of the generated generic folds; any other <c>Run*</c> method is a path these tests do not know.</summary>
    public static readonly string[] KnownFolds =
    {
        "Run", "RunScalar", "RunVector", "Run512", "RunInDouble", "RunScalarInDouble", "RunVectorInDouble", "Run512InDouble",
    };

    public static readonly Type[] Modes = { typeof(FoldModes.Plain), typeof(FoldModes.WithTotals), typeof(FoldModes.ScaledInputs) };

    /// <summary>The vector folds of <paramref name="term"/> for element type T in the given mode, each with its scalar reference.</summary>
    public static IReadOnlyList<WidthPath<T>> For<T>(TermKernel term, Type mode)
    {
        var paths = new List<WidthPath<T>>
        {
            new("Vector", false, Bind<T>(term, "RunVector", mode), Bind<T>(term, "RunScalar", mode)),
            new("Vector512", false, Bind<T>(term, "Run512", mode), Bind<T>(term, "RunScalar", mode)),
        };
        if (typeof(T) == typeof(float))
        {
            paths.Add(new("VectorInDouble", true, Bind<T>(term, "RunVectorInDouble", mode), Bind<T>(term, "RunScalarInDouble", mode)));
            paths.Add(new("Vector512InDouble", true, Bind<T>(term, "Run512InDouble", mode), Bind<T>(term, "RunScalarInDouble", mode)));
        }

        return paths;
    }

    /// <summary>Whether a path can run on this input: RunVector assumes an accelerated Vector&lt;T&gt; and at least one
    /// vector (the dispatcher guarantees both), Run512 at least one Vector512.</summary>
    public static bool Runs<T>(string path, int length) => path.StartsWith("Vector512", StringComparison.Ordinal)
        ? length >= Vector512<T>.Count
        : Vector.IsHardwareAccelerated && length >= Vector<T>.Count;

    public static MethodInfo[] GenericFolds(Type kernel) =>
        kernel.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(m => m.Name.StartsWith("Run", StringComparison.Ordinal) && m.IsGenericMethodDefinition)
            .ToArray();

    private static RunOf<T> Bind<T>(TermKernel term, string name, Type mode)
    {
        Type span = typeof(ReadOnlySpan<T>);
        MethodInfo method = GenericFolds(term.Kernel).Single(m => m.Name == name && m.GetParameters()[0].ParameterType == span)
            .MakeGenericMethod(mode);
        switch (term.Arity, term.HasAlpha)
        {
            case (1, false):
            {
                var run = method.CreateDelegate<Run1<T>>();
                return (x, s, _) => run(x[0], s[0]);
            }

            case (1, true):
            {
                var run = method.CreateDelegate<Run1A<T>>();
                return (x, s, a) => run(x[0], s[0], a);
            }

            case (2, false):
            {
                var run = method.CreateDelegate<Run2<T>>();
                return (x, s, _) => run(x[0], x[1], s[0], s[1]);
            }

            case (2, true):
            {
                var run = method.CreateDelegate<Run2A<T>>();
                return (x, s, a) => run(x[0], x[1], s[0], s[1], a);
            }

            case (4, false):
            {
                var run = method.CreateDelegate<Run4<T>>();
                return (x, s, _) => run(x[0], x[1], x[2], x[3], s[0], s[1], s[2], s[3]);
            }

            default:
                throw new NotSupportedException($"{term.Name}: {term.Arity} inputs with parameter {term.HasAlpha} has no delegate shape here; add one.");
        }
    }
}
