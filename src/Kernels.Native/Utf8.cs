using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kernels.Native;

internal static unsafe class Utf8
{
    /// <summary>The address of a u8 literal: its bytes are constant data of the image, which never move, so the
    /// pointer stays valid for the life of the library. The literal must end in "\0".</summary>
    public static byte* Pointer(ReadOnlySpan<byte> literal) =>
        (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(literal));
}
