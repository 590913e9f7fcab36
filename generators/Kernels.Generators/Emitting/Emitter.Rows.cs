using System.Linq;
using Kernels.Generators.Lowering;
using Kernels.Generators.Model;

namespace Kernels.Generators;

public sealed partial class KernelGenerator
{
    internal static partial class Emitter
    {
        /// <summary>
        /// Row folds (batch shapes): one FoldTotals per row of a row-major matrix, y either the same shape or one shared
        /// row. Wide rows go through the ordinary fold one row at a time; narrow rows are folded a vector's width of rows
        /// at once, one row per lane, over a column-major copy of a few columns at a time, so no lane is wasted on a
        /// row's tail and nothing is reduced across lanes. <paramref name="suffix"/> is "" (arithmetic in the element
        /// type) or "InDouble" (float inputs widened to double).
        /// </summary>
        private static void EmitRowFolds(SourceWriter w, TermSpec spec, Shape k, string source, string suffix)
        {
            EmitRowDispatcher(w, spec, k, source, suffix);
            w.Line();
            EmitRowsEach(w, k, source, suffix);
            if (!k.RowShapes)
            {
                return;
            }

            foreach (VectorTarget t in k.Targets.Where(t => suffix.Length == 0 ? t.Scalar == source : !t.IsSingle))
            {
                w.Line();
                EmitTransposedRows(w, k, t, source, suffix);
                w.Line();
                EmitFlatRows(w, k, t, source, suffix);
            }
        }

        /// <summary>
        /// The generic row entry points FoldRows&lt;TMode, T&gt; and FoldRowsInDouble&lt;TMode, T&gt; over spans of float or
        /// double, so that one caller body serves both element types: typeof(T) is a constant of each instantiation, so
        /// the JIT keeps only the branch taken (as TensorPrimitives does). FoldRows folds float as the public folds do
        /// (in double when the term prefers it); FoldRowsInDouble always folds float in double.
        /// </summary>
        private static void EmitGenericRows(SourceWriter w, TermSpec spec, Shape k)
        {
            string floatSuffix = PublicSuffix(k, "float");
            string how = floatSuffix.Length > 0 ? "widened to double (as Fold does)" : "in float (as Fold does)";
            EmitGenericRowDispatcher(w, spec, k, string.Empty, floatSuffix, $"float rows {how}, double rows in double");
            w.Line();
            EmitGenericRowDispatcher(w, spec, k, "InDouble", "InDouble", "float rows widened to double, double rows in double");
            w.Line();
            EmitGenericFolds(w, spec, k);
            w.Line();
            w.Line("[global::System.Diagnostics.CodeAnalysis.DoesNotReturn]");
            using (w.Block("private static void ThrowUnsupportedElement(global::System.Type element)"))
            {
                w.Line("throw new global::System.NotSupportedException($\"The folds take spans of float or double, not {element}.\");");
            }
        }

        /// <summary>
        /// The generic single-vector entry points Fold&lt;T&gt;, FoldScaled&lt;T&gt;, FoldScaledInDouble&lt;T&gt; and Measure&lt;T&gt;: the public
        /// float or double fold of the same name, chosen by typeof(T) (a constant of each instantiation, so the JIT keeps
        /// one branch and the call is the direct call written out), so that callers such as the library's Measures write
        /// one body for both element types. FoldScaledInDouble&lt;T&gt; of double inputs is FoldScaled.
        /// </summary>
        private static void EmitGenericFolds(SourceWriter w, TermSpec spec, Shape k)
        {
            string spans = string.Join(", ", k.PublicNames.Select(p => $"{Span}<T> {p}"));
            string scales = string.Concat(k.PublicNames.Select(p => $", double {p.TrimStart('@')}Scale"));
            string scaleNames = string.Concat(k.PublicNames.Select(p => $", {p.TrimStart('@')}Scale"));
            string Cast(string scalar) => string.Join(", ", k.PublicNames.Select(p => $"{Runtime.Cast}<T, {scalar}>({p})"));

            void Dispatch(string result, string name, string floatName, string doubleName, string more)
            {
                string typed = floatName == doubleName ? "overload" : $"{floatName}, or for double {doubleName}";
                w.Line($"/// <summary>{name} over spans of float or double (the float or double {typed}); NotSupportedException for any other T.</summary>");
                w.Line(Runtime.Inline);
                using (w.Block($"internal static {result} {name}<T>({spans}{(more.Length > 0 ? scales : string.Empty)}{k.PublicParameterDeclarations}) where T : unmanaged"))
                {
                    string tail = (more.Length > 0 ? scaleNames : string.Empty) + k.PublicParameterArguments;
                    using (w.Block("if (typeof(T) == typeof(float))"))
                    {
                        w.Line($"return {floatName}({Cast("float")}{tail});");
                    }

                    using (w.Block("if (typeof(T) == typeof(double))"))
                    {
                        w.Line($"return {doubleName}({Cast("double")}{tail});");
                    }

                    w.Line("ThrowUnsupportedElement(typeof(T));");
                    w.Line("return default;");
                }
            }

            Dispatch(SumsType(k), "Fold", "Fold", "Fold", string.Empty);
            if (k.Plan.Folds.Scaled)
            {
                w.Line();
                Dispatch("double", "FoldScaled", "FoldScaled", "FoldScaled", "scaled");
                w.Line();
                Dispatch("double", "FoldScaledInDouble", "FoldScaledInDouble", "FoldScaled", "scaled");
            }

            if (k.Plan.Folds.Measure)
            {
                w.Line();
                Dispatch("double", "Measure", "Measure", "Measure", string.Empty);
            }
        }

