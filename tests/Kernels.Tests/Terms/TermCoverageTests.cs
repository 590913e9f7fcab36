using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Kernels.Tests;

/// <summary>
/// Nothing is skipped silently: every <c>[Term]</c> of the library has a kernel, every kernel is checked by these
/// tests or named here with the tests that check it, and every generated fold of a checked kernel is one the width
/// tests call. A new term, or a new kind of fold, fails here until it is covered.
/// </summary>
public sealed class TermCoverageTests
{
    /// <summary>Kernels whose agreement with their terms other tests check (KernelAgreementTests by reflection over
    /// the five listed there; the logit kernels in Batch/BatchRowFoldTests; the one-pass logits sums in Batch/LogitsOnePassTests; the logits family's in
    /// Batch/BatchLogitsFamilyTests, through the batch functions, against double-double references; the softmax maps in
    /// Batch/BatchSoftmaxTests, through Batch.Softmax and Batch.LogSoftmax at every width of the width matrix).</summary>
    private static readonly string[] CheckedElsewhere =
    {
        "Entropy", "CrossEntropy", "KullbackLeibler", "JensenShannon", "Total",
        "SoftmaxEntropy", "SoftmaxCrossEntropy", "SoftmaxWeight", "KullbackLeiblerOfLogs",
        "SoftmaxSums", "SoftmaxWeightSums", "SoftmaxCrossEntropySums",
        "BinaryCrossEntropyWithLogits", "WeightedBinaryCrossEntropyWithLogits", "WeightedSoftmaxSums",
        "LogSoftmaxOfLogit", "SoftmaxOfLogit",
    };

    [Fact]
    public void EveryTermOfTheLibraryIsChecked()
    {
        string[] terms = new[] { typeof(Terms), typeof(Sums) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<TermAttribute>() is not null)
            .Select(m => m.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();
        string[] checkedHere = TermKernels.All.Select(t => t.Name).ToArray();
        Assert.Empty(terms.Except(checkedHere).Except(CheckedElsewhere));
        Assert.Empty(checkedHere.Except(terms));
        Assert.Empty(checkedHere.Intersect(CheckedElsewhere));
        foreach (string name in terms)
        {
            Type? kernel = typeof(Terms).GetNestedType(name + "Kernel") ?? typeof(Sums).GetNestedType(name + "Kernel");
            Assert.True(kernel is not null, $"no generated kernel class for the term {name}");
        }
    }

    [Fact]
    public void EveryGeneratedFoldOfACheckedKernelIsOneTheWidthTestsCall()
    {
        foreach (TermKernel term in TermKernels.All)
        {
            Assert.Equal(term.Name + "Kernel", term.Kernel.Name);
            var folds = WidthPaths.GenericFolds(term.Kernel).Select(m => (m.Name, Element: m.GetParameters()[0].ParameterType)).ToArray();
            Assert.Empty(folds.Select(f => f.Name).Except(WidthPaths.KnownFolds));
            foreach (string name in new[] { "Run", "RunScalar", "RunVector", "Run512" })
            {
                Assert.Contains((name, typeof(ReadOnlySpan<double>)), folds);
                Assert.Contains((name, typeof(ReadOnlySpan<float>)), folds);
                Assert.Contains((name + "InDouble", typeof(ReadOnlySpan<float>)), folds);
            }

            // The delegates bind (arity and parameters as the table says) for every mode.
            foreach (Type mode in WidthPaths.Modes)
            {
                Assert.Equal(2, WidthPaths.For<double>(term, mode).Count);
                Assert.Equal(4, WidthPaths.For<float>(term, mode).Count);
            }
        }
    }

    [Fact]
    public void TheTableMatchesEachTermsSignature()
    {
        foreach (TermKernel term in TermKernels.All)
        {
            MethodInfo method = typeof(Terms).GetMethod(term.Name, BindingFlags.Public | BindingFlags.Static)!;
            ParameterInfo[] parameters = method.GetParameters();
            int scalars = parameters.Count(p => p.GetCustomAttribute<TermParameterAttribute>() is not null);
            Assert.Equal(term.Arity, parameters.Length - scalars);
            Assert.Equal(term.HasAlpha ? 1 : 0, scalars);
            Assert.Equal(term.Sums, method.ReturnType == typeof(double) ? 1 : method.ReturnType.GetGenericArguments().Length);
            Assert.Equal(term.Finish is not null, method.GetCustomAttribute<TermAttribute>()!.Finish is not null);
        }
    }
}
