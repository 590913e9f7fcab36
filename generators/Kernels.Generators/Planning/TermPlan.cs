using Kernels.Generators.Lowering;
using Kernels.Generators.Model;

namespace Kernels.Generators.Planning;

/// <summary>Everything decided about one term, for every vector target: what the emitter prints. Equatable, so the
/// incremental pipeline emits a term again only when a decision changes.</summary>
/// <param name="Spec">The desugared term.</param>
/// <param name="Folds">Which public folds and row folds the kernel class has.</param>
/// <param name="PrefersDouble">Whether the public float folds widen the inputs to double (the InDouble folds).</param>
/// <param name="RowShapes">Whether the narrow-row shapes (transposed, flat) exist; otherwise every row goes through
/// the ordinary fold.</param>
/// <param name="Targets">One plan per vector target, float targets first, the widest first within an element type.</param>
/// <param name="SharedBody">Whether the sums of a tuple term are computed by one vector body per target (fast and
/// checked), so that subexpressions the sums share (an exponential feeding Σe^d and Σ−d·e^d) are computed once per
/// element; every loop then calls that body once per vector and accumulates each of its results.</param>
/// <param name="Map">For a map term ([Term(Map = true)]), its plan (see <see cref="MapPlanner"/>); the fold members are then
/// empty. Null for a fold.</param>
internal sealed record TermPlan(
    TermSpec Spec,
    PublicFolds Folds,
    bool PrefersDouble,
    bool RowShapes,
    EquatableArray<TargetPlan> Targets,
    bool SharedBody = false,
    MapPlan? Map = null);

/// <summary>Which public members a kernel class has beside Fold and FoldReference.</summary>
/// <param name="LogBases">FoldLog2, FoldLog10 and Fold(…, LogBase): one sum in nats, no finisher.</param>
/// <param name="Totals">FoldWithTotals: at most two inputs, whose sums it returns.</param>
/// <param name="Scaled">FoldScaled and FoldScaledInDouble: one sum, at most two inputs.</param>
/// <param name="Measure">Measure: the term has a finisher (and Measure(…, LogBase) when in nats).</param>
/// <param name="EachRow">FoldEachRow or MeasureEachRow: one sum, or a finisher that makes one number of several.</param>
internal sealed record PublicFolds(bool LogBases, bool Totals, bool Scaled, bool Measure, bool EachRow);

/// <summary>The decisions for one vector target.</summary>
/// <param name="Target">Element type and width family.</param>
/// <param name="Unroll">Vectors per iteration of the unrolled loops.</param>
/// <param name="HasFastPath">Whether any output has a fast path worth checking the inputs for (otherwise inDomain is
/// simply true and the general loops call the checked bodies only).</param>
/// <param name="Bodies">One plan per output (per sum of a tuple term).</param>
internal sealed record TargetPlan(VectorTarget Target, int Unroll, bool HasFastPath, EquatableArray<BodyPlan> Bodies);

/// <summary>How one output's two vector bodies are computed.</summary>
/// <param name="Checked">The tree of the checked body (any lanes): the desugared output.</param>
/// <param name="Fast">The tree of the unchecked body (lanes in the fast domain): the fast-path folding of
/// <paramref name="Checked"/> when <paramref name="HasFastPath"/>, else <paramref name="Checked"/> itself.</param>
/// <param name="HasFastPath">Whether the folding pays for the domain check.</param>
/// <param name="Versioning">Whether the fast body's top-level ?: skips its expensive branch when every lane takes the
/// cheap one.</param>
/// <param name="InlineChecked">Whether the checked body is inlined (it has no logarithm, exponential, power or long
/// polynomial) rather than kept out of line.</param>
internal sealed record BodyPlan(Node Checked, Node Fast, bool HasFastPath, Versioning Versioning, bool InlineChecked);

/// <summary>The shortcut a fast body takes when every lane goes the same way at its top-level ?:.</summary>
internal enum Versioning
{
    /// <summary>No shortcut: the body is one straight line.</summary>
    None,

    /// <summary>When every lane's condition is true, only the true branch is computed.</summary>
    WhenAllTrue,

    /// <summary>When every lane's condition is false, only the false branch is computed.</summary>
    WhenAllFalse,
}
