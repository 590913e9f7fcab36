using System.Runtime.InteropServices;

namespace Kernels.Native;

/// <summary><c>kernels_options</c> of include/kernels.h, field for field. All zeros (or a NULL pointer) is the default:
/// natural log, values as given, dense rows, q with as many rows as p, every core for large batches.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct NativeOptions
{
    public readonly double Base;
    public readonly double Alpha;
    public readonly double LabelSmoothing;
    public readonly long PRowStride;
    public readonly long QRowStride;
    public readonly long QRows;
    public readonly int Normalize;
    public readonly int Threads;
    public readonly int HasIgnoreIndex;
    public readonly int IgnoreIndex;

    /// <summary>The options a C caller would fill in (for managed callers of the entry points, e.g. the tests).</summary>
    public NativeOptions(double logBase = 0.0, double alpha = 0.0, double labelSmoothing = 0.0, long pRowStride = 0,
        long qRowStride = 0, long qRows = 0, int normalize = 0, int threads = 0, int? ignoreIndex = null)
    {
        Base = logBase;
        Alpha = alpha;
        LabelSmoothing = labelSmoothing;
        PRowStride = pRowStride;
        QRowStride = qRowStride;
        QRows = qRows;
        Normalize = normalize;
        Threads = threads;
        HasIgnoreIndex = ignoreIndex.HasValue ? 1 : 0;
        IgnoreIndex = ignoreIndex.GetValueOrDefault();
    }
}
