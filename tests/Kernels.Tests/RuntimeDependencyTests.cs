using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Kernels.Tests;

/// <summary>The library carries no Roslyn at run time: the generator is a build-time analyzer only.</summary>
public sealed class RuntimeDependencyTests
{
    [Fact]
    public void KernelsReferencesNoCodeAnalysisAssembly()
    {
        AssemblyName[] references = typeof(Information).Assembly.GetReferencedAssemblies();
        Assert.DoesNotContain(references, r => r.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public void TheTestHostDependencyManifestNamesNoCodeAnalysisPackage()
    {
        string manifest = Path.Combine(AppContext.BaseDirectory, "Kernels.Tests.deps.json");
        Assert.True(File.Exists(manifest), manifest);
        string[] lines = File.ReadAllLines(manifest);
        Assert.DoesNotContain(lines, line => line.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }
}
