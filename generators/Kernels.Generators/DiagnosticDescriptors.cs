using Microsoft.CodeAnalysis;

namespace Kernels.Generators;

/// <summary>Every diagnostic the term compiler reports. Each message says what is supported.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Kernels.Terms";

    public const string Vocabulary =
        "inputs and [TermParameter] parameters, numeric literals and constants, + - * /, unary -, < <= > >= == !=, && || !, ?:, " +
        "Fn.Log, Fn.Log2, Fn.Log10, Fn.Log1p, Fn.LogRatio, Fn.XLogY, Fn.Exp, Fn.Pow, Fn.Square, Fn.SumError, Fn.Horner (constant coefficients), " +
        "Math.Log (one argument), Math.Log2, Math.Log10, Math.Exp, Math.Pow, Math.Abs, Math.Sqrt, Math.Min, Math.Max, Math.FusedMultiplyAdd, " +
        "double.IsNaN, and calls to expression-bodied static methods over doubles in the same compilation (inlined)";

    public static readonly DiagnosticDescriptor InvalidSignature = new(
        "KG0001",
        "Term signature not supported",
        "Term '{0}' must be a non-generic static method returning double or a tuple of 2 to 4 doubles, with 1 to 4 double inputs followed by up to 3 double [TermParameter] parameters (no ref, params or default values); {1}",
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

    public static readonly DiagnosticDescriptor InvalidTermParameter = new(
        "KG0008",
        "Term parameter not supported",
        "Parameter '{0}' of term '{1}' {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidTupleTerm = new(
        "KG0009",
        "A tuple term must return a tuple literal",
        "Term '{0}' returns a tuple of {1} doubles, so its body must be a tuple literal '(sum0, sum1, ...)' with {1} elements, one expression per sum",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidFinish = new(
        "KG0010",
        "Finisher not supported",
        "Finisher '{0}' of term '{1}' {2}; declare it as 'static double {0}({3})' in '{4}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor KernelNameTaken = new(
        "KG0011",
        "Kernel class name taken",
        "Term '{0}' needs the name '{0}Kernel' for its kernel class, but '{1}' already has a member of that name; rename that member or the term",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor TupleMaximum = new(
        "KG0012",
        "A maximum term returns one double",
        "Term '{0}' has Maximum = true but returns a tuple of {1} doubles; a maximum fold takes the largest of one term, so return a double (fold the other values in a term of their own)",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedMap = new(
        "KG0020",
        "Map term not supported",
        "Term '{0}' has Map = true but {1}; a map term takes one input (then [TermParameter] values) and returns one double, with no Finish and no Maximum",
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
        "KG0008" => InvalidTermParameter,
        "KG0009" => InvalidTupleTerm,
        "KG0010" => InvalidFinish,
        "KG0011" => KernelNameTaken,
        "KG0012" => TupleMaximum,
        "KG0020" => UnsupportedMap,
        _ => null,
    };
}
