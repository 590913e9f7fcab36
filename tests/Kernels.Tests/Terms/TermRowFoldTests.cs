using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kernels.Verification;
using Xunit;

namespace Kernels.Tests;

/// <summary>A batch for the row folds: rows × columns of one kind of input, optionally one shared second row.</summary>
public sealed record RowCase(KernelInputKind Kind, int Seed, int Rows, int Columns, bool Shared)
{
    public override string ToString() => $"{Kind} {Rows}×{Columns}{(Shared ? " shared" : string.Empty)} seed={Seed}";
}

/// <summary>
/// <c>FoldEachRow</c> and <c>MeasureEachRow</c> of every term against <c>Fold</c> and <c>Measure</c> of each row on
/// its own: narrow rows (1–40 columns, where the flat and the transposed row folds run), wide rows (one row at a time),
/// row counts around the 128-row result blocks, a shared second row. The row folds sum in another order than the
/// single fold, so each row is held to twice the single-fold bound (both are within one bound of the reference);
/// special values must be identical. Also their argument errors.
/// </summary>
public sealed class TermRowFoldTests
{
    private static readonly int[] RowCounts = { 0, 1, 2, 3, 5, 8, 17, 127, 128, 129, 300 };

    public static Arbitrary<RowCase> Cases() => Arb.From(
        from kind in Gen.Elements(KernelInputs.Kinds.ToArray())
        from rows in Gen.Elements(RowCounts)
        from columns in Gen.OneOf(Gen.Choose(1, 40), Gen.Choose(41, 160))
        from shared in Gen.Elements(false, true)
        from seed in Gen.Choose(0, int.MaxValue)
        select new RowCase(kind, seed, rows, columns, shared));

