using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace Kernels.Generators.Tests;

/// <summary>Folders of the repository, found from this file's build-time path, or (if that path was mapped away)
/// by walking up from the test binaries to Kernels.sln.</summary>
internal static class RepositoryPaths
{
    public static string TestProject { get; } = Find();

    public static string Root => Path.GetFullPath(Path.Combine(TestProject, "..", ".."));

    public static string Library => Path.Combine(Root, "src", "Kernels");

    private static string Find([CallerFilePath] string path = "")
    {
        string? directory = Path.GetDirectoryName(path);
        if (directory is not null && File.Exists(Path.Combine(directory, "Kernels.Generators.Tests.csproj")))
        {
            return directory;
        }

        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Kernels.sln")))
            {
                return Path.Combine(d.FullName, "tests", "Kernels.Generators.Tests");
            }
        }

        throw new DirectoryNotFoundException("Cannot find the repository (Kernels.sln) above " + AppContext.BaseDirectory);
    }
}
