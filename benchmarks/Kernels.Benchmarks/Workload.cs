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

    public Workload(int n)
    {
        (P, Q) = Probabilities.Pair<T>(n);
        _scratch = new T[n];
        _mid = new T[n];
    }

    public T[] P { get; }

    public T[] Q { get; }

    public int Length => P.Length;

    public double Ours(Measure measure) => Candidates.Ours<T>(measure, P, Q);

    public double ScalarLoop(Measure measure) => Candidates.ScalarLoop<T>(measure, P, Q);

    public double TensorPrimitives(Measure measure) => Candidates.TensorPrimitives<T>(measure, P, Q, _scratch, _mid);

    public double Roofline(Measure measure) => Candidates.Roofline<T>(measure, P, Q);

    public double Run(Candidate candidate, Measure measure) => candidate switch
    {
        Candidate.Kernels => Ours(measure),
        Candidate.ScalarLoop => ScalarLoop(measure),
        Candidate.TensorPrimitives => TensorPrimitives(measure),
        Candidate.Roofline => Roofline(measure),
        _ => throw new ArgumentOutOfRangeException(nameof(candidate), candidate, "Unknown candidate."),
    };
}
