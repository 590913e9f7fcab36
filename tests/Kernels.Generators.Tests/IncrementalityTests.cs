using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Sdk;

namespace Kernels.Generators.Tests;

/// <summary>
/// An edit that cannot change any term must leave every tracked step Cached or Unchanged, and no step may hold a
/// Compilation, ISymbol or SyntaxNode (which would keep old compilations alive and defeat caching).
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] TrackedSteps = { TrackingNames.ParsedTerms, TrackingNames.Specs, TrackingNames.Desugared, TrackingNames.Plans };

    private const string Unrelated = """
        namespace Sample;

        // A file with nothing to do with terms.
        public static class Unrelated
        {
            public static int Answer() => 42;
        }
        """;

    private const string Invalid = """
        using System;
        using Kernels;

        namespace Sample;

        public static partial class Broken
        {
            [Term]
            public static double Bad(double p) => Math.Tan(p);
        }
        """;

    [Fact]
    public void Adding_an_unrelated_file_keeps_every_step_cached()
    {
        CSharpCompilation compilation = Compilation();
        GeneratorRun first = GeneratorHarness.Run(compilation);
        GeneratorRun second = GeneratorHarness.Run(first.Driver,
            compilation.Clone().AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; internal static class Added { }", GeneratorHarness.ParseOptions, "Added.cs")));

        AssertCachedAndClean(first, second);
    }

    [Fact]
    public void Editing_a_comment_in_an_unrelated_file_keeps_every_step_cached()
    {
        CSharpCompilation compilation = Compilation();
        GeneratorRun first = GeneratorHarness.Run(compilation);
        SyntaxTree unrelated = compilation.SyntaxTrees.Single(t => t.FilePath == "Unrelated.cs");
        SyntaxTree edited = unrelated.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            Unrelated.Replace("nothing to do with terms", "still nothing to do with terms", StringComparison.Ordinal)));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.Clone().ReplaceSyntaxTree(unrelated, edited));

        AssertCachedAndClean(first, second);
    }

    [Fact]
    public void Editing_a_method_body_outside_the_terms_changes_no_generated_file()
    {
        // The terms' own file is re-parsed, but the specs compare equal, so nothing is emitted again.
        CSharpCompilation compilation = Compilation();
        GeneratorRun first = GeneratorHarness.Run(compilation);
        SyntaxTree unrelated = compilation.SyntaxTrees.Single(t => t.FilePath == "Unrelated.cs");
        SyntaxTree edited = unrelated.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            Unrelated.Replace("42", "43", StringComparison.Ordinal)));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.Clone().ReplaceSyntaxTree(unrelated, edited));

        AssertCachedAndClean(first, second);
    }

    [Fact]
    public void Changing_a_term_regenerates_only_its_kernel()
    {
        CSharpCompilation compilation = Compilation();
        GeneratorRun first = GeneratorHarness.Run(compilation);
        SyntaxTree measures = compilation.SyntaxTrees.Single(t => t.FilePath == "Measures.cs");
        SyntaxTree edited = measures.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            Samples.Measures.Replace("-p * Fn.Log(p)", "-p * Fn.Log(p) * 0.5", StringComparison.Ordinal)));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.Clone().ReplaceSyntaxTree(measures, edited));

        IncrementalStepRunReason[] specs = Reasons(second, TrackingNames.Specs);
        Assert.Equal(1, specs.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.All(specs.Where(r => r != IncrementalStepRunReason.Modified),
            r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Kl's spec was {r}"));
        Assert.NotEqual(first.Sources["Sample.Measures.Entr.g.cs"], second.Sources["Sample.Measures.Entr.g.cs"]);
        Assert.Equal(first.Sources["Sample.Measures.Kl.g.cs"], second.Sources["Sample.Measures.Kl.g.cs"]);
    }

    [Fact]
    public void The_walker_finds_Roslyn_objects_nested_in_records_and_arrays()
    {
        SyntaxNode node = CSharpSyntaxTree.ParseText("class C { }").GetRoot();
        var nested = new Holder("outer", new object[] { 1, new Holder("inner", new[] { node }) });
        XunitException e = Assert.Throws<XunitException>(() => ForbiddenObjects.AssertNone(nested, "Test"));
        Assert.Contains("CompilationUnitSyntax", e.Message, StringComparison.Ordinal);
        ForbiddenObjects.AssertNone(new Holder("clean", new object[] { 1.5, "text", new Holder("inner", Array.Empty<object>()) }), "Test");
    }

    private sealed record Holder(string Name, object[] Items);

    private static CSharpCompilation Compilation() => GeneratorHarness.CreateCompilation(new[]
    {
        new SourceFile("Measures.cs", Samples.Measures),
        new SourceFile("Broken.cs", Invalid),
        new SourceFile("Unrelated.cs", Unrelated),
    });

    private static void AssertCachedAndClean(GeneratorRun first, GeneratorRun second)
    {
        Assert.Equal(first.Sources, second.Sources);
        Assert.Equal(first.GeneratorDiagnostics.Select(d => d.ToString()), second.GeneratorDiagnostics.Select(d => d.ToString()));

        foreach (string step in TrackedSteps)
        {
            // Each step must have run, or the test proves nothing.
            Assert.True(first.Generator.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            IncrementalStepRunReason[] reasons = Reasons(second, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {step} output was {r} after an edit that cannot change it"));
        }

        Assert.All(second.Generator.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        foreach (GeneratorRun run in new[] { first, second })
        {
            foreach (string step in TrackedSteps.Append(TrackingNames.Diagnostics))
            {
                foreach (IncrementalGeneratorRunStep runStep in run.Generator.TrackedSteps[step])
                {
                    foreach ((object value, _) in runStep.Outputs)
                    {
                        ForbiddenObjects.AssertNone(value, step);
                    }
                }
            }
        }
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRun run, string step) =>
        run.Generator.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
}

/// <summary>Walks a pipeline value's object graph (fields of records and structs, arrays, collections).</summary>
internal static class ForbiddenObjects
{
    public static void AssertNone(object? value, string step) =>
        Visit(value, step, "output", new HashSet<object>(ReferenceEqualityComparer.Instance));

    private static void Visit(object? value, string step, string path, HashSet<object> seen)
    {
        if (value is null)
        {
            return;
        }

        Type type = value.GetType();
        if (value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel)
        {
            throw new XunitException($"Step {step} holds a {type.FullName} at {path}: pipeline values must not keep Roslyn objects alive.");
        }

        if (type.IsPrimitive || type.IsEnum || value is string or decimal)
        {
            return;
        }

        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            int index = 0;
            foreach (object? item in items)
            {
                Visit(item, step, $"{path}[{index++}]", seen);
            }
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Visit(field.GetValue(value), step, $"{path}.{field.Name}", seen);
            }
        }
    }
}
