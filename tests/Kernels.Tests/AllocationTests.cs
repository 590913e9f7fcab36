using System;
using Xunit;

namespace Kernels.Tests;

/// <summary>The hot paths allocate nothing: every public measure, at a length that runs the unrolled loop, the
/// checked blocks (a zero in the data), the remaining vectors and the masked tail.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void PublicMeasuresAllocateNothing()
    {
        const int n = 4099;
        var pf = new float[n];
        var qf = new float[n];
        var pd = new double[n];
        var qd = new double[n];
        var random = new Random(11);
        for (int i = 0; i < n; i++)
        {
            pd[i] = random.NextDouble();
            qd[i] = random.NextDouble();
            pf[i] = (float)pd[i];
            qf[i] = (float)qd[i];
        }

        pf[2000] = 0f;
        pd[2000] = 0.0;
        double sink = 0;
        LogBase[] bases = { LogBase.E, LogBase.Two, LogBase.Of(3.7) };

        void RunAll()
        {
            foreach (LogBase b in bases)
            {
                sink += Information.Entropy(pf, b) + Information.Entropy(pd, b);
                sink += Information.CrossEntropy(pf, qf, b) + Information.CrossEntropy(pd, qd, b);
                sink += Information.KullbackLeibler(pf, qf, b) + Information.KullbackLeibler(pd, qd, b);
                sink += Information.JensenShannonDivergence(pf, qf, b) + Information.JensenShannonDistance(pd, qd, b);
                sink += Information.Normalized.Entropy(pf, b) + Information.Normalized.KullbackLeibler(pd, qd, b);
                sink += Information.Normalized.CrossEntropy(pf, qf, b) + Information.Normalized.JensenShannonDistance(pf, qf, b);
                sink += Information.Normalized.JensenShannonDivergence(pd, qd, b);
            }
        }

        RunAll(); // JIT and statics first
        long before = GC.GetAllocatedBytesForCurrentThread();
        RunAll();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{allocated} bytes allocated (sink {sink})");
    }
}
