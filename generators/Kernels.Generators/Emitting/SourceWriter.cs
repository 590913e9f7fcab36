using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Kernels.Generators;

/// <summary>Indent-aware text builder for generated C#. A line longer than <see cref="MaxWidth"/> is wrapped the way a
/// person would: comments at word boundaries, code by putting the arguments of its longest argument list one per line
/// (recursively, until every line fits or nothing is left to break).</summary>
internal sealed class SourceWriter
{
    /// <summary>The longest line the generated code may have.</summary>
    public const int MaxWidth = 160;

    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length == 0)
        {
            _builder.Append('\n');
            return this;
        }

        foreach (string line in Wrap(text, _indent * 4))
        {
            _builder.Append(line).Append('\n');
        }

        return this;
    }

    public IDisposable Block(string header)
    {
        if (header.Length > 0)
        {
            Line(header);
        }

        Line("{");
        _indent++;
        return new Closer(this);
    }

    public override string ToString() => _builder.ToString();

    /// <summary>The text as lines indented by <paramref name="indent"/> spaces, wrapped to fit where it can be.</summary>
    private static IEnumerable<string> Wrap(string text, int indent)
    {
        // Leading spaces (a continuation line written by hand) count as indentation.
        string trimmed = text.TrimStart(' ');
        indent += text.Length - trimmed.Length;
        text = trimmed;
        string pad = new(' ', indent);
        if (indent + text.Length <= MaxWidth)
        {
            return new[] { pad + text };
        }

        if (text.StartsWith("//", StringComparison.Ordinal))
        {
            return WrapComment(text, pad);
        }

        // A conditional outside any parentheses first, then an outermost argument list, then the loosest operators,
        // then any argument list.
        string head, tail;
        List<string> arguments;
        if (TrySplitOperators(text, conditionalOnly: true, out List<string> branches))
        {
            return new[] { pad + branches[0] }.Concat(branches.Skip(1).SelectMany(o => Wrap(o, indent + 4)));
        }

        if (!TrySplitArguments(text, outermost: true, out head, out arguments, out tail))
        {
            if (TrySplitOperators(text, conditionalOnly: false, out List<string> operands))
            {
                return new[] { pad + operands[0] }.Concat(operands.Skip(1).SelectMany(o => Wrap(o, indent + 4)));
            }

            if (!TrySplitArguments(text, outermost: false, out head, out arguments, out tail))
            {
                return new[] { pad + text };
            }
        }

        var lines = new List<string>();
        lines.AddRange(Wrap(head, indent));
        for (int i = 0; i < arguments.Count; i++)
        {
            string argument = i < arguments.Count - 1 ? arguments[i] + "," : arguments[i] + tail;
            lines.AddRange(Wrap(argument, indent + 4));
        }

        return lines;
    }

    /// <summary>A comment wrapped at spaces outside quotes, each line with the comment's own prefix (// or ///).</summary>
    private static IEnumerable<string> WrapComment(string text, string pad)
    {
        string prefix = text.StartsWith("///", StringComparison.Ordinal) ? "/// " : "// ";
        var lines = new List<string>();
        string rest = text;
        while (pad.Length + rest.Length > MaxWidth)
        {
            int limit = MaxWidth - pad.Length;
            int cut = -1;
            bool quoted = false;
            for (int i = prefix.Length; i < rest.Length && (i <= limit || cut < 0); i++)
            {
                if (rest[i] == '"')
                {
                    quoted = !quoted;
                }
                else if (rest[i] == ' ' && !quoted)
                {
                    cut = i;
                    if (i > limit)
                    {
                        break;
                    }
                }
            }

            if (cut <= prefix.Length)
            {
                break;
            }

            lines.Add(pad + rest.Substring(0, cut));
            rest = prefix + rest.Substring(cut + 1);
        }

        lines.Add(pad + rest);
        return lines;
    }

    /// <summary>Finds the longest parenthesized list with at least two elements (outside strings and character
    /// literals; with <paramref name="outermost"/>, only one inside no other brackets) and splits the line into the text up to its opening parenthesis, its elements, and the rest from the
    /// closing parenthesis on.</summary>
    private static bool TrySplitArguments(string text, bool outermost, out string head, out List<string> arguments, out string tail)
    {
        head = tail = string.Empty;
        arguments = new List<string>();
        var opens = new Stack<(int Position, List<int> Commas)>();
        int generic = 0;
        int bestOpen = -1, bestClose = -1;
        List<int>? bestCommas = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '"' or '\'')
            {
                i = EndOfLiteral(text, i);
                continue;
            }

            if (c == '<' && i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_'))
            {
                generic++;
            }
            else if (c == '>' && generic > 0 && text[i - 1] != ' ' && text[i - 1] != '=')
            {
                generic--;
            }
            else if (c is '(' or '[' or '{')
            {
                opens.Push((i, new List<int>()));
            }
            else if (c is ')' or ']' or '}' && opens.Count > 0)
            {
                (int open, List<int> commas) = opens.Pop();
                if (c == ')' && commas.Count > 0 && (!outermost || opens.Count == 0) && (bestCommas is null || i - open > bestClose - bestOpen))
                {
                    (bestOpen, bestClose, bestCommas) = (open, i, commas);
                }
            }
            else if (c == ',' && generic == 0 && opens.Count > 0)
            {
                opens.Peek().Commas.Add(i);
            }
        }

        if (bestCommas is null)
        {
            return false;
        }

        head = text.Substring(0, bestOpen + 1);
        int start = bestOpen + 1;
        foreach (int comma in bestCommas)
        {
            arguments.Add(text.Substring(start, comma - start).Trim());
            start = comma + 1;
        }

        arguments.Add(text.Substring(start, bestClose - start).Trim());
        tail = text.Substring(bestClose);
        return true;
    }

    /// <summary>Breaks a line without an argument list to split before its loosest binary operators (?: first, then
    /// ||, &amp;&amp;, +), those outside any parentheses or else those directly inside the longest outermost pair; the
    /// operator starts each continuation line. With <paramref name="conditionalOnly"/>, only a ?: outside parentheses.
    /// False when there is no such operator.</summary>
    private static bool TrySplitOperators(string text, bool conditionalOnly, out List<string> operands)
    {
        operands = new List<string>();
        var depths = new int[text.Length];
        int depth = 0, bestOpen = -1, bestClose = -1, open = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '"' or '\'')
            {
                int end = EndOfLiteral(text, i);
                for (int j = i; j <= end; j++)
                {
                    depths[j] = -1;
                }

                i = end;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                if (depth == 0)
                {
                    open = i;
                }

                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
                if (depth == 0 && i - open > bestClose - bestOpen)
                {
                    (bestOpen, bestClose) = (open, i);
                }
            }

            depths[i] = c is '(' or '[' or '{' ? depth - 1 : depth;
        }

        foreach (int level in conditionalOnly ? new[] { 0 } : new[] { 0, 1 })
        {
            foreach (string op in conditionalOnly ? new[] { " ? " } : new[] { " ? ", " || ", " && ", " + " })
            {
                var cuts = new List<int>();
                for (int i = text.IndexOf(op, StringComparison.Ordinal); i >= 0; i = text.IndexOf(op, i + 1, StringComparison.Ordinal))
                {
                    bool inside = level == 0 || (i > bestOpen && i < bestClose);
                    if (depths[i] == level && inside)
                    {
                        cuts.Add(i);
                    }
                }

                if (op == " ? ")
                {
                    for (int i = text.IndexOf(" : ", StringComparison.Ordinal); i >= 0; i = text.IndexOf(" : ", i + 1, StringComparison.Ordinal))
                    {
                        if (depths[i] == level && (level == 0 || (i > bestOpen && i < bestClose)) && cuts.Count > 0)
                        {
                            cuts.Add(i);
                        }
                    }

                    cuts.Sort();
                }

                if (cuts.Count == 0)
                {
                    continue;
                }

                int start = 0;
                foreach (int cut in cuts)
                {
                    operands.Add(text.Substring(start, cut - start).Trim());
                    start = cut + 1;
                }

                operands.Add(text.Substring(start).Trim());
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the quote that closes the string or character literal opened at <paramref name="start"/>.</summary>
    private static int EndOfLiteral(string text, int start)
    {
        char quote = text[start];
        for (int i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i;
            }
        }

        return text.Length - 1;
    }

    private sealed class Closer : IDisposable
    {
        private readonly SourceWriter _writer;

        public Closer(SourceWriter writer) => _writer = writer;

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line("}");
        }
    }
}
