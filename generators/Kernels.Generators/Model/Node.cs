using System;

namespace Kernels.Generators.Model;

/// <summary>A term's expression tree: the small language the generator compiles (values are doubles in the
/// specification; the emitter lowers them to float or double vectors).</summary>
internal abstract record Node;

/// <summary>The term's i-th parameter.</summary>
internal sealed record InputNode(int Index) : Node;

/// <summary>The term's i-th [TermParameter]: one value for the whole fold, broadcast to every lane.</summary>
internal sealed record ParameterNode(int Index) : Node;

/// <summary>A numeric constant.</summary>
internal sealed record ConstantNode(double Value) : Node;

/// <summary>A boolean constant (only produced by folding).</summary>
internal sealed record BooleanNode(bool Value) : Node;

internal enum UnaryOperator
{
    Negate,
    Not,
}

internal sealed record UnaryNode(UnaryOperator Operator, Node Operand) : Node;

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    Equal,
    NotEqual,
    And,
    Or,

    /// <summary><c>==</c> between two conditions (lane-wise XNOR of masks).</summary>
    LogicalEqual,

    /// <summary><c>!=</c> between two conditions (lane-wise XOR of masks).</summary>
    LogicalNotEqual,
}

internal sealed record BinaryNode(BinaryOperator Operator, Node Left, Node Right) : Node;

/// <summary><c>condition ? whenTrue : whenFalse</c>, lowered to a mask and a select.</summary>
internal sealed record ConditionalNode(Node Condition, Node WhenTrue, Node WhenFalse) : Node;

/// <summary>The functions of the vocabulary.</summary>
internal enum Function
{
    Log,
    Log1p,
    Exp,
    LogRatio,
    Abs,
    Sqrt,
    Min,
    Max,
    IsNaN,
    FusedMultiplyAdd,
    Horner,
    Pow,

    /// <summary>Sugar (Fn.Log2, Math.Log2): ln x · log2 e after desugaring.</summary>
    Log2,

    /// <summary>Sugar (Fn.Log10, Math.Log10): ln x · log10 e after desugaring.</summary>
    Log10,

    /// <summary>Sugar (Fn.Square): x · x after desugaring.</summary>
    Square,

    /// <summary>Sugar (Fn.XLogY): x · ln y with 0 · ln y = 0 unless y is NaN, after desugaring.</summary>
    XLogY,

    /// <summary>Sugar (Fn.SumError): the rounding error of a + b (Knuth's TwoSum) after desugaring.</summary>
    SumError,
}

/// <summary>A call of a vocabulary function; for <see cref="Function.Horner"/> the arguments after the first are
/// constant coefficients.</summary>
internal sealed record CallNode(Function Function, EquatableArray<Node> Arguments) : Node;
