using System.Linq;
using Kernels.Generators.Lowering;
using Kernels.Generators.Model;

namespace Kernels.Generators.Planning;

/// <summary>
/// Stage 3 for map terms: a desugared map term → its <see cref="TermPlan"/> with a <see cref="MapPlan"/>. The one
/// decision is the lanes float inputs are computed in: float lanes when every operation rounds at most once relative to
/// its own result (a difference of logits, a scale), double lanes when an exponential of a computed argument would turn
/// the argument's float rounding into a relative error as large as the argument (as the folds decide, by
/// <see cref="Costs.UsesExponential"/>).
/// </summary>
internal static class MapPlanner
{
    public static TermPlan Plan(TermSpec spec)
    {
        var map = new MapPlan(spec.Body, FloatInDouble: spec.FloatInDouble || Costs.UsesExponential(spec.Body));
        var none = new PublicFolds(LogBases: false, Totals: false, Scaled: false, Measure: false, EachRow: false);
        return new TermPlan(spec, none, map.FloatInDouble, RowShapes: false, EquatableArray<TargetPlan>.Empty, Map: map);
    }

    /// <summary>The vector targets of a map, in the order their code is emitted (float targets only when float lanes
    /// are used).</summary>
    public static VectorTarget[] Targets(MapPlan plan) =>
        plan.FloatInDouble ? Planner.Targets.Where(t => !t.IsSingle).ToArray() : Planner.Targets.ToArray();
}
