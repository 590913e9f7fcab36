using Kernels.Generators.Model;

namespace Kernels.Generators.Planning;

/// <summary>Everything decided about a map term ([Term(Map = true)]): what <c>Emitter.Maps</c> prints.</summary>
/// <param name="Body">The desugared term, the tree every vector body lowers (maps have no fast path: each lane's value is
/// stored whatever its domain, and there is no fold to hand over between a fast and a general loop).</param>
/// <param name="FloatInDouble">Whether float inputs are widened to double lanes, mapped, and rounded once to float (terms
/// with an exponential of a computed argument, or FloatInDouble): float lanes would leave the argument's rounding
/// magnified by its size in the result.</param>
internal sealed record MapPlan(Node Body, bool FloatInDouble);
