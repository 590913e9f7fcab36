using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime;
using System.Runtime.Intrinsics;
using CustomMeasure;
using Kernels;

// Checks the kernels the Kernels generator compiled from this project's own terms (SampleTerms.cs) against the terms
// themselves, folded in a plain loop. Exit code 0: every result within its bound; 1: at least one is not.

// Adding a measure: write its [Term] method in SampleTerms.cs, then add one line here.
Measure[] measures =
[
    new("Jeffreys", SampleTerms.Jeffreys, SampleTerms.JeffreysKernel.Fold, SampleTerms.JeffreysKernel.Fold),
    new("squared Hellinger", SampleTerms.SquaredHellinger, SampleTerms.SquaredHellingerKernel.Fold, SampleTerms.SquaredHellingerKernel.Fold),
];

// Lengths that are not multiples of any vector width, so the kernels' tails are checked too.
Inputs[] inputs = [Inputs.DisjointSupport(), Inputs.Random(3, seed: 1), Inputs.Random(3_079, seed: 2), Inputs.Random(1_000_003, seed: 3)];

// Relative bounds against the compensated reference. Every term here is non-negative (no cancellation in the sum), the
// kernels' logarithms and square roots are within a few ulps and their sums are compensated: a few 1e-16 in double.
// The float kernels evaluate the term in float (a rounding is 6e-8): a few 1e-8.
const double DoubleBound = 1e-12;
const double SingleBound = 1e-6;

Console.WriteLine($"Kernels sample: custom measures compiled by the Kernels source generator ({(JitInfo.GetCompiledMethodCount() > 0 ? "JIT" : "NativeAOT")}, " +
    $"Vector<double>.Count = {Vector<double>.Count}, Vector512 accelerated: {(Vector512.IsHardwareAccelerated ? "yes" : "no")})");
Console.WriteLine("speed = reference time / kernel time, the reference calling the term through a delegate with a compensated sum.");
Console.WriteLine("A rough number (Stopwatch, best of 5 batches, one process): the benchmarks are in benchmarks/.");
Console.WriteLine();
Console.WriteLine($"{"measure",-18} {"type",-6} {"input",-22} {"kernel",24} {"reference",24} {"rel. diff",9} {"bound",7} {"speed",8}");

int checks = 0;
int failures = 0;
foreach (Inputs input in inputs)
{
    foreach (Measure measure in measures)
    {
        Check(measure.Name, "double", input.Name, input.P.Length, DoubleBound,
            () => measure.FoldDouble(input.P, input.Q), () => measure.Reference(input.P, input.Q));
        Check(measure.Name, "float", input.Name, input.P.Length, SingleBound,
            () => measure.FoldSingle(input.PSingle, input.QSingle), () => measure.Reference(input.PSingle, input.QSingle));
    }
}

// Terms with a parameter, several sums and a finisher, and a maximum fold: Measure (or Fold) against the finisher applied
// to FoldReference (the term folded in a plain loop). The α-divergence's general power is folded in double for float
// inputs too.
foreach (Inputs input in inputs[1..])
{
    foreach (double alpha in new[] { 0.5, 2.0 })
    {
        Check($"alpha({alpha})", "double", input.Name, input.P.Length, DoubleBound,
            () => SampleTerms.AlphaDivergenceKernel.Measure(input.P, input.Q, alpha),
            () => SampleTerms.AlphaDivergenceOfSum(SampleTerms.AlphaDivergenceKernel.FoldReference(input.P, input.Q, alpha), alpha));
        Check($"alpha({alpha})", "float", input.Name, input.P.Length, SingleBound,
            () => SampleTerms.AlphaDivergenceKernel.Measure(input.PSingle, input.QSingle, alpha),
            () => SampleTerms.AlphaDivergenceOfSum(SampleTerms.AlphaDivergenceKernel.FoldReference(input.PSingle, input.QSingle, alpha), alpha));
    }

    // A maximum fold is exact (it picks one term): no bound needed, but the same one is used.
    Check("Chebyshev (max)", "double", input.Name, input.P.Length, DoubleBound,
        () => SampleTerms.ChebyshevKernel.Fold(input.P, input.Q),
        () => SampleTerms.ChebyshevKernel.FoldReference(input.P, input.Q));
    Check("Chebyshev (max)", "float", input.Name, input.P.Length, SingleBound,
        () => SampleTerms.ChebyshevKernel.Fold(input.PSingle, input.QSingle),
        () => SampleTerms.ChebyshevKernel.FoldReference(input.PSingle, input.QSingle));

    Check("Cauchy-Schwarz", "double", input.Name, input.P.Length, DoubleBound,
        () => SampleTerms.CauchySchwarzKernel.Measure(input.P, input.Q),
        () => CauchySchwarzOf(SampleTerms.CauchySchwarzKernel.FoldReference(input.P, input.Q)));
    Check("Cauchy-Schwarz", "float", input.Name, input.P.Length, SingleBound,
        () => SampleTerms.CauchySchwarzKernel.Measure(input.PSingle, input.QSingle),
        () => CauchySchwarzOf(SampleTerms.CauchySchwarzKernel.FoldReference(input.PSingle, input.QSingle)));
}