        private static void EmitGenericRowDispatcher(SourceWriter w, TermSpec spec, Shape k, string suffix, string floatSuffix, string what)
        {
            string Arguments(string scalar) =>
                $"{string.Join(", ", k.Xs.Select(x => $"{Runtime.Cast}<T, {scalar}>({x})"))}, layout, {string.Join(", ", k.Xs.Select(x => x + "Parameters"))}, results{k.ParameterArguments}";

            w.Line($"/// <summary>FoldRows{suffix} over spans of float or double: {what}. Throws NotSupportedException for any other T.</summary>");
            w.Line($"/// <remarks>{k.FoldSymbol} {spec.Name} over each row; typeof(T) is constant per instantiation, so only one branch is compiled.</remarks>");
            using (w.Block($"internal static void FoldRows{suffix}<TMode, T>({RowParameters(k, "T")}) where TMode : struct, {Runtime.IFoldMode} where T : unmanaged"))
            {
                using (w.Block("if (typeof(T) == typeof(float))"))
                {
                    w.Line($"FoldRows{floatSuffix}<TMode>({Arguments("float")});");
                }
                using (w.Block("else if (typeof(T) == typeof(double))"))
                {
                    w.Line($"FoldRows<TMode>({Arguments("double")});");
                }
                using (w.Block("else"))
                {
                    w.Line("ThrowUnsupportedElement(typeof(T));");
                }
            }
        }

        private static string RowParameters(Shape k, string source) =>
            $"{k.Spans(source)}, {Runtime.RowLayout} layout, {string.Join(", ", k.Xs.Select(x => $"{Span}<double> {x}Parameters"))}, global::System.Span<{Runtime.FoldTotals}> results{k.ParameterDeclarations}";

        private static string RowArguments(Shape k) =>
            $"{k.Args}, layout, {string.Join(", ", k.Xs.Select(x => x + "Parameters"))}, results{k.ParameterArguments}";

