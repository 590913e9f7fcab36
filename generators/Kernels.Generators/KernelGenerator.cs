using System.Linq;
using Kernels.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Kernels.Generators;

/// <summary>
/// Compiles every method marked <c>[Kernels.Term]</c> into fused SIMD folds. Pipeline: attribute → parsed
/// (spec or diagnostics, equatable) → source per spec; diagnostics on a separate branch.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class KernelGenerator : IIncrementalGenerator
{
    public const string TermAttributeName = "Kernels.TermAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TermAttributeName,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                transform: Parser.Parse)
            .WithTrackingName(TrackingNames.ParsedTerms);

        IncrementalValuesProvider<TermSpec> specs = parsed
            .Where(static r => r.Spec is not null)
            .Select(static (r, _) => r.Spec!)
            .WithTrackingName(TrackingNames.Specs);

        IncrementalValuesProvider<DiagnosticInfo> diagnostics = parsed
            .SelectMany(static (r, _) => r.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(specs, static (output, spec) =>
            output.AddSource(Emitter.HintName(spec), SourceText.From(Emitter.Emit(spec), System.Text.Encoding.UTF8)));

        context.RegisterSourceOutput(diagnostics, static (output, info) => output.ReportDiagnostic(ToDiagnostic(info)));
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        Location location = info.Location is { } l
            ? Location.Create(l.FilePath, new TextSpan(l.Start, l.Length),
                new LinePositionSpan(new LinePosition(l.StartLine, l.StartCharacter), new LinePosition(l.EndLine, l.EndCharacter)))
            : Location.None;
        return Diagnostic.Create(DiagnosticDescriptors.ById(info.Id)!, location, info.Arguments.Cast<object>().ToArray());
    }
}
