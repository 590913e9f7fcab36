using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Kernels.Benchmarks;

/// <summary>The sizes a BenchmarkDotNet class runs at: its defaults, or the comma-separated list in an environment
/// variable (e.g. KERNELS_BENCH_N=65543), so that one size can be run without editing the code.</summary>
internal static class BenchmarkSizes
{
    public static IEnumerable<int> FromEnvironment(string variable, params int[] defaults) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } sizes
            ? sizes.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            : defaults;
}
