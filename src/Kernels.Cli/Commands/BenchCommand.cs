using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Numerics.Tensors;

namespace Kernels.Cli.Commands;

/// <summary>
/// <c>kernels bench</c>: the quick ratio table on this machine: our kernels against a scalar loop of the same
/// semantics and the TensorPrimitives composition a .NET user would write, float, one thread, steady state (each
/// call warmed up for a second, then interleaved samples; medians). The full suite is benchmarks/Kernels.Benchmarks.
/// </summary>
internal static class BenchCommand
{
    /// <summary>The command, its action bound to <paramref name="context"/>; <c>--io</c> adds <see cref="BenchIoCommand"/>.</summary>
    public static Command Create(CommandContext context)
    {
        var quick = new Option<bool>("--quick") { Description = "Fewer, shorter samples" };
        var io = new Option<bool>("--io") { Description = "Also time 'score' end to end on 200,000 rows × 32 doubles in each file format" };
        var bench = new Command("bench", "Time our kernels against a scalar loop and the TensorPrimitives composition on this machine and print the ratios") { quick, io };
        bench.SetAction(result => Cli.Guard(context.Stderr, () =>
        {
            int exit = Run(context.StdoutText, result.GetValue(quick));
            if (result.GetValue(io))
            {
                context.StdoutText.WriteLine();
                BenchIoCommand.Run(context.StdoutText, result.GetValue(quick));
            }

            return exit;
        }));
        return bench;
    }

    /// <summary>Times the kernels and prints the ratio table to <paramref name="output"/>.</summary>
    public static int Run(TextWriter output, bool quick)
    {
        int rounds = quick ? 3 : 7;
        TimeSpan warmUp = TimeSpan.FromMilliseconds(quick ? 400 : 1000);
        output.WriteLine($"kernels bench: float, one thread, ns per element (lower is better); {Environment.ProcessorCount} cores, Vector<float>.Count = {System.Numerics.Vector<float>.Count}, Vector512 accelerated: {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}");
        output.WriteLine();
        output.WriteLine("| measure | n | ours | scalar loop | TensorPrimitives | scalar / ours | TP / ours |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (int n in quick ? new[] { 65_536 } : new[] { 4_096, 65_536, 1_048_576 })
        {
            var random = new Random(42);
            float[] p = Distribution(random, n), q = Distribution(random, n);
            float[] temp = new float[n];
            Row(output, "entropy", n, rounds, warmUp,
                () => Information.Entropy(p),
                () => ScalarEntropy(p),
                () =>
                {
                    TensorPrimitives.Log(p, temp);
                    return -TensorPrimitives.Dot(p, temp);
                });
            Row(output, "kl", n, rounds, warmUp,
                () => Information.KullbackLeibler(p, q),
                () => ScalarKullbackLeibler(p, q),
                () =>
                {
                    TensorPrimitives.Divide(p, q, temp);
                    TensorPrimitives.Log(temp, temp);
                    return TensorPrimitives.Dot(p, temp);
                });
        }

        output.WriteLine();
        output.WriteLine("The TensorPrimitives composition returns NaN as soon as one p is 0 (0·log 0) and loses digits near p ≈ q; ours does neither.");
        return Cli.Success;
    }

    private static void Row(TextWriter output, string name, int n, int rounds, TimeSpan warmUp, Func<double> ours, Func<double> scalar, Func<double> composition)
    {
        Func<double>[] calls = { ours, scalar, composition };
        foreach (Func<double> call in calls)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < warmUp)
            {
                call();
            }
        }

        var samples = calls.Select(_ => new List<double>()).ToArray();
        for (int round = 0; round < rounds; round++)
        {
            for (int c = 0; c < calls.Length; c++)
            {
                int repeats = Math.Max(1, 2_000_000 / n);
                var clock = Stopwatch.StartNew();
                for (int i = 0; i < repeats; i++)
                {
                    calls[c]();
                }

                samples[c].Add(clock.Elapsed.TotalNanoseconds / repeats / n);
            }
        }

        double[] medians = samples.Select(s => s.OrderBy(x => x).ElementAt(s.Count / 2)).ToArray();
        output.WriteLine(FormattableString.Invariant($"| {name} | {n:N0} | {medians[0]:F3} | {medians[1]:F3} | {medians[2]:F3} | {medians[1] / medians[0]:F2}× | {medians[2] / medians[0]:F2}× |"));
    }

    private static float[] Distribution(Random random, int n)
    {
        float[] values = new float[n];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            values[i] = (float)(random.NextDouble() + 1e-3);
            sum += values[i];
        }

        for (int i = 0; i < n; i++)
        {
            values[i] = (float)(values[i] / sum);
        }

        return values;
    }

    private static double ScalarEntropy(float[] p)
    {
        double sum = 0;
        foreach (float x in p)
        {
            sum += x > 0 ? -x * Math.Log(x) : 0.0;
        }

        return sum;
    }

    private static double ScalarKullbackLeibler(float[] p, float[] q)
    {
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            sum += p[i] > 0 ? p[i] * Math.Log((double)p[i] / q[i]) : 0.0;
        }

        return sum;
    }
}
