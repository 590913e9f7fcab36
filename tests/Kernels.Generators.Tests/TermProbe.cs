using System;
using System.Globalization;
using System.Linq;
using Xunit.Sdk;

namespace Kernels.Generators.Tests;

/// <summary>
/// One term (in <c>Sample.Measures</c>) compiled with its generated kernel and a generated runner, loaded, and
/// compared with a plain loop over the term itself: the oracle for behaviour the baselines cannot show.
/// </summary>
internal sealed class TermProbe : IDisposable
{
    private const string Runner = "Sample.ProbeRunner";
    private readonly LoadedAssembly _loaded;
    private readonly string _term;
    private readonly int _arity;

    private TermProbe(GeneratorRun run, LoadedAssembly loaded, string term, int arity)
    {
        Run = run;
        _loaded = loaded;
        _term = term;
        _arity = arity;
    }

    public GeneratorRun Run { get; }

    /// <summary>Compiles the term with a runner whose reference folds it in a plain loop: a sum, or with
    /// <paramref name="maximum"/> (a [Term(Maximum = true)]) the largest term (Math.Max, so NaN wins; −∞ for none).</summary>
    public static TermProbe Compile(string measuresSource, string term, int arity, bool maximum = false)
    {
        string parameters = arity == 1 ? "double[] p" : "double[] p, double[] q";
        string arguments = arity == 1 ? "p" : "p, q";
        string element = arity == 1 ? "p[i]" : "p[i], q[i]";
        string runner = $$"""
            namespace Sample;

            public static class ProbeRunner
            {
                public static double Fold({{parameters}}) => Measures.{{term}}Kernel.Fold({{arguments}});

                public static double Reference({{parameters}})
                {
                    double sum = {{(maximum ? "double.NegativeInfinity" : "0.0")}};
                    for (int i = 0; i < p.Length; i++) sum = {{(maximum ? $"System.Math.Max(sum, Measures.{term}({element}))" : $"sum + Measures.{term}({element})")}};
                    return sum;
                }

                public static double Magnitude({{parameters}})
                {
                    double sum = 0.0;
                    for (int i = 0; i < p.Length; i++) sum {{(maximum ? "=" : "+=")}} {{(maximum ? $"System.Math.Max(sum, System.Math.Abs(Measures.{term}({element})))" : $"System.Math.Abs(Measures.{term}({element}))")}};
                    return sum;
                }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new SourceFile("Measures.cs", measuresSource), new SourceFile("ProbeRunner.cs", runner));
        if (run.Generator.Exception is not null || !run.GeneratorDiagnostics.IsEmpty)
        {
            throw new XunitException("The generator failed or reported:" + Environment.NewLine + GeneratorRun.Describe(run.GeneratorDiagnostics));
        }

        // Emit reports compile errors itself (binding the output once more for GetDiagnostics would double the cost).
        return new TermProbe(run, LoadedAssembly.Emit(run.Output), term, arity);
    }

    /// <summary>Compiles, compares once, unloads.</summary>
    public static void AssertAgrees(string measuresSource, string term, int arity, double[] p, double[]? q = null)
    {
        using TermProbe probe = Compile(measuresSource, term, arity);
        probe.AssertAgrees(p, q);
    }

    /// <summary>Fails unless the generated fold and the scalar loop agree to <paramref name="tolerance"/>·Σ|term|
    /// (or are the same value, NaN and infinities included: pass finite sums to make the comparison count).</summary>
    public void AssertAgrees(double[] p, double[]? q = null, double tolerance = 1e-12)
    {
        object[] args = _arity == 1 ? new object[] { p } : new object[] { p, q! };
        double fold = _loaded.Call<double>(Runner, "Fold", args);
        double reference = _loaded.Call<double>(Runner, "Reference", args);
        double magnitude = _loaded.Call<double>(Runner, "Magnitude", args);
        if (!fold.Equals(reference) && !(Math.Abs(fold - reference) <= tolerance * magnitude))
        {
            throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                $"{_term}: the generated fold gives {fold:R}, the scalar term folded in a loop gives {reference:R} (n = {p.Length})"));
        }
    }

    public static double[] Fill(int length, double value) => Enumerable.Repeat(value, length).ToArray();

    public void Dispose() => _loaded.Dispose();
}
