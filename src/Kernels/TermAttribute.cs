using System;

namespace Kernels;

/// <summary>
/// Marks a pure scalar term: an expression-bodied <c>static double</c> method of one or two <c>double</c>
/// arguments in a <c>static partial class</c>, written over the vocabulary of <see cref="Fn"/>, <see cref="Math"/>
/// (Abs, Min, Max, Sqrt), arithmetic, comparisons and <c>?:</c>. The value is in nats. The Kernels generator
/// compiles it into a nested <c>{Name}Kernel</c> class of fused SIMD reductions over float and double spans;
/// folding the method itself in a plain loop is the reference those kernels are tested against.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TermAttribute : Attribute
{
}