// Rows: one measure per row of a row-major matrix, against each row on its own.
{
    Inputs rows = inputs[2];
    int columns = 3_079 / 7;
    int count = rows.P.Length / columns;
    double[] scores = new double[count];
    SampleTerms.AlphaDivergenceKernel.MeasureEachRow(rows.P.AsSpan(0, count * columns), rows.Q.AsSpan(0, count * columns), columns, scores, 0.5);
    for (int r = 0; r < count; r++)
    {
        int row = r;
        // Length 0: no speed for a value already computed.
        Check("alpha rows", "double", $"row {row} of {count}", 0, DoubleBound,
            () => scores[row],
            () => SampleTerms.AlphaDivergenceKernel.Measure(rows.P.AsSpan(row * columns, columns), rows.Q.AsSpan(row * columns, columns), 0.5));
    }
}

// The library's own functions come with the same package: Jeffreys = KL(p‖q) + KL(q‖p), term by term.
Inputs largest = inputs[^1];
Console.WriteLine();
Check("Jeffreys = KL + KL", "double", largest.Name, largest.P.Length, DoubleBound,
    () => SampleTerms.JeffreysKernel.Fold(largest.P, largest.Q),
    () => Information.KullbackLeibler(largest.P, largest.Q) + Information.KullbackLeibler(largest.Q, largest.P));
Console.WriteLine($"Jeffreys({largest.Name}) = {SampleTerms.JeffreysKernel.Fold(largest.P, largest.Q, LogBase.Two)} bits; " +
    $"Hellinger distance = {Math.Sqrt(SampleTerms.SquaredHellingerKernel.Fold(largest.P, largest.Q))}");

Console.WriteLine();
Console.WriteLine(failures == 0
    ? $"{checks} checks, all within their bounds"
    : $"{failures} of {checks} checks FAILED");
return failures == 0 ? 0 : 1;

void Check(string name, string type, string input, int length, double bound, Func<double> kernel, Func<double> reference)
{
    double value = kernel();
    double expected = reference();
    double difference = RelativeDifference(value, expected);
    bool ok = difference <= bound;
    string speed = length == 0 ? "-" : $"{BestSecondsPerCall(reference, length) / BestSecondsPerCall(kernel, length):0.0}x";
    Console.WriteLine($"{name,-18} {type,-6} {input,-22} {value,24} {expected,24} {difference,9:0.0e+0} {bound,7:0e+0} {speed,8}{(ok ? "" : "  FAILED")}");
    checks++;
    failures += ok ? 0 : 1;
}

// Equal values (the same infinity included) and two NaNs agree; anything else is compared relative to the reference,
// so a finite result where the reference is infinite (or the reverse) is a NaN or infinite difference: a failure.
static double CauchySchwarzOf((double Pq, double Pp, double Qq) sums) => SampleTerms.CauchySchwarzOfSums(sums.Pq, sums.Pp, sums.Qq);

static double RelativeDifference(double value, double reference) =>
    value == reference || (double.IsNaN(value) && double.IsNaN(reference)) ? 0.0
    : Math.Abs(value - reference) / Math.Abs(reference);

// Seconds per call, the best of five batches of about a million elements each. Rough: one process, no warm-up
// protocol, no statistics.
static double BestSecondsPerCall(Func<double> fold, int length)
{
    int calls = Math.Max(1, 1_000_000 / length);
    double best = double.PositiveInfinity;
    for (int batch = 0; batch < 5; batch++)
    {
        long start = Stopwatch.GetTimestamp();
        for (int call = 0; call < calls; call++)
        {
            fold();
        }

        best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds / calls);
    }

    return best;
}
