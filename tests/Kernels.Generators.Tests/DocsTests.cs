using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kernels.Generators.Tests;

/// <summary>The documentation stays true: docs/diagnostics.md has a section per diagnostic ID and no other, and every
/// C# block of docs/terms.md marked <c>&lt;!-- compile --&gt;</c> (on the line before the fence) goes through the
/// generator and compiles without a diagnostic.</summary>
public sealed class DocsTests
{
    private static string Docs => Path.Combine(RepositoryPaths.Root, "docs");

    [Fact]
    public void Diagnostics_md_documents_exactly_the_descriptors()
    {
        string[] documented = Regex.Matches(File.ReadAllText(Path.Combine(Docs, "diagnostics.md")), @"^## (KG\d{4})\b", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).OrderBy(id => id, System.StringComparer.Ordinal).ToArray();
        string[] declared = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id).OrderBy(id => id, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(declared, documented);
        Assert.All(declared, id => Assert.NotNull(DiagnosticDescriptors.ById(id)));
    }

    public static TheoryData<int, string> CompilableSamples()
    {
        string text = File.ReadAllText(Path.Combine(Docs, "terms.md")).Replace("\r\n", "\n", System.StringComparison.Ordinal);
        var data = new TheoryData<int, string>();
        foreach (Match m in Regex.Matches(text, @"<!-- compile -->\n```csharp\n(.*?)```", RegexOptions.Singleline))
        {
            data.Add(text.Substring(0, m.Index).Count(c => c == '\n') + 1, m.Groups[1].Value);
        }

        return data;
    }

    [Fact]
    public void Terms_md_has_compilable_samples() => Assert.True(CompilableSamples().Count() >= 4);

    [Theory]
    [MemberData(nameof(CompilableSamples))]
    public void Terms_md_sample_compiles(int line, string source)
    {
        GeneratorRun run = GeneratorHarness.Run(new SourceFile($"terms.md:{line}", source));
        Assert.Null(run.Generator.Exception);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, $"line {line}: " + GeneratorRun.Describe(run.GeneratorDiagnostics));
        Assert.True(run.OutputErrors.IsEmpty, $"line {line}: " + GeneratorRun.Describe(run.OutputErrors));
        Assert.NotEmpty(run.Sources);
    }
}
