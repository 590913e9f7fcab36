using System;
using System.Linq;
using Xunit;

namespace Kernels.Generators.Tests;

/// <summary>Compiles the sample terms with their generated kernels once, for every test of the class.</summary>
public sealed class SampleAssemblyFixture : IDisposable
{
    public SampleAssemblyFixture()
    {
        Run = GeneratorHarness.Run(new SourceFile("Measures.cs", Samples.Measures), new SourceFile("Runner.cs", Samples.Runner));
        Loaded = LoadedAssembly.Emit(Run.Output);
    }

    internal GeneratorRun Run { get; }

    internal LoadedAssembly Loaded { get; }

    public void Dispose() => Loaded.Dispose();
}

/// <summary>The generated kernels agree with the scalar terms they were compiled from.</summary>
public sealed class CompileAndRunTests : IClassFixture<SampleAssemblyFixture>
{
    private const string Runner = "Sample.Runner";

    /// <summary>The README's double sum bound, 8ε·Σ|term| (ε = 2^-52), doubled: the scalar reference (the term in a
    /// plain loop) has rounding errors of its own, a few ε·Σ|term| on these deterministic inputs.</summary>
    private const double DoubleTolerance = 16 * 2.220446049250313e-16;

    /// <summary>The float kernels evaluate each term in float (log within 2 ulps, one product) and sum in double:
    /// 4 float ε (2^-23) relative to Σ|term|.</summary>
    private const double FloatTolerance = 4 * 1.1920928955078125e-7;
    private readonly SampleAssemblyFixture _sample;

    public CompileAndRunTests(SampleAssemblyFixture sample) => _sample = sample;

    public static TheoryData<int> Lengths => new() { 0, 1, 7, 16, 33, 100, 1000 };

    [Fact]
    public void Output_compilation_has_no_errors()
    {
        Assert.Empty(_sample.Run.GeneratorDiagnostics);
        Assert.True(_sample.Run.OutputErrors.IsEmpty, GeneratorRun.Describe(_sample.Run.OutputErrors));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Double_folds_match_the_scalar_terms(int length)
    {
        foreach (bool withZeros in new[] { false, true })
        {
            double[] p = Inputs.Probabilities(length, seed: length, withZeros);
            double[] q = Inputs.Probabilities(length, seed: length + 7919, withZeros);

            AssertClose(_sample.Loaded.Call<double>(Runner, "ReferenceKl", p, q), _sample.Loaded.Call<double>(Runner, "RunKl", p, q),
                _sample.Loaded.Call<double>(Runner, "MagnitudeKl", p, q), DoubleTolerance, $"Kl, n = {length}, zeros = {withZeros}");
            AssertClose(_sample.Loaded.Call<double>(Runner, "ReferenceEntr", p), _sample.Loaded.Call<double>(Runner, "RunEntr", p),
                _sample.Loaded.Call<double>(Runner, "MagnitudeEntr", p), DoubleTolerance, $"Entr, n = {length}, zeros = {withZeros}");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Float_folds_match_the_scalar_terms_to_float_precision(int length)
    {
        // The float kernels evaluate the term in float (the reference widens to double first), so the bound is
        // relative to Σ|term| at FloatTolerance.
        foreach (bool withZeros in new[] { false, true })
        {
            float[] pf = Inputs.Probabilities(length, seed: length + 1, withZeros).Select(x => (float)x).ToArray();
            float[] qf = Inputs.Probabilities(length, seed: length + 104729, withZeros).Select(x => (float)x).ToArray();
            double[] p = pf.Select(x => (double)x).ToArray();
            double[] q = qf.Select(x => (double)x).ToArray();

            AssertClose(_sample.Loaded.Call<double>(Runner, "ReferenceKl", p, q), _sample.Loaded.Call<double>(Runner, "RunKlSingle", pf, qf),
                _sample.Loaded.Call<double>(Runner, "MagnitudeKl", p, q), FloatTolerance, $"Kl float, n = {length}, zeros = {withZeros}");
            AssertClose(_sample.Loaded.Call<double>(Runner, "ReferenceEntr", p), _sample.Loaded.Call<double>(Runner, "RunEntrSingle", pf),
                _sample.Loaded.Call<double>(Runner, "MagnitudeEntr", p), FloatTolerance, $"Entr float, n = {length}, zeros = {withZeros}");
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(37)]
    [InlineData(1000)]
    public void Totals_scales_and_bases_are_consistent_with_the_plain_fold(int length)
    {
        double[] p = Inputs.Probabilities(length, seed: 11, withZeros: true);
        double[] q = Inputs.Probabilities(length, seed: 13, withZeros: true);
        double plain = _sample.Loaded.Call<double>(Runner, "RunKl", p, q);
        double magnitude = _sample.Loaded.Call<double>(Runner, "MagnitudeKl", p, q);

        double[] totals = _sample.Loaded.Call<double[]>(Runner, "KlWithTotals", p, q);
        AssertClose(plain, totals[0], magnitude, DoubleTolerance, "FoldWithTotals.Sum");
        AssertClose(p.Sum(), totals[1], p.Sum(), DoubleTolerance, "FoldWithTotals.SumP");
        AssertClose(q.Sum(), totals[2], q.Sum(), DoubleTolerance, "FoldWithTotals.SumQ");

        double[] ps = p.Select(x => x * 0.5).ToArray();
        double[] qs = q.Select(x => x * 0.25).ToArray();
        AssertClose(_sample.Loaded.Call<double>(Runner, "ReferenceKl", ps, qs), _sample.Loaded.Call<double>(Runner, "KlScaled", p, q, 0.5, 0.25),
            _sample.Loaded.Call<double>(Runner, "MagnitudeKl", ps, qs), DoubleTolerance, "FoldScaled");

        AssertClose(plain / Math.Log(2.0), _sample.Loaded.Call<double>(Runner, "KlLog2", p, q), magnitude, DoubleTolerance, "FoldLog2");
        AssertClose(plain / Math.Log(3.0), _sample.Loaded.Call<double>(Runner, "KlBase", p, q, 3.0), magnitude, DoubleTolerance, "Fold(LogBase.Of(3))");
    }

    [Fact]
    public void Inputs_of_different_lengths_throw()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => _sample.Loaded.Call<double>(Runner, "RunKl", new double[3], new double[4]));
        Assert.Equal("q", e.ParamName);
    }

    /// <summary>|expected − actual| ≤ tolerance · Σ|termᵢ| (the sum's condition), plus a floor for all-zero sums.</summary>
    private static void AssertClose(double expected, double actual, double magnitude, double tolerance, string what)
    {
        double bound = tolerance * Math.Max(magnitude, double.Epsilon);
        Assert.True(Math.Abs(expected - actual) <= bound,
            $"{what}: expected {expected:R}, got {actual:R} (difference {Math.Abs(expected - actual):R} > bound {bound:R})");
    }
}

/// <summary>Deterministic test inputs.</summary>
internal static class Inputs
{
    /// <summary>Values in (0, 1] spread over several decades, optionally with about one in eight set to 0 so the
    /// checked term (and not only the fast path) is exercised.</summary>
    public static double[] Probabilities(int length, int seed, bool withZeros)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = withZeros && random.Next(8) == 0 ? 0.0 : Math.Pow(10.0, -6.0 * random.NextDouble());
        }

        return values;
    }
}
