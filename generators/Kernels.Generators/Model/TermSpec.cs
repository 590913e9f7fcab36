namespace Kernels.Generators.Model;

/// <summary>Everything the emitter needs about one [Term] method: names and the expression, no Roslyn objects.</summary>
internal sealed record TermSpec(
    string Namespace,
    string ContainingType,
    string ContainingTypeAccessibility,
    string Name,
    EquatableArray<string> Parameters,
    Node Body);

/// <summary>Where a diagnostic points, without holding a syntax tree.</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter);

/// <summary>A diagnostic to report: descriptor id, location and message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments);

/// <summary>What parsing one [Term] method gives: a spec, or the diagnostics that explain why not.</summary>
internal sealed record ParseResult(TermSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
