using System;
using System.Linq;
using Kernels.Generators.Model;

namespace Kernels.Generators.Lowering;

/// <summary>The fast domain of one element type: inputs are normal numbers with |log2 x| ≤ InputBound.</summary>
/// <param name="InputBound">|log2| of every input on the fast path (60 for float, 500 for double).</param>
/// <param name="PositiveLimit">Largest |log2| a value may reach and still be a positive normal number.</param>
/// <param name="UncheckedLimit">Largest |log2| the unchecked logarithms accept.</param>
internal sealed record FastDomain(int InputBound, int PositiveLimit, int UncheckedLimit)
{
    public static FastDomain Single { get; } = new(60, 120, 100);

    public static FastDomain Double { get; } = new(500, 1000, 900);
}

/// <summary>
/// Specializes a term for the fast path, where every input is known to be a normal number with |log2 x| within the
/// domain's bound. A small abstract interpretation tracks, per subexpression, whether it is certainly a positive
/// normal number and how far its magnitude can reach (|log2| bound: sums add a bit, products and quotients add their
/// bounds); comparisons it decides are folded, dead branches of ?: disappear, and vocabulary calls whose arguments
/// are proven in range use their unchecked forms. Anything it cannot prove stays checked.
/// </summary>
internal static class FastPathFolding
{
    /// <summary>What is known about a value on the fast path.</summary>
    /// <param name="Positive">Certainly a positive normal number with |log2| ≤ Log2Bound.</param>
    /// <param name="Log2Bound">Bound on |log2| of the value (meaningful when Positive).</param>
    internal readonly record struct Facts(bool Positive, int Log2Bound)
    {
        public static Facts Unknown { get; } = new(false, int.MaxValue);
    }

    public static Node Fold(Node node, FastDomain domain) => new Folder(domain).Fold(node).Node;

    private sealed class Folder
    {
        private readonly FastDomain _domain;

        public Folder(FastDomain domain) => _domain = domain;

        private Facts PositiveWithin(int bound) =>
            bound <= _domain.PositiveLimit ? new Facts(true, bound) : Facts.Unknown;

        private bool Unchecked(Facts facts) => facts.Positive && facts.Log2Bound <= _domain.UncheckedLimit;

        public (Node Node, Facts Facts) Fold(Node node)
        {
            switch (node)
            {
                case InputNode:
                    return (node, new Facts(true, _domain.InputBound));

                case ParameterNode:
                    return (node, Facts.Unknown);

                case ConstantNode { Value: var c }:
                    return (node, c > 0 && !double.IsInfinity(c) && !double.IsNaN(c)
                        ? PositiveWithin((int)Math.Ceiling(Math.Abs(Math.Log(c, 2))))
                        : Facts.Unknown);

                case BooleanNode:
                    return (node, Facts.Unknown);

                case UnaryNode { Operator: UnaryOperator.Not } unary:
                {
                    Node operand = Fold(unary.Operand).Node;
                    return (operand is BooleanNode b ? new BooleanNode(!b.Value) : new UnaryNode(UnaryOperator.Not, operand), Facts.Unknown);
                }

                case UnaryNode unary:
                    return (new UnaryNode(unary.Operator, Fold(unary.Operand).Node), Facts.Unknown);

                case BinaryNode binary:
                    return FoldBinary(binary);

                case ConditionalNode conditional:
                {
                    Node condition = Fold(conditional.Condition).Node;
                    if (condition is BooleanNode decided)
                    {
                        return Fold(decided.Value ? conditional.WhenTrue : conditional.WhenFalse);
                    }

                    (Node whenTrue, Facts t) = Fold(conditional.WhenTrue);
                    (Node whenFalse, Facts f) = Fold(conditional.WhenFalse);
                    return (new ConditionalNode(condition, whenTrue, whenFalse),
                        t.Positive && f.Positive ? new Facts(true, Math.Max(t.Log2Bound, f.Log2Bound)) : Facts.Unknown);
                }

                case CallNode call:
                    return FoldCall(call);

                default:
                    throw new InvalidOperationException($"Unknown node {node}");
            }
        }

