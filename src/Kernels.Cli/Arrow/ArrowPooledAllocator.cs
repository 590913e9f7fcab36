using System;
using System.Buffers;
using Apache.Arrow.Memory;

namespace Kernels.Cli.Arrow;

/// <summary>
/// Arrow buffers (record batch bodies, decompressed buffers) rented from <see cref="ArrayPool{T}.Shared"/> and
/// returned when the batch is disposed. The reader holds one batch at a time, so the next batch reuses the memory the
/// last one returned, already mapped and in cache; Arrow's default allocator maps fresh native memory for every
/// batch, which halves the read throughput. Managed arrays are not 64-byte aligned; nothing here needs them to be.
/// </summary>
internal sealed class ArrowPooledAllocator : MemoryAllocator
{
    public static ArrowPooledAllocator Shared { get; } = new();

    protected override IMemoryOwner<byte> AllocateInternal(int length, out int bytesAllocated)
    {
        bytesAllocated = length;
        return new Rented(ArrayPool<byte>.Shared.Rent(length), length);
    }

    private sealed class Rented(byte[] array, int length) : IMemoryOwner<byte>
    {
        private byte[]? _array = array;

        public Memory<byte> Memory => _array is { } rented ? rented.AsMemory(0, length) : throw new ObjectDisposedException(nameof(ArrowPooledAllocator));

        public void Dispose()
        {
            if (_array is { } rented)
            {
                _array = null;
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
