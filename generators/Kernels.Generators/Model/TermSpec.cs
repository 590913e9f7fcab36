namespace Kernels.Generators.Model;

/// <summary>Everything later stages need about one [Term] method: names and the expression, no Roslyn objects. The
/// parser's spec holds the source tree; the desugared spec the core language (see <see cref="Desugaring.Desugarer"/>).</summary>
/// <param name="Inputs">The names of the input parameters (one element of each span), 1 to 4.</param>
/// <param name="TermParameters">The names of the [TermParameter] parameters (one value per fold), 0 to 3.</param>
/// <param name="Outputs">One expression per sum the term folds (a tuple term has 2 to 4).</param>
/// <param name="Finish">The finisher method's name, or null.</param>
/// <param name="Nats">Whether the result is in nats (log-base overloads are generated): [Term(Nats = true)] when parsed;
/// desugaring adds the terms that call a natural logarithm.</param>
/// <param name="FloatInDouble">[Term(FloatInDouble = true)]: float inputs are folded in double.</param>
/// <param name="Maximum">[Term(Maximum = true)]: the fold takes the largest term instead of the sum.</param>
/// <param name="Map">[Term(Map = true)]: an elementwise map (one input, one output per element), not a fold.</param>
internal sealed record TermSpec(
    string Namespace,
    string ContainingType,
    string ContainingTypeAccessibility,
    string Name,
    EquatableArray<string> Inputs,
    EquatableArray<string> TermParameters,
    EquatableArray<Node> Outputs,
    string? Finish,
    bool Nats,
    bool FloatInDouble = false,
    bool Maximum = false,
    bool Map = false)
{
    /// <summary>The first (for most terms the only) output.</summary>
    public Node Body => Outputs[0];
}

/// <summary>Where a diagnostic points, without holding a syntax tree.</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter);

/// <summary>A diagnostic to report: descriptor id, location and message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments);

/// <summary>What parsing one [Term] method gives: a spec, or the diagnostics that explain why not.</summary>
internal sealed record ParseResult(TermSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
