using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Kernels.Generators.Model;

namespace Kernels.Generators.Lowering;

/// <summary>
/// A tree printed the way the term's author would write it, in the term's own parameter names (p &gt; 0 &amp;&amp;
/// double.IsNaN(q)): the comment that ties each local of a generated term body to the subexpression it computes. A
/// long subexpression is printed one level deep, its long operands replaced by the locals that hold them.
/// </summary>
internal sealed class SourcePrinter
{
    /// <summary>Longest comment printed in full; a longer one shows its operands by their locals.</summary>
    private const int FullWidth = 64;

    /// <summary>Longest operand spelled out in a one-level comment.</summary>
    private const int OperandWidth = 24;

    private readonly IReadOnlyList<string> _inputs;
    private readonly IReadOnlyList<string> _parameters;

    public SourcePrinter(IReadOnlyList<string> inputs, IReadOnlyList<string> parameters)
    {
        _inputs = inputs;
        _parameters = parameters;
    }

    /// <summary>The node in full if that is short, else one level deep with <paramref name="localOf"/> naming the
    /// operands that are too long to repeat.</summary>
    public string Describe(Node node, Func<Node, string?> localOf)
    {
        string full = Print(node, null);
        return full.Length <= FullWidth ? full : Print(node, child =>
        {
            string text = Print(child, null);
            return text.Length <= OperandWidth ? null : localOf(child);
        });
    }

    private string Print(Node node, Func<Node, string?>? shorten)
    {
        string Operand(Node child, int precedence)
        {
            if (shorten?.Invoke(child) is { } local)
            {
                return local;
            }

            string text = Print(child, null);
            return Precedence(child) < precedence ? $"({text})" : text;
        }

        string Arguments(IEnumerable<Node> arguments) => string.Join(", ", arguments.Select(a => Operand(a, 0)));

        switch (node)
        {
            case InputNode input:
                return _inputs[input.Index];
            case ParameterNode parameter:
                return _parameters[parameter.Index];
            case ConstantNode constant:
                return Constant(constant.Value);
            case BooleanNode boolean:
                return boolean.Value ? "true" : "false";
            case UnaryNode unary:
                return (unary.Operator == UnaryOperator.Negate ? "-" : "!") + Operand(unary.Operand, Unary);
            case BinaryNode binary:
            {
                int p = Precedence(binary);
                // Left-associative: an operand of the same precedence needs parentheses only on the right.
                return $"{Operand(binary.Left, p)} {Symbol(binary.Operator)} {Operand(binary.Right, p + 1)}";
            }

            case ConditionalNode c:
                return $"{Operand(c.Condition, Conditional + 1)} ? {Operand(c.WhenTrue, Conditional + 1)} : {Operand(c.WhenFalse, Conditional)}";
            case UncheckedCall call:
                return $"{call.Function}Unchecked({Arguments(call.Arguments)})";
            case CallNode { Function: Function.Horner } horner when horner.Arguments.Count > 4:
                // A long polynomial: its variable, its first coefficients and how many there are.
                return $"Horner({Arguments(horner.Arguments.Take(3))}, … {horner.Arguments.Count - 1} coefficients)";
            case CallNode { Function: Function.IsNaN } call:
                return $"double.IsNaN({Arguments(call.Arguments)})";
            case CallNode call:
                return $"{call.Function}({Arguments(call.Arguments)})";
            default:
                throw new InvalidOperationException($"Unknown node {node}");
        }
    }

    private const int Conditional = 1;
    private const int Unary = 9;

    private static int Precedence(Node node) => node switch
    {
        ConditionalNode => Conditional,
        BinaryNode binary => binary.Operator switch
        {
            BinaryOperator.Or => 2,
            BinaryOperator.And => 3,
            BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.LogicalEqual or BinaryOperator.LogicalNotEqual => 5,
            BinaryOperator.LessThan or BinaryOperator.LessThanOrEqual or BinaryOperator.GreaterThan or BinaryOperator.GreaterThanOrEqual => 6,
            BinaryOperator.Add or BinaryOperator.Subtract => 7,
            _ => 8,
        },
        UnaryNode => Unary,
        ConstantNode { Value: < 0 } => Unary,
        _ => 10,
    };

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.LessThan => "<",
        BinaryOperator.LessThanOrEqual => "<=",
        BinaryOperator.GreaterThan => ">",
        BinaryOperator.GreaterThanOrEqual => ">=",
        BinaryOperator.Equal or BinaryOperator.LogicalEqual => "==",
        BinaryOperator.NotEqual or BinaryOperator.LogicalNotEqual => "!=",
        BinaryOperator.And => "&&",
        BinaryOperator.Or => "||",
        _ => throw new InvalidOperationException(op.ToString()),
    };

    private static string Constant(double value) =>
        double.IsNaN(value) ? "double.NaN"
        : double.IsPositiveInfinity(value) ? "double.PositiveInfinity"
        : double.IsNegativeInfinity(value) ? "double.NegativeInfinity"
        : value.ToString("R", CultureInfo.InvariantCulture);
}
