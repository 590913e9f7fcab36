using System;
using System.Linq;
using Kernels.Generators.Model;

namespace Kernels.Generators.Lowering;

/// <summary>
/// Specializes a term for the fast path, where every input is known to be a normal number in [2^−B, 2^B]
/// (B = 60 for float, 500 for double). A small abstract interpretation tracks, per subexpression, whether it is
/// positive and whether it stays within 2^20 of that range; comparisons it decides are folded, dead branches of ?:
/// disappear, and vocabulary calls whose arguments are proven in range use their unchecked forms.
/// </summary>
internal static class FastPathFolding
{
    /// <summary>What is known about a value on the fast path.</summary>
    /// <param name="Positive">Positive, finite and not NaN.</param>
    /// <param name="Bounded">Positive and within [2^−(B+20), 2^(B+20)]: safe for the unchecked logarithms.</param>
    /// <param name="HasInput">Depends on an input (so two of them multiplied may leave the range).</param>
    /// <param name="Bits">How far beyond 2^±B the value may reach, in powers of two.</param>
    internal readonly record struct Facts(bool Positive, bool Bounded, bool HasInput, int Bits)
    {
        public static Facts Unknown(bool hasInput) => new(false, false, hasInput, 0);
    }

    private const int SlackBits = 20;

    public static (Node Node, Facts Facts) Fold(Node node)
    {
        switch (node)
        {
            case InputNode:
                return (node, new Facts(true, true, true, 0));

            case ConstantNode { Value: var c }:
            {
                bool positive = c > 0 && !double.IsInfinity(c) && !double.IsNaN(c);
                int bits = positive ? (int)Math.Ceiling(Math.Abs(Math.Log(c, 2))) : 0;
                return (node, new Facts(positive, positive && bits <= SlackBits, false, bits));
            }

            case BooleanNode:
                return (node, Facts.Unknown(false));

            case UnaryNode { Operator: UnaryOperator.Not } unary:
            {
                (Node operand, Facts facts) = Fold(unary.Operand);
                return operand is BooleanNode b ? (new BooleanNode(!b.Value), facts) : (new UnaryNode(UnaryOperator.Not, operand), facts);
            }

            case UnaryNode unary:
            {
                (Node operand, Facts facts) = Fold(unary.Operand);
                return (new UnaryNode(unary.Operator, operand), Facts.Unknown(facts.HasInput));
            }

            case BinaryNode binary:
                return FoldBinary(binary);

            case ConditionalNode conditional:
            {
                (Node condition, _) = Fold(conditional.Condition);
                if (condition is BooleanNode decided)
                {
                    return Fold(decided.Value ? conditional.WhenTrue : conditional.WhenFalse);
                }

                (Node whenTrue, Facts t) = Fold(conditional.WhenTrue);
                (Node whenFalse, Facts f) = Fold(conditional.WhenFalse);
                return (new ConditionalNode(condition, whenTrue, whenFalse),
                    new Facts(t.Positive && f.Positive, t.Bounded && f.Bounded, true, Math.Max(t.Bits, f.Bits)));
            }

            case CallNode call:
                return FoldCall(call);

            default:
                throw new InvalidOperationException($"Unknown node {node}");
        }
    }

