using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Kernels.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kernels.Generators;

public sealed partial class KernelGenerator
{
    /// <summary>
    /// Stage 1, parse: the syntax and semantic model of one [Term] method → an equatable <see cref="TermSpec"/> or the
    /// diagnostics that explain why not. The tree is the source one to one (calls of other expression-bodied methods
    /// inlined, constants folded by the compiler); sugar such as Fn.XLogY, Fn.Square or a constant power stays a call,
    /// rewritten by <see cref="Desugaring.Desugarer"/>. Nothing here decides how the kernel is computed.
    /// </summary>
    internal static class Parser
    {
        public const string TermParameterAttributeName = "Kernels.TermParameterAttribute";

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var method = (IMethodSymbol)context.TargetSymbol;
            var syntax = (MethodDeclarationSyntax)context.TargetNode;
            try
            {
                int outputs = CheckSignature(method, syntax, out int inputCount);
                INamedTypeSymbol type = method.ContainingType;
                ExpressionSyntax body = syntax.ExpressionBody?.Expression
                    ?? throw Fail(DiagnosticDescriptors.NotExpressionBodied, syntax.Identifier.GetLocation(), method.Name);

                var scope = new Dictionary<IParameterSymbol, Node>(SymbolEqualityComparer.Default);
                for (int i = 0; i < method.Parameters.Length; i++)
                {
                    scope[method.Parameters[i]] = i < inputCount ? new InputNode(i) : new ParameterNode(i - inputCount);
                }

                var walker = new ExpressionParser(context.SemanticModel.Compilation, method.Name, cancellationToken);
                var nodes = new List<Node>();
                if (outputs == 1)
                {
                    nodes.Add(walker.Parse(body, context.SemanticModel, scope, new List<IMethodSymbol> { method }));
                }
                else
                {
                    ExpressionSyntax unwrapped = body;
                    while (unwrapped is ParenthesizedExpressionSyntax parenthesized)
                    {
                        unwrapped = parenthesized.Expression;
                    }

                    if (unwrapped is not TupleExpressionSyntax tuple || tuple.Arguments.Count != outputs)
                    {
                        throw Fail(DiagnosticDescriptors.InvalidTupleTerm, body.GetLocation(), method.Name,
                            outputs.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    foreach (ArgumentSyntax element in tuple.Arguments)
                    {
                        nodes.Add(walker.Parse(element.Expression, context.SemanticModel, scope, new List<IMethodSymbol> { method }));
                    }
                }

                bool maximum = NamedArgument(method, "Maximum") is true;
                if (maximum && outputs > 1)
                {
                    Location location = syntax.AttributeLists.SelectMany(l => l.Attributes)
                        .SelectMany(a => a.ArgumentList?.Arguments ?? default)
                        .FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Maximum")?.GetLocation() ?? syntax.Identifier.GetLocation();
                    throw Fail(DiagnosticDescriptors.TupleMaximum, location, method.Name, outputs.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                string? finish = FinishOf(method, syntax, outputs, method.Parameters.Length - inputCount);
                bool map = NamedArgument(method, "Map") is true;
                if (map)
                {
                    CheckMap(method, syntax, outputs, inputCount, finish, maximum);
                }

                bool nats = NamedArgument(method, "Nats") is true;
                string ns = type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString();
                string accessibility = type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal";
                var spec = new TermSpec(ns, type.Name, accessibility, method.Name,
                    new EquatableArray<string>(method.Parameters.Take(inputCount).Select(p => p.Name)),
                    new EquatableArray<string>(method.Parameters.Skip(inputCount).Select(p => p.Name)),
                    new EquatableArray<Node>(nodes), finish, nats, NamedArgument(method, "FloatInDouble") is true, maximum, map);
                return new ParseResult(spec, EquatableArray<DiagnosticInfo>.Empty);
            }
            catch (TermException e)
            {
                return new ParseResult(null, new EquatableArray<DiagnosticInfo>(new[] { e.Diagnostic }));
            }
        }

        /// <summary>A map term (KG0020) takes one input, returns one double, and has no finisher and no maximum.</summary>
        private static void CheckMap(IMethodSymbol method, MethodDeclarationSyntax syntax, int outputs, int inputs, string? finish, bool maximum)
        {
            string? problem = outputs > 1 ? $"returns a tuple of {outputs} doubles"
                : inputs != 1 ? $"has {inputs} inputs"
                : finish is not null ? "has a Finish"
                : maximum ? "has Maximum = true"
                : null;
            if (problem is not null)
            {
                Location location = syntax.AttributeLists.SelectMany(l => l.Attributes)
                    .SelectMany(a => a.ArgumentList?.Arguments ?? default)
                    .FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Map")?.GetLocation() ?? syntax.Identifier.GetLocation();
                throw Fail(DiagnosticDescriptors.UnsupportedMap, location, method.Name, problem);
            }
        }

        private static object? NamedArgument(IMethodSymbol method, string name)
        {
            AttributeData? attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KernelGenerator.TermAttributeName);
            foreach (KeyValuePair<string, TypedConstant> argument in attribute?.NamedArguments ?? Enumerable.Empty<KeyValuePair<string, TypedConstant>>())
            {
                if (argument.Key == name)
                {
                    return argument.Value.Value;
                }
            }

            return null;
        }

        /// <summary>The finisher named by [Term(Finish = …)], checked: a static method of the same class returning
        /// double, taking one double per output and then the term's parameters.</summary>
        private static string? FinishOf(IMethodSymbol method, MethodDeclarationSyntax syntax, int outputs, int parameters)
        {
            if (NamedArgument(method, "Finish") is not string name)
            {
                return null;
            }

            Location location = syntax.AttributeLists.SelectMany(l => l.Attributes)
                .SelectMany(a => a.ArgumentList?.Arguments ?? default)
                .FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Finish")?.GetLocation() ?? syntax.Identifier.GetLocation();
            string expected = string.Join(", ", Enumerable.Range(0, outputs).Select(i => outputs == 1 ? "double sum" : $"double sum{i}")
                .Concat(method.Parameters.Skip(method.Parameters.Length - parameters).Select(p => "double " + p.Name)));
            IMethodSymbol[] candidates = method.ContainingType.GetMembers(name).OfType<IMethodSymbol>().ToArray();
            string? problem = candidates.Length switch
            {
                0 => "is not a method of the class",
                > 1 => "is overloaded",
                _ when !candidates[0].IsStatic => "is not static",
                _ when candidates[0].IsGenericMethod => "is generic",
                _ when candidates[0].ReturnType.SpecialType != SpecialType.System_Double => $"returns '{candidates[0].ReturnType.ToDisplayString()}'",
                _ when candidates[0].Parameters.Length != outputs + parameters => $"has {candidates[0].Parameters.Length} parameters",
                _ when candidates[0].Parameters.Any(p => p.Type.SpecialType != SpecialType.System_Double || p.RefKind != RefKind.None) => "has a parameter that is not a plain double",
                _ => null,
            };
            if (problem is not null)
            {
                throw Fail(DiagnosticDescriptors.InvalidFinish, location, name, method.Name, problem, expected, method.ContainingType.Name);
            }

            return name;
        }

        /// <summary>Checks the method's shape; returns the number of outputs (1, or the tuple's arity) and the number of
        /// inputs (the parameters before the first [TermParameter]).</summary>
        private static int CheckSignature(IMethodSymbol method, MethodDeclarationSyntax syntax, out int inputCount)
        {
            Location location = syntax.Identifier.GetLocation();
            if (!method.IsStatic)
            {
                throw Fail(DiagnosticDescriptors.InvalidSignature, location, method.Name, "it is not static");
            }

            int outputs = OutputsOf(method.ReturnType);
            if (outputs == 0)
            {
                throw Fail(DiagnosticDescriptors.InvalidSignature, location, method.Name, $"it returns '{method.ReturnType.ToDisplayString()}'");
            }

            if (method.IsGenericMethod)
            {
                throw Fail(DiagnosticDescriptors.InvalidSignature, location, method.Name, "it is generic");
            }

            if (SyntaxFacts.GetKeywordKind(method.Name) != SyntaxKind.None)
            {
                throw Fail(DiagnosticDescriptors.InvalidSignature, location, method.Name, "its name is a C# keyword");
            }

            inputCount = 0;
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                bool isParameter = parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == TermParameterAttributeName);
                Location at = parameter.Locations.FirstOrDefault() ?? location;
                if (parameter.Type.SpecialType != SpecialType.System_Double || parameter.RefKind != RefKind.None || parameter.IsParams || parameter.HasExplicitDefaultValue)
                {
                    throw Fail(DiagnosticDescriptors.InvalidSignature, location, method.Name,
                        $"parameter '{parameter.Name}' is '{parameter.ToDisplayString()}'");
                }

                if (IsReservedName(parameter.Name, method))
                {
                    throw Fail(DiagnosticDescriptors.InvalidTermParameter, at, parameter.Name, method.Name,
                        $"has a name the generated kernels use themselves ({ReservedNames}, kernel…, '{method.ContainingType.Name}', or another parameter's name + 'Scale'); rename it");
                }

                if (!isParameter)
                {
                    if (inputCount < method.Parameters.IndexOf(parameter))
                    {
                        throw Fail(DiagnosticDescriptors.InvalidTermParameter, at, parameter.Name, method.Name,
                            "is an input after a [TermParameter] parameter; inputs come first, then the [TermParameter] parameters");
                    }

                    inputCount++;
                }
            }

            if (inputCount is < 1 or > 4)
            {
                throw Fail(DiagnosticDescriptors.InvalidSignature, location, method.Name, $"it has {inputCount} inputs");
            }

            if (method.Parameters.Length - inputCount > 3)
            {
                throw Fail(DiagnosticDescriptors.InvalidTermParameter, method.Parameters[inputCount + 3].Locations.FirstOrDefault() ?? location,
                    method.Parameters[inputCount + 3].Name, method.Name, "is a fourth [TermParameter] parameter; at most three are supported");
            }

            INamedTypeSymbol type = method.ContainingType;
            bool duplicate = type.GetMembers().OfType<IMethodSymbol>().Any(other =>
                !SymbolEqualityComparer.Default.Equals(other, method)
                && string.Equals(other.Name, method.Name, StringComparison.OrdinalIgnoreCase)
                && other.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KernelGenerator.TermAttributeName));
            if (duplicate)
            {
                throw Fail(DiagnosticDescriptors.DuplicateName, location, method.Name, type.ToDisplayString());
            }

