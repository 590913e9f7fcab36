using System;
using System.Numerics;

namespace Kernels;

/// <summary>
/// Shannon entropy, cross-entropy, Kullback–Leibler and Jensen–Shannon over float and double spans, in any log base
/// (natural log when none is given). Values are used as given (no hidden normalization; see <see cref="Normalized"/>
/// for SciPy's convention). p = 0 contributes 0; p &gt; 0 against q = 0 gives +∞; NaN anywhere gives NaN; negative
/// entries give −∞ (entropy) or +∞ (KL, JS) as IEEE arithmetic does; empty input gives 0; spans of different lengths
/// throw <see cref="ArgumentException"/>. Float inputs are summed in double; double sums are compensated.
/// </summary>
public static class Information
{
    /// <summary>H(p) = −Σ pᵢ·log pᵢ in nats.</summary>
    public static float Entropy(ReadOnlySpan<float> p) => (float)Terms.EntropyKernel.Fold(p);

    /// <summary>H(p) = −Σ pᵢ·log pᵢ in nats.</summary>
    public static double Entropy(ReadOnlySpan<double> p) => Terms.EntropyKernel.Fold(p);

    /// <summary>H(p) = −Σ pᵢ·log pᵢ in the given base.</summary>
    public static float Entropy(ReadOnlySpan<float> p, LogBase logBase) => (float)Terms.EntropyKernel.Fold(p, logBase);

    /// <summary>H(p) = −Σ pᵢ·log pᵢ in the given base.</summary>
    public static double Entropy(ReadOnlySpan<double> p, LogBase logBase) => Terms.EntropyKernel.Fold(p, logBase);

    /// <summary>H(p, q) = −Σ pᵢ·log qᵢ in nats (pᵢ = 0 contributes 0; pᵢ &gt; 0 with qᵢ = 0 gives +∞).</summary>
    public static float CrossEntropy(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => (float)Terms.CrossEntropyKernel.Fold(p, q);

    /// <summary>H(p, q) = −Σ pᵢ·log qᵢ in nats (pᵢ = 0 contributes 0; pᵢ &gt; 0 with qᵢ = 0 gives +∞).</summary>
    public static double CrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => Terms.CrossEntropyKernel.Fold(p, q);

    /// <summary>H(p, q) = −Σ pᵢ·log qᵢ in the given base.</summary>
    public static float CrossEntropy(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase logBase) => (float)Terms.CrossEntropyKernel.Fold(p, q, logBase);

    /// <summary>H(p, q) = −Σ pᵢ·log qᵢ in the given base.</summary>
    public static double CrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase) => Terms.CrossEntropyKernel.Fold(p, q, logBase);

    /// <summary>D(p‖q) = Σ pᵢ·log(pᵢ/qᵢ) in nats, accurate where pᵢ ≈ qᵢ; exactly +0 when p = q.</summary>
    public static float KullbackLeibler(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => (float)Terms.KullbackLeiblerKernel.Fold(p, q);

    /// <summary>D(p‖q) = Σ pᵢ·log(pᵢ/qᵢ) in nats, accurate where pᵢ ≈ qᵢ; exactly +0 when p = q.</summary>
    public static double KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => Terms.KullbackLeiblerKernel.Fold(p, q);

    /// <summary>D(p‖q) = Σ pᵢ·log(pᵢ/qᵢ) in the given base.</summary>
    public static float KullbackLeibler(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase logBase) => (float)Terms.KullbackLeiblerKernel.Fold(p, q, logBase);

    /// <summary>D(p‖q) = Σ pᵢ·log(pᵢ/qᵢ) in the given base.</summary>
    public static double KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase) => Terms.KullbackLeiblerKernel.Fold(p, q, logBase);

    /// <summary>JS(p, q) = ½D(p‖m) + ½D(q‖m), m = (p + q)/2, in nats; each element's pair is clamped at 0, so the
    /// result is never negative (exactly +0 when p = q) and at most ln 2 for distributions.</summary>
    public static float JensenShannonDivergence(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => (float)Terms.JensenShannonKernel.Fold(p, q);

    /// <summary>JS(p, q) = ½D(p‖m) + ½D(q‖m), m = (p + q)/2, in nats, never negative.</summary>
    public static double JensenShannonDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => Terms.JensenShannonKernel.Fold(p, q);

    /// <summary>JS(p, q) in the given base (at most 1 bit for distributions in base 2).</summary>
    public static float JensenShannonDivergence(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase logBase) => (float)Terms.JensenShannonKernel.Fold(p, q, logBase);

    /// <summary>JS(p, q) in the given base (at most 1 bit for distributions in base 2).</summary>
    public static double JensenShannonDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase) => Terms.JensenShannonKernel.Fold(p, q, logBase);