    private static (Node, Facts) FoldBinary(BinaryNode binary)
    {
        (Node left, Facts l) = Fold(binary.Left);
        (Node right, Facts r) = Fold(binary.Right);
        bool hasInput = l.HasInput || r.HasInput;
        switch (binary.Operator)
        {
            case BinaryOperator.And:
                if (left is BooleanNode { Value: false } || right is BooleanNode { Value: false }) return (new BooleanNode(false), l);
                if (left is BooleanNode { Value: true }) return (right, r);
                if (right is BooleanNode { Value: true }) return (left, l);
                return (new BinaryNode(binary.Operator, left, right), Facts.Unknown(hasInput));

            case BinaryOperator.Or:
                if (left is BooleanNode { Value: true } || right is BooleanNode { Value: true }) return (new BooleanNode(true), l);
                if (left is BooleanNode { Value: false }) return (right, r);
                if (right is BooleanNode { Value: false }) return (left, l);
                return (new BinaryNode(binary.Operator, left, right), Facts.Unknown(hasInput));

            case BinaryOperator.Add:
            {
                bool positive = l.Positive && r.Positive;
                int bits = Math.Max(l.Bits, r.Bits) + 1;
                return (new BinaryNode(binary.Operator, left, right),
                    new Facts(positive, positive && l.Bounded && r.Bounded && bits <= SlackBits, hasInput, bits));
            }

            case BinaryOperator.Multiply:
            case BinaryOperator.Divide:
            {
                bool positive = l.Positive && r.Positive;
                int bits = l.Bits + r.Bits;
                bool bounded = positive && l.Bounded && r.Bounded && !(l.HasInput && r.HasInput) && bits <= SlackBits;
                return (new BinaryNode(binary.Operator, left, right), new Facts(positive, bounded, hasInput, bits));
            }

            case BinaryOperator.Subtract:
                return (new BinaryNode(binary.Operator, left, right), Facts.Unknown(hasInput));
        }

        // Comparisons: decided when one side is a positive value and the other is zero.
        bool? decided = (binary.Operator, l.Positive && IsZero(right), IsZero(left) && r.Positive) switch
        {
            (BinaryOperator.GreaterThan or BinaryOperator.GreaterThanOrEqual or BinaryOperator.NotEqual, true, _) => true,
            (BinaryOperator.LessThan or BinaryOperator.LessThanOrEqual or BinaryOperator.Equal, true, _) => false,
            (BinaryOperator.LessThan or BinaryOperator.LessThanOrEqual or BinaryOperator.NotEqual, _, true) => true,
            (BinaryOperator.GreaterThan or BinaryOperator.GreaterThanOrEqual or BinaryOperator.Equal, _, true) => false,
            _ => null,
        };
        return decided is bool value
            ? (new BooleanNode(value), Facts.Unknown(hasInput))
            : (new BinaryNode(binary.Operator, left, right), Facts.Unknown(hasInput));
    }

    private static (Node, Facts) FoldCall(CallNode call)
    {
        var folded = call.Arguments.Select(Fold).ToArray();
        Node[] arguments = folded.Select(f => f.Node).ToArray();
        Facts[] facts = folded.Select(f => f.Facts).ToArray();
        bool hasInput = facts.Any(f => f.HasInput);
        var node = new CallNode(call.Function, new EquatableArray<Node>(arguments));
        switch (call.Function)
        {
            case Function.IsNaN when facts[0].Positive:
                return (new BooleanNode(false), Facts.Unknown(hasInput));
            case Function.Log when facts[0].Bounded:
                return (new UncheckedCall(Function.Log, node.Arguments), Facts.Unknown(hasInput));
            case Function.LogRatio when facts[0].Bounded && facts[1].Bounded:
                return (new UncheckedCall(Function.LogRatio, node.Arguments), Facts.Unknown(hasInput));
            case Function.Sqrt:
                return (node, facts[0] with { Bits = (facts[0].Bits + 1) / 2 });
            case Function.Abs:
                return (node, facts[0]);
            case Function.Max:
                return (node, new Facts(facts[0].Positive || facts[1].Positive,
                    facts[0].Bounded && facts[1].Bounded, hasInput, Math.Max(facts[0].Bits, facts[1].Bits)));
            case Function.Min:
                return (node, new Facts(facts[0].Positive && facts[1].Positive,
                    facts[0].Bounded && facts[1].Bounded, hasInput, Math.Max(facts[0].Bits, facts[1].Bits)));
            default:
                return (node, Facts.Unknown(hasInput));
        }
    }

    private static bool IsZero(Node node) => node is ConstantNode { Value: 0.0 };
}

/// <summary>A vocabulary call whose arguments are proven to be in range: lowered to the unchecked vector form.</summary>
internal sealed record UncheckedCall(Function Function, EquatableArray<Node> Arguments) : Node;
