using System;
using System.IO;
using Xunit.Sdk;

namespace Kernels.Generators.Tests;

/// <summary>
/// Compares generated text with <c>Baselines/{name}.txt</c>. With <c>UPDATE_BASELINES=1</c> the file is rewritten
/// instead (in the source tree), so a deliberate change to the emitter is one run plus a reviewed diff.
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
            Directory.CreateDirectory(Path.GetDirectoryName(sourcePath)!);
            File.WriteAllText(sourcePath, actual);
            return;
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