            bool isPartial = type.DeclaringSyntaxReferences.All(r =>
                r.GetSyntax() is ClassDeclarationSyntax c && c.Modifiers.Any(SyntaxKind.PartialKeyword));

            // A file-local class cannot be extended from the generated file.
            if (!type.IsStatic || !isPartial || type.ContainingType is not null || type.IsGenericType || type.IsFileLocal)
            {
                throw Fail(DiagnosticDescriptors.InvalidContainingType, location, method.Name, type.ToDisplayString());
            }

            if (!type.GetMembers(method.Name + "Kernel").IsEmpty)
            {
                throw Fail(DiagnosticDescriptors.KernelNameTaken, location, method.Name, type.ToDisplayString());
            }

            return outputs;
        }

        /// <summary>Names the public kernels declare or call unqualified beside the term's own parameter names.</summary>
        private const string ReservedNames = "columns, destination, logBase, sums, Fold, Measure, NatsToBits, NatsToHartleys";

        /// <summary>Whether a term parameter's name would collide in the generated public methods: with their own
        /// arguments and locals (columns, destination, logBase, sums, kernel…), with the members they call unqualified
        /// (Fold, Measure, NatsToBits, NatsToHartleys, the containing class that qualifies the finisher), or with the
        /// scale argument FoldScaled adds for another input (p and pScale).</summary>
        private static bool IsReservedName(string name, IMethodSymbol method) =>
            name is "columns" or "destination" or "logBase" or "sums" or "Fold" or "Measure" or "NatsToBits" or "NatsToHartleys"
            || name.StartsWith("kernel", StringComparison.Ordinal)
            || name == method.ContainingType.Name
            || method.Parameters.Any(other => other.Name + "Scale" == name);

