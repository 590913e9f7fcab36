using System;
using System.Collections.Generic;
using System.Linq;
using Kernels.Generators.Model;

namespace Kernels.Generators.Lowering;

/// <summary>
/// Lowers a term's expression tree to vector code: one local per distinct subexpression (structural
/// common-subexpression elimination), comparisons as lane masks, <c>?:</c> as ConditionalSelect, vocabulary calls
/// as <c>Kernels.VectorMath</c> functions. On the fast path a top-level <c>?:</c> whose two branches are both expensive
/// is versioned: when every lane takes the cheaper branch (p ≈ q everywhere) only that branch is computed.
/// </summary>
internal sealed class VectorLowering
{
    private readonly VectorTarget _target;
    private readonly bool _fast;
    private readonly IReadOnlyList<string> _inputs;
    private readonly IReadOnlyList<string> _parameters;
    private Dictionary<string, string> _locals = new(StringComparer.Ordinal);
    private List<string> _lines = new();
    private int _next;

    private VectorLowering(VectorTarget target, bool fast, IReadOnlyList<string> inputs, IReadOnlyList<string> parameters)
    {
        _target = target;
        _fast = fast;
        _inputs = inputs;
        _parameters = parameters;
    }

    /// <summary>Lowers <paramref name="body"/> to the statements of a method body, ending in return statements.</summary>
    public static IReadOnlyList<string> Lower(Node body, VectorTarget target, bool fast, IReadOnlyList<string> inputs, IReadOnlyList<string> parameters)
    {
        var lowering = new VectorLowering(target, fast, inputs, parameters);
        Node node = fast ? FastPathFolding.Fold(body, target.IsSingle ? FastDomain.Single : FastDomain.Double) : body;
        if (fast && IsVersioned(node))
        {
            return lowering.Versioned((ConditionalNode)node);
        }

        string result = lowering.Emit(node);
        lowering._lines.Add($"return {result};");
        return lowering._lines;
    }

    /// <summary>Whether the fast body of <paramref name="body"/> for <paramref name="target"/> is versioned on a branch.</summary>
    public static bool IsVersioned(Node body, VectorTarget target) =>
        IsVersioned(FastPathFolding.Fold(body, target.IsSingle ? FastDomain.Single : FastDomain.Double));

    private static bool IsVersioned(Node folded) =>
        folded is ConditionalNode conditional && IsExpensive(conditional.WhenTrue) && IsExpensive(conditional.WhenFalse);

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

    /// <summary>
    /// Only the cheaper branch gets a shortcut: when every lane takes it (p ≈ q everywhere, for Jensen–Shannon), the
    /// expensive branch is skipped. On mixed data that test almost never passes, so it is well predicted; a test for
    /// the other branch would pass at random (often for short vectors) and cost mispredictions.
    /// </summary>
    private List<string> Versioned(ConditionalNode conditional)
    {
        string api = _target.Api;
        string condition = Emit(conditional.Condition);
        List<string> outer = _lines;
        Dictionary<string, string> outerLocals = _locals;
        bool cheapWhenTrue = Cost(conditional.WhenTrue) <= Cost(conditional.WhenFalse);
        string bits = $"{api}.As<{_target.Scalar}, {_target.Integer}>({condition})";
        string integers = _target.GenericOf(_target.Integer);
        outer.Add("// When every lane takes the cheaper branch (p ≈ q everywhere), the other one is skipped.");
        outer.Add($"if ({api}.EqualsAll({bits}, {integers}.{(cheapWhenTrue ? "AllBitsSet" : "Zero")}))");
        Branch(outer, outerLocals, () => Emit(cheapWhenTrue ? conditional.WhenTrue : conditional.WhenFalse));

        _lines = outer;
        _locals = new Dictionary<string, string>(outerLocals, StringComparer.Ordinal);
        string whenTrue = Emit(conditional.WhenTrue);
        string whenFalse = Emit(conditional.WhenFalse);
        outer.Add($"return {api}.ConditionalSelect({condition}, {whenTrue}, {whenFalse});");
        return outer;
    }

    private void Branch(List<string> outer, Dictionary<string, string> outerLocals, Func<string> emit)
    {
        _lines = new List<string>();
        _locals = new Dictionary<string, string>(outerLocals, StringComparer.Ordinal);
        string result = emit();
        outer.Add("{");
        outer.AddRange(_lines.Select(line => "    " + line));
        outer.Add($"    return {result};");
        outer.Add("}");
        outer.Add(string.Empty);
    }

