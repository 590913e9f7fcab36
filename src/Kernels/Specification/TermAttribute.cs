using System;

namespace Kernels;

/// <summary>
/// Marks a pure scalar term: an expression-bodied <c>static</c> method in a top-level <c>static partial class</c> whose
/// parameters are one to four <c>double</c> inputs (one element of each input span), optionally followed by up to three
/// <c>double</c> parameters marked <see cref="TermParameterAttribute"/> (the same value for every element, such as a
/// Rényi order), returning a <c>double</c> or a tuple of two to four doubles (several sums folded in one pass). It is
/// written over the vocabulary of <see cref="Fn"/> and <see cref="Math"/>, arithmetic, comparisons and <c>?:</c> (see
/// <c>docs/terms.md</c>). The Kernels generator compiles it into a nested <c>{Name}Kernel</c> class of fused SIMD folds
/// over float and double spans, one row at a time or over a whole span; folding the method itself in a plain loop is
/// the reference those kernels are tested against.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TermAttribute : Attribute
{
    /// <summary>The name (use <c>nameof</c>) of a static method of the same class that turns the fold's sums into the
    /// measure: <c>static double Finish(double sum, …)</c> with one double per sum the term returns, then the term's
    /// parameters. The kernel class then also gets <c>Measure</c> and <c>MeasureEachRow</c>. It runs once per fold
    /// (or per row), in plain C#.</summary>
    public string? Finish { get; set; }

    /// <summary>Whether the result is in nats, so that the kernel class offers log-base overloads (bits, hartleys,
    /// any base). Terms that call a natural logarithm (<c>Fn.Log</c>, <c>Fn.Log1p</c>, <c>Fn.LogRatio</c>,
    /// <c>Fn.XLogY</c>, <c>Math.Log</c>) are in nats without saying so; set this for measures whose logarithm is
    /// elsewhere (in the finisher, or in the data, like a log-variance).</summary>
    public bool Nats { get; set; }

    /// <summary>Whether float inputs are widened to double and the term computed in double (as it is automatically for
    /// terms that take a general power or an exponential of a computed argument): for terms whose sums cancel in the finisher, where float
    /// terms would leave float rounding errors magnified in the result.</summary>
    public bool FloatInDouble { get; set; }

    /// <summary>Whether the fold takes the largest term instead of the sum: max over the elements, NaN if any term is
    /// NaN, −∞ for empty input (for the α = ∞ limits, L∞ distances, worst-case ratios). The term returns one double;
    /// the kernels have the same shapes and names (<c>Fold</c> then returns the maximum, <c>FoldEachRow</c> one per
    /// row) and the same fast path and masked tail, with max in place of +.</summary>
    public bool Maximum { get; set; }

    /// <summary>Whether the term is an elementwise map instead of a fold: one input, then [TermParameter] values (one per
    /// call, such as a row's maximum), one double out. The kernel class then has <c>Map(x, parameters…, destination)</c>
    /// writing the term of each element to destination (which may be x itself, but no other overlap of x), and
    /// <c>MapReference</c>, the term in a plain loop.</summary>
    public bool Map { get; set; }
}

/// <summary>Marks a trailing parameter of a <see cref="TermAttribute">term</see> as a scalar parameter: one value for
/// the whole fold (such as an order α), passed to the generated kernels after the input spans.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class TermParameterAttribute : Attribute
{
}
