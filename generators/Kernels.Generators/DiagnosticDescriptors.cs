using Microsoft.CodeAnalysis;

namespace Kernels.Generators;

/// <summary>Every diagnostic the term compiler reports. Each message says what is supported.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Kernels.Terms";

    public const string Vocabulary =
        "parameters, numeric literals and constants, + - * /, unary -, < <= > >= == !=, && || !, ?:, " +
        "Fn.Log, Fn.Log1p, Fn.LogRatio, Fn.Exp (or Math.Exp), Fn.SumError, Fn.Horner (constant coefficients), Math.Abs, Math.Sqrt, " +
        "Math.Min, Math.Max, Math.FusedMultiplyAdd, double.IsNaN, and calls to expression-bodied static double methods " +
        "of the same compilation (inlined)";

    public static readonly DiagnosticDescriptor InvalidSignature = new(
        "KG0001",
        "Term signature not supported",
        "Term '{0}' must be a static method returning double with one or two double parameters; {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotExpressionBodied = new(
        "KG0002",
        "Term must be expression-bodied",
        "Term '{0}' must be expression-bodied ('=> expression'); statements, locals and loops are not supported",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = new(
        "KG0003",
        "Construct not supported in a term",
        "'{0}' is not supported in term '{1}'; supported: " + Vocabulary,
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidContainingType = new(
        "KG0004",
        "Term must be declared in a top-level static partial class",
        "Term '{0}' is declared in '{1}', which must be a top-level (non-nested) static partial class so its kernel class can be generated beside it",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RecursiveCall = new(
        "KG0005",
        "Recursive call in a term",
        "'{0}' calls itself, directly or through other methods, in term '{1}'; terms are inlined, so calls must not recurse",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NonConstantCoefficient = new(
        "KG0006",
        "Horner coefficients must be constants",
        "Coefficient '{0}' of Fn.Horner in term '{1}' is not a compile-time constant; write each coefficient as a literal or const",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "KG0007",
        "Term names must be unique in their class",
        "Term '{0}' shares its name with another term of '{1}' (names are compared ignoring case); rename one: each term gets a kernel class '{0}Kernel' and a generated file named after it",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor? ById(string id) => id switch
    {
        "KG0001" => InvalidSignature,
        "KG0002" => NotExpressionBodied,
        "KG0003" => UnsupportedConstruct,
        "KG0004" => InvalidContainingType,
        "KG0005" => RecursiveCall,
        "KG0006" => NonConstantCoefficient,
        "KG0007" => DuplicateName,
        _ => null,
    };
}
