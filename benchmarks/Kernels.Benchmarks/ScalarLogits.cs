using System;

namespace Kernels.Benchmarks;

/// <summary>
/// What a user without this library writes to score rows of logits: per row the maximum m, then Σ e^(z−m) with
/// MathF.Exp, then one Math.Log (log-sum-exp, never a raw softmax). Terms are in float and sums in double, as in the
/// scalar loop of the single-vector comparison, so the comparison is about the exponentials, not the sums.
/// </summary>
internal static class ScalarLogits
{
    /// <summary>H(softmax z) = log Σe^d − Σ d·e^d / Σe^d with d = z − m, for each row into destination[row].</summary>
    public static void Entropy(ReadOnlySpan<float> logits, int columns, Span<float> destination)
    {
        for (int row = 0; row < destination.Length; row++)
        {
            ReadOnlySpan<float> z = logits.Slice(row * columns, columns);
            float m = Maximum(z);
            double sum = 0.0, weighted = 0.0;
            foreach (float value in z)
            {
                float d = value - m;
                float e = MathF.Exp(d);
                sum += e;
                weighted += d * e;
            }

            destination[row] = (float)(Math.Log(sum) - (weighted / sum));
        }
    }

    /// <summary>−log softmax(z)[t] = log Σe^(z−m) − (z_t − m) for each row and its class index t, into destination[row].</summary>
    public static void CrossEntropy(ReadOnlySpan<int> classes, ReadOnlySpan<float> logits, int columns, Span<float> destination)
    {
        for (int row = 0; row < destination.Length; row++)
        {
            ReadOnlySpan<float> z = logits.Slice(row * columns, columns);
            float m = Maximum(z);
            double sum = 0.0;
            foreach (float value in z)
            {
                sum += MathF.Exp(value - m);
            }

            destination[row] = (float)(Math.Log(sum) - (z[classes[row]] - m));
        }
    }

    private static float Maximum(ReadOnlySpan<float> values)
    {
        float maximum = float.NegativeInfinity;
        foreach (float value in values)
        {
            maximum = MathF.Max(maximum, value);
        }

        return maximum;
    }
}
