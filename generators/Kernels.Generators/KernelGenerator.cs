using System.Linq;
using Kernels.Generators.Desugaring;
using Kernels.Generators.Lowering;
using Kernels.Generators.Model;
using Kernels.Generators.Planning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Kernels.Generators;

/// <summary>
/// Compiles every method marked <c>[Kernels.Term]</c> into fused SIMD folds, in five stages, each in its own folder:
/// <list type="number">
/// <item><b>Parsing</b> (<see cref="Parser"/>): syntax → <see cref="TermSpec"/> (the source tree one to one), or diagnostics.</item>
/// <item><b>Desugaring</b> (<see cref="Desugarer"/>): XLogY, SumError, Log2/Log10, Square, constant powers → the core language.</item>
/// <item><b>Planning</b> (<see cref="Planner"/>): every decision — folds and shapes, fast-path trees, widening,
/// unrolling, inlining, versioning — as one equatable <see cref="TermPlan"/>.</item>
/// <item><b>Lowering</b> (<see cref="VectorLowering"/>): a planned tree → the statements of a vector term body.</item>
/// <item><b>Emitting</b> (<see cref="Emitter"/>): prints the plan as C#; decides nothing.</item>
/// </list>
/// The incremental pipeline carries only equatable models (no Compilation, symbol or syntax node), so an edit that
/// leaves a term unchanged re-emits nothing; diagnostics go out on a separate branch.
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

        IncrementalValuesProvider<TermSpec> desugared = specs
            .Select(static (spec, _) => Desugarer.Desugar(spec))
            .WithTrackingName(TrackingNames.Desugared);

        IncrementalValuesProvider<TermPlan> plans = desugared
            .Select(static (spec, _) => Planner.Plan(spec))
            .WithTrackingName(TrackingNames.Plans);

        IncrementalValuesProvider<DiagnosticInfo> diagnostics = parsed
            .SelectMany(static (r, _) => r.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(plans, static (output, plan) =>
            output.AddSource(Emitter.HintName(plan), SourceText.From(Emitter.Emit(plan), System.Text.Encoding.UTF8)));

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