    /// <summary>√JS(p, q) in nats, the Jensen–Shannon distance (SciPy's <c>jensenshannon</c>, without normalizing).</summary>
    public static float JensenShannonDistance(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => (float)Math.Sqrt(Terms.JensenShannonKernel.Fold(p, q));

    /// <summary>√JS(p, q) in nats, the Jensen–Shannon distance (SciPy's <c>jensenshannon</c>, without normalizing).</summary>
    public static double JensenShannonDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => Math.Sqrt(Terms.JensenShannonKernel.Fold(p, q));

    /// <summary>√JS(p, q) with the divergence in the given base.</summary>
    public static float JensenShannonDistance(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase logBase) => (float)Math.Sqrt(Terms.JensenShannonKernel.Fold(p, q, logBase));

    /// <summary>√JS(p, q) with the divergence in the given base.</summary>
    public static double JensenShannonDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase) => Math.Sqrt(Terms.JensenShannonKernel.Fold(p, q, logBase));

    /// <summary>
    /// The same measures with SciPy's convention: p and q are each scaled to sum to 1 first. Entropy, cross-entropy
    /// and KL stay one pass (the sums are accumulated alongside: D(p/Sp‖q/Sq) = Σp·log(p/q)/Sp + log(Sq/Sp));
    /// Jensen–Shannon needs the sums before its pass, so it reads the inputs twice. An input that sums to 0 gives NaN.
    /// </summary>
    public static class Normalized
    {
        /// <summary>H(p/Σp) = Σentr(p)/Σp + log Σp, in nats.</summary>
        public static float Entropy(ReadOnlySpan<float> p, LogBase logBase = default) =>
            p.IsEmpty ? 0f : (float)logBase.FromNats(Normalization.Entropy(Terms.EntropyKernel.FoldWithTotals(p)));

        /// <summary>H(p/Σp) = Σentr(p)/Σp + log Σp, in nats.</summary>
        public static double Entropy(ReadOnlySpan<double> p, LogBase logBase = default) =>
            p.IsEmpty ? 0.0 : logBase.FromNats(Normalization.Entropy(Terms.EntropyKernel.FoldWithTotals(p)));

        /// <summary>H(p/Σp, q/Σq) = −Σp·log q/Σp + log Σq.</summary>
        public static float CrossEntropy(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase logBase = default) =>
            Empty(p, q) ? 0f : (float)logBase.FromNats(Normalization.CrossEntropy(Terms.CrossEntropyKernel.FoldWithTotals(p, q)));

        /// <summary>H(p/Σp, q/Σq) = −Σp·log q/Σp + log Σq.</summary>
        public static double CrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase = default) =>
            Empty(p, q) ? 0.0 : logBase.FromNats(Normalization.CrossEntropy(Terms.CrossEntropyKernel.FoldWithTotals(p, q)));

        /// <summary>D(p/Σp ‖ q/Σq) = Σp·log(p/q)/Σp + log(Σq/Σp), SciPy's <c>entropy(p, q)</c>.</summary>
        public static float KullbackLeibler(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase logBase = default) =>
            Empty(p, q) ? 0f : (float)logBase.FromNats(Normalization.KullbackLeibler(Terms.KullbackLeiblerKernel.FoldWithTotals(p, q)));

        /// <summary>D(p/Σp ‖ q/Σq) = Σp·log(p/q)/Σp + log(Σq/Σp), SciPy's <c>entropy(p, q)</c>.</summary>
        public static double KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase = default) =>
            Empty(p, q) ? 0.0 : logBase.FromNats(Normalization.KullbackLeibler(Terms.KullbackLeiblerKernel.FoldWithTotals(p, q)));

        /// <summary>JS(p/Σp, q/Σq), never negative. The float inputs are widened and scaled in double: rounding each
        /// scaled element to float would move it by as much as the differences that matter when p ≈ q.</summary>
        public static float JensenShannonDivergence(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase logBase = default) =>
            (float)JensenShannonDivergenceOf(p, q, logBase);

        /// <summary>JS(p/Σp, q/Σq), never negative.</summary>
        public static double JensenShannonDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase = default) =>
            JensenShannonDivergenceOf(p, q, logBase);

        /// <summary>√JS(p/Σp, q/Σq): SciPy's <c>jensenshannon(p, q, base)</c>.</summary>
        public static float JensenShannonDistance(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase logBase = default) =>
            (float)Math.Sqrt(JensenShannonDivergence(p, q, logBase));

        /// <summary>√JS(p/Σp, q/Σq): SciPy's <c>jensenshannon(p, q, base)</c>.</summary>
        public static double JensenShannonDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase = default) =>
            Math.Sqrt(JensenShannonDivergence(p, q, logBase));

        // One body for float and double: the totals first, then one pass over the inputs scaled by them.
        private static double JensenShannonDivergenceOf<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, LogBase logBase)
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (Empty(p, q))
            {
                return 0.0;
            }

            double sumP = Sums.TotalKernel.Fold(p), sumQ = Sums.TotalKernel.Fold(q);
            return sumP == 0.0 || sumQ == 0.0
                ? double.NaN
                : logBase.FromNats(Terms.JensenShannonKernel.FoldScaledInDouble(p, q, 1.0 / sumP, 1.0 / sumQ));
        }

        // Both empty (after the length check the kernels would do): every measure of nothing is 0.
        private static bool Empty<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q) => Lengths.BothEmpty(p, q);
    }
}
