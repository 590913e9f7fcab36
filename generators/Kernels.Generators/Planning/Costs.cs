using System.Linq;
using Kernels.Generators.Lowering;
using Kernels.Generators.Model;

namespace Kernels.Generators.Planning;

/// <summary>The cost model the planner decides by: what is expensive, how much arithmetic a tree does, and which
/// functions magnify float rounding.</summary>
internal static class Costs
{
    /// <summary>Logarithms and long polynomials are worth skipping when no lane needs them (and a term body without
    /// them is small enough to inline everywhere).</summary>
    public static bool IsExpensive(Node node) => node switch
    {
        UncheckedCall => true,
        CallNode { Function: Function.Log or Function.Log1p or Function.LogRatio or Function.Exp or Function.Pow } => true,
        CallNode { Function: Function.Horner } call when call.Arguments.Count > 4 => true,
        CallNode call => call.Arguments.Any(IsExpensive),
        UnaryNode unary => IsExpensive(unary.Operand),
        BinaryNode binary => IsExpensive(binary.Left) || IsExpensive(binary.Right),
        ConditionalNode c => IsExpensive(c.Condition) || IsExpensive(c.WhenTrue) || IsExpensive(c.WhenFalse),
        _ => false,
    };

    /// <summary>Whether a fast-path tree is worth versioning: a top-level ?: whose two branches are both expensive.</summary>
    public static bool IsVersioned(Node folded) =>
        folded is ConditionalNode conditional && IsExpensive(conditional.WhenTrue) && IsExpensive(conditional.WhenFalse);

    /// <summary>
    /// Only the cheaper branch gets a shortcut: when every lane takes it (p ≈ q everywhere, for Jensen–Shannon), the
    /// expensive branch is skipped. On mixed data that test almost never passes, so it is well predicted; a test for
    /// the other branch would pass at random (often for short vectors) and cost mispredictions.
    /// </summary>
    public static bool CheapWhenTrue(ConditionalNode conditional) => Cost(conditional.WhenTrue) <= Cost(conditional.WhenFalse);

    /// <summary>Rough instruction count of a subtree (a logarithm is about twenty).</summary>
    private static int Cost(Node node) => node switch
    {
        UncheckedCall call => 20 + call.Arguments.Sum(Cost),
        CallNode { Function: Function.Log or Function.Log1p or Function.LogRatio or Function.Exp } call => 30 + call.Arguments.Sum(Cost),
        CallNode { Function: Function.Pow } call => 70 + call.Arguments.Sum(Cost),
        CallNode call => call.Arguments.Count + call.Arguments.Sum(Cost),
        UnaryNode unary => 1 + Cost(unary.Operand),
        BinaryNode binary => 1 + Cost(binary.Left) + Cost(binary.Right),
        ConditionalNode c => 1 + Cost(c.Condition) + Cost(c.WhenTrue) + Cost(c.WhenFalse),
        _ => 0,
    };

    /// <summary>Arithmetic operations in the tree as written (a repeated subexpression counts each time);
    /// comparisons, logical operators, selects and NaN tests are not counted.</summary>
    public static int Arithmetic(Node node) => node switch
    {
        CallNode call => (call.Function == Function.IsNaN ? 0 : 1) + call.Arguments.Sum(Arithmetic),
        UncheckedCall call => 1 + call.Arguments.Sum(Arithmetic),
        UnaryNode unary => (unary.Operator == UnaryOperator.Negate ? 1 : 0) + Arithmetic(unary.Operand),
        BinaryNode binary => (binary.Operator is BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide ? 1 : 0)
            + Arithmetic(binary.Left) + Arithmetic(binary.Right),
        ConditionalNode c => Arithmetic(c.Condition) + Arithmetic(c.WhenTrue) + Arithmetic(c.WhenFalse),
        _ => 0,
    };

    public static bool ContainsUncheckedCall(Node node) => node switch
    {
        UncheckedCall => true,
        CallNode call => call.Arguments.Any(ContainsUncheckedCall),
        UnaryNode unary => ContainsUncheckedCall(unary.Operand),
        BinaryNode binary => ContainsUncheckedCall(binary.Left) || ContainsUncheckedCall(binary.Right),
        ConditionalNode c => ContainsUncheckedCall(c.Condition) || ContainsUncheckedCall(c.WhenTrue) || ContainsUncheckedCall(c.WhenFalse),
        _ => false,
    };

    /// <summary>Whether the node takes a general power, or an exponential of a computed argument (whose float
    /// rounding the exponential would magnify: e^(α·ln p) is off by |α·ln p| float ulps). An exponential of an
    /// input, of its negation or of a sum or difference of inputs and constants is exact enough in float (the
    /// float vector exponential itself computes in double).</summary>
    public static bool UsesExponential(Node node) => node switch
    {
        CallNode { Function: Function.Pow } => true,
        CallNode { Function: Function.Exp } call => !IsSimpleArgument(call.Arguments[0]),
        CallNode call => call.Arguments.Any(UsesExponential),
        UnaryNode unary => UsesExponential(unary.Operand),
        BinaryNode binary => UsesExponential(binary.Left) || UsesExponential(binary.Right),
        ConditionalNode c => UsesExponential(c.Condition) || UsesExponential(c.WhenTrue) || UsesExponential(c.WhenFalse),
        _ => false,
    };

    private static bool IsSimpleArgument(Node node) => node switch
    {
        InputNode or ConstantNode => true,
        UnaryNode { Operator: UnaryOperator.Negate } unary => IsSimpleArgument(unary.Operand),
        BinaryNode { Operator: BinaryOperator.Add or BinaryOperator.Subtract, Left: InputNode or ConstantNode, Right: InputNode or ConstantNode } => true,
        _ => false,
    };
}
