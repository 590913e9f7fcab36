using System;

namespace Kernels.Verification;

/// <summary>Thrown by <see cref="KernelCheck.Assert"/> when a kernel's result does not agree with its reference; the
/// message has both values and the bound. Any test framework reports it as a failure.</summary>
public sealed class KernelMismatchException : Exception
{
    /// <summary>A mismatch described by <paramref name="message"/>.</summary>
    public KernelMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>A mismatch without a description.</summary>
    public KernelMismatchException()
    {
    }

    /// <summary>A mismatch described by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public KernelMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
