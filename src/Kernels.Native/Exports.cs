using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Kernels.Native;

// The entry points that are not about one element type.
internal static unsafe class Exports
{
    /// <summary>The message of this thread's last failed call ("" if none): the .NET exception's message, UTF-8.</summary>
    [UnmanagedCallersOnly(EntryPoint = "kernels_last_error")]
    public static byte* LastErrorMessage() => LastError.Message;

    /// <summary>The library's version, "major.minor.patch".</summary>
    [UnmanagedCallersOnly(EntryPoint = "kernels_version")]
    public static byte* Version() => Utf8.Pointer("0.1.0\0"u8);

    /// <summary>The widest vectors the kernels run here: 512 when the Vector512 paths are compiled in and the CPU has
    /// AVX-512, else Vector&lt;T&gt;'s width (256 with AVX2), 0 when only scalar code runs.</summary>
    [UnmanagedCallersOnly(EntryPoint = "kernels_vector_bits")]
    public static int VectorBits() =>
        Vector512.IsHardwareAccelerated ? 512
        : Vector.IsHardwareAccelerated ? Vector<byte>.Count * 8
        : 0;
}
