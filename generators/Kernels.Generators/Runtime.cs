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
    /// <summary>The using aliases at the top of every generated file: short names for the runtime's classes and the
    /// vector types, each bound to its global:: name, so that the code reads like hand-written code and still means the
    /// same whatever a using directive of the user's brings in. The names are distinctive (Float512, Simd512, …) so that a
    /// user's own types are unlikely to shadow them.</summary>
    public static readonly (string Alias, string Target)[] Aliases =
    {
        ("FoldModes", Support + ".FoldModes"),
        ("FoldSupport", Support + ".FoldSupport"),
        ("FoldTotals", Support + ".FoldTotals"),
        ("IFoldMode", Support + ".IFoldMode"),
        ("RowLayout", Support + ".RowLayout"),
        ("RowSupport", Support + ".RowSupport"),
        ("VectorMath", "global::Kernels.VectorMath"),
        ("MemoryMarshal", "global::System.Runtime.InteropServices.MemoryMarshal"),
        ("MethodImpl", "global::System.Runtime.CompilerServices.MethodImplAttribute"),
        ("MethodImplOptions", "global::System.Runtime.CompilerServices.MethodImplOptions"),
        ("Simd", "global::System.Numerics.Vector"),
        ("Simd512", "global::System.Runtime.Intrinsics.Vector512"),
        ("FloatVector", "global::System.Numerics.Vector<float>"),
        ("DoubleVector", "global::System.Numerics.Vector<double>"),
        ("IntVector", "global::System.Numerics.Vector<int>"),
        ("LongVector", "global::System.Numerics.Vector<long>"),
        ("UIntVector", "global::System.Numerics.Vector<uint>"),
        ("ULongVector", "global::System.Numerics.Vector<ulong>"),
        ("Float512", "global::System.Runtime.Intrinsics.Vector512<float>"),
        ("Double512", "global::System.Runtime.Intrinsics.Vector512<double>"),
        ("Int512", "global::System.Runtime.Intrinsics.Vector512<int>"),
        ("Long512", "global::System.Runtime.Intrinsics.Vector512<long>"),
        ("UInt512", "global::System.Runtime.Intrinsics.Vector512<uint>"),
        ("ULong512", "global::System.Runtime.Intrinsics.Vector512<ulong>"),
    };

    private const string Support = "global::Kernels.Support";
    private const string FoldSupport = "FoldSupport";
    private const string RowSupport = "RowSupport";
    private const string VectorMath = "VectorMath";

    // ---- types and fold modes ----
    public const string FoldTotals = "FoldTotals";
    public const string IFoldMode = "IFoldMode";
    public const string RowLayout = "RowLayout";
    public const string LogBase = "global::Kernels.LogBase";
    public const string Plain = "FoldModes.Plain";
    public const string WithTotals = "FoldModes.WithTotals";
    public const string ScaledInputs = "FoldModes.ScaledInputs";

    // ---- BCL members named through the aliases ----
    public const string GetReference = "MemoryMarshal.GetReference";
    public const string Cast = "MemoryMarshal.Cast";
    public const string Inline = "[MethodImpl(MethodImplOptions.AggressiveInlining)]";
    public const string NoInline = "[MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]";

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
