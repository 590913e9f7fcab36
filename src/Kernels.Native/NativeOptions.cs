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
}
