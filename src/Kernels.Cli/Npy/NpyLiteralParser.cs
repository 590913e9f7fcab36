using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Kernels.Cli.Npy;

/// <summary>A recursive-descent parser of the Python literal subset NumPy writes (dicts with string keys, strings,
/// integers with an optional Python 2 'L', True/False/None, tuples and lists); throws <see cref="FormatException"/>.</summary>
internal sealed class NpyLiteralParser
{
    private readonly string _text;
    private int _position;

    public NpyLiteralParser(string text) => _text = text;

    public NpyLiteral ParseWhole()
    {
        NpyLiteral value = ParseValue();
        SkipSpace();
        return _position == _text.Length ? value : throw Error("unexpected text after the literal");
    }

    private NpyLiteral ParseValue()
    {
        SkipSpace();
        if (_position == _text.Length)
        {
            throw Error("unexpected end");
        }

        char c = _text[_position];
        return c switch
        {
            '{' => ParseDict(),
            '(' => new NpyLiteral.Sequence(ParseItems(')'), true),
            '[' => new NpyLiteral.Sequence(ParseItems(']'), false),
            '\'' or '"' => new NpyLiteral.Str(ParseString()),
            '-' or '+' or (>= '0' and <= '9') => ParseInt(),
            _ => ParseName(),
        };
    }

    private NpyLiteral.Dict ParseDict()
    {
        _position++;
        var entries = new List<KeyValuePair<string, NpyLiteral>>();
        while (true)
        {
            SkipSpace();
            if (TryTake('}'))
            {
                return new NpyLiteral.Dict(entries);
            }

            if (ParseValue() is not NpyLiteral.Str(string key))
            {
                throw Error("a dict key is not a string");
            }

            SkipSpace();
            Expect(':');
            entries.Add(new KeyValuePair<string, NpyLiteral>(key, ParseValue()));
            SkipSpace();
            if (!TryTake(','))
            {
                SkipSpace();
                Expect('}');
                return new NpyLiteral.Dict(entries);
            }
        }
    }

    private List<NpyLiteral> ParseItems(char close)
    {
        _position++;
        var items = new List<NpyLiteral>();
        while (true)
        {
            SkipSpace();
            if (TryTake(close))
            {
                return items;
            }

            items.Add(ParseValue());
            SkipSpace();
            if (!TryTake(','))
            {
                SkipSpace();
                Expect(close);
                return items;
            }
        }
    }

    private string ParseString()
    {
        char quote = _text[_position++];
        var value = new StringBuilder();
        while (_position < _text.Length && _text[_position] != quote)
        {
            if (_text[_position] == '\\' && _position + 1 < _text.Length)
            {
                _position++;
            }

            value.Append(_text[_position++]);
        }

        Expect(quote);
        return value.ToString();
    }

    private NpyLiteral.Int ParseInt()
    {
        int start = _position;
        if (_text[_position] is '-' or '+')
        {
            _position++;
        }

        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        if (!long.TryParse(_text.AsSpan(start, _position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw Error("a malformed or too large integer");
        }

        TryTake('L');
        return new NpyLiteral.Int(value);
    }

    private NpyLiteral ParseName()
    {
        int start = _position;
        while (_position < _text.Length && char.IsAsciiLetter(_text[_position]))
        {
            _position++;
        }

        return _text.AsSpan(start, _position - start) switch
        {
            "True" => new NpyLiteral.Bool(true),
            "False" => new NpyLiteral.Bool(false),
            "None" => new NpyLiteral.None(),
            _ => throw Error("an unexpected character"),
        };
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private bool TryTake(char c)
    {
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!TryTake(c))
        {
            throw Error($"expected '{c}'");
        }
    }

    private FormatException Error(string what) => new($"{what} at offset {_position}");
}
