using System;

namespace Kernels.Cli.IO;

/// <summary>Bad input data: the message names the source, the line or row, the column and the offending text where
/// they are known. The tool reports it and exits with code 1; nothing is written.</summary>
internal sealed class DataException : Exception
{
    public DataException(string message)
        : base(message)
    {
    }

    public DataException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
