using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using Xunit;
using Xunit.Abstractions;

namespace Kernels.Tests;

/// <summary>
/// The exact reference cases (Data/exact-cases.json, see exact-cases.README.md): expected values computed with
/// 50-digit decimal arithmetic on the exact float/double inputs. One theory row per case; the contract tolerance
/// <c>tol</c> must hold, and how many cases also meet the tighter aim <c>tol_stretch</c> is reported separately.
/// </summary>
public sealed class ExactReferenceTests(ITestOutputHelper output)
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

    [Fact]
    public void ReportsHowManyCasesMeetTheStretchAim()
    {
        // Not a failure criterion: tol_stretch (2·ε·Σ|term|, paired JS terms) is an aim, tol is the contract.
        var rows = Cases.Value.Values.Where(c => c.Expect == "value")
            .Select(c => (Case: c, Error: Math.Abs(Call(c) - Parse(c.Value!))))
            .ToList();
        var missed = rows.Where(r => r.Error > r.Case.TolStretch!.Value).ToList();
        output.WriteLine($"{rows.Count - missed.Count} of {rows.Count} value cases meet tol_stretch; {rows.Count(r => r.Error <= r.Case.Tol!.Value)} meet tol.");
        foreach (var group in rows.GroupBy(r => (r.Case.Type, r.Case.Measure)).OrderBy(g => g.Key))
        {
            output.WriteLine($"  {group.Key.Type} {group.Key.Measure}: {group.Count(r => r.Error <= r.Case.TolStretch!.Value)}/{group.Count()} meet tol_stretch; worst error {group.Max(r => r.Error / r.Case.TolStretch!.Value):F2}·tol_stretch");
        }

        foreach (var (c, error) in missed.OrderByDescending(r => r.Error / r.Case.TolStretch!.Value).Take(30))
        {
            output.WriteLine($"  over stretch: {c.Label}: error {error:R} = {error / c.TolStretch!.Value:F2}·tol_stretch = {error / c.Tol!.Value:F2}·tol");
        }

        Assert.NotEmpty(rows);
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
