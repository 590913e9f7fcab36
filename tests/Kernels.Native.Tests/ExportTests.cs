using System;
using System.Runtime.InteropServices;
using Kernels.Native;
using Xunit;

namespace Kernels.Native.Tests;

/// <summary>The C ABI's entry points called through unmanaged function pointers, as C calls them, on the JIT (so the
/// suite's SIMD-width matrix covers them): the same numbers as the .NET API, the .NET message behind a status, and
/// no allocation on a successful call.</summary>
public sealed unsafe class ExportTests
{
    private static readonly double[] P = [0.5, 0.25, 0.125, 0.0625, 0.0625, 0.0, 1e-300, 0.25, 0.125, 0.3];
    private static readonly double[] Q = [0.25, 0.25, 0.25, 0.0625, 0.0, 0.5, 1e-300, 0.125, 0.125, 0.1];

    private static string LastErrorText()
    {
        delegate* unmanaged<byte*> lastError = &Exports.LastErrorMessage;
        return Marshal.PtrToStringUTF8((IntPtr)lastError())!;
    }

    [Fact]
    public void Vector_gives_the_values_of_the_dotnet_api()
    {
        delegate* unmanaged<int, double*, double*, long, NativeOptions*, double*, int> vector = &DoubleExports.Vector;
        double result;
        fixed (double* p = P, q = Q)
        {
            Assert.Equal(0, vector((int)Measure.CrossEntropy, p, q, 5, null, &result));
            Assert.Equal(Information.CrossEntropy(P.AsSpan(0, 5), Q.AsSpan(0, 5)), result);
            Assert.Equal(0, vector((int)Measure.JensenShannonDistance, p, q, P.Length, null, &result));
            Assert.Equal(Information.JensenShannonDistance(P, Q), result);
        }
    }

    [Fact]
    public void A_failure_returns_its_status_and_the_dotnet_message()
    {
        delegate* unmanaged<int, double*, double*, long, NativeOptions*, double*, int> vector = &DoubleExports.Vector;
        NativeOptions options = new(logBase: -1.0);
        double result = 42.0;
        string expected = Assert.Throws<ArgumentOutOfRangeException>(() => LogBase.Of(-1.0)).Message;
        fixed (double* p = P)
        {
            Assert.Equal((int)Status.OutOfRange, vector((int)Measure.Entropy, p, null, P.Length, &options, &result));
        }

        Assert.Equal(expected, LastErrorText());
        Assert.Equal(42.0, result);
    }

    [Fact]
    public void Successful_calls_allocate_nothing()
    {
        delegate* unmanaged<int, double*, double*, long, NativeOptions*, double*, int> vector = &DoubleExports.Vector;
        delegate* unmanaged<int, double*, double*, long, long, NativeOptions*, double*, int> rows = &DoubleExports.Rows;
        delegate* unmanaged<int*, double*, long, long, int, NativeOptions*, double*, int> classes = &DoubleExports.ClassesReduce;
        NativeOptions* options = stackalloc NativeOptions[1];
        *options = new NativeOptions(logBase: 2.0, threads: 1, qRows: 1);
        double* destination = stackalloc double[2];
        int* targets = stackalloc int[2] { 1, 3 };
        double* result = stackalloc double[1];
        fixed (double* p = P, q = Q)
        {
            double* pp = p, qq = q;
            long vectorBytes = Allocated(() => vector((int)Measure.KullbackLeibler, pp, qq, P.Length, options, result));
            long rowsBytes = Allocated(() => rows((int)Measure.JensenShannonDivergence, pp, qq, 2, 5, options, destination));
            long classesBytes = Allocated(() => classes(targets, pp, 2, 5, 1, options, result));
            Assert.Equal((0L, 0L, 0L), (vectorBytes, rowsBytes, classesBytes));
        }
    }

    // Bytes allocated by 100 calls after 100 warm-up calls (the first calls may allocate while the JIT tiers up).
    private static long Allocated(Func<int> call)
    {
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(0, call());
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            call();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void An_unknown_measure_is_refused_without_an_exception_escaping()
    {
        delegate* unmanaged<int, double*, double*, long, NativeOptions*, double*, int> vector = &DoubleExports.Vector;
        double result;
        fixed (double* p = P)
        {
            Assert.Equal((int)Status.InvalidArgument, vector(0, p, p, P.Length, null, &result));
        }

        Assert.StartsWith("measure is 0;", LastErrorText());
    }
}
