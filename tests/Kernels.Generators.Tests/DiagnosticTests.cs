using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Kernels.Generators.Tests;

/// <summary>
/// Each KG diagnostic by ID: the source marks the expected location with <c>[|…|]</c>; the test checks the span,
/// its line, the file, and that the message names the offending construct and says what is supported.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Header = "using System;\nusing Kernels;\n\nnamespace Sample;\n\n";

    [Theory]
    [InlineData("public partial class Measures", "[Term] public double [|Instance|](double p) => p;", "it is not static")]
    [InlineData("public static partial class Measures", "[Term] public static float [|Single|](double p) => 0f;", "it returns 'float'")]
    [InlineData("public static partial class Measures", "[Term] public static double [|Three|](double p, double q, double r) => p;", "it has 3 parameters")]
    [InlineData("public static partial class Measures", "[Term] public static double [|None|]() => 0.0;", "it has 0 parameters")]
    [InlineData("public static partial class Measures", "[Term] public static double [|ByRef|](ref double p) => p;", "parameter 'p' is 'ref double p'")]
    [InlineData("public static partial class Measures", "[Term] public static double [|OfInt|](int n) => n;", "parameter 'n' is 'int n'")]
    [InlineData("public static partial class Measures", "[Term] public static double [|Generic|]<T>(double p) => p;", "it is generic")]
    public void KG0001_invalid_signature(string type, string member, string reason)
    {
        Diagnostic d = SingleDiagnostic(type, member, "KG0001");
        Assert.Contains("must be a static method returning double with one or two double parameters", d.GetMessage());
        Assert.Contains(reason, d.GetMessage());
    }

    [Fact]
    public void KG0002_block_bodied_term()
    {
        Diagnostic d = SingleDiagnostic("public static partial class Measures",
            "[Term]\n    public static double [|Block|](double p)\n    {\n        return p;\n    }", "KG0002");
        Assert.Contains("'Block' must be expression-bodied", d.GetMessage());
    }

    [Theory]
    [InlineData("[Term] public static double E(double p) => [|Math.Tan(p)|];", "Math.Tan(p)")]
    [InlineData("[Term] public static double L(double p) => p * [|((Func<double, double>)(x => x * x))(p)|];", "Func<double, double>")]
    [InlineData("[Term] public static double S(double p) => p * [|\"abc\".Length|];", "\"abc\".Length")]
    [InlineData("[Term] public static double A(double p) => [|Table[1]|] * p;\n    private static readonly double[] Table = { 1.0, 2.0 };", "Table[1]")]
    [InlineData("[Term] public static double M(double x) => [|x % 2|];", "x % 2")]
    [InlineData("[Term] public static double F(double p) => [|Field|] * p;\n    private static double Field = 2.0;", "Field")]
    public void KG0003_unsupported_construct(string member, string construct)
    {
        Diagnostic d = SingleDiagnostic("public static partial class Measures", member, "KG0003");
        Assert.Contains(construct, d.GetMessage());
        Assert.Contains("supported: parameters, numeric literals", d.GetMessage());
        Assert.Contains("Fn.Log, Fn.Log1p, Fn.LogRatio", d.GetMessage());
    }

    [Theory]
    [InlineData("public partial class Measures", "Sample.Measures")]
    [InlineData("public static class Measures", "Sample.Measures")]
    [InlineData("public static partial class Generic<T>", "Sample.Generic<T>")]
    public void KG0004_containing_class_not_a_static_partial_top_level_class(string type, string display)
    {
        Diagnostic d = SingleDiagnostic(type, "[Term] public static double [|T|](double p) => p;", "KG0004");
        Assert.Contains($"declared in '{display}', which must be a top-level (non-nested) static partial class", d.GetMessage());
    }

    [Fact]
    public void KG0004_nested_class()
    {
        Diagnostic d = SingleDiagnostic("public static partial class Outer",
            "public static partial class Inner\n    {\n        [Term] public static double [|T|](double p) => p;\n    }", "KG0004");
        Assert.Contains("'Sample.Outer.Inner'", d.GetMessage());
    }

    [Fact]
    public void KG0005_recursive_helper()
    {
        Diagnostic d = SingleDiagnostic("public static partial class Measures",
            "[Term] public static double T(double p) => Halve(p);\n" +
            "    private static double Halve(double x) => x > 1.0 ? [|Halve(x / 2.0)|] : x;", "KG0005");
        Assert.Contains("'Halve' calls itself, directly or through other methods, in term 'T'", d.GetMessage());
    }

    [Fact]
    public void KG0005_mutually_recursive_helpers()
    {
        Diagnostic d = SingleDiagnostic("public static partial class Measures",
            "[Term] public static double T(double p) => Ping(p);\n" +
            "    private static double Ping(double x) => x > 1.0 ? Pong(x - 1.0) : x;\n" +
            "    private static double Pong(double x) => [|Ping(x)|];", "KG0005");
        Assert.Contains("'Ping' calls itself", d.GetMessage());
    }

    [Theory]
    [InlineData("[Term] public static double H(double p, double q) => Fn.Horner(p, 1.0, [|q|]);", "q")]
    [InlineData("[Term] public static double H(double p, double q) => Fn.Horner(p, [1.0, [|2.0 * q|]]);", "2.0 * q")]
    public void KG0006_non_constant_horner_coefficient(string member, string coefficient)
    {
        Diagnostic d = SingleDiagnostic("public static partial class Measures", member, "KG0006");
        Assert.Contains($"Coefficient '{coefficient}' of Fn.Horner in term 'H' is not a compile-time constant", d.GetMessage());
    }

    [Fact]
    public void Each_invalid_term_reports_once_and_valid_terms_beside_it_still_generate()
    {
        GeneratorRun run = GeneratorHarness.Run(Header +
            "public static partial class Measures\n{\n" +
            "    [Term] public static double Good(double p) => p * p;\n" +
            "    [Term] public static double Bad(double p) => Math.Tan(p);\n}\n");
        Assert.Equal("KG0003", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Equal(new[] { "Sample.Measures.Good.g.cs" }, run.Sources.Keys.ToArray());
    }

    [Fact]
    public void Expression_bodied_helpers_are_inlined()
    {
        // Helpers in the same class, in another class and in another file; constants and casts fold away.
        GeneratorRun run = GeneratorHarness.Run(
            new SourceFile("Measures.cs", Header +
                "public static partial class Measures\n{\n" +
                "    private const double Half = 0.5;\n" +
                "    [Term] public static double T(double p, double q) => Helpers.Positive(p) ? Weighted(p, (double)q) : Half;\n" +
                "    private static double Weighted(double a, double b) => a * Fn.Log(Mean(a, b));\n" +
                "    private static double Mean(double a, double b) => Half * (a + b);\n}\n"),
            new SourceFile("Helpers.cs", Header +
                "internal static class Helpers\n{\n" +
                "    public static bool Positive(double x) => x > 0.0 && !double.IsNaN(x);\n}\n"));

        Assert.Null(run.Generator.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.OutputErrors.IsEmpty, GeneratorRun.Describe(run.OutputErrors));
        string source = run.Sources["Sample.Measures.T.g.cs"];
        Assert.Contains("global::Kernels.VectorMath.Log(", source);
        Assert.DoesNotContain("Weighted", source);
        Assert.DoesNotContain("Mean(", source);
    }

    [Fact]
    public void Vocabulary_compiles_and_agrees_with_the_scalar_term()
    {
        // Every construct of DiagnosticDescriptors.Vocabulary except Math.Sqrt (see GeneratorBugTests), with inputs
        // that reach every branch on both the fast and the checked path.
        string source = Header +
            "public static partial class Measures\n{\n" +
            "    [Term] public static double V(double p, double q) =>\n" +
            "        double.IsNaN(p) || !(q >= 0.0) ? -1.0\n" +
            "        : p != q && p <= 2 ? Math.Abs(p - q) + Math.Min(p, q) - Math.Max(p, q) / 3\n" +
            "        : p == q ? Math.FusedMultiplyAdd(p, q, 1.0) + Fn.Log1p(p) + Fn.SumError(p, q) + +p\n" +
            "        : p < q ? Fn.Horner(p, 1.0, 0.5f, 2, 1e-3) : Fn.Horner(q, [1.0, 2.0]) + Fn.LogRatio(p, q);\n}\n";

        using TermProbe probe = TermProbe.Compile(source, "V", 2);
        var random = new System.Random(5);
        double[] special = { 0.0, -0.0, -1.0, double.NaN, 2.0, 3.0, 1e-310 };
        double[] p = Enumerable.Range(0, 203).Select(i => i % 5 == 0 ? special[random.Next(special.Length)] : 4.0 * random.NextDouble()).ToArray();
        double[] q = p.Select((x, i) => i % 7 == 0 ? x : i % 5 == 1 ? special[random.Next(special.Length)] : 4.0 * random.NextDouble()).ToArray();
        probe.AssertAgrees(p, q);
        probe.AssertAgrees(p.Select(x => 0.5 + (x % 1.0)).ToArray(), q.Select(x => 0.5 + (x % 1.5)).ToArray());
    }

    [Theory]
    [InlineData("using Kernels;\ninternal static partial class Global\n{\n    [Term] internal static double T(double p) => p;\n}\n")]
    [InlineData("using Kernels;\nnamespace A.B\n{\n    static partial class Block\n    {\n        [Term] public static double T(double p, double q) => p - q;\n    }\n}\n")]
    [InlineData("namespace Sample;\npublic static partial class Split\n{\n    [Kernels.Term] public static double T(double p) => -p;\n}\npublic static partial class Split\n{\n    public static double U(double p) => p;\n}\n")]
    public void Namespaces_accessibility_and_split_classes_compile(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source);
        Assert.Null(run.Generator.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Sources);
        Assert.True(run.OutputErrors.IsEmpty, GeneratorRun.Describe(run.OutputErrors));
        Assert.True(run.GeneratedFileDiagnostics.IsEmpty, GeneratorRun.Describe(run.GeneratedFileDiagnostics));
    }

    /// <summary>Runs the generator on one class; asserts exactly one diagnostic, with the ID, the marked span and its
    /// line, and returns it.</summary>
    private static Diagnostic SingleDiagnostic(string typeDeclaration, string members, string id)
    {
        string markup = Header + typeDeclaration + "\n{\n    " + members + "\n}\n";
        int start = markup.IndexOf("[|", System.StringComparison.Ordinal);
        int end = markup.IndexOf("|]", System.StringComparison.Ordinal) - 2;
        Assert.True(start >= 0 && end >= start, "the test source must mark the expected location with [|…|]");
        string source = markup.Replace("[|", string.Empty, System.StringComparison.Ordinal).Replace("|]", string.Empty, System.StringComparison.Ordinal);
        var expectedSpan = TextSpan.FromBounds(start, end);
        int expectedLine = SourceText.From(source).Lines.GetLineFromPosition(start).LineNumber;

        GeneratorRun run = GeneratorHarness.Run(new SourceFile("Diagnosed.cs", source));
        Assert.Null(run.Generator.Exception);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        FileLinePositionSpan lines = diagnostic.Location.GetLineSpan();
        Assert.Equal("Diagnosed.cs", lines.Path);
        Assert.Equal(expectedLine, lines.StartLinePosition.Line);
        Assert.Equal(source.Substring(expectedSpan.Start, expectedSpan.Length), source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Equal(expectedSpan, diagnostic.Location.SourceSpan);
        Assert.Empty(run.Sources);
        return diagnostic;
    }
}
