using System.Linq;
using Xunit;

namespace Kernels.Generators.Tests;

/// <summary>The generated text of the sample terms, compared line by line with the reviewed baselines.</summary>
public sealed class BaselineTests
{
    private static readonly GeneratorRun Sample = GeneratorHarness.Run(new SourceFile("Measures.cs", Samples.Measures));

    [Fact]
    public void Sample_generates_one_file_per_term_with_stable_hint_names()
    {
        Assert.Null(Sample.Generator.Exception);
        Assert.Empty(Sample.GeneratorDiagnostics);
        Assert.Equal(new[] { "Sample.Measures.Entr.g.cs", "Sample.Measures.Kl.g.cs" }, Sample.Sources.Keys.ToArray());
    }

    [Theory]
    [InlineData("Sample.Measures.Kl.g.cs")]
    [InlineData("Sample.Measures.Entr.g.cs")]
    public void Generated_file_matches_baseline(string hintName)
    {
        Assert.True(Sample.Sources.TryGetValue(hintName, out string? text), $"{hintName} was not generated");
        Baseline.Verify(hintName, text!);
    }

    [Fact]
    public void Generated_text_is_deterministic()
    {
        GeneratorRun again = GeneratorHarness.Run(new SourceFile("Measures.cs", Samples.Measures));
        Assert.Equal(Sample.Sources, again.Sources);
    }

    [Fact]
    public void Generated_files_compile_without_warnings()
    {
        Assert.Empty(Sample.OutputErrors);
        Assert.True(Sample.GeneratedFileDiagnostics.IsEmpty, GeneratorRun.Describe(Sample.GeneratedFileDiagnostics));
    }

    [Fact]
    public void First_difference_names_the_line_and_both_versions()
    {
        Assert.Null(Baseline.FirstDifference("a\nb\n", "a\nb\n"));
        Assert.Equal("  line 2:" + System.Environment.NewLine + "  expected: b" + System.Environment.NewLine + "  actual:   c",
            Baseline.FirstDifference("a\nb\n", "a\nc\n"));
        Assert.Contains("<end of file>", Baseline.FirstDifference("a", "a\nb"));
    }
}
