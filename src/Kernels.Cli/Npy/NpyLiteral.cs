using System.Collections.Generic;

namespace Kernels.Cli.Npy;

/// <summary>The Python literals an NPY header dict is made of.</summary>
internal abstract record NpyLiteral
{
    internal sealed record Str(string Value) : NpyLiteral;

    internal sealed record Int(long Value) : NpyLiteral;

    internal sealed record Bool(bool Value) : NpyLiteral;

    internal sealed record None : NpyLiteral;

    /// <summary>A tuple or a list.</summary>
    internal sealed record Sequence(IReadOnlyList<NpyLiteral> Items, bool IsTuple) : NpyLiteral;

    internal sealed record Dict(IReadOnlyList<KeyValuePair<string, NpyLiteral>> Entries) : NpyLiteral;
}
