using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Kernels.Generators.Lowering;
using Kernels.Generators.Model;
using Kernels.Generators.Planning;

namespace Kernels.Generators;

public sealed partial class KernelGenerator
{
    internal static partial class Emitter
    {
        /// <summary>
        /// The kernel class of a map term (<see cref="MapPlan"/>): per element type the public <c>Map</c> (checks, then
        /// the widest accelerated path that fits, else the scalar loop), <c>MapReference</c> (the term itself in a plain
        /// loop), per vector width a loop of whole vectors whose last vector is read before anything is stored and
        /// stored last, over the lanes already written (the same values: no scalar tail, and destination may be x
        /// itself), and the vector bodies; then <c>Map&lt;T&gt;</c> for callers generic over float and double. Results do
        /// not depend on addresses: every element goes through the same body whatever its position.
        /// </summary>
        private static void EmitMapType(SourceWriter w, TermSpec spec, MapPlan map)
        {
            string[] parameters = spec.TermParameters.Select(EscapeName).ToArray();
            string[] ps = Enumerable.Range(0, parameters.Length).Select(i => "a" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            string signature = string.Join(", ", spec.Inputs.Concat(spec.TermParameters).Select(_ => "double"));
            string input = EscapeName(spec.Inputs[0]);
            using (w.Block($"{spec.ContainingTypeAccessibility} static partial class {spec.ContainingType}"))
            {
                w.Line($"/// <summary>SIMD map of <see cref=\"{spec.Name}({signature})\"/> over float and double spans:");
                w.Line($"/// destination[i] = {spec.Name}({string.Join(", ", new[] { spec.Inputs[0] + "[i]" }.Concat(spec.TermParameters))}){(map.FloatInDouble ? ", float computed in double lanes and rounded once" : string.Empty)}.</summary>");
                w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Kernels.Generators\", \"1.0.0\")]");
                using (w.Block($"public static class {spec.Name}Kernel"))
                {
                    var targets = MapPlanner.Targets(map);
                    foreach (string scalar in new[] { "float", "double" })
                    {
                        bool widened = scalar == "float" && map.FloatInDouble;
                        string suffix = widened ? "InDouble" : string.Empty;
                        w.Line();
                        w.Line($"// ---- {scalar} ----");
                        w.Line();
                        EmitPublicMap(w, spec, scalar, input, parameters, widened);
                        w.Line();
                        EmitMapScalar(w, spec, scalar, ps);
                        foreach (VectorTarget t in targets.Where(t => t.Scalar == scalar || (widened && t.Scalar == "double")))
                        {
                            w.Line();
                            EmitMapLoop(w, t, ps, widened);
                            if (t.Scalar == scalar)
                            {
                                w.Line();
                                EmitMapBody(w, spec, map, t, ps);
                            }
                        }
                    }

                    w.Line();
                    w.Line("// ---- float or double spans, one generic entry point ----");
                    w.Line();
                    EmitGenericMap(w, spec, parameters);
                }
            }
        }

        private static void EmitPublicMap(SourceWriter w, TermSpec spec, string scalar, string input, string[] parameters, bool widened)
        {
            string declarations = string.Concat(parameters.Select(p => $", double {p}"));
            string arguments = string.Concat(parameters.Select(p => ", " + p));
            string spans = $"{Span}<{scalar}> {input}{declarations}, global::System.Span<{scalar}> destination";
            string suffix = widened ? "InDouble" : string.Empty;
            string lanes = widened ? " (computed in double, rounded once)" : string.Empty;
            w.Line($"/// <summary>destination[i] = {spec.Name}({spec.Inputs[0]}[i]{string.Concat(spec.TermParameters.Select(p => ", " + p))}) for every element of the {scalar} input{lanes}.");
            w.Line($"/// destination has the input's length and may be the input itself; any other overlap is an ArgumentException.</summary>");
            using (w.Block($"public static void Map({spans})"))
            {
                using (w.Block($"if (destination.Length != {input}.Length)"))
                {
                    w.Line($"throw new global::System.ArgumentException($\"The destination must have the input's length; {spec.Inputs[0]} has {{{input}.Length}} elements and destination {{destination.Length}}.\", nameof(destination));");
                }

                w.Line();
                using (w.Block($"if (global::System.MemoryExtensions.Overlaps({input}, destination, out int kernelOffset) && kernelOffset != 0)"))
                {
                    w.Line($"throw new global::System.ArgumentException($\"The destination overlaps {spec.Inputs[0]} at an offset of {{kernelOffset}} elements; it may be the input itself or separate memory.\", nameof(destination));");
                }

                w.Line();
                string call = $"({input}{arguments}, destination);";
                using (w.Block($"if (Simd512.IsHardwareAccelerated && {input}.Length >= {new VectorTarget(scalar, "Vector512", "512").Type}.Count)"))
                {
                    w.Line($"Map512{suffix}{call}");
                    w.Line("return;");
                }

                w.Line();
                using (w.Block($"if (Simd.IsHardwareAccelerated && {input}.Length >= {new VectorTarget(scalar, "Vector", "Vector").Type}.Count)"))
                {
                    w.Line($"MapVector{suffix}{call}");
                    w.Line("return;");
                }

                w.Line();
                w.Line($"MapScalar{call}");
            }

            w.Line();
            w.Line("/// <summary>The scalar reference for Map: the term method itself in a plain loop, in double, each result rounded once.");
            w.Line("/// Property-test the kernel against it.</summary>");
            using (w.Block($"public static void MapReference({spans})"))
            {
                using (w.Block($"if (destination.Length != {input}.Length)"))
                {
                    w.Line($"throw new global::System.ArgumentException($\"The destination must have the input's length; {spec.Inputs[0]} has {{{input}.Length}} elements and destination {{destination.Length}}.\", nameof(destination));");
                }

                w.Line();
                w.Line($"MapScalar({input}{arguments}, destination);");
            }
        }

