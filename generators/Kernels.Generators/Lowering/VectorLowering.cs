using System;
using System.Collections.Generic;
using System.Linq;
using Kernels.Generators.Model;

namespace Kernels.Generators.Lowering;

/// <summary>
/// Lowers a term's expression tree to straight-line vector code: one local per distinct subexpression (structural
/// common-subexpression elimination), comparisons as lane masks, <c>?:</c> as ConditionalSelect, vocabulary calls
/// as <c>Kernels.VectorMath</c> functions.
/// </summary>
internal sealed class VectorLowering
{
    private readonly VectorTarget _target;
    private readonly bool _fast;
    private readonly IReadOnlyList<string> _inputs;
    private readonly Dictionary<string, string> _locals = new(StringComparer.Ordinal);
    private readonly List<string> _lines = new();

    private VectorLowering(VectorTarget target, bool fast, IReadOnlyList<string> inputs)
    {
        _target = target;
        _fast = fast;
        _inputs = inputs;
    }

    /// <summary>Lowers <paramref name="body"/>; returns the statements and the name of the result.</summary>
    public static (IReadOnlyList<string> Lines, string Result) Lower(Node body, VectorTarget target, bool fast, IReadOnlyList<string> inputs)
    {
        var lowering = new VectorLowering(target, fast, inputs);
        Node node = fast ? FastPathFolding.Fold(body, target.IsSingle ? FastDomain.Single : FastDomain.Double) : body;
        string result = lowering.Emit(node);
        return (lowering._lines, result);
    }

    private string Emit(Node node)
    {
        string api = _target.Api;
        string t = _target.Scalar;
        switch (node)
        {
            case InputNode input:
                return _inputs[input.Index];
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

            string acc = _target.Constant(((ConstantNode)call.Arguments[call.Arguments.Count - 1]).Value);
            for (int i = call.Arguments.Count - 2; i >= 1; i--)
            {
                acc = Local($"{api}.MultiplyAddEstimate({acc}, {x}, {_target.Constant(((ConstantNode)call.Arguments[i]).Value)})");
            }

            return acc;
        }

        string[] a = call.Arguments.Select(Emit).ToArray();
        // IEEE Min/Max even on the fast path: a term may produce NaN there (e.g. a log of a difference).
        string native = string.Empty;
        return Local(call.Function switch
        {
            Function.Log or Function.Log1p or Function.LogRatio => $"global::Kernels.VectorMath.{call.Function}({string.Join(", ", a)})",
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

        string name = "v" + _locals.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _locals.Add(expression, name);
        _lines.Add($"{_target.Type} {name} = {expression};");
        return name;
    }
}
