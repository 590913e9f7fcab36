using System;
using Kernels.Verification;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// One wording per argument error (<see cref="ThrowHelper"/>): each error, reached through the public functions that
/// raise it, names its argument and the numbers, float and double alike; the row and destination errors the batch
/// surface shares are checked on the helper itself.
/// </summary>
public sealed class ArgumentErrorTests
{
    public static TheoryData<bool> Types() => new() { false, true };

    [Theory]
    [MemberData(nameof(Types))]
    public void DifferentLengthsNameBothInputsAndLengths(bool single)
    {
        const string expected = "The inputs must have the same length; p has 3 elements and q has 5.";
        double[] p = [0.5, 0.25, 0.25], q = [0.2, 0.2, 0.2, 0.2, 0.2];
        foreach (Func<double> call in new Func<double>[]
        {
            () => single ? Measures.RenyiDivergence(F(p), F(q), 2.5) : Measures.RenyiDivergence(p, q, 2.5),
            () => single ? Measures.BhattacharyyaDistance(F(p), F(q)) : Measures.BhattacharyyaDistance(p, q),
            () => single ? Information.Normalized.JensenShannonDivergence(F(p), F(q)) : Information.Normalized.JensenShannonDivergence(p, q),
            () => single ? KernelCheck.Magnitude(F(p), F(q), Terms.KullbackLeibler) : KernelCheck.Magnitude(p, q, Terms.KullbackLeibler),
        })
        {
            ArgumentException error = Assert.Throws<ArgumentException>(() => call());
            Assert.Equal("q", error.ParamName);
            Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void NegativeCountNamesItsIndexAndValue(bool single)
    {
        double[] counts = [3, 0, 2, -1.5, 4];
        ArgumentException error = Assert.Throws<ArgumentException>(() => single ? Measures.MillerMadowEntropy(F(counts)) : Measures.MillerMadowEntropy(counts));
        Assert.Equal("counts", error.ParamName);
        Assert.StartsWith("counts[3] is -1.5; every entry of counts must be ≥ 0.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void NegativeTableEntryNamesItsRowColumnElementAndValue(bool single)
    {
        double[] joint = [1, 2, 3, 4, 5, -0.25];
        ArgumentException error = Assert.Throws<ArgumentException>(() => single ? Measures.MutualInformation(F(joint), 3) : Measures.MutualInformation(joint, 3));
        Assert.Equal("joint", error.ParamName);
        Assert.StartsWith("joint[1, 2] (element 5) is -0.25; every entry of joint must be ≥ 0.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void OrdersAndIndicesOutOfRangeNameAlphaAndItsValue(bool single)
    {
        double[] p = [0.5, 0.5];
        ArgumentOutOfRangeException order = Assert.Throws<ArgumentOutOfRangeException>(() => single ? Measures.RenyiEntropy(F(p), -0.5) : Measures.RenyiEntropy(p, -0.5));
        Assert.Equal("alpha", order.ParamName);
        Assert.Equal(-0.5, order.ActualValue);
        Assert.StartsWith("alpha is -0.5; the order α must be ≥ 0 (+∞ allowed).", order.Message, StringComparison.Ordinal);

        ArgumentOutOfRangeException divergence = Assert.Throws<ArgumentOutOfRangeException>(() => single ? Measures.RenyiDivergence(F(p), F(p), double.NaN) : Measures.RenyiDivergence(p, p, double.NaN));
        Assert.StartsWith("alpha is NaN; the order α must be ≥ 0 (+∞ allowed).", divergence.Message, StringComparison.Ordinal);

        ArgumentOutOfRangeException index = Assert.Throws<ArgumentOutOfRangeException>(() => single ? Measures.TsallisEntropy(F(p), double.PositiveInfinity) : Measures.TsallisEntropy(p, double.PositiveInfinity));
        Assert.Equal("alpha", index.ParamName);
        Assert.StartsWith("alpha is Infinity; the index α must be finite.", index.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidLogBaseNamesItsValue()
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => LogBase.Of(-2.5));
        Assert.Equal("b", error.ParamName);
        Assert.StartsWith("b is -2.5; a log base must be finite, greater than 0 and not 1.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void TableShapesNameTheColumnsAndTheLength(bool single)
    {
        double[] joint = [1, 2, 3, 4, 5, 6, 7];
        ArgumentOutOfRangeException columns = Assert.Throws<ArgumentOutOfRangeException>(() => single ? Measures.ConditionalEntropy(F(joint), 0) : Measures.ConditionalEntropy(joint, 0));
        Assert.Equal("columns", columns.ParamName);
        Assert.Equal(0, columns.ActualValue);
        Assert.StartsWith("columns is 0; the column count must be positive.", columns.Message, StringComparison.Ordinal);

        ArgumentException rows = Assert.Throws<ArgumentException>(() => single ? Measures.ConditionalEntropy(F(joint), 3) : Measures.ConditionalEntropy(joint, 3));
        Assert.Equal("joint", rows.ParamName);
        Assert.StartsWith("joint has 7 elements, which is not a whole number of rows of 3 columns.", rows.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowAndDestinationErrorsNameTheirNumbers()
    {
        ArgumentException dense = Assert.Throws<ArgumentException>(() => ThrowHelper.NotWholeRows("p", 10, 3, 3));
        Assert.Equal("p", dense.ParamName);
        Assert.StartsWith("p has 10 elements, which is not a whole number of rows of 3 columns.", dense.Message, StringComparison.Ordinal);

        ArgumentException strided = Assert.Throws<ArgumentException>(() => ThrowHelper.NotWholeRows("q", 10, 3, 4));
        Assert.Equal("q", strided.ParamName);
        Assert.StartsWith("q has 10 elements, which is not a whole number of rows of 3 columns 4 apart ((rows − 1)·4 + 3 or rows·4 elements).", strided.Message, StringComparison.Ordinal);

        ArgumentException destination = Assert.Throws<ArgumentException>(() => ThrowHelper.DestinationNotOnePerRow(3, 4, "p"));
        Assert.Equal("destination", destination.ParamName);
        Assert.StartsWith("destination has 3 elements; expected 4, one per row of p.", destination.Message, StringComparison.Ordinal);

        ArgumentException shape = Assert.Throws<ArgumentException>(() => ThrowHelper.LengthNotExpected("q", 5, "12 (the 4 rows of 3 columns of p)"));
        Assert.Equal("q", shape.ParamName);
        Assert.StartsWith("q has 5 elements; expected 12 (the 4 rows of 3 columns of p).", shape.Message, StringComparison.Ordinal);

        ArgumentOutOfRangeException stride = Assert.Throws<ArgumentOutOfRangeException>(() => ThrowHelper.StrideBelowColumns(nameof(BatchOptions.RowStride), 2, 3));
        Assert.Equal("options", stride.ParamName);
        Assert.Equal(2, stride.ActualValue);
        Assert.StartsWith("BatchOptions.RowStride is 2; it must be 0 (dense rows) or at least the column count (3).", stride.Message, StringComparison.Ordinal);
    }

    private static float[] F(double[] values) => Array.ConvertAll(values, x => (float)x);
}
