namespace Kernels.Generators;

/// <summary>Names of the pipeline steps, so tests can check each one is cached on an unrelated edit.</summary>
internal static class TrackingNames
{
    public const string ParsedTerms = nameof(ParsedTerms);
    public const string Specs = nameof(Specs);
    public const string Desugared = nameof(Desugared);
    public const string Plans = nameof(Plans);
    public const string Diagnostics = nameof(Diagnostics);
}
