namespace Kernels.Native;

/// <summary><c>kernels_status</c>: what every entry point returns. Only <see cref="Ok"/> writes a result.</summary>
internal enum Status
{
    Ok = 0,

    /// <summary>An <see cref="System.ArgumentException"/>: lengths, shapes, NULL pointers, an unknown measure, an option
    /// that means nothing for the measure.</summary>
    InvalidArgument = 1,

    /// <summary>An <see cref="System.ArgumentOutOfRangeException"/>: a log base, an order α, columns, a stride, a label
    /// smoothing, a reduction or a class index outside what is allowed.</summary>
    OutOfRange = 2,

    /// <summary>Anything else (out of memory, a bug): the message says what.</summary>
    Internal = 3,
}
