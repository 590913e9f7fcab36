using System;
using System.Collections.Generic;
using System.Linq;
using Kernels.Generators.Model;
using Kernels.Generators.Planning;

namespace Kernels.Generators.Lowering;

/// <summary>
/// Stage 4, lower: a planned expression tree → vector code: one local per distinct subexpression (structural
/// common-subexpression elimination), comparisons as lane masks, <c>?:</c> as ConditionalSelect, vocabulary calls as
/// <c>Kernels.VectorMath</c> functions. A body the planner versioned computes only its cheaper branch when every lane
/// takes it (p ≈ q everywhere). Lowering decides nothing about cost: the tree and the versioning come from the plan.
/// </summary>
internal sealed class VectorLowering
{
    private readonly VectorTarget _target;
    private readonly IReadOnlyList<string> _inputs;
    private readonly IReadOnlyList<string> _parameters;
    private readonly SourcePrinter _source;
    private readonly Dictionary<Node, string> _results = new();
    private Dictionary<string, string> _locals = new(StringComparer.Ordinal);
    private List<string> _lines = new();
    private int _next;

    private VectorLowering(VectorTarget target, IReadOnlyList<string> inputs, IReadOnlyList<string> parameters, SourcePrinter source)
    {
        _target = target;
        _inputs = inputs;
        _parameters = parameters;
        _source = source;
    }

    /// <summary>Lowers a planned tree (<see cref="Planning.BodyPlan.Checked"/> or <see cref="Planning.BodyPlan.Fast"/>)
    /// to the statements of a method body, ending in return statements; <paramref name="versioning"/> says whether its
    /// top-level ?: skips the expensive branch when every lane takes the cheap one. Each local is commented with the
    /// subexpression it computes, printed by <paramref name="source"/> in the term's own names.</summary>
    public static IReadOnlyList<string> Lower(
        Node tree, VectorTarget target, Versioning versioning, IReadOnlyList<string> inputs, IReadOnlyList<string> parameters, SourcePrinter source)
    {
        var lowering = new VectorLowering(target, inputs, parameters, source);
        if (versioning != Versioning.None)
        {
            return lowering.Versioned((ConditionalNode)tree, cheapWhenTrue: versioning == Versioning.WhenAllTrue);
        }

        string result = lowering.Emit(tree);
        lowering._lines.Add($"return {result};");
        return lowering._lines;
    }

    /// <summary>Lowers the trees of every sum of a tuple term into one body ending in <c>return (r0, r1, …);</c>: the
    /// locals are shared across the sums (structural common-subexpression elimination over the whole tuple), so an
    /// exponential that feeds two sums is computed once. No versioning: the sums' branches need not agree.</summary>
    public static IReadOnlyList<string> LowerShared(
        IReadOnlyList<Node> trees, VectorTarget target, IReadOnlyList<string> inputs, IReadOnlyList<string> parameters, SourcePrinter source)
    {
        var lowering = new VectorLowering(target, inputs, parameters, source);
        string[] results = trees.Select(lowering.Emit).ToArray();
        lowering._lines.Add($"return ({string.Join(", ", results)});");
        return lowering._lines;
    }

