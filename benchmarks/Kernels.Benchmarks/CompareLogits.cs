using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Numerics.Tensors;
using System.Text;

namespace Kernels.Benchmarks;

/// <summary>
/// <c>compare logits [--quick]</c>: the logits family, float32, 4M elements per call (k = 10 and 1000 columns), in ns per
/// element: ours on one thread and on two, against a scalar loop (what a user writes without the library: MathF.Exp per
/// element, sums in double) and against the exponential's throughput limit (TensorPrimitives.Exp then Sum over the same
/// elements: one vectorized exponential per element and nothing else). Rows are the op keys of
/// benchmarks/pytorch/bench_logits.py, so benchmarks/pytorch/run_logits.py can divide PyTorch's times by ours.
/// Interleaved steady-state timing (<see cref="SteadyState"/>); run with TieredCompilation as configured by the runner.
/// </summary>
internal static class CompareLogits
{
    private const int Elements = 1 << 22;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Run(bool quick)
    {
        var elapsed = Stopwatch.StartNew();
        var unsettled = new List<string>();
        TimingSettings settings = TimingSettings.OfBatch(quick);
        var text = new StringBuilder(Machine.Title("compare logits", quick));
        text.AppendLine();
        text.AppendLine("ns per element, float32, about 4.2M elements per call (whole rows: 2^22 rounded down to a multiple of k); speed-ups are the scalar loop's (or the limit's) time over ours (one thread).");
        text.AppendLine();
        text.AppendLine("| op | k | ours, 1 thread | ours, 2 threads | 2 threads / 1 | scalar loop | ours vs scalar | Σe^x limit | ours / limit |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.Write(text.ToString());

        foreach (int k in new[] { 10, 1000 })
        {
            int rows = Elements / k, n = rows * k; // whole rows: 4,194,300 elements at k = 10, 4,194,000 at k = 1000
            var random = new Random(k);
            float[] z = Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() - 0.5) * 8.0)).ToArray();
            float[] a = Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * -6.0) - 0.01)).ToArray();
            float[] y = Enumerable.Range(0, n).Select(_ => random.Next(2) == 0 ? 0f : 1f).ToArray();
            int[] classes = Enumerable.Range(0, rows).Select(_ => random.Next(k)).ToArray();
            float[] weights = Enumerable.Range(0, k).Select(_ => (float)(0.5 + random.NextDouble())).ToArray();
            float[] scores = new float[rows], scratch = new float[n];
            var one = new BatchOptions { MaxDegreeOfParallelism = 1 };
            var two = new BatchOptions { MaxDegreeOfParallelism = 2 };

            double Limit()
            {
                TensorPrimitives.Exp(z, scratch);
                return TensorPrimitives.Sum<float>(scratch);
            }

            var ops = new (string Key, Func<BatchOptions, double> Ours, Func<double>? Scalar)[]
            {
                ("ce", o => { Batch.CrossEntropyFromLogits(classes, z, k, scores, LogBase.E, o); return scores[0]; },
                    () => { ScalarLogits.CrossEntropy(classes, z, k, scores); return scores[0]; }),
                ("ce-smooth", o => { Batch.CrossEntropyFromLogits(classes, z, k, scores, LogBase.E, o, 0.1); return scores[0]; }, null),
                ("ce-weight", o => { Batch.CrossEntropyFromLogits(classes, z, weights, k, scores, LogBase.E, o); return scores[0]; }, null),
                ("entropy", o => { Batch.EntropyFromLogits(z, k, scores, LogBase.E, o); return scores[0]; },
                    () => { ScalarLogits.Entropy(z, k, scores); return scores[0]; }),
                ("kl", o => { Batch.KullbackLeiblerFromLogProbabilities(a, z, k, scores, LogBase.E, o); return scores[0]; },
                    () => { ScalarKullbackLeibler(a, z, k, scores); return scores[0]; }),
                ("bce", o => { Batch.BinaryCrossEntropyFromLogits(y, z, k, scores, o); return scores[0]; },
                    () => { ScalarBinaryCrossEntropy(y, z, k, scores); return scores[0]; }),
                ("bce-posw", o => { Batch.BinaryCrossEntropyFromLogits(y, z, weights, k, scores, o); return scores[0]; }, null),
            };

            foreach ((string key, Func<BatchOptions, double> ours, Func<double>? scalar) in ops)
            {
                var candidates = new List<Timed>
                {
                    new($"{key} k={k} ours 1T", () => ours(one)),
                    new($"{key} k={k} ours 2T", () => ours(two)),
                    new($"{key} k={k} limit", Limit),
                };
                if (scalar is not null)
                {
                    candidates.Add(new Timed($"{key} k={k} scalar", scalar));
                }

                foreach (Timed candidate in candidates)
                {
                    if (!SteadyState.Settle(candidate.Call, settings.WarmUp))
                    {
                        unsettled.Add(candidate.Label);
                    }
                }

                Sample[] s = SteadyState.Interleaved(candidates, n, settings, unsettled);
                string scalarText = scalar is null ? "—" : F(s[3].Median);
                string versus = scalar is null ? "—" : $"{s[3].Median / s[0].Median:0.0}×";
                Console.WriteLine(string.Create(Invariant,
                    $"| {key} | {k} | {F(s[0].Median)} | {F(s[1].Median)} | {s[0].Median / s[1].Median:0.00}× | {scalarText} | {versus} | {F(s[2].Median)} | {s[0].Median / s[2].Median:0.0}× |"));
            }
        }

        Console.WriteLine();
        Console.Write(SteadyState.Footer(unsettled, elapsed.Elapsed));
    }

    private static string F(double ns) => ns.ToString(ns < 1.0 ? "0.000" : "0.00", Invariant);

    /// <summary>Σ e^a·(a − b) per row, MathF.Exp per element, summed in double.</summary>
    private static void ScalarKullbackLeibler(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int columns, Span<float> destination)
    {
        for (int row = 0; row < destination.Length; row++)
        {
            double sum = 0.0;
            for (int j = row * columns; j < (row + 1) * columns; j++)
            {
                sum += MathF.Exp(a[j]) * (a[j] - b[j]);
            }

            destination[row] = (float)sum;
        }
    }

    /// <summary>Σ max(z, 0) − z·y + log(1 + e^−|z|) per row, MathF per element, summed in double.</summary>
    private static void ScalarBinaryCrossEntropy(ReadOnlySpan<float> y, ReadOnlySpan<float> z, int columns, Span<float> destination)
    {
        for (int row = 0; row < destination.Length; row++)
        {
            double sum = 0.0;
            for (int j = row * columns; j < (row + 1) * columns; j++)
            {
                float v = z[j];
                sum += MathF.Max(v, 0f) - (v * y[j]) + MathF.Log(1f + MathF.Exp(-MathF.Abs(v)));
            }

            destination[row] = (float)sum;
        }
    }
}
