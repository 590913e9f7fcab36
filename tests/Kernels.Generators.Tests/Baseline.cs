using System;
using System.IO;
using Xunit.Sdk;

namespace Kernels.Generators.Tests;

/// <summary>
/// Compares generated text with <c>Baselines/{name}.txt</c>. With <c>UPDATE_BASELINES=1</c> a baseline that differs
/// is rewritten (in the source tree) and the test still fails, naming the file: a deliberate change to the emitter is
/// one run that rewrites, a reviewed diff, and a run without the variable that passes. Nothing passes by rewriting.
/// </summary>
internal static class Baseline
{
    public const string UpdateVariable = "UPDATE_BASELINES";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static void Verify(string name, string actual)
    {
        actual = Normalize(actual);
        string sourcePath = Path.Combine(RepositoryPaths.TestProject, "Baselines", name + ".txt");
        if (Updating)
        {
            string? previous = File.Exists(sourcePath) ? Normalize(File.ReadAllText(sourcePath)) : null;
            if (previous is not null && FirstDifference(previous, actual) is null)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(sourcePath)!);
            File.WriteAllText(sourcePath, actual);
            throw new XunitException($"Rewrote the baseline {sourcePath} ({(previous is null ? "new" : "it differed")}). " +
                $"Review its diff, then run without {UpdateVariable} to pass.");
        }

        // Prefer the source tree (edits show without a rebuild); fall back to the copy in the output folder.
        string path = File.Exists(sourcePath) ? sourcePath : Path.Combine(AppContext.BaseDirectory, "Baselines", name + ".txt");
        if (!File.Exists(path))
        {
            throw new XunitException($"No baseline for {name} (looked for {sourcePath}). Run with {UpdateVariable}=1 to create it, then review it.");
        }

        string expected = Normalize(File.ReadAllText(path));
        if (FirstDifference(expected, actual) is { } message)
        {
            throw new XunitException($"Generated {name} differs from {path}:{Environment.NewLine}{message}{Environment.NewLine}" +
                $"If the change is intended, run with {UpdateVariable}=1 and review the diff of the baseline.");
        }
    }

    /// <summary>The first line that differs, 1-based, with both versions; null when the texts are equal.</summary>
    public static string? FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string? expectedLine = i < e.Length ? e[i] : null;
            string? actualLine = i < a.Length ? a[i] : null;
            if (!string.Equals(expectedLine, actualLine, StringComparison.Ordinal))
            {
                return $"  line {i + 1}:{Environment.NewLine}" +
                    $"  expected: {expectedLine ?? "<end of file>"}{Environment.NewLine}" +
                    $"  actual:   {actualLine ?? "<end of file>"}";
            }
        }

        return null;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
