// Calls each measure on n = 65,536 positive normalized inputs (new Random(42)), so that DOTNET_JitDisasm can show
// the fast loops, and prints the best of 7 timings in ns per element (TieredCompilation off; noisy on a shared machine).
using System;
using System.Diagnostics;
using Kernels;

int n = 65536;
var rnd = new Random(42);
float[] pf = new float[n], qf = new float[n];
double[] pd = new double[n], qd = new double[n];
for (int i = 0; i < n; i++) { pd[i] = rnd.NextDouble() + 1e-3; qd[i] = rnd.NextDouble() + 1e-3; }
double sp = 0, sq = 0; foreach (var v in pd) sp += v; foreach (var v in qd) sq += v;
for (int i = 0; i < n; i++) { pd[i] /= sp; qd[i] /= sq; pf[i] = (float)pd[i]; qf[i] = (float)qd[i]; }
// Sparse inputs (every 7th p is 0) send each block through the checked term.
float[] sf = (float[])pf.Clone();
double[] sd = (double[])pd.Clone();
for (int i = 0; i < n; i += 7) { sf[i] = 0f; sd[i] = 0.0; }
string only = args.Length > 0 ? args[0] : "";
int reps = args.Length > 1 ? int.Parse(args[1]) : 2000;
var cases = new (string, Func<double>)[] {
  ("H f32", () => Information.Entropy(pf)),
  ("CE f32", () => Information.CrossEntropy(pf, qf)),
  ("KL f32", () => Information.KullbackLeibler(pf, qf)),
  ("JS f32", () => Information.JensenShannonDivergence(pf, qf)),
  ("H f64", () => Information.Entropy(pd)),
  ("CE f64", () => Information.CrossEntropy(pd, qd)),
  ("KL f64", () => Information.KullbackLeibler(pd, qd)),
  ("JS f64", () => Information.JensenShannonDivergence(pd, qd)),
  ("H sparse f32", () => Information.Entropy(sf)),
  ("KL sparse f32", () => Information.KullbackLeibler(sf, qf)),
  ("H sparse f64", () => Information.Entropy(sd)),
  ("KL sparse f64", () => Information.KullbackLeibler(sd, qd)),
  ("Hellinger f32", () => Measures.Hellinger(pf, qf)),
  ("TotalVariation f32", () => Measures.TotalVariation(pf, qf)),
  ("PearsonChiSquare f32", () => Measures.PearsonChiSquare(pf, qf)),
  ("Bhattacharyya f32", () => Measures.BhattacharyyaCoefficient(pf, qf)),
  ("RenyiEntropy f32", () => Measures.RenyiEntropy(pf, 2.5)),
  ("Hellinger f64", () => Measures.Hellinger(pd, qd)),
  ("TotalVariation f64", () => Measures.TotalVariation(pd, qd)),
  ("PearsonChiSquare f64", () => Measures.PearsonChiSquare(pd, qd)),
  ("Bhattacharyya f64", () => Measures.BhattacharyyaCoefficient(pd, qd)),
  ("RenyiEntropy f64", () => Measures.RenyiEntropy(pd, 2.5)),
};
foreach (var (name, f) in cases) {
  if (only != "" && !name.Contains(only)) continue;
  double r = f();
  double best = double.MaxValue;
  for (int s = 0; s < 7; s++) {
    var sw = Stopwatch.StartNew();
    for (int k = 0; k < reps / 7; k++) r += f() * 1e-300;
    best = Math.Min(best, sw.Elapsed.TotalNanoseconds / (reps / 7) / n);
  }
  Console.WriteLine($"{name}: {best:F3} ns/elem  value {f():R}");
}
