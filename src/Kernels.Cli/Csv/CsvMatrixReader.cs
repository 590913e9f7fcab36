using System;
using System.Globalization;
using System.IO;
using System.Numerics;
using Kernels.Cli.IO;
using nietras.SeparatedValues;

namespace Kernels.Cli.Csv;

/// <summary>
/// A CSV (or TSV, semicolon- or pipe-separated) matrix read with Sep, row by row, from any stream (stdin included). The
/// separator is detected by Sep from the first line. The first row is a header when any of its fields is not a number
/// (unless the caller says). Every data row must have as many fields as the first row; blank lines are allowed only at
/// the end. Numbers are parsed from Sep's spans with fast_float (no string per field): NaN, ±inf and ±Infinity in any
/// case are values; a comma inside a number ("0,5", "1,000") is an error, not a thousands separator.
/// Memory: Sep's buffers (a 16 K-char window, grown to hold the longest row) and the column index list, whatever the
/// file size.
/// </summary>
internal sealed class CsvMatrixReader : IMatrixReader
{
    private const int ShownText = 40;

    private readonly SepReader _reader;
    private readonly int[] _columns;
    private readonly bool _allColumns;
    private readonly string[]? _names;
    private readonly int _fields;
    private readonly bool _commasAreData;
    private bool _pending;
    private bool _finished;
    private int _firstBlankLine;

