using System.Globalization;

namespace Kernels.Generators.Lowering;

/// <summary>One vector shape the emitter writes code for: element type and width family.</summary>
/// <param name="Scalar">"float" or "double".</param>
/// <param name="Static">The static class of the vector API: "Vector512" or "Vector".</param>
/// <param name="Suffix">Method-name suffix: "512" or "Vector".</param>
internal sealed record VectorTarget(string Scalar, string Static, string Suffix)
{
    public string Type => $"global::System.Runtime.Intrinsics.{Static}<{Scalar}>".Replace("global::System.Runtime.Intrinsics.Vector<", "global::System.Numerics.Vector<");

    public string Api => Static == "Vector" ? "global::System.Numerics.Vector" : $"global::System.Runtime.Intrinsics.{Static}";

    public string GenericOf(string element) => Static == "Vector"
        ? $"global::System.Numerics.Vector<{element}>"
        : $"global::System.Runtime.Intrinsics.{Static}<{element}>";

    public bool IsSingle => Scalar == "float";

    public string Integer => IsSingle ? "int" : "long";

    public string UnsignedInteger => IsSingle ? "uint" : "ulong";

    public string Literal(double value)
    {
        if (double.IsNaN(value))
        {
            return $"{Scalar}.NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return $"{Scalar}.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return $"{Scalar}.NegativeInfinity";
        }

        // A constant beyond float's range rounds to a float infinity, as (float)value does in C#.
        if (IsSingle && float.IsInfinity((float)value))
        {
            return value > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity";
        }

        return IsSingle
            ? ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f"
            : value.ToString("R", CultureInfo.InvariantCulture) + "d";
    }

    public string Constant(double value) => $"{Api}.Create({Literal(value)})";
}
