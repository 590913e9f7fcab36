using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kernels.Generators.Tests;

/// <summary>A source file given to the harness: the path diagnostics report, and its text.</summary>
internal sealed record SourceFile(string Path, string Text);

/// <summary>Builds compilations against the .NET 10 reference assemblies plus Kernels.dll and runs the generator.</summary>
internal static class GeneratorHarness
{
    // Diagnose mode makes the compiler check the generated XML doc comments (crefs) too.
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly CSharpCompilationOptions CompilationOptions =
        new(OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            optimizationLevel: OptimizationLevel.Release);

    /// <summary>The BCL reference assemblies only.</summary>
    public static readonly ImmutableArray<MetadataReference> FrameworkReferences =
        Net100.References.All.Cast<MetadataReference>().ToImmutableArray();

    /// <summary>The BCL plus the Kernels library (TermAttribute, Fn, VectorMath, Support, LogBase).</summary>
    public static readonly ImmutableArray<MetadataReference> KernelsReferences =
        FrameworkReferences.Add(MetadataReference.CreateFromFile(typeof(Kernels.Fn).Assembly.Location));

    public static CSharpCompilation CreateCompilation(IEnumerable<SourceFile> sources, IEnumerable<MetadataReference>? references = null) =>
        CSharpCompilation.Create(
            "GeneratorTest",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            references ?? KernelsReferences,
            CompilationOptions);

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new KernelGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params SourceFile[] sources) => Run(CreateCompilation(sources));

    public static GeneratorRun Run(string source) => Run(new SourceFile("Terms.cs", source));

    public static GeneratorRun Run(Compilation compilation) => Run(CreateDriver(), compilation);

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return new GeneratorRun(driver, compilation, output, driver.GetRunResult());
    }
}

/// <summary>What one run of the generator gave.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, Compilation Input, Compilation Output, GeneratorDriverRunResult Result)
{
    public GeneratorRunResult Generator => Result.Results.Single();

    /// <summary>Generated files by hint name, ordinal order.</summary>
    public ImmutableSortedDictionary<string, string> Sources =>
        Generator.GeneratedSources.ToImmutableSortedDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>Diagnostics the generator reported (KG*), plus CS8785 if it threw.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>Errors of the compilation with the generated files added.</summary>
    public ImmutableArray<Diagnostic> OutputErrors =>
        Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    /// <summary>Warnings and errors located in generated files (the generated code must be clean on its own).</summary>
    public ImmutableArray<Diagnostic> GeneratedFileDiagnostics
    {
        get
        {
            var generatedTrees = new HashSet<SyntaxTree>(Generator.GeneratedSources.Select(s => s.SyntaxTree));
            return Output.GetDiagnostics()
                .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
                .ToImmutableArray();
        }
    }

    /// <summary>The first few diagnostics, one a line (a broken kernel gives hundreds of the same error).</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics, int limit = 6)
    {
        Diagnostic[] all = diagnostics.ToArray();
        string text = string.Join(Environment.NewLine, all.Take(limit).Select(d => d.ToString()));
        return all.Length > limit ? text + Environment.NewLine + $"(and {all.Length - limit} more)" : text;
    }
}
