namespace Kernels.Generators.Tests;

/// <summary>Term files the tests feed the generator.</summary>
internal static class Samples
{
    /// <summary>Two small terms in a namespace: the source of the baselines.</summary>
    public const string Measures = """
        using Kernels;

        namespace Sample;

        public static partial class Measures
        {
            [Term]
            public static double Kl(double p, double q) => p > 0 && q > 0 ? p * Fn.LogRatio(p, q) : 0.0;

            [Term]
            public static double Entr(double p) => p > 0 ? -p * Fn.Log(p) : 0.0;
        }
        """;

    /// <summary>Entry points with array parameters, so reflection can call the kernels and the scalar references.</summary>
    public const string Runner = """
        using System;

        namespace Sample;

        public static class Runner
        {
            public static double RunKl(double[] p, double[] q) => Measures.KlKernel.Fold(p, q);

            public static double RunKlSingle(float[] p, float[] q) => Measures.KlKernel.Fold(p, q);

            public static double ReferenceKl(double[] p, double[] q)
            {
                double sum = 0.0;
                for (int i = 0; i < p.Length; i++)
                {
                    sum += Measures.Kl(p[i], q[i]);
                }

                return sum;
            }

            public static double MagnitudeKl(double[] p, double[] q)
            {
                double sum = 0.0;
                for (int i = 0; i < p.Length; i++)
                {
                    sum += Math.Abs(Measures.Kl(p[i], q[i]));
                }

                return sum;
            }

            public static double RunEntr(double[] p) => Measures.EntrKernel.Fold(p);

            public static double RunEntrSingle(float[] p) => Measures.EntrKernel.Fold(p);

            public static double ReferenceEntr(double[] p)
            {
                double sum = 0.0;
                for (int i = 0; i < p.Length; i++)
                {
                    sum += Measures.Entr(p[i]);
                }

                return sum;
            }

            public static double MagnitudeEntr(double[] p)
            {
                double sum = 0.0;
                for (int i = 0; i < p.Length; i++)
                {
                    sum += Math.Abs(Measures.Entr(p[i]));
                }

                return sum;
            }

            public static double[] KlWithTotals(double[] p, double[] q)
            {
                Kernels.Support.FoldTotals totals = Measures.KlKernel.FoldWithTotals(p, q);
                return new[] { totals.Sum, totals.SumP, totals.SumQ };
            }

            public static double KlScaled(double[] p, double[] q, double pScale, double qScale) =>
                Measures.KlKernel.FoldScaled(p, q, pScale, qScale);

            public static double KlLog2(double[] p, double[] q) => Measures.KlKernel.FoldLog2(p, q);

            public static double KlBase(double[] p, double[] q, double b) => Measures.KlKernel.Fold(p, q, Kernels.LogBase.Of(b));
        }
        """;
}
