using System;

namespace Kernels;

/// <summary>
/// The base of the logarithm a measure is reported in: <see cref="Two"/> (bits), <see cref="E"/> (nats, the
/// default, and the value of <c>default(LogBase)</c>), <see cref="Ten"/> (hartleys) or any finite b &gt; 0, b ≠ 1.
/// Every kernel works in nats; a base is one multiplication by 1/ln b at the end.
/// </summary>
public readonly record struct LogBase
{
    // The base itself, with 0 (never a valid base) standing for e so that default(LogBase) is the natural base.
    private readonly double _base;

    private LogBase(double value) => _base = value;

    /// <summary>Base 2: results in bits.</summary>
    public static LogBase Two { get; } = new(2.0);

    /// <summary>Base e: results in nats (the default everywhere a base is not given).</summary>
    public static LogBase E { get; } = default;

    /// <summary>Base 10: results in hartleys (bans).</summary>
    public static LogBase Ten { get; } = new(10.0);

    /// <summary>The base b itself.</summary>
    public double Value => _base == 0.0 ? Math.E : _base;

    /// <summary>1 / ln b: the factor that turns nats into this base.</summary>
    public double NatsToUnits => this == E ? 1.0 : Value == 2.0 ? 1.4426950408889634 : Value == 10.0 ? 0.43429448190325176 : 1.0 / Math.Log(Value);

    /// <summary>A value in nats expressed in this base (one multiplication by 1/ln b); a zero stays +0 even in a base
    /// below 1, where 1/ln b is negative.</summary>
    public double FromNats(double nats) => (nats * NatsToUnits) + 0.0;

    /// <summary>The base <paramref name="b"/>; throws <see cref="ArgumentOutOfRangeException"/> unless b is finite,
    /// greater than 0 and not 1.</summary>
    public static LogBase Of(double b)
    {
        if (!double.IsFinite(b) || b <= 0.0 || b == 1.0)
        {
            ThrowHelper.InvalidLogBase(nameof(b), b);
        }

        return b == Math.E ? E : new LogBase(b);
    }

    /// <summary>The base as text: "2", "e", "10" or the number.</summary>
    public override string ToString() => this == E ? "e" : Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
