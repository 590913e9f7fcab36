using System;
using System.Collections.Generic;

namespace Kernels.Cli.IO;

/// <summary>Which columns of a table to read: all (the default), or by name or zero-based index, in the given order.
/// Text form: a comma-separated list of names, indices and index ranges ("p0,p1", "2,5-9").</summary>
internal sealed record ColumnSelection(IReadOnlyList<ColumnSelector> Selectors)
{
    /// <summary>Every column, in file order.</summary>
    public static ColumnSelection All { get; } = new(Array.Empty<ColumnSelector>());

    public bool IsAll => Selectors.Count == 0;
}
