using System;

namespace Kernels.Cli;

/// <summary>A wrong path, option or combination: exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
