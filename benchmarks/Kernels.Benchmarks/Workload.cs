using System;
using System.Numerics;

namespace Kernels.Benchmarks;

/// <summary>The fixed-seed inputs of one size and the scratch buffers the TensorPrimitives composition writes to,
/// allocated once so that no candidate allocates while it is timed.</summary>
internal sealed class Workload<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _scratch;
    private readonly T[] _mid;
    private T[]? _nearQ;

    public Workload(int n)
    {
        (P, Q) = Probabilities.Pair<T>(n);
        _scratch = new T[n];
        _mid = new T[n];
    }

    public T[] P { get; }

    public T[] Q { get; }

    /// <summary>q within ±0.5% of p (for <see cref="Measure.JensenShannonNearEqual"/>).</summary>
    public T[] NearQ => _nearQ ??= Probabilities.NearlyEqual(P);

    public int Length => P.Length;

    public double Ours(Measure measure) => Candidates.Ours<T>(Actual(measure), P, SecondInput(measure));

    public double ScalarLoop(Measure measure) => Candidates.ScalarLoop<T>(Actual(measure), P, SecondInput(measure));

    public double TensorPrimitives(Measure measure) => Candidates.TensorPrimitives<T>(Actual(measure), P, SecondInput(measure), _scratch, _mid);

    public double Roofline(Measure measure) => Candidates.Roofline<T>(Actual(measure), P, SecondInput(measure));

    /// <summary>The second input of a measure: the near-equal q for the drift case, else q.</summary>
    public T[] SecondInput(Measure measure) => measure == Measure.JensenShannonNearEqual ? NearQ : Q;

    /// <summary>The measure actually computed (the drift case is Jensen–Shannon on other inputs).</summary>
    public static Measure Actual(Measure measure) => measure == Measure.JensenShannonNearEqual ? Measure.JensenShannon : measure;

    /// <summary>Whether the candidate computes this measure in T here (the native peers only when built, and SimSIMD
    /// has no entropy or cross-entropy).</summary>
    public static bool Offers(Candidate candidate, Measure measure) =>
        candidate is not (Candidate.GccOfast or Candidate.SimSimd) || NativePeers.Has<T>(candidate, measure);

    public double Run(Candidate candidate, Measure measure) => candidate switch
    {
        Candidate.Kernels => Ours(measure),
        Candidate.ScalarLoop => ScalarLoop(measure),
        Candidate.TensorPrimitives => TensorPrimitives(measure),
        Candidate.Roofline => Roofline(measure),
        Candidate.GccOfast or Candidate.SimSimd => NativePeers.Run(candidate, measure, P, SecondInput(measure)),
        _ => throw new ArgumentOutOfRangeException(nameof(candidate), candidate, "Unknown candidate."),
    };
}