    [Property(Arbitrary = new[] { typeof(TermRowFoldTests) }, MaxTest = 10)]
    public void EachRowAgreesWithTheRowOnItsOwn(RowCase batch)
    {
        foreach (TermKernel term in TermKernels.All)
        {
            double alpha = term.HasAlpha ? TermKernels.Alphas[batch.Seed % TermKernels.Alphas.Length] : 0.0;
            CheckRows(term, batch, alpha);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(255)]
    [InlineData(256)]
    public void EachColumnCountAroundTheRowFoldThresholds(int columns)
    {
        foreach (TermKernel term in TermKernels.All)
        {
            foreach (KernelInputKind kind in new[] { KernelInputKind.Specials, columns % 2 == 0 ? KernelInputKind.Clean : KernelInputKind.Zeros })
            {
                CheckRows(term, new RowCase(kind, columns, 131, columns, Shared: columns % 2 == 1), 2.0);
            }
        }
    }

    private static void CheckRows(TermKernel term, RowCase batch, double alpha)
    {
        bool shared = batch.Shared && term.SharedRow && batch.Rows > 1;
        double[][] inputs = term.Inputs(TermCase.Build(batch.Kind, batch.Seed, batch.Rows * batch.Columns));
        if (shared)
        {
            inputs[1] = term.Inputs(TermCase.Build(batch.Kind, batch.Seed + 1, batch.Columns))[1];
        }

        float[][] singles = TermKernels.ToSingle(inputs);
        var destination = new double[batch.Rows];
        var destinationSingle = new double[batch.Rows];
        term.EachRow(inputs, batch.Columns, destination, alpha);
        term.EachRowSingle(singles, batch.Columns, destinationSingle, alpha);
        for (int r = 0; r < batch.Rows; r++)
        {
            double[][] row = inputs.Select((x, k) => shared && k == 1 ? x : x.AsSpan(r * batch.Columns, batch.Columns).ToArray()).ToArray();
            float[][] rowSingle = TermKernels.ToSingle(row);
            string what = $"{term.Name} α={alpha:R} {batch} shared={shared} row {r}";
            CheckRow($"{what} double", term, row, destination[r], alpha, inFloat: false, single: null);
            CheckRow($"{what} float", term, TermKernels.Widen(rowSingle), destinationSingle[r], alpha, inFloat: !term.FloatInDouble, single: rowSingle);
        }
    }

    private static void CheckRow(string what, TermKernel term, double[][] row, double actual, double alpha, bool inFloat, float[][]? single)
    {
        double[] bounds = TermAgreement.Bounds(TermAgreement.Scales(term, row, alpha), row[0].Length, inFloat, term.ErrorScaleShift).Select(b => 2.0 * b).ToArray();
        double[] sums = single is null ? term.Fold(row, alpha) : term.FoldSingle(single, alpha);
        bool[]? beyond = inFloat ? TermAgreement.BeyondFloat(term, row, alpha) : null;
        if (term.Finish is null)
        {
            TermAgreement.CheckSums(what, [actual], sums, bounds, beyond);
            return;
        }

        if (beyond is not null && beyond.Any(b => b))
        {
            return; // the tolerated float overflow (TermAgreement.BeyondFloat), which only sum-only terms have today
        }

        double measure = single is null ? term.Measure!(row, alpha) : term.MeasureSingle!(single, alpha);
        double bound = TermAgreement.MeasureBound(term.Finish, sums, bounds, alpha);
        if (double.IsFinite(measure) && double.IsNaN(bound))
        {
            return; // ill-conditioned finisher at these sums (see TermAgreement.MeasureBound)
        }

        KernelCheck.Assert(actual, measure, double.IsNaN(bound) ? 0.0 : bound, 1.0, what);
    }

    [Fact]
    public void RowFoldsRejectShapesThatAreNotWholeRows()
    {
        foreach (TermKernel term in TermKernels.All)
        {
            double[][] six = Enumerable.Repeat(new[] { 0.1, 0.2, 0.3, 0.1, 0.2, 0.1 }, term.Arity).ToArray();
            string first = term.Kernel.GetMethod("FoldReference", [.. Enumerable.Repeat(typeof(ReadOnlySpan<double>), term.Arity), .. term.HasAlpha ? new[] { typeof(double) } : []])!
                .GetParameters()[0].Name!;

            var columnsZero = Assert.Throws<ArgumentOutOfRangeException>(() => term.EachRow(six, 0, new double[1], 2.0));
            Assert.Equal("columns", columnsZero.ParamName);
            Assert.Throws<ArgumentOutOfRangeException>(() => term.EachRow(six, -3, new double[1], 2.0));

            var partial = Assert.Throws<ArgumentException>(() => term.EachRow(six, 4, new double[1], 2.0));
            Assert.Equal(first, partial.ParamName);
            Assert.Contains("6", partial.Message, StringComparison.Ordinal);

            var destination = Assert.Throws<ArgumentException>(() => term.EachRow(six, 3, new double[3], 2.0));
            Assert.Equal("destination", destination.ParamName);
            Assert.Contains("expected 2", destination.Message, StringComparison.Ordinal);

            var destinationSingle = Assert.Throws<ArgumentException>(() => term.EachRowSingle(TermKernels.ToSingle(six), 2, new double[2], 2.0));
            Assert.Equal("destination", destinationSingle.ParamName);

            if (term.Arity > 1)
            {
                // Every input after the first: of another shape (and, where a shared row is allowed, not one row either).
                for (int k = 1; k < term.Arity; k++)
                {
                    double[][] wrong = six.Select((x, j) => j == k ? x[..5] : x).ToArray();
                    var mismatch = Assert.Throws<ArgumentException>(() => term.EachRow(wrong, 3, new double[2], 2.0));
                    Assert.Contains("5 elements", mismatch.Message, StringComparison.Ordinal);
                    Assert.NotEqual(first, mismatch.ParamName);
                }
            }

            // No rows is no work, not an error.
            term.EachRow(Enumerable.Repeat(Array.Empty<double>(), term.Arity).ToArray(), 3, [], 2.0);
        }
    }

    [Fact]
    public void ASharedRowIsAcceptedOnlyWhereTheTermAllowsIt()
    {
        foreach (TermKernel term in TermKernels.All.Where(t => t.Arity > 1))
        {
            double[][] inputs = Enumerable.Repeat(new[] { 0.1, 0.2, 0.3, 0.1, 0.2, 0.1 }, term.Arity).ToArray();
            inputs[1] = [0.2, 0.3, 0.5];
            if (term.SharedRow)
            {
                term.EachRow(inputs, 3, new double[2], 2.0);
            }
            else
            {
                Assert.Throws<ArgumentException>(() => term.EachRow(inputs, 3, new double[2], 2.0));
            }
        }
    }
}