        private static void EmitRowDispatcher(SourceWriter w, TermSpec spec, Shape k, string source, string suffix)
        {
            string compute = suffix.Length == 0 ? source : "double";
            string wide = compute == "float" ? Runtime.WideSingleColumns : Runtime.WideDoubleColumns;
            string flatColumns = compute == "float" ? Runtime.FlatSingleColumns : Runtime.FlatDoubleColumns;
            w.Line($"/// <summary>{k.FoldSymbol} {spec.Name} over each row (results[r] for row r; totals and parameters per the mode): (nearly)");
            w.Line($"/// contiguous rows of fewer than {flatColumns} columns flat, other rows of fewer than {wide}");
            w.Line("/// a vector's width of rows at once, the rest one at a time through the ordinary fold. The caller has checked that the");
            w.Line("/// layout fits the inputs and the results.</summary>");
            using (w.Block($"internal static void FoldRows{suffix}<TMode>({RowParameters(k, source)}) where TMode : struct, {Runtime.IFoldMode}"))
            {
                if (!k.RowShapes)
                {
                    w.Line("// Several sums or more than two inputs: every row through the ordinary fold.");
                    w.Line($"FoldRowsEach{suffix}<TMode>({RowArguments(k)});");
                    return;
                }

                var paths = new[] { ("Simd512.IsHardwareAccelerated", "512"), ("Simd.IsHardwareAccelerated", "Vector") };
                w.Line("// Rows (nearly) contiguous, both inputs laid out alike, and not too long: the terms are computed in one flat pass.");
                w.Line($"bool flat = layout.Columns < {flatColumns} && layout.XStride <= {Runtime.FlatStrideFactor} * layout.Columns{(k.Arity == 2 ? " && (layout.YStride == 0 || layout.YStride == layout.XStride)" : string.Empty)};");
                using (w.Block("if (flat)"))
                {
                    foreach ((string accelerated, string path) in paths)
                    {
                        using (w.Block($"if ({accelerated})"))
                        {
                            w.Line($"FoldRowsFlat{path}{suffix}<TMode>({RowArguments(k)});");
                            w.Line("return;");
                        }

                        w.Line();
                    }
                }

                w.Line();
                w.Line("// Sparse narrow rows: a vector's width of rows at once, one per lane.");
                using (w.Block($"if (layout.Columns < {wide})"))
                {
                    foreach ((string accelerated, string path) in paths)
                    {
                        using (w.Block($"if ({accelerated})"))
                        {
                            w.Line($"FoldRows{path}{suffix}<TMode>({RowArguments(k)});");
                            w.Line("return;");
                        }

                        w.Line();
                    }
                }

                w.Line();
                w.Line($"FoldRowsEach{suffix}<TMode>({RowArguments(k)});");
            }
        }

        private static void EmitRowsEach(SourceWriter w, Shape k, string source, string suffix)
        {
            w.Line("/// <summary>Each row through the ordinary fold (which picks its own width), with that row's parameters.</summary>");
            using (w.Block($"internal static void FoldRowsEach{suffix}<TMode>({RowParameters(k, source)}) where TMode : struct, {Runtime.IFoldMode}"))
            {
                using (w.Block("for (int r = 0; r < layout.Rows; r++)"))
                {
                    // y may be one shared row (stride 0); further inputs are laid out like x.
                    string rows = string.Join(", ", k.Xs.Select(x => $"{x}.Slice(r * layout.{(x == "y" ? "Y" : "X")}Stride, layout.Columns)"));
                    string parameters = string.Join(", ", k.Xs.Select(x => $"{Runtime.Parameter}({x}Parameters, r)"));
                    w.Line($"results[r] = Run{suffix}<TMode>({rows}, {parameters}{k.ParameterArguments});");
                }
            }
        }