        private static void EmitMapScalar(SourceWriter w, TermSpec spec, string scalar, string[] ps)
        {
            string declarations = string.Concat(ps.Select(p => $", double {p}"));
            w.Line("/// <summary>The term itself per element, in double, rounded once to the element type.</summary>");
            using (w.Block($"private static void MapScalar({Span}<{scalar}> x{declarations}, global::System.Span<{scalar}> destination)"))
            {
                using (w.Block("for (int i = 0; i < x.Length; i++)"))
                {
                    string term = $"{spec.ContainingType}.{spec.Name}(x[i]{string.Concat(ps.Select(p => ", " + p))})";
                    w.Line($"destination[i] = {(scalar == "float" ? $"(float){term}" : term)};");
                }
            }
        }

        /// <summary>Map{suffix}: whole vectors, the last one computed before the loop stores anything and stored after it
        /// (overlapping lanes already written, with the same values). <paramref name="widened"/>: float inputs through the
        /// double body <paramref name="t"/>, each float vector as two double vectors, narrowed once.</summary>
        private static void EmitMapLoop(SourceWriter w, VectorTarget t, string[] ps, bool widened)
        {
            string scalar = widened ? "float" : t.Scalar;
            string vector = widened ? t.GenericOf("float") : t.Type;
            string api = t.Api;
            string name = $"Map{t.Suffix}{(widened ? "InDouble" : string.Empty)}";
            string declarations = string.Concat(ps.Select(p => $", double {p}"));
            string lanes = string.Concat(ps.Select(p => $", {p}Vector"));
            string body = $"Term{t.Suffix}";
            string Apply(string x) => widened
                ? $"{api}.Narrow({body}({api}.WidenLower({x}){lanes}), {body}({api}.WidenUpper({x}){lanes}))"
                : $"{body}({x}{lanes})";

            w.Line($"/// <summary>{t.Static}&lt;{scalar}&gt; map{(widened ? " in double lanes" : string.Empty)}: at least one whole vector. The last vector is read and mapped before");
            w.Line("/// anything is stored (so destination may be x itself) and stored last, over lanes already written with the same values.</summary>");
            w.Line(NoInline);
            using (w.Block($"private static void {name}({Span}<{scalar}> x{declarations}, global::System.Span<{scalar}> destination)"))
            {
                w.Line($"ref {scalar} xStart = ref {Runtime.GetReference}(x);");
                w.Line($"ref {scalar} destinationStart = ref {Runtime.GetReference}(destination);");
                w.Line("nuint length = (nuint)x.Length;");
                w.Line($"nuint width = (nuint){vector}.Count;");
                foreach (string p in ps)
                {
                    w.Line($"{t.Type} {p}Vector = {api}.Create({(t.Scalar == "double" ? p : $"(float){p}")});");
                }

                w.Line($"{vector} last = {Apply($"{api}.LoadUnsafe(ref xStart, length - width)")};");
                using (w.Block("for (nuint i = 0; i + width <= length; i += width)"))
                {
                    w.Line($"{api}.StoreUnsafe({Apply($"{api}.LoadUnsafe(ref xStart, i)")}, ref destinationStart, i);");
                }

                w.Line();
                w.Line($"{api}.StoreUnsafe(last, ref destinationStart, length - width);");
            }
        }

        /// <summary>The vector body of the term for one target: the checked tree, lowered, inlined into its loop (a map's loop
        /// holds nothing else, so nothing is spilled around it).</summary>
        private static void EmitMapBody(SourceWriter w, TermSpec spec, MapPlan map, VectorTarget t, string[] ps)
        {
            var source = new SourcePrinter(spec.Inputs, spec.TermParameters);
            IReadOnlyList<string> lines = VectorLowering.Lower(map.Body, t, Versioning.None, new[] { "x" }, ps, source);
            w.Line($"/// <summary>{spec.Name} for any lanes: zeros, subnormals, infinities, NaN and negatives as in the scalar term.</summary>");
            w.Line(Inline);
            using (w.Block($"private static {t.Type} Term{t.Suffix}({string.Join(", ", new[] { "x" }.Concat(ps).Select(x => $"{t.Type} {x}"))})"))
            {
                foreach (string line in lines)
                {
                    w.Line(line);
                }
            }
        }

        /// <summary>Map&lt;T&gt;: the float or double Map chosen by typeof(T), a constant of each instantiation.</summary>
        private static void EmitGenericMap(SourceWriter w, TermSpec spec, string[] parameters)
        {
            string declarations = string.Concat(parameters.Select(p => $", double {p}"));
            string arguments = string.Concat(parameters.Select(p => ", " + p));
            w.Line("/// <summary>Map over spans of float or double. Throws NotSupportedException for any other T.</summary>");
            using (w.Block($"internal static void Map<T>({Span}<T> x{declarations}, global::System.Span<T> destination) where T : unmanaged"))
            {
                using (w.Block("if (typeof(T) == typeof(float))"))
                {
                    w.Line($"Map({Runtime.Cast}<T, float>(x){arguments}, {Runtime.Cast}<T, float>(destination));");
                }
                using (w.Block("else if (typeof(T) == typeof(double))"))
                {
                    w.Line($"Map({Runtime.Cast}<T, double>(x){arguments}, {Runtime.Cast}<T, double>(destination));");
                }
                using (w.Block("else"))
                {
                    w.Line("throw new global::System.NotSupportedException($\"The maps take spans of float or double, not {typeof(T)}.\");");
                }
            }
        }
    }
}