    /// <summary>Opens the CSV in <paramref name="stream"/> (left open) and reads its first row or two: the header
    /// decision, the field count and the column selection are settled here. <paramref name="hasHeader"/> null detects
    /// the header. Throws <see cref="DataException"/> when there are no data rows or a selected column is unknown.</summary>
    public CsvMatrixReader(Stream stream, string source, ColumnSelection columns, bool? hasHeader = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(columns);
        Source = source;
        _reader = Sep.Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).From(stream, leaveOpen: true);
        try
        {
            _commasAreData = _reader.Spec.Sep.Separator != ',';
            if (!MoveToNonBlankRow())
            {
                throw new DataException($"{source} has no rows.");
            }

            _fields = _reader.Current.ColCount;
            if (hasHeader ?? IsHeader(source))
            {
                _names = HeaderNames();
                if (!NextDataRow())
                {
                    throw new DataException($"{source} has a header but no rows.");
                }
            }

            _pending = true;
            _columns = ColumnSelections.Resolve(columns, source, _fields, _names, "has no header row");
            _allColumns = columns.IsAll;
        }
        catch
        {
            _reader.Dispose();
            throw;
        }
    }

    public string Source { get; }

    public int Columns => _columns.Length;

    /// <summary>The header's field names (outer quotes removed, trimmed), or null when the file has no header.</summary>
    public string[]? Names => _names;

    public int Read(Span<double> destination) => ReadRows(destination);

    public int Read(Span<float> destination) => ReadRows(destination);

    /// <summary>Disposes Sep's reader; the stream stays open (the caller owns it).</summary>
    public void Dispose() => _reader.Dispose();

    // Sep numbers the first row's lines wrongly when there is no header (reported from line 2); the first row starts at 1.
    private static int LineOf(SepReader.Row row) => row.RowIndex == 0 ? 1 : row.LineNumberFrom;

    private static string Fields(int count) => count == 1 ? "1 field" : $"{count} fields";

    private static bool IsBlank(SepReader.Row row) => row.ColCount == 1 && row.Span.IsEmpty;

    private int ReadRows<T>(Span<T> destination)
        where T : struct, IBinaryFloatingPointIeee754<T>
    {
        int width = _columns.Length;
        int capacity = destination.Length / width;
        if (capacity == 0 && !destination.IsEmpty)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values, less than one row of {width}.", nameof(destination));
        }

        int rows = 0;
        while (rows < capacity && NextDataRow())
        {
            ParseRow(_reader.Current, destination.Slice(rows * width, width));
            rows++;
        }

        return rows;
    }

    private void ParseRow<T>(SepReader.Row row, Span<T> destination)
        where T : struct, IBinaryFloatingPointIeee754<T>
    {
        // fast_float reads ',' as a digit group separator; with ',' as the separator a field can only hold one inside
        // quotes, and quoted fields take the slow path anyway. Otherwise one scan of the row spares a scan per field.
        bool checkCommas = _commasAreData && row.Span.Contains(',');
        if (_allColumns)
        {
            for (int c = 0; c < destination.Length; c++)
            {
                destination[c] = Parse<T>(row, c, checkCommas);
            }
        }
        else
        {
            int[] columns = _columns;
            for (int c = 0; c < destination.Length; c++)
            {
                destination[c] = Parse<T>(row, columns[c], checkCommas);
            }
        }
    }

    private T Parse<T>(SepReader.Row row, int index, bool checkCommas)
        where T : struct, IBinaryFloatingPointIeee754<T>
    {
        SepReader.Col col = row[index];
        if (col.TryParse(out T value) && !(checkCommas && col.Span.Contains(',')))
        {
            return value;
        }

        return TryParseSlowly(col.Span, out value) ? value : throw Malformed(row, index);
    }

    // Quoted numbers, and spellings fast_float refuses; never a comma.
    private static bool TryParseSlowly<T>(ReadOnlySpan<char> text, out T value)
        where T : struct, IBinaryFloatingPointIeee754<T>
    {
        ReadOnlySpan<char> number = Unquote(text.Trim()).Trim();
        if (number.Contains(','))
        {
            value = default;
            return false;
        }

        if (T.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        bool negative = number.StartsWith('-');
        ReadOnlySpan<char> magnitude = negative || number.StartsWith('+') ? number[1..] : number;
        if (magnitude.Equals("inf", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? T.NegativeInfinity : T.PositiveInfinity;
            return true;
        }

        return false;
    }

    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;

    private DataException Malformed(SepReader.Row row, int index)
    {
        string column = _names is null ? $"column {index}" : $"column {index} ({_names[index]})";
        string where = $"{Source}: line {LineOf(row)}, {column}";
        ReadOnlySpan<char> text = row[index].Span;
        if (text.Trim().IsEmpty)
        {
            return new DataException($"{where}: an empty field is not a number (write NaN for a missing value).");
        }

        string shown = text.Length > ShownText ? string.Concat(text[..ShownText], "…") : text.ToString();
        return new DataException($"{where}: \"{shown}\" is not a number.");
    }

    /// <summary>Whether the first row is a header: every field a name (not a number). A row of numbers is data. A row
    /// that mixes both is refused rather than guessed: it may be a data row with a typo, which would silently be dropped
    /// as a header (the caller can say which it is).</summary>
    private bool IsHeader(string source)
    {
        SepReader.Row row = _reader.Current;
        bool checkCommas = _commasAreData && row.Span.Contains(',');
        int numbers = 0;
        int firstText = -1;
        for (int c = 0; c < row.ColCount; c++)
        {
            SepReader.Col col = row[c];
            bool number = (col.TryParse(out double _) && !(checkCommas && col.Span.Contains(','))) || TryParseSlowly(col.Span, out double _);
            numbers += number ? 1 : 0;
            firstText = !number && firstText < 0 ? c : firstText;
        }

        if (numbers == 0 || numbers == row.ColCount)
        {
            return numbers == 0;
        }

        string text = row[firstText].Span.Trim().ToString();
        throw new DataException(
            $"{source}, line {LineOf(_reader.Current)}: the first row mixes numbers and text (column {firstText}: '{Shorten(text)}'), so it is neither clearly a header nor clearly data; fix the row, or say which it is with --header yes|no.");
    }

    private static string Shorten(string text) => text.Length <= ShownText ? text : text[..ShownText] + "…";

    private string[] HeaderNames()
    {
        SepReader.Row row = _reader.Current;
        var names = new string[row.ColCount];
        for (int c = 0; c < names.Length; c++)
        {
            ReadOnlySpan<char> name = row[c].Span.Trim();
            names[c] = name.Length >= 2 && name[0] == '"' && name[^1] == '"' ? name[1..^1].ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : name.ToString();
        }

        return names;
    }

    // Moves to the next row that is not blank; blank lines before such a row are an error (they are allowed only at the end).
    private bool MoveToNonBlankRow()
    {
        while (_reader.MoveNext())
        {
            SepReader.Row row = _reader.Current;
            if (IsBlank(row))
            {
                _firstBlankLine = _firstBlankLine == 0 ? LineOf(row) : _firstBlankLine;
                continue;
            }

            if (_firstBlankLine != 0)
            {
                string expected = _fields == 0 ? string.Empty : $"; expected {Fields(_fields)}";
                throw new DataException($"{Source}: line {_firstBlankLine} is blank{expected} (blank lines are allowed only at the end; write NaN for a missing value).");
            }

            return true;
        }

        return false;
    }

    private bool NextDataRow()
    {
        if (_pending)
        {
            _pending = false;
            return true;
        }

        if (_finished || !MoveToNonBlankRow())
        {
            _finished = true;
            return false;
        }

        SepReader.Row row = _reader.Current;
        if (row.ColCount != _fields)
        {
            throw new DataException($"{Source}: line {LineOf(row)} has {Fields(row.ColCount)}, expected {_fields} (as in line 1).");
        }

        return true;
    }
}