        private (Node, Facts) FoldBinary(BinaryNode binary)
        {
            (Node left, Facts l) = Fold(binary.Left);
            (Node right, Facts r) = Fold(binary.Right);
            var node = new BinaryNode(binary.Operator, left, right);
            bool? lb = (left as BooleanNode)?.Value, rb = (right as BooleanNode)?.Value;
            switch (binary.Operator)
            {
                case BinaryOperator.And:
                    if (lb == false || rb == false) return (new BooleanNode(false), Facts.Unknown);
                    if (lb == true) return (right, Facts.Unknown);
                    if (rb == true) return (left, Facts.Unknown);
                    return (node, Facts.Unknown);

                case BinaryOperator.Or:
                    if (lb == true || rb == true) return (new BooleanNode(true), Facts.Unknown);
                    if (lb == false) return (right, Facts.Unknown);
                    if (rb == false) return (left, Facts.Unknown);
                    return (node, Facts.Unknown);

                case BinaryOperator.LogicalEqual or BinaryOperator.LogicalNotEqual:
                    if (lb is bool a && rb is bool b) return (new BooleanNode((a == b) == (binary.Operator == BinaryOperator.LogicalEqual)), Facts.Unknown);
                    return (node, Facts.Unknown);

                case BinaryOperator.Add:
                    return (node, l.Positive && r.Positive ? PositiveWithin(Math.Max(l.Log2Bound, r.Log2Bound) + 1) : Facts.Unknown);

                case BinaryOperator.Multiply when IsOne(right):
                    return (left, l);

                case BinaryOperator.Multiply when IsOne(left):
                    return (right, r);

                case BinaryOperator.Divide when IsOne(right):
                    return (left, l);

                case BinaryOperator.Multiply or BinaryOperator.Divide:
                    // The product of two in-range values can underflow or overflow: the bounds add.
                    return (node, l.Positive && r.Positive ? PositiveWithin(l.Log2Bound + r.Log2Bound) : Facts.Unknown);

                case BinaryOperator.Subtract:
                    return (node, Facts.Unknown);
            }

            // Comparisons: decided when one side is certainly positive and the other is a constant ≤ 0 (zero, −∞).
            bool? decided = (binary.Operator, l.Positive && IsNonPositive(right), IsNonPositive(left) && r.Positive) switch
            {
                (BinaryOperator.GreaterThan or BinaryOperator.GreaterThanOrEqual or BinaryOperator.NotEqual, true, _) => true,
                (BinaryOperator.LessThan or BinaryOperator.LessThanOrEqual or BinaryOperator.Equal, true, _) => false,
                (BinaryOperator.LessThan or BinaryOperator.LessThanOrEqual or BinaryOperator.NotEqual, _, true) => true,
                (BinaryOperator.GreaterThan or BinaryOperator.GreaterThanOrEqual or BinaryOperator.Equal, _, true) => false,
                _ => null,
            };
            return (decided is bool value ? new BooleanNode(value) : node, Facts.Unknown);
        }

        private (Node, Facts) FoldCall(CallNode call)
        {
            var folded = call.Arguments.Select(Fold).ToArray();
            var arguments = new EquatableArray<Node>(folded.Select(f => f.Node));
            Facts[] facts = folded.Select(f => f.Facts).ToArray();
            var node = new CallNode(call.Function, arguments);
            switch (call.Function)
            {
                case Function.IsNaN when facts[0].Positive:
                    return (new BooleanNode(false), Facts.Unknown);
                case Function.Log when Unchecked(facts[0]):
                    return (new UncheckedCall(Function.Log, arguments), Facts.Unknown);
                case Function.Pow when Unchecked(facts[0]):
                    // A positive normal base: e^(y·ln x) without pow's sign and zero rules (x = 1 and y = 0 still give 1).
                    return (new UncheckedCall(Function.Pow, arguments), Facts.Unknown);
                case Function.LogRatio when Unchecked(facts[0]) && Unchecked(facts[1]):
                    return (new UncheckedCall(Function.LogRatio, arguments), Facts.Unknown);
                case Function.Sqrt:
                    return (node, facts[0].Positive ? PositiveWithin((facts[0].Log2Bound / 2) + 1) : Facts.Unknown);
                case Function.Abs:
                    return (node, facts[0]);
                case Function.Max or Function.Min:
                    return (node, facts[0].Positive && facts[1].Positive ? new Facts(true, Math.Max(facts[0].Log2Bound, facts[1].Log2Bound)) : Facts.Unknown);
                default:
                    return (node, Facts.Unknown);
            }
        }

        private static bool IsNonPositive(Node node) => node is ConstantNode { Value: <= 0.0 };

        /// <summary>A constant 1 (what a decided scale factor becomes): x·1 = x/1 = x exactly, NaN and ±∞ included.</summary>
        private static bool IsOne(Node node) => node is ConstantNode { Value: 1.0 };
    }
}

/// <summary>A vocabulary call whose arguments are proven to be in range: lowered to the unchecked vector form.</summary>
internal sealed record UncheckedCall(Function Function, EquatableArray<Node> Arguments) : Node;
