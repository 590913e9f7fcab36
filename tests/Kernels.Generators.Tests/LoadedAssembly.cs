using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Xunit.Sdk;

namespace Kernels.Generators.Tests;

/// <summary>An output compilation emitted to memory and loaded into a collectible context; disposing unloads it.
/// Kernels.dll is resolved from the default context, where the test project already loaded it.</summary>
internal sealed class LoadedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private LoadedAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static LoadedAssembly Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        EmitResult result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new XunitException("The output compilation did not emit:" + Environment.NewLine +
                GeneratorRun.Describe(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext("Kernels.Generators.Tests." + compilation.AssemblyName, isCollectible: true);
        return new LoadedAssembly(context, context.LoadFromStream(stream));
    }

    /// <summary>Calls a public static method by type and name.</summary>
    public T Call<T>(string type, string method, params object[] arguments)
    {
        MethodInfo target = Assembly.GetType(type, throwOnError: true)!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
            ?? throw new XunitException($"{type}.{method} not found");
        try
        {
            return (T)target.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    public void Dispose() => _context.Unload();
}
