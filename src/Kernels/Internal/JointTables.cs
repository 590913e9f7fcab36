using System;
using System.Buffers;

namespace Kernels;

/// <summary>
/// Mutual information and conditional entropy of a joint table P(X = i, Y = j) (row-major, rows × columns), from its
/// marginals: R (row sums, each a compensated fold), C (column sums) and N = ΣR. Each row then goes through one fused
/// fold with the row and the marginal scaled inside the kernel: I = Σᵢ (Rᵢ/N)·D(row ᵢ/Rᵢ ‖ C/N) and
/// H(Y | X) = Σᵢ (Rᵢ/N)·H(row ᵢ/Rᵢ); rows with Rᵢ = 0 carry no weight. Float tables are widened to double first (a
/// pooled buffer), so the marginal is not rounded to float. Scratch comes from <see cref="ArrayPool{T}"/>.
/// </summary>
internal static class JointTables
{
    public static double Information(ReadOnlySpan<double> joint, int columns, bool mutual)
    {
        int rows = Rows(joint.Length, columns);
        if (rows == 0)
        {
            return 0.0;
        }

        double[] rowSums = ArrayPool<double>.Shared.Rent(rows);
        double[] columnSums = ArrayPool<double>.Shared.Rent(columns);
        try
        {
            return Information(joint, rows, columns, rowSums.AsSpan(0, rows), columnSums.AsSpan(0, columns), mutual);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rowSums);
            ArrayPool<double>.Shared.Return(columnSums);
        }
    }

    public static double Information(ReadOnlySpan<float> joint, int columns, bool mutual)
    {
        int rows = Rows(joint.Length, columns);
        if (rows == 0)
        {
            return 0.0;
        }

        double[] widened = ArrayPool<double>.Shared.Rent(joint.Length);
        try
        {
            Span<double> table = widened.AsSpan(0, joint.Length);
            for (int i = 0; i < joint.Length; i++)
            {
                table[i] = joint[i];
            }

            return Information(table, columns, mutual);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(widened);
        }
    }

    private static double Information(ReadOnlySpan<double> joint, int rows, int columns, Span<double> rowSums, Span<double> columnSums, bool mutual)
    {
        // Column sums (and the check that no entry is negative) in one plain pass; row sums as compensated row folds.
        columnSums.Clear();
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<double> row = joint.Slice(r * columns, columns);
            for (int c = 0; c < columns; c++)
            {
                double x = row[c];
                if (x < 0.0)
                {
                    ThrowHelper.NegativeTableEntry(nameof(joint), r, c, columns, x);
                }

                columnSums[c] += x;
            }
        }

        Sums.TotalKernel.FoldEachRow(joint, columns, rowSums);
        double total = Sums.TotalKernel.Fold(rowSums);
        if (!(total > 0.0))
        {
            return double.NaN;
        }

        double result = 0.0, carry = 0.0;
        for (int r = 0; r < rows; r++)
        {
            double weight = rowSums[r];
            if (weight == 0.0)
            {
                continue;
            }

            ReadOnlySpan<double> row = joint.Slice(r * columns, columns);
            double measure = mutual
                ? Terms.KullbackLeiblerKernel.FoldScaled(row, columnSums, 1.0 / weight, 1.0 / total)
                : Terms.EntropyKernel.FoldScaled(row, 1.0 / weight);
            (result, carry) = Support.FoldSupport.Add(result, carry, (weight / total) * measure);
        }

        return Support.FoldSupport.Combine(result, carry) + 0.0;
    }

    private static int Rows(int length, int columns)
    {
        ThrowHelper.ThrowIfColumnsNotPositive(columns);
        if (length % columns != 0)
        {
            ThrowHelper.NotWholeRows("joint", length, columns);
        }

        return length / columns;
    }
}