    private string Emit(Node node)
    {
        string api = _target.Api;
        string t = _target.Scalar;
        switch (node)
        {
            case InputNode input:
                return _inputs[input.Index];
            case ParameterNode parameter:
                return _parameters[parameter.Index];
            case ConstantNode constant:
                return _target.Constant(constant.Value);
            case BooleanNode boolean:
                return boolean.Value ? $"{_target.Type}.AllBitsSet" : $"{_target.Type}.Zero";
            case UnaryNode unary:
            {
                string operand = Emit(unary.Operand);
                return Local(unary.Operator == UnaryOperator.Negate ? $"-{operand}" : $"~{operand}");
            }

            case BinaryNode binary:
            {
                string l = Emit(binary.Left), r = Emit(binary.Right);
                return Local(binary.Operator switch
                {
                    BinaryOperator.Add => $"{l} + {r}",
                    BinaryOperator.Subtract => $"{l} - {r}",
                    BinaryOperator.Multiply => $"{l} * {r}",
                    BinaryOperator.Divide => $"{l} / {r}",
                    BinaryOperator.LessThan => $"{api}.LessThan<{t}>({l}, {r})",
                    BinaryOperator.LessThanOrEqual => $"{api}.LessThanOrEqual<{t}>({l}, {r})",
                    BinaryOperator.GreaterThan => $"{api}.GreaterThan<{t}>({l}, {r})",
                    BinaryOperator.GreaterThanOrEqual => $"{api}.GreaterThanOrEqual<{t}>({l}, {r})",
                    BinaryOperator.Equal => $"{api}.Equals<{t}>({l}, {r})",
                    BinaryOperator.NotEqual => $"~{api}.Equals<{t}>({l}, {r})",
                    BinaryOperator.And => $"{l} & {r}",
                    BinaryOperator.Or => $"{l} | {r}",
                    BinaryOperator.LogicalEqual => $"~({l} ^ {r})",
                    BinaryOperator.LogicalNotEqual => $"{l} ^ {r}",
                    _ => throw new InvalidOperationException(binary.Operator.ToString()),
                });
            }

            case ConditionalNode conditional:
            {
                string c = Emit(conditional.Condition);
                string a = Emit(conditional.WhenTrue);
                string b = Emit(conditional.WhenFalse);
                return Local($"{api}.ConditionalSelect({c}, {a}, {b})");
            }

            case UncheckedCall call:
                return Local($"global::Kernels.VectorMath.{call.Function}Unchecked({string.Join(", ", call.Arguments.Select(Emit))})");

            case CallNode call:
                return EmitCall(call);

            default:
                throw new InvalidOperationException($"Unknown node {node}");
        }
    }

    private string EmitCall(CallNode call)
    {
        string api = _target.Api;
        if (call.Function == Function.Horner)
        {
            string x = Emit(call.Arguments[0]);
            if (call.Arguments.Count == 1)
            {
                return _target.Constant(0.0);
            }

            var coefficients = call.Arguments.Skip(1).Select(a => _target.Constant(((ConstantNode)a).Value)).ToList();
            string acc = coefficients[coefficients.Count - 1];
            for (int i = coefficients.Count - 2; i >= 0; i--)
            {
                acc = Local($"{api}.MultiplyAddEstimate({acc}, {x}, {coefficients[i]})");
            }

            return acc;
        }

        string[] a = call.Arguments.Select(Emit).ToArray();
        // IEEE Min/Max even on the fast path: a term may produce NaN there (e.g. a log of a difference).
        string native = string.Empty;
        return Local(call.Function switch
        {
            Function.Log or Function.Log1p or Function.LogRatio => $"global::Kernels.VectorMath.{call.Function}({string.Join(", ", a)})",
            Function.Exp => $"global::Kernels.VectorMath.Exp({a[0]})",
            Function.Pow => $"global::Kernels.VectorMath.Pow({a[0]}, {a[1]})",
            Function.Abs => $"{api}.Abs({a[0]})",
            Function.Sqrt => _target.Static == "Vector" ? $"{api}.SquareRoot({a[0]})" : $"{api}.Sqrt({a[0]})",
            Function.Min => $"{api}.Min{native}({a[0]}, {a[1]})",
            Function.Max => $"{api}.Max{native}({a[0]}, {a[1]})",
            Function.IsNaN => $"~{api}.Equals<{_target.Scalar}>({a[0]}, {a[0]})",
            Function.FusedMultiplyAdd => $"{api}.FusedMultiplyAdd({a[0]}, {a[1]}, {a[2]})",
            _ => throw new InvalidOperationException(call.Function.ToString()),
        });
    }

    private string Local(string expression)
    {
        if (_locals.TryGetValue(expression, out string? existing))
        {
            return existing;
        }

        string name = "v" + _next++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _locals.Add(expression, name);
        _lines.Add($"{_target.Type} {name} = {expression};");
        return name;
    }
}
