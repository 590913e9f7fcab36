using System.Linq;
using Kernels.Generators.Lowering;
using Kernels.Generators.Model;

namespace Kernels.Generators.Planning;

/// <summary>
/// Stage 3, plan: a desugared term → its <see cref="TermPlan"/>, every decision about how the kernel computes, made
/// once. The fast-path tree of each output is folded once per element type (<see cref="FastPathFolding"/>); from it
/// and the cost model (<see cref="Costs"/>) follow whether a fast path pays for its domain check, whether a fast body is
/// versioned on its top-level branch, whether the checked body is inlined, how far the loops unroll, whether float
/// inputs are folded in double, and which folds and row shapes exist. Lowering and emitting only follow the plan.
/// </summary>
internal static class Planner
{
    /// <summary>The vector targets, in the order their code is emitted (the maps' too, see <see cref="MapPlanner"/>).</summary>
    internal static readonly VectorTarget[] Targets =
    {
        new("float", "Vector512", "512"), new("float", "Vector", "Vector"),
        new("double", "Vector512", "512"), new("double", "Vector", "Vector"),
    };

    public static TermPlan Plan(TermSpec spec)
    {
        if (spec.Map)
        {
            return MapPlanner.Plan(spec);
        }

        int outputs = spec.Outputs.Count, arity = spec.Inputs.Count;
        var folds = new PublicFolds(
            LogBases: outputs == 1 && spec.Nats && spec.Finish is null,
            Totals: arity <= 2,
            Scaled: outputs == 1 && arity <= 2,
            Measure: spec.Finish is not null,
            EachRow: outputs == 1 || spec.Finish is not null);

        // The fast-path trees depend only on the element type's domain: folded once per element type.
        Node[] single = spec.Outputs.Select(o => FastPathFolding.Fold(o, FastDomain.Single)).ToArray();
        Node[] @double = spec.Outputs.Select(o => FastPathFolding.Fold(o, FastDomain.Double)).ToArray();
        var targets = Targets.Select(t => PlanTarget(spec, t, t.IsSingle ? single : @double));

        // A tuple term's sums share one body (and so every row shape, which then carries one accumulator or one
        // buffer of terms per sum); one sum keeps its own body, versioned on its top-level branch where that pays.
        bool shared = outputs > 1;
        return new TermPlan(spec, folds,
            PrefersDouble: spec.FloatInDouble || spec.Outputs.Any(Costs.UsesExponential),
            RowShapes: arity <= 2,
            new EquatableArray<TargetPlan>(targets.Select(t => shared ? Unversioned(t) : t)),
            SharedBody: shared);
    }

    private static TargetPlan PlanTarget(TermSpec spec, VectorTarget t, Node[] folded)
    {
        BodyPlan[] bodies = spec.Outputs.Select((output, o) => PlanBody(output, folded[o], spec.Inputs.Count)).ToArray();
        return new TargetPlan(t, UnrollOf(t, spec.Outputs.Count, Costs.IsVersioned(folded[0])), bodies.Any(b => b.HasFastPath),
            new EquatableArray<BodyPlan>(bodies));
    }

    /// <summary>The sums of a shared body are computed together, so no sum's body skips a branch on its own.</summary>
    private static TargetPlan Unversioned(TargetPlan t) =>
        t with { Bodies = new EquatableArray<BodyPlan>(t.Bodies.Select(b => b with { Versioning = Versioning.None }).ToArray()) };

    /// <summary>An output has a fast path worth checking the inputs for when its folding for the fast domain picks an
    /// unchecked logarithm, or removes more arithmetic than the check costs (about two operations per input vector),
    /// such as the rescaling of tiny divisors in <c>Terms.SquareOverDivisor</c>. Deciding comparisons alone does not
    /// pay for the check (and inputs outside the domain, such as shifted logits, would send every vector to the
    /// out-of-line checked body); such terms use their checked body everywhere, inlined.</summary>
    private static BodyPlan PlanBody(Node output, Node folded, int inputs)
    {
        bool hasFastPath = Costs.ContainsUncheckedCall(folded) || Costs.Arithmetic(output) - Costs.Arithmetic(folded) > 2 * inputs;
        Versioning versioning = hasFastPath && Costs.IsVersioned(folded)
            ? Costs.CheapWhenTrue((ConditionalNode)folded) ? Versioning.WhenAllTrue : Versioning.WhenAllFalse
            : Versioning.None;
        return new BodyPlan(output, hasFastPath ? folded : output, hasFastPath, versioning, InlineChecked: !Costs.IsExpensive(output));
    }

    /// <summary>Vectors per iteration: enough independent chains to hide latency without spilling registers (AVX-512
    /// has 32 vector registers, AVX2 16): a versioned float body already has two chains of its own.</summary>
    private static int UnrollOf(VectorTarget t, int outputs, bool versioned) =>
        t.Static == "Vector512" ? (outputs == 1 ? 4 : 2) : outputs == 1 && t.IsSingle && !versioned ? 2 : 1;
}
