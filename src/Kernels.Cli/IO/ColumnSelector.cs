namespace Kernels.Cli.IO;

/// <summary>One item of a column selection: a name, or an inclusive range of zero-based indices (First == Last for one).</summary>
internal abstract record ColumnSelector
{
    internal sealed record Named(string Name) : ColumnSelector;

    internal sealed record Indices(int First, int Last) : ColumnSelector;
}