    /// <summary>The cheap branch alone when every lane takes it (the planner picked which, see
    /// <see cref="Planning.Costs.CheapWhenTrue"/>), else both branches and a select.</summary>
    private List<string> Versioned(ConditionalNode conditional, bool cheapWhenTrue)
    {
        string api = _target.Api;
        string condition = Emit(conditional.Condition);
        List<string> outer = _lines;
        Dictionary<string, string> outerLocals = _locals;
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

    /// <summary>The vector expression of <paramref name="node"/>: an input, a constant or the local that holds it.</summary>
    private string Emit(Node node)
    {
        string result = EmitNode(node);
        _results[node] = result;
        return result;
    }

    private string EmitNode(Node node)
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
            // Double negations folded: !IsNaN(a) is a == a, !(l != r) is l == r, !!a is a.
            case UnaryNode { Operator: UnaryOperator.Not, Operand: CallNode { Function: Function.IsNaN } isNaN }:
            {
                string a = Emit(isNaN.Arguments[0]);
                return Local($"{api}.Equals<{t}>({a}, {a})", node);
            }

            case UnaryNode { Operator: UnaryOperator.Not, Operand: BinaryNode { Operator: BinaryOperator.NotEqual } notEqual }:
            {
                string l = Emit(notEqual.Left), r = Emit(notEqual.Right);
                return Local($"{api}.Equals<{t}>({l}, {r})", node);
            }

            case UnaryNode { Operator: UnaryOperator.Not, Operand: UnaryNode { Operator: UnaryOperator.Not } inner }:
                return Emit(inner.Operand);

            case UnaryNode unary:
            {
                string operand = Emit(unary.Operand);
                return Local(unary.Operator == UnaryOperator.Negate ? $"-{operand}" : $"~{operand}", node);
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
                }, node);
            }

            case ConditionalNode conditional:
            {
                string c = Emit(conditional.Condition);
                string a = Emit(conditional.WhenTrue);
                string b = Emit(conditional.WhenFalse);
                return Local($"{api}.ConditionalSelect({c}, {a}, {b})", node);
            }

            case UncheckedCall call:
                return Local($"{Runtime.VectorFunction(call.Function, isUnchecked: true)}({string.Join(", ", call.Arguments.Select(Emit))})", node);

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
            // One multiply-add per coefficient; the last one is the polynomial the comment names.
            for (int i = coefficients.Count - 2; i >= 0; i--)
            {
                acc = Local($"{api}.MultiplyAddEstimate({acc}, {x}, {coefficients[i]})", i == 0 ? call : null);
            }

            return acc;
        }

        string[] a = call.Arguments.Select(Emit).ToArray();
        // IEEE Min/Max even on the fast path: a term may produce NaN there (e.g. a log of a difference).
        string native = string.Empty;
        return Local(call.Function switch
        {
            Function.Log or Function.Log1p or Function.LogRatio or Function.Exp or Function.Pow =>
                $"{Runtime.VectorFunction(call.Function, isUnchecked: false)}({string.Join(", ", a)})",
            Function.Abs => $"{api}.Abs({a[0]})",
            Function.Sqrt => _target.Static == "Vector" ? $"{api}.SquareRoot({a[0]})" : $"{api}.Sqrt({a[0]})",
            Function.Min => $"{api}.Min{native}({a[0]}, {a[1]})",
            Function.Max => $"{api}.Max{native}({a[0]}, {a[1]})",
            Function.IsNaN => $"~{api}.Equals<{_target.Scalar}>({a[0]}, {a[0]})",
            Function.FusedMultiplyAdd => $"{api}.FusedMultiplyAdd({a[0]}, {a[1]}, {a[2]})",
            _ => throw new InvalidOperationException(call.Function.ToString()),
        }, call);
    }

    /// <summary>The local holding <paramref name="expression"/> (shared by every equal subexpression), declared on
    /// first use with a comment naming the source subexpression <paramref name="node"/> it computes.</summary>
    private string Local(string expression, Node? node)
    {
        if (_locals.TryGetValue(expression, out string? existing))
        {
            return existing;
        }

        string name = "v" + _next++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _locals.Add(expression, name);
        string declaration = $"{_target.Type} {name} = {expression};";
        if (node is null)
        {
            _lines.Add(declaration);
            return name;
        }

        string comment = "// " + _source.Describe(node, child => _results.TryGetValue(child, out string? local) && IsLocal(local) ? local : null);
        if (declaration.Length + 1 + comment.Length <= CommentedWidth)
        {
            _lines.Add($"{declaration} {comment}");
        }
        else
        {
            _lines.Add(comment);
            _lines.Add(declaration);
        }

        return name;
    }

    /// <summary>A declaration with its comment on the same line stays this short (the body is indented 16 spaces).</summary>
    private const int CommentedWidth = SourceWriter.MaxWidth - 16;

    private static bool IsLocal(string expression) =>
        expression.Length > 1 && expression[0] == 'v' && expression.Skip(1).All(char.IsDigit);
}