        private static void EmitTransposedRows(SourceWriter w, Shape k, VectorTarget t, string source, string suffix)
        {
            string api = t.Api;
            string vector = t.Type;
            string doubles = t.GenericOf("double");
            bool halves = t.IsSingle;
            string[] parts = halves ? new[] { "0", "1" } : new[] { "0" };
            string lanesOf = t.Static == "Vector512" ? Runtime.ParameterLanes512 : Runtime.ParameterLanes;

            w.Line($"/// <summary>{t.Static}&lt;{t.Scalar}&gt; row fold for narrow rows: {t.Static}&lt;{t.Scalar}&gt;.Count rows at once, one per lane.");
            w.Line($"/// Each chunk of {Runtime.ChunkColumns} columns is copied column-major into a small block on the stack; each column is");
            w.Line("/// then one vector through the unchecked or the checked term, added lane by lane (compensated, in double), so every");
            w.Line("/// lane ends with its row's sum. A shared y row is broadcast, not copied.</summary>");
            w.Line(NoInline);
            using (w.Block($"internal static void FoldRows{t.Suffix}{suffix}<TMode>({RowParameters(k, source)}) where TMode : struct, {Runtime.IFoldMode}"))
            {
                w.Line($"int width = {vector}.Count;");
                EmitParameterVectors(w, k, t);
                foreach (string x in k.Xs)
                {
                    w.Line($"global::System.Span<{t.Scalar}> {x}Block = stackalloc {t.Scalar}[{Runtime.ChunkColumns} * {vector}.Count];");
                    w.Line($"ref {t.Scalar} {x}BlockStart = ref {Runtime.GetReference}({x}Block);");
                }

                using (w.Block("for (int row = 0; row < layout.Rows; row += width)"))
                {
                    w.Line("int count = global::System.Math.Min(width, layout.Rows - row);");
                    foreach (string x in k.Xs)
                    {
                        w.Line($"{vector} {x}Factor = {lanesOf}<{t.Scalar}>({x}Parameters, row, count);");
                    }

                    // One accumulator pair per sum (sum0, sum10, … for the sums after the first), then one per input total.
                    foreach (string a in OutputNames(k).Concat(k.Xs.Select(x => x.ToUpperInvariant())))
                    {
                        string start = a.Length == 0 ? k.Identity(t, doubles, "double") : $"{doubles}.Zero";
                        foreach (string p in parts)
                        {
                            w.Line($"{doubles} sum{a}{p} = {start}, carry{a}{p} = {doubles}.Zero;");
                        }
                    }

                    using (w.Block($"for (int column = 0; column < layout.Columns; column += {Runtime.ChunkColumns})"))
                    {
                        w.Line($"int chunk = global::System.Math.Min({Runtime.ChunkColumns}, layout.Columns - column);");
                        w.Line($"{Runtime.Transpose}(x, layout.XStride, row, count, column, chunk, xBlock, width);");
                        if (k.Arity == 2)
                        {
                            using (w.Block("if (layout.YStride != 0)"))
                            {
                                w.Line($"{Runtime.Transpose}(y, layout.YStride, row, count, column, chunk, yBlock, width);");
                            }
                        }

                        w.Line();
                        using (w.Block("for (int j = 0; j < chunk; j++)"))
                        {
                            w.Line($"{vector} xRaw0 = {api}.LoadUnsafe(ref xBlockStart, (nuint)(j * width));");
                            if (k.Arity == 2)
                            {
                                w.Line("// One shared y row: its column j is the same for every lane.");
                                w.Line($"{vector} yRaw0 = layout.YStride != 0 ? {api}.LoadUnsafe(ref yBlockStart, (nuint)(j * width)) : {api}.Create(({t.Scalar})y[column + j]);");
                            }

                            EmitAdjust(w, k, t, new[] { "0" });
                            EmitDomainCheck(w, k, t, new[] { "0" });
                            using (w.Block("if (TMode.Totals)"))
                            {
                                foreach (string x in k.Xs)
                                {
                                    EmitLaneAccumulate(w, t, x.ToUpperInvariant(), x + "Raw0", Runtime.Accumulate);
                                }
                            }

                            w.Line();
                            if (k.Shared)
                            {
                                EmitShared(w, k, t, new[] { "0" }, Body.ByDomain);
                                foreach (int o in k.OutputIndices)
                                {
                                    EmitLaneAccumulate(w, t, OutputNames(k)[o], TermOf(k, t, o, "0", Body.ByDomain), k.Accumulate);
                                }
                            }
                            else
                            {
                                w.Line($"{vector} t0 = inDomain ? Term{t.Suffix}Unchecked({k.Lanes("0")}) : Term{t.Suffix}({k.Lanes("0")});");
                                EmitLaneAccumulate(w, t, string.Empty, "t0", k.Accumulate);
                            }
                        }
                    }

                    w.Line();
                    using (w.Block("for (int l = 0; l < count; l++)"))
                    {
                        string Lane(string a) => $"{(a.Length == 0 && k.Maximum ? Runtime.LaneMaximum : Runtime.Lane)}({string.Join(", ", parts.Select(p => $"sum{a}{p}, carry{a}{p}"))}, l)";
                        string more = MoreSums(k, o => Lane(OutputNames(k)[o]));
                        w.Line($"results[row + l] = new {Runtime.FoldTotals}({Lane(string.Empty)}, {Lane("X")}, {(k.Arity == 2 ? Lane("Y") : "0.0")}){more};");
                    }
                }
            }
        }

