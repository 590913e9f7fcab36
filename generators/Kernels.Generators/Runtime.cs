using System;
using Kernels.Generators.Model;

namespace Kernels.Generators;

/// <summary>
/// Every member of the Kernels runtime that generated code names, spelled out in full once: the types and modes of a
/// fold (<c>Kernels.Support</c>), the per-vector steps of <c>FoldSupport</c>, the per-block helpers and sizes of
/// <c>RowSupport</c>, and the <c>VectorMath</c> functions a term body calls. Renaming one in src/Kernels means changing
/// it here; where the plan chooses between two helpers (a sum or a maximum), both are named here and the emitter picks.
/// </summary>
internal static class Runtime
{
    private const string Support = "global::Kernels.Support";
    private const string FoldSupport = Support + ".FoldSupport";
    private const string RowSupport = Support + ".RowSupport";
    private const string VectorMath = "global::Kernels.VectorMath";

    // ---- types and fold modes ----
    public const string FoldTotals = Support + ".FoldTotals";
    public const string IFoldMode = Support + ".IFoldMode";
    public const string RowLayout = Support + ".RowLayout";
    public const string LogBase = "global::Kernels.LogBase";
    public const string Plain = Support + ".FoldModes.Plain";
    public const string WithTotals = Support + ".FoldModes.WithTotals";
    public const string ScaledInputs = Support + ".FoldModes.ScaledInputs";

    // ---- FoldSupport: scalar steps (compensated in double), and their maximum forms ----
    public const string Add = FoldSupport + ".Add";
    public const string AddMaximum = FoldSupport + ".AddMaximum";
    public const string Combine = FoldSupport + ".Combine";
    public const string CombineMaximum = FoldSupport + ".CombineMaximum";
    public const string Adjust = FoldSupport + ".Adjust";
    public const string AdjustInSingle = FoldSupport + ".AdjustInSingle";

    // ---- FoldSupport: vector steps ----
    public const string Accumulate = FoldSupport + ".Accumulate";
    public const string AccumulateMaximum = FoldSupport + ".AccumulateMaximum";
    public const string Widen = FoldSupport + ".Widen";
    public const string WidenMaximum = FoldSupport + ".WidenMaximum";
    public const string Maximum = FoldSupport + ".Maximum";
    public const string Reduce = FoldSupport + ".Reduce";
    public const string ReduceMaximum = FoldSupport + ".ReduceMaximum";
    public const string DomainOffset = FoldSupport + ".DomainOffset";
    public const string InFastDomain = FoldSupport + ".InFastDomain";

    // ---- RowSupport: checks, per-block helpers and block sizes ----
    public const string CheckRows = RowSupport + ".CheckRows";
    public const string ResultBlockRows = RowSupport + ".ResultBlockRows";
    public const string Parameter = RowSupport + ".Parameter";
    public const string ParameterLanes = RowSupport + ".ParameterLanes";
    public const string ParameterLanes512 = RowSupport + ".ParameterLanes512";
    public const string Transpose = RowSupport + ".Transpose";
    public const string Lane = RowSupport + ".Lane";
    public const string LaneMaximum = RowSupport + ".LaneMaximum";
    public const string Sum = RowSupport + ".Sum";
    public const string SumWithin = RowSupport + ".SumWithin";
    public const string MaximumWithin = RowSupport + ".MaximumWithin";
    public const string Tile = RowSupport + ".Tile";
    public const string Pad = RowSupport + ".Pad";
    public const string Spread = RowSupport + ".Spread";
    public const string ChunkColumns = RowSupport + ".ChunkColumns";
    public const string FlatChunkElements = RowSupport + ".FlatChunkElements";
    public const string FlatStrideFactor = RowSupport + ".FlatStrideFactor";
    public const string WideSingleColumns = RowSupport + ".WideSingleColumns";
    public const string WideDoubleColumns = RowSupport + ".WideDoubleColumns";
    public const string FlatSingleColumns = RowSupport + ".FlatSingleColumns";
    public const string FlatDoubleColumns = RowSupport + ".FlatDoubleColumns";

    // ---- VectorMath: the vocabulary's vector functions ----
    public const string Log = VectorMath + ".Log";
    public const string Log1p = VectorMath + ".Log1p";
    public const string LogRatio = VectorMath + ".LogRatio";
    public const string Exp = VectorMath + ".Exp";
    public const string Pow = VectorMath + ".Pow";
    public const string LogUnchecked = VectorMath + ".LogUnchecked";
    public const string LogRatioUnchecked = VectorMath + ".LogRatioUnchecked";
    public const string PowUnchecked = VectorMath + ".PowUnchecked";

    /// <summary>The VectorMath function of a vocabulary call: its checked form, or the unchecked one for arguments
    /// proven in range.</summary>
    public static string VectorFunction(Function function, bool isUnchecked) => (function, isUnchecked) switch
    {
        (Function.Log, false) => Log,
        (Function.Log1p, false) => Log1p,
        (Function.LogRatio, false) => LogRatio,
        (Function.Exp, false) => Exp,
        (Function.Pow, false) => Pow,
        (Function.Log, true) => LogUnchecked,
        (Function.LogRatio, true) => LogRatioUnchecked,
        (Function.Pow, true) => PowUnchecked,
        _ => throw new InvalidOperationException($"{function} has no {(isUnchecked ? "unchecked " : string.Empty)}VectorMath form"),
    };
}
