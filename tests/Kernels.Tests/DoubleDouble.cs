using System;

namespace Kernels.Tests;

/// <summary>
/// A tiny double-double arithmetic (about 106 bits): an independent reference for the double logarithms, so that
/// the kernels are checked against mathematics and not only against the scalar terms they came from.
/// </summary>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    public static implicit operator DoubleDouble(double x) => new(x, 0.0);

    public double Value => Hi + Lo;

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        (double s, double e) = TwoSum(a.Hi, b.Hi);
        e += a.Lo + b.Lo;
        return Normalize(s, e);
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + (-b);

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        double p = a.Hi * b.Hi;
        double e = Math.FusedMultiplyAdd(a.Hi, b.Hi, -p);
        e += (a.Hi * b.Lo) + (a.Lo * b.Hi);
        return Normalize(p, e);
    }

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        double q1 = a.Hi / b.Hi;
        DoubleDouble r = a - (b * q1);
        double q2 = r.Hi / b.Hi;
        r -= b * q2;
        double q3 = r.Hi / b.Hi;
        return Normalize(q1, q2) + q3;
    }

    /// <summary>ln 2 to double-double precision.</summary>
    public static readonly DoubleDouble Ln2 = new(0.6931471805599453, 2.3190468138462996e-17);

    /// <summary>log(x/y) for positive finite doubles, to about 1e-30 relative: exponents split off exactly, the
    /// mantissa ratio reduced near 1 and expanded as 2·atanh(s).</summary>
    public static DoubleDouble LogRatio(double x, double y)
    {
        int ex = Math.ILogB(x), ey = Math.ILogB(y);
        DoubleDouble mx = Math.ScaleB(x, -ex), my = Math.ScaleB(y, -ey); // both exact, in [1, 2)
        int k = ex - ey;
        DoubleDouble r = mx / my;
        if (r.Hi > 1.4142135623730951)
        {
            my *= 2.0;
            k++;
        }
        else if (r.Hi < 0.7071067811865476)
        {
            my = my * 0.5;
            k--;
        }

        DoubleDouble s = (mx - my) / (mx + my);
        DoubleDouble z = s * s;
        DoubleDouble term = s;
        DoubleDouble sum = s;
        for (int n = 3; n < 80; n += 2)
        {
            term *= z;
            DoubleDouble add = term / n;
            sum += add;
            if (Math.Abs(add.Hi) < 1e-34 * Math.Abs(sum.Hi))
            {
                break;
            }
        }

        return (sum * 2.0) + (Ln2 * k);
    }

    private static (double Sum, double Error) TwoSum(double a, double b)
    {
        double s = a + b;
        double bv = s - a;
        return (s, (a - (s - bv)) + (b - bv));
    }

    private static DoubleDouble Normalize(double hi, double lo)
    {
        double s = hi + lo;
        return new DoubleDouble(s, lo - (s - hi));
    }
}
