using System;

namespace CustomMeasure;

/// <summary>One element's term, as written in <see cref="SampleTerms"/>.</summary>
public delegate double PairTerm(double p, double q);

/// <summary>A generated fold over double spans: Σ term(pᵢ, qᵢ).</summary>
public delegate double DoubleFold(ReadOnlySpan<double> p, ReadOnlySpan<double> q);

/// <summary>A generated fold over float spans: Σ term(pᵢ, qᵢ), returned in double.</summary>
public delegate double SingleFold(ReadOnlySpan<float> p, ReadOnlySpan<float> q);

/// <summary>
/// A measure under test: the term itself, which is the specification, and the two kernels the generator compiled from
/// it. A term with parameters or a finisher fits the same shape through lambdas, e.g.
/// <c>(p, q) => T.Renyi(p, q, 2.0)</c> and <c>(p, q) => T.RenyiKernel.Fold(p, q, 2.0)</c>.
/// </summary>
public sealed record Measure(string Name, PairTerm Term, DoubleFold FoldDouble, SingleFold FoldSingle)
{
    /// <summary>The reference: the term called element by element in a plain loop, summed with compensation.</summary>
    public double Reference(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        CompensatedSum sum = default;
        for (int i = 0; i < p.Length; i++)
        {
            sum.Add(Term(p[i], q[i]));
        }

        return sum.Value;
    }

    /// <summary>The reference over float inputs: each element widened to double exactly, then as above.</summary>
    public double Reference(ReadOnlySpan<float> p, ReadOnlySpan<float> q)
    {
        CompensatedSum sum = default;
        for (int i = 0; i < p.Length; i++)
        {
            sum.Add(Term(p[i], q[i]));
        }

        return sum.Value;
    }
}

/// <summary>Neumaier's compensated sum: the rounding error of every addition is kept and added back at the end, so the
/// reference's own summation error is about one rounding of the result, whatever the length.</summary>
public struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    /// <summary>Adds one value.</summary>
    public void Add(double x)
    {
        double t = _sum + x;
        _compensation += Math.Abs(_sum) >= Math.Abs(x) ? (_sum - t) + x : (x - t) + _sum;
        _sum = t;
    }

    /// <summary>The sum so far. Infinities and NaN pass through as in a plain sum.</summary>
    public readonly double Value => double.IsFinite(_sum) ? _sum + _compensation : _sum;
}
