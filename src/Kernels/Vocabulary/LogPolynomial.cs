namespace Kernels;

/// <summary>
/// The constants shared by every vector logarithm: log(r) = 2s + s·z·P(z) with s = (r − 1)/(r + 1), z = s².
/// The argument reduction (exponent difference read from the bit patterns) keeps r within [2^−0.587, 2^0.587],
/// so |s| ≤ 0.2005 and z ≤ 0.0402; P is a relative-error minimax polynomial on z ∈ [0, 0.0405] (Remez, 50 digits).
/// </summary>
internal static class LogPolynomial
{
    // float: degree 2, relative error of 2s + s·z·P below 3.0e-9 (0.05 float ulp).
    internal const float F0 = 0.66666958274962299f;
    internal const float F1 = 0.39956730057191566f;
    internal const float F2 = 0.30384005967093647f;
    internal const float Ln2F = 0.693147180559945309f;

    // The same polynomial for the halved-denominator cores, in s2 = 2s and z2 = 4z: P(z2/4)/8. Scaling by powers of
    // two is exact, so these cores round exactly as the ones above.
    internal const float F0Half = F0 / 8f;
    internal const float F1Half = F1 / 32f;
    internal const float F2Half = F2 / 128f;

    // k read as k·2^23 (float) or k·2^52 (double) from the masked exponent bits, without a shift: ln 2 scaled to match.
    internal const float TwoTo23F = 8388608f;
    internal const float Ln2FOver2To23 = Ln2F / TwoTo23F;

    // double: degree 6, relative error below 1.7e-17 (0.15 double ulp).
    internal const double D0 = 0.6666666666667327315860861;
    internal const double D1 = 0.3999999999585660207486238;
    internal const double D2 = 0.2857142944973130438266573;
    internal const double D3 = 0.2222213407866268779015542;
    internal const double D4 = 0.1818653626225772898319811;
    internal const double D5 = 0.1524660191317393094815974;
    internal const double D6 = 0.1539594302540857622737048;

    // ln 2 split so that k·Ln2Hi is exact for |k| < 2^21 (the leading 32 bits of ln 2).
    internal const double Ln2Hi = 6.93147180369123816490e-01;
    internal const double Ln2Lo = 1.90821492927058770002e-10;

    // Powers of two used to move subnormal or huge arguments into the normal range without rounding.
    internal const float TwoTo24F = 16777216f;
    internal const float TwoToMinus24F = 5.9604644775390625e-8f;
    internal const double TwoTo54 = 18014398509481984.0;
    internal const double TwoToMinus54 = 5.5511151231257827e-17;
}
