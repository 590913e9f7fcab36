using Xunit;

namespace Kernels.Generators.Tests;

/// <summary>
/// Terms inside the documented language that an earlier generator got wrong (Vector.SquareRoot, == between
/// conditions, named and optional arguments, colliding names, keyword and local-shadowing parameter names, Horner
/// spreads, products leaving the fast domain). Each test states what must happen.
/// </summary>
public sealed class RegressionTests
{
    private static string Measures(string members) =>
        "using System;\nusing Kernels;\n\nnamespace Sample;\n\npublic static partial class Measures\n{\n    " + members + "\n}\n";

    [Fact]
    public void Math_Sqrt_compiles_for_Vector_of_T()
    {
        // Lowered to global::System.Numerics.Vector.Sqrt, which does not exist (the API is Vector.SquareRoot).
        GeneratorRun run = GeneratorHarness.Run(Measures("[Term] public static double Root(double p) => Math.Sqrt(p);"));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.OutputErrors.IsEmpty, GeneratorRun.Describe(run.OutputErrors));
    }

    [Fact]
    public void Equality_of_two_conditions_is_lane_wise_boolean_equality()
    {
        // (p > 0) == (q > 0) is lowered to Vector.Equals<double>(mask, mask); an all-ones mask is a NaN, so two
        // true lanes compare unequal. Fast path: Equals(AllBitsSet, AllBitsSet) == false for every lane.
        TermProbe.AssertAgrees(Measures("[Term] public static double Same(double p, double q) => (p > 0.0) == (q > 0.0) ? 1.0 : 0.0;"),
            "Same", 2, TermProbe.Fill(16, 0.5), TermProbe.Fill(16, 0.25));
    }

    [Fact]
    public void Named_arguments_bind_by_name()
    {
        // Arguments are read by position: Fn.LogRatio(y: q, x: p) is compiled as LogRatio(q, p).
        double[] p = TermProbe.Fill(16, 0.5), q = TermProbe.Fill(16, 0.25);
        TermProbe.AssertAgrees(Measures("[Term] public static double Kl(double p, double q) => p * Fn.LogRatio(y: q, x: p);"), "Kl", 2, p, q);
    }

    [Theory]
    [InlineData("sum")]
    [InlineData("length")]
    [InlineData("i")]
    [InlineData("v0")]
    [InlineData("@in")]
    public void Any_parameter_name_compiles(string name)
    {
        // Parameter names are pasted into the kernels: they collide with the generated locals (sum, length, i, v0, …)
        // and keywords lose their '@'.
        GeneratorRun run = GeneratorHarness.Run(Measures($"[Term] public static double Twice(double {name}) => 2.0 * {name};"));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.OutputErrors.IsEmpty, GeneratorRun.Describe(run.OutputErrors));
    }

    [Theory]
    [InlineData("overloads", "[Term] public static double Kl(double p) => p;\n    [Term] public static double Kl(double p, double q) => p * q;")]
    [InlineData("names differing in case", "[Term] public static double Kl(double p) => p;\n    [Term] public static double KL(double p) => 2.0 * p;")]
    public void Terms_with_the_same_hint_name_do_not_crash_the_generator(string kind, string members)
    {
        // Overloads get the same hint name, and names differing only in case get hint names Roslyn compares
        // ignoring case: AddSource throws, the generator fails (CS8785) and no kernel of the compilation is
        // generated, not even Other's. A KG diagnostic on the second term would do.
        GeneratorRun run = GeneratorHarness.Run(Measures(members + "\n    [Term] public static double Other(double p) => p;"));
        Assert.True(run.Generator.Exception is null, $"{kind}: {run.Generator.Exception?.Message}");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        Assert.Contains("Sample.Measures.Other.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void Helpers_with_optional_parameters_do_not_crash_the_generator()
    {
        // Arguments are indexed by the callee's parameters: the default of b is never read and arguments[1] throws.
        GeneratorRun run = GeneratorHarness.Run(Measures(
            "[Term] public static double T(double p) => Scale(p);\n" +
            "    private static double Scale(double a, double b = 2.0) => a * b;"));
        Assert.Null(run.Generator.Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
    }

    [Fact]
    public void Spread_coefficients_of_Horner_are_not_dropped()
    {
        // Only the ExpressionElements of a collection expression are read: [1.0, ..Tail] is compiled as [1.0].
        // Tail is not a constant, so KG0006 is the expected answer.
        GeneratorRun run = GeneratorHarness.Run(Measures(
            "private static readonly double[] Tail = { 2.0 };\n" +
            "    [Term] public static double H(double p) => Fn.Horner(p, [1.0, ..Tail]);"));
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "KG0006");
    }

    [Fact]
    public void Fast_path_does_not_assume_products_of_inputs_stay_positive()
    {
        // FastPathFolding marks p·p·p as positive for p in the fast domain [2^-500, 2^500], so p·p·p > 0 is
        // folded to true; for p = 1e-120 (inside the domain) p·p·p underflows to 0 and the term is 0.
        TermProbe.AssertAgrees(Measures("[Term] public static double Cube(double p) => p * p * p > 0.0 ? 1.0 : 0.0;"),
            "Cube", 1, TermProbe.Fill(16, 1e-120));
    }

    [Theory]
    [InlineData("all lanes take the first branch")]
    [InlineData("all lanes take the second branch")]
    [InlineData("lanes disagree")]
    public void Versioned_conditionals_agree_with_the_term_whichever_branch_the_lanes_take(string layout)
    {
        // Both branches hold a logarithm, so the fast body computes only the branch every lane agrees on.
        const string term = "[Term] public static double Split(double p, double q) => p < 2.0 * q ? p * Fn.LogRatio(p, q) : q * Fn.Log(p) + 1.0;";
        var random = new System.Random(7);
        double[] p = new double[67], q = new double[67];
        for (int i = 0; i < p.Length; i++)
        {
            q[i] = 0.5 + random.NextDouble();
            bool first = layout switch { "all lanes take the first branch" => true, "all lanes take the second branch" => false, _ => i % 3 == 0 };
            p[i] = first ? q[i] * (0.5 + random.NextDouble()) : q[i] * (2.5 + random.NextDouble());
        }

        TermProbe.AssertAgrees(Measures(term), "Split", 2, p, q);
    }

    /// <summary>d²/v with d and v rescaled where v² underflows, as <c>Terms.SquareOverDivisor</c> does.</summary>
    private const string DivisorGuard =
        "[Term] public static double Chi(double p, double q) => p == q ? 0.0 : Times(p - q, q);\n" +
        "    public static double Times(double d, double v) => Quotient(d * Scale(v), v * Scale(v) * Scale(v));\n" +
        "    public static double Quotient(double d, double v) => d * (d / v);\n" +
        "    public static double Scale(double v) => v * v > 0.0 ? 1.0 : 18446744073709551616.0;";

    [Fact]
    public void A_guard_the_fast_domain_decides_gets_a_fast_path_without_it()
    {
        // The rescaling is arithmetic the fast domain makes dead (v² > 0 there, and x·1 = x): worth checking the inputs
        // for, although the term has no logarithm. The fast body is the plain d·(d/v).
        GeneratorRun run = GeneratorHarness.Run(Measures(DivisorGuard));
        string source = run.Sources["Sample.Measures.Chi.g.cs"];
        Assert.Contains("InFastDomain(", source, System.StringComparison.Ordinal);
        Assert.Contains("1.8446744073709552E+19", source, System.StringComparison.Ordinal); // in the checked body
        string fastBody = source[source.IndexOf("DoubleVector TermVectorUnchecked(", System.StringComparison.Ordinal)..];
        fastBody = fastBody[..fastBody.IndexOf("return ", System.StringComparison.Ordinal)];
        Assert.DoesNotContain("GreaterThan", fastBody, System.StringComparison.Ordinal);
        Assert.DoesNotContain("1.8446744073709552E+19", fastBody, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_guard_against_tiny_divisors_agrees_with_the_term_on_both_paths()
    {
        // Ordinary inputs (fast path) and a subnormal divisor (checked path): d/v = 2^1034 overflows, d²/v = 2^994 does not.
        using TermProbe probe = TermProbe.Compile(Measures(DivisorGuard), "Chi", 2);
        var random = new System.Random(3);
        double[] p = new double[67], q = new double[67];
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = random.NextDouble();
            q[i] = random.NextDouble();
        }

        probe.AssertAgrees(p, q);
        p[40] = System.Math.Pow(2, -40);
        q[40] = double.Epsilon;
        probe.AssertAgrees(p, q);
    }

    [Fact]
    public void Decided_comparisons_alone_do_not_get_a_fast_path()
    {
        // Log-probabilities are never in the fast domain (they are ≤ 0): a fast path that only skips the tests for −∞
        // and NaN would send every vector to the out-of-line checked body.
        GeneratorRun run = GeneratorHarness.Run(Measures(
            "[Term] public static double KlOfLogs(double a, double b) => a == double.NegativeInfinity && !double.IsNaN(b) ? 0.0 : Fn.Exp(a) * (a - b);"));
        Assert.Contains("bool inDomain = true;", run.Sources["Sample.Measures.KlOfLogs.g.cs"], System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(17)]
    [InlineData(67)]
    public void Maximum_folds_take_the_largest_term_at_every_length(int n)
    {
        // The L∞ distance: the unrolled loop, the single vectors and the masked tail all take max for +; terms that are
        // all negative show that masked lanes and empty input contribute −∞, not 0.
        const string terms = "[Term(Maximum = true)] public static double Gap(double p, double q) => Math.Abs(p - q);\n" +
            "    [Term(Maximum = true)] public static double Below(double p, double q) => -(p + q);";
        var random = new System.Random(n);
        double[] p = new double[n], q = new double[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = random.NextDouble();
            q[i] = random.NextDouble();
        }

        using (TermProbe gap = TermProbe.Compile(Measures(terms), "Gap", 2, maximum: true))
        {
            gap.AssertAgrees(p, q, tolerance: 0.0);
            if (n > 0)
            {
                q[n / 2] = double.NaN;
                gap.AssertAgrees(p, q, tolerance: 0.0); // NaN in any lane: NaN
                q[n / 2] = 0.5;
            }
        }

        using TermProbe below = TermProbe.Compile(Measures(terms), "Below", 2, maximum: true);
        below.AssertAgrees(p, q, tolerance: 0.0);
    }
}
