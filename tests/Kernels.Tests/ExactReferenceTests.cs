using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// The exact reference cases (Data/exact-cases.json, see exact-cases.README.md): expected values computed with
/// 50-digit decimal arithmetic on the exact float/double inputs. One theory row per case; the contract tolerance
/// <c>tol</c> must hold, and float entropy and cross-entropy also meet the README's 4 float ulps.
/// </summary>
public sealed class ExactReferenceTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, ExactCase>> Cases = new(Load);

    public static TheoryData<string> Labels()
    {
        var data = new TheoryData<string>();
        foreach (string label in Cases.Value.Keys)
        {
            data.Add(label);
        }

        return data;
    }

    public static TheoryData<string> NatsLabels()
    {
        var data = new TheoryData<string>();
        foreach (ExactCase c in Cases.Value.Values.Where(c => c.Base == "e" && c.Measure != "logbase" && !c.Expect.EndsWith("Exception", StringComparison.Ordinal)))
        {
            data.Add(c.Label);
        }

        return data;
    }

    [Fact]
    public void TheFileHoldsEveryDocumentedCase()
    {
        Assert.Equal(287, Cases.Value.Count);

        // The README says every float input is exactly representable; that holds for the value cases (the ones where
        // it matters). Some categorical cases (NaN, ±∞, p == q) carry double-precision inputs that round when cast.
        foreach (ExactCase c in Cases.Value.Values.Where(c => c.Type == "float" && c.Expect == "value"))
        {
            Assert.All(c.P.Concat(c.Q ?? []), s => Assert.Equal(Parse(s), (double)(float)Parse(s)));
        }
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public void MeetsItsExpectation(string label)
    {
        ExactCase c = Cases.Value[label];
        switch (c.Expect)
        {
            case "ArgumentException":
                Assert.Throws<ArgumentException>(() => Call(c));
                return;
            case "ArgumentOutOfRangeException":
                Assert.Throws<ArgumentOutOfRangeException>(() => Call(c));
                return;
        }

        double actual = Call(c);
        switch (c.Expect)
        {
            case "value":
                double expected = Parse(c.Value!);
                double tolerance = c.Tol!.Value;
                Assert.True(Math.Abs(actual - expected) <= tolerance, $"{label}: got {actual:R}, expected {expected:R} ± {tolerance:R} (error {Math.Abs(actual - expected):R} = {Math.Abs(actual - expected) / tolerance:F2}·tol)");
                break;
            case "zero":
                Assert.True(BitConverter.DoubleToInt64Bits(actual) == 0L, $"{label}: got {actual:R} (bits {BitConverter.DoubleToInt64Bits(actual):X16}), expected +0.0");
                break;
            case "finite":
                Assert.True(double.IsFinite(actual), $"{label}: got {actual:R}, expected a finite value");
                break;
            case "inf":
                Assert.Equal(double.PositiveInfinity, actual);
                break;
            case "-inf":
                Assert.Equal(double.NegativeInfinity, actual);
                break;
            case "nan":
                Assert.True(double.IsNaN(actual), $"{label}: got {actual:R}, expected NaN");
                break;
            default:
                Assert.Fail($"{label}: unknown expectation '{c.Expect}'");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(NatsLabels))]
    public void BaseEOverloadAgreesWithTheDefault(string label)
    {
        // Where a case is in nats, the overload taking LogBase.E must give the same bits as the one without a base.
        ExactCase c = Cases.Value[label];
        double withoutBase = Call(c);
        double withBase = Api.Raw(MeasureOf(c), c.Type == "float", Values(c.P), c.Q is null ? null : Values(c.Q), LogBase.E);
        Assert.Equal(BitConverter.DoubleToInt64Bits(withoutBase), BitConverter.DoubleToInt64Bits(withBase));
    }

    public static TheoryData<string> FloatEntropyLabels()
    {
        var data = new TheoryData<string>();
        foreach (ExactCase c in Cases.Value.Values.Where(c => c.Type == "float" && c.Expect == "value" && c.Measure is "entropy" or "cross_entropy"))
        {
            data.Add(c.Label);
        }

        return data;
    }

    /// <summary>The README's float bound, at that bound: float entropy and cross-entropy within 4 float ulps of the
    /// exact (50-digit) value, for every float entropy and cross-entropy value case (the file's <c>tol</c> is the
    /// looser 8·ε·Σ|term| scale, 9–18 float ulps on these cases).</summary>
    [Theory]
    [MemberData(nameof(FloatEntropyLabels))]
    public void FloatEntropyAndCrossEntropyAreWithinFourFloatUlps(string label)
    {
        ExactCase c = Cases.Value[label];
        double actual = Call(c);
        double expected = Parse(c.Value!);
        float e = (float)Math.Abs(expected);
        double ulp = (double)MathF.BitIncrement(e) - e;
        double error = Math.Abs(actual - expected);
        Assert.True(error <= 4 * ulp, $"{label}: got {actual:R}, exact {expected:R}: error {error / ulp:F2} float ulps, bound 4");
    }

    private static double Call(ExactCase c)
    {
        if (c.Measure == "logbase")
        {
            return LogBase.Of(ParseBase(c.Base)).Value;
        }

        LogBase? logBase = c.Base == "e" ? null : LogBase.Of(ParseBase(c.Base));
        return Api.Raw(MeasureOf(c), c.Type == "float", Values(c.P), c.Q is null ? null : Values(c.Q), logBase);
    }

    private static Measure MeasureOf(ExactCase c) => c.Measure switch
    {
        "entropy" => Measure.Entropy,
        "cross_entropy" => Measure.CrossEntropy,
        "kl" => Measure.KullbackLeibler,
        "js" => Measure.JensenShannonDivergence,
        _ => throw new InvalidDataException($"unknown measure '{c.Measure}' in {c.Label}"),
    };

    private static double[] Values(string[] text) => text.Select(Parse).ToArray();

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double ParseBase(string text) => text.ToLowerInvariant() switch
    {
        "nan" => double.NaN,
        "inf" or "+inf" or "infinity" => double.PositiveInfinity,
        "-inf" or "-infinity" => double.NegativeInfinity,
        _ => Parse(text),
    };

    private static IReadOnlyDictionary<string, ExactCase> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "exact-cases.json");
        using FileStream stream = File.OpenRead(path);
        CaseFile file = JsonSerializer.Deserialize<CaseFile>(stream) ?? throw new InvalidDataException(path);
        return file.Cases.ToDictionary(c => c.Label, StringComparer.Ordinal);
    }

    private sealed record CaseFile([property: JsonPropertyName("cases")] ExactCase[] Cases);

    private sealed record ExactCase(
        [property: JsonPropertyName("label")] string Label,
        [property: JsonPropertyName("measure")] string Measure,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("base")] string Base,
        [property: JsonPropertyName("p")] string[] P,
        [property: JsonPropertyName("q")] string[]? Q,
        [property: JsonPropertyName("expect")] string Expect,
        [property: JsonPropertyName("value")] string? Value,
        [property: JsonPropertyName("tol")] double? Tol,
        [property: JsonPropertyName("tol_stretch")] double? TolStretch);
}