        /// <summary>The flat row fold: terms of a block of rows computed in one pass into a stack buffer, then summed per
        /// row. <paramref name="source"/> is the element type of the inputs; when it is float and <paramref name="t"/> is
        /// a double target, each float vector is widened exactly into two double vectors first (the InDouble folds).</summary>
        private static void EmitFlatRows(SourceWriter w, Shape k, VectorTarget t, string source, string suffix)
        {
            string api = t.Api;
            string vector = t.Type;
            string scalar = t.Scalar;
            bool widened = source != scalar;
            string sourceVector = t.GenericOf(source);
            string[] parts = widened ? new[] { "0", "1" } : new[] { "0" };
            w.Line($"/// <summary>{t.Static}&lt;{scalar}&gt; row fold for narrow, (nearly) contiguous rows{(widened ? " of float inputs widened to double" : string.Empty)}: the terms");
            w.Line($"/// of a block of rows (about {Runtime.FlatChunkElements} elements) are computed in one flat pass, vector by vector as in");
            w.Line("/// the ordinary fold (unchecked term while every lane is in the fast domain), into a buffer on the stack; then each row's");
            w.Line("/// terms are summed in double. Padding between rows is computed and ignored; a shared y row is tiled once; per-row");
            w.Line("/// parameters (scales, shifts) are spread over their row's elements.</summary>");
            w.Line(NoInline);
            using (w.Block($"internal static void FoldRowsFlat{t.Suffix}{suffix}<TMode>({RowParameters(k, source)}) where TMode : struct, {Runtime.IFoldMode}"))
            {
                w.Line($"int width = {sourceVector}.Count;");
                EmitParameterVectors(w, k, t);
                w.Line("int stride = layout.XStride;");
                w.Line($"int chunkRows = global::System.Math.Max(1, {Runtime.FlatChunkElements} / stride);");
                w.Line("bool parameters = TMode.Scaled || TMode.Shifted;");
                foreach (string o in OutputNames(k))
                {
                    // One buffer of terms per sum.
                    w.Line($"global::System.Span<{scalar}> terms{o} = stackalloc {scalar}[(chunkRows * stride) + width];");
                    w.Line($"ref {scalar} term{o}Start = ref {Runtime.GetReference}(terms{o});");
                }
                foreach (string x in k.Xs)
                {
                    w.Line($"global::System.Span<{source}> {x}Short = stackalloc {source}[width];");
                    w.Line($"global::System.Span<{scalar}> {x}Spread = parameters ? stackalloc {scalar}[(chunkRows * stride) + width] : default;");
                    w.Line($"ref {scalar} {x}SpreadStart = ref {Runtime.GetReference}({x}Spread);");
                }

                if (k.Arity == 2)
                {
                    w.Line($"global::System.Span<{source}> tiled = layout.YStride == 0 ? stackalloc {source}[chunkRows * stride] : default;");
                    using (w.Block("if (layout.YStride == 0)"))
                    {
                        w.Line($"{Runtime.Tile}(y.Slice(0, layout.Columns), tiled, stride);");
                    }
                }

                w.Line();
                using (w.Block("for (int row = 0; row < layout.Rows; row += chunkRows)"))
                {
                    w.Line("int count = global::System.Math.Min(chunkRows, layout.Rows - row);");
                    w.Line("int length = ((count - 1) * stride) + layout.Columns;");
                    w.Line($"scoped global::System.ReadOnlySpan<{source}> xs = x.Slice(row * stride, length);");
                    if (k.Arity == 2)
                    {
                        w.Line($"scoped global::System.ReadOnlySpan<{source}> ys = layout.YStride == 0 ? tiled.Slice(0, length) : y.Slice(row * stride, length);");
                    }

                    using (w.Block("if (length < width)"))
                    {
                        w.Line("// Less than one vector: compute on copies padded with ones (the extra terms are never read).");
                        foreach (string x in k.Xs)
                        {
                            w.Line($"{x}s = {Runtime.Pad}({x}s, {x}Short);");
                        }
                    }

                    using (w.Block("if (parameters)"))
                    {
                        foreach (string x in k.Xs)
                        {
                            w.Line($"{Runtime.Spread}({x}Parameters, row, count, stride, layout.Columns, {x}Spread);");
                        }
                    }

                    foreach (string x in k.Xs)
                    {
                        w.Line($"ref {source} {x}Start = ref {Runtime.GetReference}({x}s);");
                    }

                    w.Line("nuint n = (nuint)xs.Length;");
                    w.Line("nuint i = 0;");
                    w.Line("while (i < n)");
                    using (w.Block(string.Empty))
                    {
                        w.Line("// The last vector overlaps the one before instead of a scalar tail; its terms are simply written again.");
                        w.Line("i = i + (nuint)width <= n ? i : n - (nuint)width;");
                        foreach (string x in k.Xs)
                        {
                            if (widened)
                            {
                                w.Line($"{sourceVector} {x}Single = {api}.LoadUnsafe(ref {x}Start, i);");
                                w.Line($"{vector} {x}Raw0 = {api}.WidenLower({x}Single);");
                                w.Line($"{vector} {x}Raw1 = {api}.WidenUpper({x}Single);");
                            }
                            else
                            {
                                w.Line($"{vector} {x}Raw0 = {api}.LoadUnsafe(ref {x}Start, i);");
                            }
                        }

                        foreach (string part in parts)
                        {
                            string offset = part == "0" ? "i" : $"i + (nuint){vector}.Count";
                            foreach (string x in k.Xs)
                            {
                                w.Line($"{vector} {x}{part} = parameters ? {Runtime.Adjust}<TMode, {scalar}>({x}Raw{part}, {api}.LoadUnsafe(ref {x}SpreadStart, {offset})) : {x}Raw{part};");
                            }
                        }

                        EmitDomainCheck(w, k, t, parts);
                        EmitShared(w, k, t, parts, Body.ByDomain);
                        foreach (string part in parts)
                        {
                            string offset = part == "0" ? "i" : $"i + (nuint){vector}.Count";
                            foreach (int o in k.OutputIndices)
                            {
                                w.Line($"{api}.StoreUnsafe({TermOf(k, t, o, part, Body.ByDomain)}, ref term{OutputNames(k)[o]}Start, {offset});");
                            }
                        }

                        w.Line("i += (nuint)width;");
                    }

                    w.Line();
                    using (w.Block("for (int r = 0; r < count; r++)"))
                    {
                        w.Line("int at = r * stride;");
                        string Total(string x) => $"TMode.Totals ? {Runtime.Sum}({x}s.Slice(at, layout.Columns)) : 0.0";
                        string more = MoreSums(k, o => $"{Runtime.SumWithin}(terms{OutputNames(k)[o]}, at, layout.Columns)");
                        w.Line($"results[row + r] = new {Runtime.FoldTotals}({(k.Maximum ? Runtime.MaximumWithin : Runtime.SumWithin)}(terms, at, layout.Columns), {Total("x")}, {(k.Arity == 2 ? Total("y") : "0.0")}){more};");
                    }
                }
            }
        }

