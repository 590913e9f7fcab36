using System;
using System.Linq;
using Kernels.Generators.Model;

namespace Kernels.Generators.Desugaring;

/// <summary>
/// Stage 2, desugar: the parsed tree → the core language that planning and lowering understand. Log2 and Log10 become
/// ln x times a constant; Square a product; XLogY a select that keeps 0 · ln y = 0 (unless y is NaN); SumError Knuth's
/// TwoSum written out (common subexpressions are shared by lowering); a constant power that is a small integer or
/// half-integer becomes products, a quotient and a square root with the patches that keep pow's −0 and −∞ results.
/// It also records whether the term is in nats (it calls a natural logarithm). Every rewrite is exact: the desugared
/// tree computes what the sugar means, lane for lane, so nothing downstream needs to know the sugar existed.
/// </summary>
internal static class Desugarer
{
    /// <summary>The spec with its outputs desugared, and Nats set when the source calls a natural logarithm.</summary>
    public static TermSpec Desugar(TermSpec parsed) => parsed with
    {
        Outputs = new EquatableArray<Node>(parsed.Outputs.Select(Desugar)),
        Nats = parsed.Nats || parsed.Outputs.Any(CallsNaturalLogarithm),
    };

    /// <summary>Whether the tree calls ln, log1p, a log ratio or x·ln y (its value is then in nats).</summary>
    private static bool CallsNaturalLogarithm(Node node) => node switch
    {
        CallNode { Function: Function.Log or Function.Log1p or Function.LogRatio or Function.XLogY } => true,
        CallNode call => call.Arguments.Any(CallsNaturalLogarithm),
        UnaryNode unary => CallsNaturalLogarithm(unary.Operand),
        BinaryNode binary => CallsNaturalLogarithm(binary.Left) || CallsNaturalLogarithm(binary.Right),
        ConditionalNode c => CallsNaturalLogarithm(c.Condition) || CallsNaturalLogarithm(c.WhenTrue) || CallsNaturalLogarithm(c.WhenFalse),
        _ => false,
    };

    /// <summary>Rewrites bottom up: a call's arguments are desugared before the call itself.</summary>
    private static Node Desugar(Node node) => node switch
    {
        UnaryNode unary => new UnaryNode(unary.Operator, Desugar(unary.Operand)),
        BinaryNode binary => new BinaryNode(binary.Operator, Desugar(binary.Left), Desugar(binary.Right)),
        ConditionalNode c => new ConditionalNode(Desugar(c.Condition), Desugar(c.WhenTrue), Desugar(c.WhenFalse)),
        CallNode call => Rewrite(call.Function, call.Arguments.Select(Desugar).ToArray()),
        _ => node,
    };

    private static Node Rewrite(Function function, Node[] a) => function switch
    {
        Function.Log2 => Scaled(Call(Function.Log, a[0]), LogConstants.Log2E),
        Function.Log10 => Scaled(Call(Function.Log, a[0]), LogConstants.Log10E),
        Function.Square => new BinaryNode(BinaryOperator.Multiply, a[0], a[0]),
        Function.XLogY => XLogY(a[0], a[1]),
        Function.SumError => SumError(a[0], a[1]),
        Function.Pow => Pow(a[0], a[1]),
        _ => Call(function, a),
    };

    private static CallNode Call(Function function, params Node[] arguments) => new(function, new EquatableArray<Node>(arguments));

    private static Node Scaled(Node node, double factor) => new BinaryNode(BinaryOperator.Multiply, node, new ConstantNode(factor));

    /// <summary>x = 0 and y not NaN ? 0 : x · ln y.</summary>
    private static Node XLogY(Node x, Node y) => new ConditionalNode(
        new BinaryNode(BinaryOperator.And,
            new BinaryNode(BinaryOperator.Equal, x, new ConstantNode(0.0)),
            new UnaryNode(UnaryOperator.Not, Call(Function.IsNaN, y))),
        new ConstantNode(0.0),
        new BinaryNode(BinaryOperator.Multiply, x, Call(Function.Log, y)));

    /// <summary>Knuth's TwoSum: (a − (s − (s − a))) + (b − (s − a)) with s = a + b.</summary>
    private static Node SumError(Node a, Node b)
    {
        Node sum = new BinaryNode(BinaryOperator.Add, a, b);
        Node virtualB = new BinaryNode(BinaryOperator.Subtract, sum, a);
        return new BinaryNode(BinaryOperator.Add,
            new BinaryNode(BinaryOperator.Subtract, a, new BinaryNode(BinaryOperator.Subtract, sum, virtualB)),
            new BinaryNode(BinaryOperator.Subtract, b, virtualB));
    }

    /// <summary>xʸ: constant exponents that are small integers or half-integers become products, quotients and square
    /// roots (as exact as pow to an ulp or two, and far cheaper); any other exponent is the general vector pow.</summary>
    private static Node Pow(Node x, Node y)
    {
        if (y is not ConstantNode { Value: var e } || Math.Abs(e) > 8 || Math.Round(e * 2) != e * 2)
        {
            return Call(Function.Pow, x, y);
        }

        // x^0 = 1 for every x (NaN included), as pow.
        if (e == 0)
        {
            return new ConstantNode(1.0);
        }

        // |e| = n + h with n an integer and h 0 or ½: x^n by squaring, times √x for the half.
        double magnitude = Math.Abs(e);
        int n = (int)Math.Floor(magnitude);
        bool half = magnitude != n;

        // pow treats −0 as +0 for a non-integer exponent (pow(−0, −0.5) = +∞), but √−0 = −0 would make that −∞:
        // adding +0 turns −0 into +0 and changes no other value.
        Node original = x;
        if (half)
        {
            x = new BinaryNode(BinaryOperator.Add, x, new ConstantNode(0.0));
        }

        Node? product = null;
        Node power = x;
        for (int bits = n; bits > 0; bits >>= 1)
        {
            if ((bits & 1) != 0)
            {
                product = product is null ? power : new BinaryNode(BinaryOperator.Multiply, product, power);
            }

            if (bits > 1)
            {
                power = new BinaryNode(BinaryOperator.Multiply, power, power);
            }
        }

        if (half)
        {
            Node root = Call(Function.Sqrt, x);
            product = product is null ? root : new BinaryNode(BinaryOperator.Multiply, product, root);
        }

        Node result = e > 0 ? product! : new BinaryNode(BinaryOperator.Divide, new ConstantNode(1.0), product!);

        // A half-integer power of −∞ is +∞ (or 0 for a negative power) in pow, but NaN through √: that lane is patched.
        return half
            ? new ConditionalNode(
                new BinaryNode(BinaryOperator.Equal, original, new ConstantNode(double.NegativeInfinity)),
                new ConstantNode(e > 0 ? double.PositiveInfinity : 0.0),
                result)
            : result;
    }
}
