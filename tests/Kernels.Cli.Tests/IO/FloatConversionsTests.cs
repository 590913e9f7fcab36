using System;
using System.Linq;
using Kernels.Cli.IO;
using Xunit;
using static Kernels.Cli.Tests.IO.MatrixReading;

namespace Kernels.Cli.Tests.IO;

/// <summary>The vectorized float ↔ double conversions agree with the scalar casts at every length (vector blocks and
/// tails) and on the special values; the same type is a copy.</summary>
public sealed class FloatConversionsTests
{
    private static readonly double[] Specials =
    {
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.Epsilon, 1e-45, 1.4e-45, 3.5e38, -3.5e38,
        1.0000000596046448, 1.0000000596046450, 0.1, 1.0 / 3,
    };

    [Fact]
    public void WideningIsExactAtEveryLength()
    {
        var random = new Random(5);
        for (int length = 0; length <= 70; length++)
        {
            float[] source = Enumerable.Range(0, length).Select(i => i < Specials.Length ? (float)Specials[i] : (float)(random.NextDouble() * 1e6)).ToArray();
            double[] destination = new double[length + 3];

            FloatConversions.Convert<float, double>(source, destination);

            AssertSameValues(source.Select(v => (double)v).ToArray(), destination[..length]);
            Assert.Equal(new double[3], destination[length..]);
        }
    }

    [Fact]
    public void NarrowingRoundsLikeTheCastAtEveryLength()
    {
        var random = new Random(6);
        for (int length = 0; length <= 70; length++)
        {
            double[] source = Enumerable.Range(0, length).Select(i => i < Specials.Length ? Specials[i] : random.NextDouble() * 1e6).ToArray();
            float[] destination = new float[length + 3];

            FloatConversions.Convert<double, float>(source, destination);

            AssertSameValues(source.Select(v => (float)v).ToArray(), destination[..length]);
            Assert.Equal(new float[3], destination[length..]);
        }
    }

    [Fact]
    public void TheSameTypeIsCopiedBitForBit()
    {
        double[] doubles = Specials.Append(BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_0000_1234))).ToArray();
        float[] singles = doubles.Select(v => (float)v).Append(BitConverter.Int32BitsToSingle(unchecked((int)0xFFC0_1234))).ToArray();
        double[] copiedDoubles = new double[doubles.Length];
        float[] copiedSingles = new float[singles.Length];

        FloatConversions.Convert<double, double>(doubles, copiedDoubles);
        FloatConversions.Convert<float, float>(singles, copiedSingles);

        Assert.Equal(doubles.Select(BitConverter.DoubleToInt64Bits), copiedDoubles.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(singles.Select(BitConverter.SingleToInt32Bits), copiedSingles.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void AShortDestinationIsAnArgumentError()
    {
        Assert.Throws<ArgumentException>(() => FloatConversions.Convert<float, double>(new float[3], new double[2]));
        Assert.Throws<ArgumentException>(() => FloatConversions.Convert<double, float>(new double[3], new float[2]));
    }
}