        /// <summary>The name part of each sum's accumulators and buffers in the row shapes: "" for the first, then "1", "2", "3".</summary>
        private static string[] OutputNames(Shape k) =>
            k.OutputIndices.Select(o => o == 0 ? string.Empty : o.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        /// <summary>The initializer of a row's FoldTotals with the sums after the first (" { Sum1 = …, Sum2 = … }"), or "".</summary>
        private static string MoreSums(Shape k, System.Func<int, string> value) =>
            k.OutputCount == 1
                ? string.Empty
                : " { " + string.Join(", ", k.OutputIndices.Skip(1).Select(o => $"Sum{o.ToString(System.Globalization.CultureInfo.InvariantCulture)} = {value(o)}")) + " }";

        /// <summary>Adds each lane of <paramref name="value"/> to its own accumulator with <paramref name="step"/> (Accumulate:
        /// compensated; AccumulateMaximum for the terms of a maximum fold): a float vector's lower
        /// and upper halves widened into accumulators 0 and 1, a double vector into accumulator 0.</summary>
        private static void EmitLaneAccumulate(SourceWriter w, VectorTarget t, string accumulator, string value, string step)
        {
            string a = accumulator;
            if (t.IsSingle)
            {
                w.Line($"(sum{a}0, carry{a}0) = {step}(sum{a}0, carry{a}0, {t.Api}.WidenLower({value}));");
                w.Line($"(sum{a}1, carry{a}1) = {step}(sum{a}1, carry{a}1, {t.Api}.WidenUpper({value}));");
            }
            else
            {
                w.Line($"(sum{a}0, carry{a}0) = {step}(sum{a}0, carry{a}0, {value});");
            }
        }
    }
}
