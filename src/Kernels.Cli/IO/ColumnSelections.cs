using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Kernels.Cli.IO;

/// <summary>The text form of <see cref="ColumnSelection"/> (what <c>--columns</c> takes), and its resolution against a
/// file's columns.</summary>
internal static class ColumnSelections
{
    private const int NamesListed = 20;

    /// <summary>
    /// Parses a comma-separated list of items: digits are a zero-based index ("3"), digits-dash-digits an inclusive
    /// range ("5-9"), anything else a column name ("p0"); spaces around items are ignored. So a column literally named
    /// "3" or "5-9" is selected by position, not by name. Throws <see cref="ArgumentException"/> on an empty list or
    /// item, a backwards range or an index beyond <see cref="int.MaxValue"/>.
    /// </summary>
    public static ColumnSelection Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim().Length == 0)
        {
            throw new ArgumentException("no columns given: use names, zero-based indices or ranges, e.g. \"p0,p1\" or \"0,2-5\".");
        }

        var selectors = new List<ColumnSelector>();
        foreach (string raw in text.Split(','))
        {
            string item = raw.Trim();
            if (item.Length == 0)
            {
                throw new ArgumentException($"empty item in the column list \"{text}\".");
            }

            selectors.Add(ParseItem(item));
        }

        return new ColumnSelection(selectors);
    }

    /// <summary>
    /// The zero-based file columns a selection reads, in the selection's order (repeats allowed); every column when it
    /// is <see cref="ColumnSelection.All"/>. Names are looked up in <paramref name="names"/> (first match, ordinal);
    /// when the file has none, <paramref name="whyNoNames"/> completes the sentence "{source} …". Unknown names and
    /// indices out of range throw <see cref="DataException"/>.
    /// </summary>
    public static int[] Resolve(ColumnSelection selection, string source, int columnCount, IReadOnlyList<string>? names, string whyNoNames)
    {
        if (selection.IsAll)
        {
            return Enumerable.Range(0, columnCount).ToArray();
        }

        var indices = new List<int>();
        foreach (ColumnSelector selector in selection.Selectors)
        {
            switch (selector)
            {
                case ColumnSelector.Named(string name):
                    indices.Add(IndexOf(name, source, columnCount, names, whyNoNames));
                    break;
                case ColumnSelector.Indices(int first, int last):
                    if (last >= columnCount)
                    {
                        string what = first == last ? $"column {first}" : $"column range {first}-{last}";
                        throw new DataException($"{source}: {what} is out of range: it has {Plural(columnCount, "column")} ({Span(columnCount)}).");
                    }

                    for (int i = first; i <= last; i++)
                    {
                        indices.Add(i);
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(selection), selector, "Unknown column selector.");
            }
        }

        return indices.ToArray();
    }

    private static ColumnSelector ParseItem(string item)
    {
        int dash = item.IndexOf('-', StringComparison.Ordinal);
        if (IsDigits(item))
        {
            int index = ParseIndex(item);
            return new ColumnSelector.Indices(index, index);
        }

        if (dash > 0 && IsDigits(item.AsSpan(0, dash)) && IsDigits(item.AsSpan(dash + 1)))
        {
            int first = ParseIndex(item[..dash]);
            int last = ParseIndex(item[(dash + 1)..]);
            if (last < first)
            {
                throw new ArgumentException($"the range \"{item}\" is backwards: write {last}-{first}.");
            }

            return new ColumnSelector.Indices(first, last);
        }

        return new ColumnSelector.Named(item);
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static int ParseIndex(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            ? index
            : throw new ArgumentException($"the column index {digits} is too large.");

    private static int IndexOf(string name, string source, int columnCount, IReadOnlyList<string>? names, string whyNoNames)
    {
        if (names is null)
        {
            throw new DataException($"{source} {whyNoNames}, so columns are selected by zero-based index ({Span(columnCount)}), not by name (\"{name}\").");
        }

        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        string listed = string.Join(", ", names.Take(NamesListed));
        string more = names.Count > NamesListed ? $", … ({names.Count - NamesListed} more)" : string.Empty;
        throw new DataException($"{source} has no column named \"{name}\"; its columns are: {listed}{more}.");
    }

    private static string Span(int columnCount) => columnCount == 1 ? "0" : $"0-{columnCount - 1}";

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
