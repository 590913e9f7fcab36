using System.Threading;
using Kernels.Rows;

namespace Kernels.Benchmarks;

/// <summary>
/// The batch driver's own parallel path (<c>RowDriver.RunParallel</c>) called without the size check in front of it,
/// so that the rows-sweep can time two threads on batches that <see cref="RowDriver.ParallelElements"/> keeps on one.
/// </summary>
internal static unsafe class ForcedParallel
{
    /// <summary>KL of each row of p against the matching row of q into destination, in the driver's blocks, on up to
    /// <paramref name="threads"/> threads whatever the size.</summary>
    public static double KullbackLeibler(float[] p, float[] q, int columns, float[] destination, int threads)
    {
        int rows = destination.Length;
        int blockRows = RowDriver.BlockRows(columns);
        int blocks = (rows + blockRows - 1) / blockRows;
        fixed (float* pp = p)
        fixed (float* qq = q)
        fixed (float* target = destination)
        {
            var source = new RowSource<float>(pp, rows, columns, columns, qq, q.Length, columns, null, new RowSettings(false, 0.0, null));
            _ = RowDriver.RunParallel<RowMeasures.KullbackLeibler, float>(source, target, LogBase.E, blocks, blockRows, threads, CancellationToken.None);
        }

        return destination[0] + destination[^1];
    }
}