        /// <summary>1 for double, n for a tuple of n (2 to 4) doubles, 0 for anything else.</summary>
        private static int OutputsOf(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_Double)
            {
                return 1;
            }

            return type is INamedTypeSymbol { IsTupleType: true } tuple
                && tuple.TupleElements.Length is >= 2 and <= 4
                && tuple.TupleElements.All(e => e.Type.SpecialType == SpecialType.System_Double)
                ? tuple.TupleElements.Length
                : 0;
        }

        internal static TermException Fail(DiagnosticDescriptor descriptor, Location location, params string[] arguments) =>
            new(new DiagnosticInfo(descriptor.Id, ToInfo(location), new EquatableArray<string>(arguments)));

        private static LocationInfo? ToInfo(Location location)
        {
            if (location.SourceTree is null)
            {
                return null;
            }

            FileLinePositionSpan lines = location.GetLineSpan();
            return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan.Start, location.SourceSpan.Length,
                lines.StartLinePosition.Line, lines.StartLinePosition.Character, lines.EndLinePosition.Line, lines.EndLinePosition.Character);
        }
    }

    internal sealed class TermException : Exception
    {
        public TermException(DiagnosticInfo diagnostic) => Diagnostic = diagnostic;

        public DiagnosticInfo Diagnostic { get; }
    }

    /// <summary>C# expression → <see cref="Node"/>, inlining calls to other expression-bodied methods.</summary>
    private sealed class ExpressionParser
    {
        private readonly Compilation _compilation;
        private readonly string _term;
        private readonly CancellationToken _cancellationToken;

        public ExpressionParser(Compilation compilation, string term, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _term = term;
            _cancellationToken = cancellationToken;
        }

        public Node Parse(ExpressionSyntax expression, SemanticModel model, Dictionary<IParameterSymbol, Node> scope, List<IMethodSymbol> callStack)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            Optional<object?> constant = model.GetConstantValue(expression, _cancellationToken);
            if (constant.HasValue)
            {
                switch (constant.Value)
                {
                    case double d: return new ConstantNode(d);
                    case float f: return new ConstantNode(f);
                    case int i: return new ConstantNode(i);
                    case long l: return new ConstantNode(l);
                    case bool b: return new BooleanNode(b);
                }
            }

            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Parse(parenthesized.Expression, model, scope, callStack);

                case CastExpressionSyntax cast when model.GetTypeInfo(cast.Type, _cancellationToken).Type?.SpecialType == SpecialType.System_Double
                    && model.GetTypeInfo(cast.Expression, _cancellationToken).Type?.SpecialType == SpecialType.System_Double:
                    return Parse(cast.Expression, model, scope, callStack);

                case IdentifierNameSyntax identifier
                    when model.GetSymbolInfo(identifier, _cancellationToken).Symbol is IParameterSymbol parameter && scope.TryGetValue(parameter, out Node? bound):
                    return bound;

                case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.UnaryMinusExpression):
                    return new UnaryNode(UnaryOperator.Negate, Parse(prefix.Operand, model, scope, callStack));

                case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.UnaryPlusExpression):
                    return Parse(prefix.Operand, model, scope, callStack);

                case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.LogicalNotExpression):
                    return new UnaryNode(UnaryOperator.Not, Parse(prefix.Operand, model, scope, callStack));

                case BinaryExpressionSyntax binary when BinaryOperatorOf(binary.Kind()) is BinaryOperator op && OperandsAreSupported(binary, model, out bool logical):
                    op = (op, logical) switch
                    {
                        (BinaryOperator.Equal, true) => BinaryOperator.LogicalEqual,
                        (BinaryOperator.NotEqual, true) => BinaryOperator.LogicalNotEqual,
                        _ => op,
                    };
                    return new BinaryNode(op, Parse(binary.Left, model, scope, callStack), Parse(binary.Right, model, scope, callStack));

                case ConditionalExpressionSyntax conditional:
                    return new ConditionalNode(
                        Parse(conditional.Condition, model, scope, callStack),
                        Parse(conditional.WhenTrue, model, scope, callStack),
                        Parse(conditional.WhenFalse, model, scope, callStack));

                case InvocationExpressionSyntax invocation
                    when model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol callee:
                    return ParseCall(invocation, callee, model, scope, callStack);
            }

            throw Unsupported(expression);
        }

        private bool OperandsAreSupported(BinaryExpressionSyntax binary, SemanticModel model, out bool logical)
        {
            // Only double arithmetic (ints are constants, folded above) and bool logic.
            SpecialType left = model.GetTypeInfo(binary.Left, _cancellationToken).ConvertedType?.SpecialType ?? SpecialType.None;
            SpecialType right = model.GetTypeInfo(binary.Right, _cancellationToken).ConvertedType?.SpecialType ?? SpecialType.None;
            logical = (left, right) is (SpecialType.System_Boolean, SpecialType.System_Boolean);
            return logical || (left, right) is (SpecialType.System_Double, SpecialType.System_Double);
        }

        private static BinaryOperator? BinaryOperatorOf(SyntaxKind kind) => kind switch
        {
            SyntaxKind.AddExpression => BinaryOperator.Add,
            SyntaxKind.SubtractExpression => BinaryOperator.Subtract,
            SyntaxKind.MultiplyExpression => BinaryOperator.Multiply,
            SyntaxKind.DivideExpression => BinaryOperator.Divide,
            SyntaxKind.LessThanExpression => BinaryOperator.LessThan,
            SyntaxKind.LessThanOrEqualExpression => BinaryOperator.LessThanOrEqual,
            SyntaxKind.GreaterThanExpression => BinaryOperator.GreaterThan,
            SyntaxKind.GreaterThanOrEqualExpression => BinaryOperator.GreaterThanOrEqual,
            SyntaxKind.EqualsExpression => BinaryOperator.Equal,
            SyntaxKind.NotEqualsExpression => BinaryOperator.NotEqual,
            SyntaxKind.LogicalAndExpression => BinaryOperator.And,
            SyntaxKind.LogicalOrExpression => BinaryOperator.Or,
            _ => null,
        };

        private Node ParseCall(InvocationExpressionSyntax invocation, IMethodSymbol callee, SemanticModel model,
            Dictionary<IParameterSymbol, Node> scope, List<IMethodSymbol> callStack)
        {
            string owner = callee.ContainingType.ToDisplayString();
            ExpressionSyntax?[] bound = BindArguments(invocation, callee);
            Node Argument(int index) => bound[index] is { } expression
                ? Parse(expression, model, scope, callStack)
                : callee.Parameters[index].HasExplicitDefaultValue && callee.Parameters[index].ExplicitDefaultValue is { } value
                    ? new ConstantNode(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture))
                    : throw Unsupported(invocation);
            bool allDouble = callee.ReturnType.SpecialType is SpecialType.System_Double or SpecialType.System_Boolean
                && callee.Parameters.All(p => p.Type.SpecialType == SpecialType.System_Double || p.IsParams);

            if (owner == "Kernels.Fn" && allDouble)
            {
                switch (callee.Name)
                {
                    case "Log": return Call(Function.Log, Argument(0));
                    case "Log1p": return Call(Function.Log1p, Argument(0));
                    case "Exp": return Call(Function.Exp, Argument(0));
                    case "LogRatio": return Call(Function.LogRatio, Argument(0), Argument(1));
                    case "Log2": return Call(Function.Log2, Argument(0));
                    case "Log10": return Call(Function.Log10, Argument(0));
                    case "Square": return Call(Function.Square, Argument(0));
                    case "Pow": return Call(Function.Pow, Argument(0), Argument(1));
                    case "XLogY": return Call(Function.XLogY, Argument(0), Argument(1));
                    case "SumError": return Call(Function.SumError, Argument(0), Argument(1));
                    case "Horner":
                        return ParseHorner(invocation, model, scope, callStack);
                }
            }
            else if (owner == "System.Math" && allDouble)
            {
                switch (callee.Name)
                {
                    case "Abs": return Call(Function.Abs, Argument(0));
                    case "Sqrt": return Call(Function.Sqrt, Argument(0));
                    case "Exp": return Call(Function.Exp, Argument(0));
                    case "Log" when callee.Parameters.Length == 1: return Call(Function.Log, Argument(0));
                    case "Log2": return Call(Function.Log2, Argument(0));
                    case "Log10": return Call(Function.Log10, Argument(0));
                    case "Pow": return Call(Function.Pow, Argument(0), Argument(1));
                    case "Min": return Call(Function.Min, Argument(0), Argument(1));
                    case "Max": return Call(Function.Max, Argument(0), Argument(1));
                    case "FusedMultiplyAdd": return Call(Function.FusedMultiplyAdd, Argument(0), Argument(1), Argument(2));
                }
            }
            else if (owner == "double" && callee.Name == "IsNaN" && allDouble)
            {
                return Call(Function.IsNaN, Argument(0));
            }
            else if (callee.IsStatic && allDouble && !callee.IsGenericMethod && callee.Parameters.All(p => !p.IsParams && p.RefKind == RefKind.None)
                && callee.DeclaringSyntaxReferences.Length == 1
                && callee.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is MethodDeclarationSyntax { ExpressionBody: { } body } declaration)
            {
                if (callStack.Contains(callee, SymbolEqualityComparer.Default))
                {
                    throw Parser.Fail(DiagnosticDescriptors.RecursiveCall, invocation.GetLocation(), callee.Name, _term);
                }

                var inner = new Dictionary<IParameterSymbol, Node>(SymbolEqualityComparer.Default);
                for (int i = 0; i < callee.Parameters.Length; i++)
                {
                    inner[callee.Parameters[i]] = Argument(i);
                }

                SemanticModel calleeModel = declaration.SyntaxTree == model.SyntaxTree ? model : _compilation.GetSemanticModel(declaration.SyntaxTree);
                callStack.Add(callee);
                Node result = Parse(body.Expression, calleeModel, inner, callStack);
                callStack.RemoveAt(callStack.Count - 1);
                return result;
            }

            throw Unsupported(invocation);
        }

        /// <summary>The argument expression of each parameter, by name or position; null where the default applies.</summary>
        private static ExpressionSyntax?[] BindArguments(InvocationExpressionSyntax invocation, IMethodSymbol callee)
        {
            var bound = new ExpressionSyntax?[callee.Parameters.Length];
            int position = 0;
            foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
            {
                int index = argument.NameColon is { } name
                    ? callee.Parameters.IndexOf(callee.Parameters.FirstOrDefault(p => p.Name == name.Name.Identifier.ValueText)!)
                    : position++;
                if (index >= 0 && index < bound.Length && !callee.Parameters[index].IsParams)
                {
                    bound[index] = argument.Expression;
                }
            }

            return bound;
        }

        private Node ParseHorner(InvocationExpressionSyntax invocation, SemanticModel model, Dictionary<IParameterSymbol, Node> scope, List<IMethodSymbol> callStack)
        {
            // x is the argument named x or else the first positional one; the coefficients are the others, in order.
            SeparatedSyntaxList<ArgumentSyntax> all = invocation.ArgumentList.Arguments;
            ArgumentSyntax xArgument = all.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "x") ?? all.First(a => a.NameColon is null);
            var arguments = new List<ArgumentSyntax> { xArgument };
            arguments.AddRange(all.Where(a => a != xArgument));
            var nodes = new List<Node> { Parse(xArgument.Expression, model, scope, callStack) };
            if (arguments.Count == 2 && arguments[1].Expression is CollectionExpressionSyntax withSpread
                && withSpread.Elements.FirstOrDefault(e => e is not ExpressionElementSyntax) is { } spread)
            {
                throw Parser.Fail(DiagnosticDescriptors.NonConstantCoefficient, spread.GetLocation(), spread.ToString(), _term);
            }

            IEnumerable<ExpressionSyntax> coefficients = arguments.Count == 2 && arguments[1].Expression is CollectionExpressionSyntax collection
                ? collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression)
                : arguments.Skip(1).Select(a => a.Expression);
            foreach (ExpressionSyntax coefficient in coefficients)
            {
                Optional<object?> value = model.GetConstantValue(coefficient, _cancellationToken);
                if (!value.HasValue || value.Value is not (double or float or int or long))
                {
                    throw Parser.Fail(DiagnosticDescriptors.NonConstantCoefficient, coefficient.GetLocation(), coefficient.ToString(), _term);
                }

                nodes.Add(new ConstantNode(Convert.ToDouble(value.Value, System.Globalization.CultureInfo.InvariantCulture)));
            }

            return new CallNode(Function.Horner, new EquatableArray<Node>(nodes));
        }

        private static CallNode Call(Function function, params Node[] arguments) => new(function, new EquatableArray<Node>(arguments));

        private TermException Unsupported(ExpressionSyntax expression)
        {
            string text = expression.ToString();
            if (text.Length > 80)
            {
                text = text.Substring(0, 77) + "...";
            }

            return Parser.Fail(DiagnosticDescriptors.UnsupportedConstruct, expression.GetLocation(), text, _term);
        }
    }
}
