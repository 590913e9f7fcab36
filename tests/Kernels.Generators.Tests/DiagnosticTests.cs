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

    private const string SignatureRule =
        "must be a non-generic static method returning double or a tuple of 2 to 4 doubles, with 1 to 4 double inputs followed by up to 3 double [TermParameter] parameters (no ref, params or default values)";

    [Theory]
    [InlineData("public partial class Measures", "[Term] public double [|Instance|](double p) => p;", "it is not static")]
    [InlineData("public static partial class Measures", "[Term] public static float [|Single|](double p) => 0f;", "it returns 'float'")]
    [InlineData("public static partial class Measures", "[Term] public static double [|Five|](double p, double q, double r, double s, double t) => p;", "it has 5 inputs")]
    [InlineData("public static partial class Measures", "[Term] public static double [|None|]() => 0.0;", "it has 0 inputs")]
    [InlineData("public static partial class Measures", "[Term] public static double [|OnlyParameter|]([TermParameter] double a) => a;", "it has 0 inputs")]
    [InlineData("public static partial class Measures", "[Term] public static double [|ByRef|](ref double p) => p;", "parameter 'p' is 'ref double p'")]
    [InlineData("public static partial class Measures", "[Term] public static double [|OfInt|](int n) => n;", "parameter 'n' is 'int n'")]
    [InlineData("public static partial class Measures", "[Term] public static double [|Params|](params double[] p) => p[0];", "parameter 'p' is")]
    [InlineData("public static partial class Measures", "[Term] public static double [|Defaulted|](double p, double q = 1.0) => p * q;", "parameter 'q' is")]
    [InlineData("public static partial class Measures", "[Term] public static double [|Generic|]<T>(double p) => p;", "it is generic")]
    [InlineData("public static partial class Measures", "[Term] public static (double, double, double, double, double) [|Five|](double p) => (p, p, p, p, p);", "it returns '(double, double, double, double, double)'")]
    [InlineData("public static partial class Measures", "[Term] public static (double, float) [|Mixed|](double p) => (p, 0f);", "it returns '(double, float)'")]
    [InlineData("public static partial class Measures", "[Term] public static double [|@double|](double p) => p;", "its name is a C# keyword")]
    public void KG0001_invalid_signature(string type, string member, string reason)
    {
        Diagnostic d = SingleDiagnostic(type, member, "KG0001");
        Assert.Contains(SignatureRule, d.GetMessage());
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
    [InlineData("[Term] public static double T(double p) => [|Math.Log(p, 2)|];", "Math.Log(p, 2)")]
    [InlineData("[Term] public static double T(double p) => [|Pair(p).Item1|];\n    private static (double, double) Pair(double p) => (p, p);", "Pair(p).Item1")]
    [InlineData("[Term] public static double T(double p) => [|checked(p + 1.0)|];", "checked(p + 1.0)")]
    [InlineData("[Term] public static double T(double p) => [|p is double|] ? 1.0 : 0.0;", "p is double")]
    [InlineData("[Term] public static double T(double p) => [|p switch { > 0 => p, _ => 0.0 }|];", "p switch")]
    [InlineData("[Term] public static double T(double p) => [|double.IsInfinity(p)|] ? 0.0 : p;", "double.IsInfinity(p)")]
    [InlineData("[Term] public static double T(double p) => [|Half|] * p;\n    private static double Half => 0.5;", "Half")]
    [InlineData("[Term] public static double T(double p) => p > 0 ? p : [|throw new ArgumentException()|];", "throw new ArgumentException()")]
    [InlineData("[Term] public static double T(double p) => [|Kernels.Terms.Entropy(p)|];", "Kernels.Terms.Entropy(p)")]
    public void KG0003_unsupported_construct(string member, string construct)
    {
        Diagnostic d = SingleDiagnostic("public static partial class Measures", member, "KG0003");
        Assert.Contains(construct, d.GetMessage());
        Assert.Contains("is not supported in term", d.GetMessage());
        Assert.Contains("; supported: inputs and [TermParameter] parameters, numeric literals and constants", d.GetMessage());
        Assert.Contains("Fn.Log, Fn.Log2, Fn.Log10, Fn.Log1p, Fn.LogRatio, Fn.XLogY, Fn.Exp, Fn.Pow, Fn.Square", d.GetMessage());
        Assert.Contains("Math.Log (one argument)", d.GetMessage());
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
    public void KG0004_file_local_class()
    {
        Diagnostic d = SingleDiagnostic("file static partial class Measures", "[Term] public static double [|T|](double p) => p;", "KG0004");
        Assert.Contains("which must be a top-level (non-nested) static partial class", d.GetMessage());
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
    public void KG0007_names_differing_in_case_are_both_reported()
    {
        GeneratorRun run = GeneratorHarness.Run(Header + "public static partial class Measures\n{\n" +
            "    [Term] public static double Kl(double p) => p;\n    [Term] public static double KL(double p) => 2.0 * p;\n}\n");
        Assert.Null(run.Generator.Exception);
        Assert.Equal(2, run.GeneratorDiagnostics.Length);
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("KG0007", d.Id));
        Diagnostic d = run.GeneratorDiagnostics.Single(d => d.GetMessage().StartsWith("Term 'KL'", System.StringComparison.Ordinal));
        Assert.Equal("KL", run.Input.SyntaxTrees.Single().ToString().Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
        Assert.Contains("Term 'KL' shares its name with another term of 'Sample.Measures' (names are compared ignoring case)", d.GetMessage());
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("[Term] public static double T(double p, [TermParameter] double a, double [|q|]) => p * q * a;", "q", "is an input after a [TermParameter] parameter; inputs come first")]
    [InlineData("[Term] public static double T(double p, [TermParameter] double a, [TermParameter] double b, [TermParameter] double c, [TermParameter] double [|d|]) => p * a * b * c * d;", "d", "is a fourth [TermParameter] parameter; at most three are supported")]
    [InlineData("[Term] public static double T(double p, [TermParameter] double [|columns|]) => p * columns;", "columns", "has a name the generated kernels use themselves")]
    [InlineData("[Term] public static double T(double p, [TermParameter] double [|destination|]) => p * destination;", "destination", "has a name the generated kernels use themselves")]
    [InlineData("[Term] public static double T(double p, [TermParameter] double [|logBase|]) => p * logBase;", "logBase", "has a name the generated kernels use themselves")]
    [InlineData("[Term] public static double T(double p, [TermParameter] double [|kernelRow|]) => p * kernelRow;", "kernelRow", "has a name the generated kernels use themselves")]
    [InlineData("[Term] public static double T(double [|sums|]) => sums;", "sums", "has a name the generated kernels use themselves")]
    [InlineData("[Term] public static double T(double [|Fold|]) => Fn.Log(Fold);", "Fold", "has a name the generated kernels use themselves")]
    [InlineData("[Term] public static double T(double p, [TermParameter] double [|NatsToBits|]) => Fn.Log(p) * NatsToBits;", "NatsToBits", "has a name the generated kernels use themselves")]
    [InlineData("[Term] public static double T(double [|Measures|]) => Measures;", "Measures", "'Measures', or another parameter's name + 'Scale'")]
    [InlineData("[Term] public static double T(double p, [TermParameter] double [|pScale|]) => p * pScale;", "pScale", "another parameter's name + 'Scale'")]
    [InlineData("[Term] public static double T(double p, double [|pScale|]) => p * pScale;", "pScale", "another parameter's name + 'Scale'")]
    public void KG0008_invalid_term_parameter(string member, string parameter, string reason)
    {
        Diagnostic d = SingleDiagnostic("public static partial class Measures", member, "KG0008");
        Assert.StartsWith($"Parameter '{parameter}' of term 'T' ", d.GetMessage());
        Assert.Contains(reason, d.GetMessage());
    }

    [Theory]
    [InlineData("[Term] public static (double, double) T(double p) => [|Pair(p)|];\n    private static (double, double) Pair(double p) => (p, p);")]
    [InlineData("[Term] public static (double, double) T(double p) => [|p > 0 ? (p, p) : (0.0, 0.0)|];")]
    [InlineData("[Term] public static (double, double, double) T(double p) => [|default|];")]
    public void KG0009_tuple_term_without_a_tuple_literal(string member)
    {
        Diagnostic d = SingleDiagnostic("public static partial class Measures", member, "KG0009");
        Assert.Matches(@"^Term 'T' returns a tuple of [23] doubles, so its body must be a tuple literal '\(sum0, sum1, \.\.\.\)' with [23] elements, one expression per sum$", d.GetMessage());
    }

    [Theory]
    [InlineData("[Term([|Finish = \"Missing\"|])] public static double T(double p) => p;", "'Missing' of term 'T' is not a method of the class; declare it as 'static double Missing(double sum)' in 'Measures'")]
    [InlineData("[Term([|Finish = nameof(F)|])] public static double T(double p) => p;\n    public static double F(double s) => s;\n    public static double F(double s, double t) => s + t;", "'F' of term 'T' is overloaded")]
    [InlineData("[Term([|Finish = nameof(F)|])] public static double T(double p) => p;\n    public double F(double s) => s;", "'F' of term 'T' is not static")]
    [InlineData("[Term([|Finish = nameof(F)|])] public static double T(double p) => p;\n    public static double F<TValue>(double s) => s;", "'F' of term 'T' is generic")]
    [InlineData("[Term([|Finish = nameof(F)|])] public static double T(double p) => p;\n    public static float F(double s) => (float)s;", "'F' of term 'T' returns 'float'")]
    [InlineData("[Term([|Finish = nameof(F)|])] public static (double, double) T(double p, [TermParameter] double alpha) => (p, alpha);\n    public static double F(double s0, double s1) => s0 + s1;", "'F' of term 'T' has 2 parameters; declare it as 'static double F(double sum0, double sum1, double alpha)'")]
    [InlineData("[Term([|Finish = nameof(F)|])] public static double T(double p) => p;\n    public static double F(float s) => s;", "'F' of term 'T' has a parameter that is not a plain double")]
    [InlineData("[Term([|Finish = nameof(F)|])] public static double T(double p) => p;\n    public static double F(in double s) => s;", "'F' of term 'T' has a parameter that is not a plain double")]
    [InlineData("[Term([|Finish = nameof(F)|])] public static double T(double p) => p;\n    public static double F => 1.0;", "'F' of term 'T' is not a method of the class")]
    public void KG0010_invalid_finisher(string member, string message)
    {
        Diagnostic d = SingleDiagnostic("public static partial class Measures", member, "KG0010");
        Assert.StartsWith("Finisher " + message, d.GetMessage());
    }

    [Fact]
    public void KG0011_kernel_class_name_taken()
    {
        Diagnostic d = SingleDiagnostic("public static partial class Measures",
            "[Term] public static double [|T|](double p) => p;\n    public static class TKernel { }", "KG0011");
        Assert.Equal("Term 'T' needs the name 'TKernel' for its kernel class, but 'Sample.Measures' already has a member of that name; rename that member or the term", d.GetMessage());
    }

    [Fact]
    public void KG0012_maximum_term_returning_a_tuple()
    {
        Diagnostic d = SingleDiagnostic("public static partial class Measures",
            "[Term([|Maximum = true|])] public static (double, double) T(double p) => (p, -p);", "KG0012");
        Assert.Equal("Term 'T' has Maximum = true but returns a tuple of 2 doubles; a maximum fold takes the largest of one term, so return a double (fold the other values in a term of their own)", d.GetMessage());
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
        Assert.Contains("using VectorMath = global::Kernels.VectorMath;", source);
        Assert.Contains("VectorMath.Log(", source);
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
