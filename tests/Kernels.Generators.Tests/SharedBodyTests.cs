using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Kernels.Generators.Tests;

/// <summary>
/// A tuple term's sums share one lowered body (TermPlan.SharedBody): per vector target one unchecked and one checked
/// body returning every sum as a tuple, a subexpression the sums share computed once (one exponential feeding Σe^d
/// and Σ−d·e^d), no per-sum bodies left, and the row shapes (flat, transposed) generated for it, with one buffer or
/// accumulator per sum. The generated code compiles cleanly; its values are checked in Kernels.Tests
/// (LogitsOnePassTests) and by FeatureTests.
/// </summary>
public sealed class SharedBodyTests
{
    private const string Source = """
        using Kernels;

        namespace Sample;

        public static partial class Measures
        {
            [Term] public static (double, double) Pair(double d) =>
                (d == 0.0 ? 0.0 : Fn.Exp(d), d == double.NegativeInfinity ? 0.0 : -(d * Fn.Exp(d)));

            [Term] public static (double, double, double) Triple(double p, double d) =>
                (d == 0.0 ? 1.0 : 0.0, Fn.Exp(d), p == 0.0 ? 0.0 : -(p * d));
        }
        """;

    [Theory]
    [InlineData("Pair", 2)]
    [InlineData("Triple", 3)]
    public void EachSharedBodyComputesTheSharedExponentialOnce(string term, int sums)
    {
        GeneratorRun run = GeneratorHarness.Run(Source);
        Assert.True(run.OutputErrors.IsEmpty, GeneratorRun.Describe(run.OutputErrors));
        Assert.True(run.GeneratedFileDiagnostics.IsEmpty, GeneratorRun.Describe(run.GeneratedFileDiagnostics));
        string text = run.Sources[$"Sample.Measures.{term}.g.cs"];

        string[] names = ["Term512Sums", "Term512SumsUnchecked", "TermVectorSums", "TermVectorSumsUnchecked"];
        foreach (string name in names)
        {
            // Once per element type (float and double), each body returning a tuple of one vector per sum.
            MatchCollection bodies = Regex.Matches(text, $@"private static \(([^()]+)\) {name}\([^)]*\)\s*\{{(?<body>.*?)\n\s*\}}\n", RegexOptions.Singleline);
            Assert.Equal(2, bodies.Count);
            foreach (Match body in bodies)
            {
                Assert.Equal(sums, body.Groups[1].Value.Split(',').Length);
                Assert.Single(Regex.Matches(body.Groups["body"].Value, @"VectorMath\.Exp\("));
            }
        }

        Assert.DoesNotContain("Term5121(", text);
        Assert.DoesNotContain("TermVector1(", text);
        Assert.Contains("FoldRowsFlat512InDouble<TMode>(", text);
        Assert.Contains("FoldRowsVectorInDouble<TMode>(", text);
        Assert.Contains("termStart", text);
        Assert.Contains("term1Start", text);
        Assert.Contains("Sum1 = ", text);
        Assert.DoesNotContain("Several sums or more than two inputs", text);
    }

    [Fact]
    public void TheSharedBodyIsPlannedOnlyForTupleTerms()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using Kernels;

            namespace Sample;

            public static partial class Measures
            {
                [Term] public static double One(double d) => Fn.Exp(d);
            }
            """);
        string text = run.Sources["Sample.Measures.One.g.cs"];
        Assert.DoesNotContain("Sums(", text);
        Assert.Contains("Term512Unchecked(", text);
    }
}
