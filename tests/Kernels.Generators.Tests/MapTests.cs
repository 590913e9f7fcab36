using System;
using System.Linq;
using Xunit;

namespace Kernels.Generators.Tests;

/// <summary>The map kernel kind ([Term(Map = true)]): compiled and run for float and double at every length from 0 to
/// 70 (scalar, whole vectors, the overlapping last vector) and in place, against MapReference; KG0020 for what a map
/// cannot be.</summary>
public sealed class MapTests
{
    private const string Source = """
        using Kernels;
        namespace Sample;
        public static partial class Maps
        {
            [Term(Map = true)] public static double Shift(double x, [TermParameter] double a, [TermParameter] double b) => (x - a) - b;
            [Term(Map = true)] public static double Weight(double x, [TermParameter] double a) => Fn.Exp(x - a);
        }

        public static class Runner
        {
            public static double[] Double(string kernel, bool reference, bool inPlace, double[] x, double a)
            {
                double[] d = inPlace ? x : new double[x.Length];
                if (kernel == "Shift") { if (reference) Maps.ShiftKernel.MapReference(x, a, 0.25, d); else Maps.ShiftKernel.Map(x, a, 0.25, d); }
                else { if (reference) Maps.WeightKernel.MapReference(x, a, d); else Maps.WeightKernel.Map(x, a, d); }
                return d;
            }

            public static float[] Single(string kernel, bool reference, bool inPlace, float[] x, double a)
            {
                float[] d = inPlace ? x : new float[x.Length];
                if (kernel == "Shift") { if (reference) Maps.ShiftKernel.MapReference(x, a, 0.25, d); else Maps.ShiftKernel.Map(x, a, 0.25, d); }
                else { if (reference) Maps.WeightKernel.MapReference(x, a, d); else Maps.WeightKernel.Map(x, a, d); }
                return d;
            }
        }
        """;

    private static readonly Lazy<(GeneratorRun Run, LoadedAssembly Loaded)> Compiled = new(() =>
    {
        GeneratorRun run = GeneratorHarness.Run(new SourceFile("Maps.cs", Source));
        return (run, LoadedAssembly.Emit(run.Output));
    });

    [Theory]
    [InlineData("Shift")]
    [InlineData("Weight")]
    public void Map_agrees_with_its_reference_at_every_length_and_in_place(string kernel)
    {
        LoadedAssembly loaded = Compiled.Value.Loaded;
        for (int n = 0; n <= 70; n++)
        {
            double[] x = Enumerable.Range(0, n).Select(i => i % 11 == 3 ? double.NegativeInfinity : i % 13 == 5 ? double.NaN : Math.Sin(i) * 20.0).ToArray();
            float[] xf = x.Select(v => (float)v).ToArray();
            double[] expected = loaded.Call<double[]>("Sample.Runner", "Double", kernel, true, false, x, 1.5);
            double[] actual = loaded.Call<double[]>("Sample.Runner", "Double", kernel, false, false, x, 1.5);
            double[] inPlace = loaded.Call<double[]>("Sample.Runner", "Double", kernel, false, true, (double[])x.Clone(), 1.5);
            float[] expectedF = loaded.Call<float[]>("Sample.Runner", "Single", kernel, true, false, xf, 1.5);
            float[] actualF = loaded.Call<float[]>("Sample.Runner", "Single", kernel, false, false, xf, 1.5);
            for (int i = 0; i < n; i++)
            {
                Assert.True(Close(actual[i], expected[i], 2e-16 * 4), $"{kernel} double n={n} i={i}: {actual[i]:R} vs {expected[i]:R}");
                Assert.True(Close(actualF[i], expectedF[i], 1.2e-7 * 2), $"{kernel} float n={n} i={i}: {actualF[i]:R} vs {expectedF[i]:R}");
            }

            Assert.Equal(actual, inPlace);
        }
    }

    private static bool Close(double a, double e, double relative) =>
        double.IsNaN(e) ? double.IsNaN(a) : double.IsInfinity(e) ? a == e : Math.Abs(a - e) <= relative * Math.Abs(e);

    [Fact]
    public void Only_the_exponential_map_widens_float_to_double_lanes()
    {
        var sources = Compiled.Value.Run.Sources;
        Assert.Contains("Map512InDouble", sources["Sample.Maps.Weight.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("InDouble", sources["Sample.Maps.Shift.g.cs"], StringComparison.Ordinal);
        Assert.Contains("Float512 Term512(Float512 x", sources["Sample.Maps.Shift.g.cs"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public static double T(double p, double q) => p - q;", "has 2 inputs")]
    [InlineData("public static (double, double) T(double p) => (p, -p);", "returns a tuple of 2 doubles")]
    public void KG0020_what_a_map_cannot_be(string member, string problem)
    {
        GeneratorRun run = GeneratorHarness.Run("using Kernels;\nnamespace Sample;\npublic static partial class Maps\n{\n    [Term(Map = true)] " + member + "\n}\n");
        Microsoft.CodeAnalysis.Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("KG0020", d.Id);
        Assert.Contains(problem, d.GetMessage(), StringComparison.Ordinal);
        string text = "using Kernels;\nnamespace Sample;\npublic static partial class Maps\n{\n    [Term(Map = true)] " + member + "\n}\n";
        Assert.Equal("Map = true", text.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
    }
}
