using System.Globalization;

namespace Kernels.Generators.Lowering;

/// <summary>One vector shape the emitter writes code for: element type and width family.</summary>
/// <param name="Scalar">"float" or "double".</param>
/// <param name="Static">The static class of the vector API: "Vector512" or "Vector".</param>
/// <param name="Suffix">Method-name suffix: "512" or "Vector".</param>
internal sealed record VectorTarget(string Scalar, string Static, string Suffix)
{
    /// <summary>The vector type of the element type, by its alias (see <see cref="Runtime.Aliases"/>): Float512, DoubleVector, ….</summary>
    public string Type => GenericOf(Scalar);

    /// <summary>The static vector API, by its alias: Simd512 (Vector512) or Simd (System.Numerics.Vector).</summary>
    public string Api => Static == "Vector" ? "Simd" : "Simd512";

    /// <summary>The vector of another element type of the same width family, by its alias (IntVector, ULong512, …).</summary>
    public string GenericOf(string element)
    {
        string name = element switch
        {
            "float" => "Float",
            "double" => "Double",
            "int" => "Int",
            "long" => "Long",
            "uint" => "UInt",
            "ulong" => "ULong",
            _ => throw new System.ArgumentOutOfRangeException(nameof(element), element, "no vector alias"),
        };
        return name + (Static == "Vector" ? "Vector" : "512");
    }

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
