using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Kernels.Native;

/// <summary>The thread-local message behind <c>kernels_last_error()</c>: the .NET exception's message, UTF-8 and
/// NUL-terminated, in native memory owned by the thread (valid until that thread's next failing call). Only the error
/// path writes it, so a successful call costs nothing here.</summary>
internal static unsafe class LastError
{
    [ThreadStatic]
    private static byte* s_message;

    [ThreadStatic]
    private static nuint s_capacity;

    /// <summary>The message of this thread's last failure, or "" when none has failed.</summary>
    public static byte* Message => s_message != null ? s_message : Utf8.Pointer("\0"u8);

    /// <summary>Records the exception's message and maps its type to a status.</summary>
    public static Status From(Exception exception)
    {
        Set(exception.Message);
        return exception switch
        {
            ArgumentOutOfRangeException => Status.OutOfRange,
            ArgumentException => Status.InvalidArgument,
            _ => Status.Internal,
        };
    }

    /// <summary>Records a message of the boundary itself (a NULL pointer, a length beyond int) with its status.</summary>
    public static Status Fail(Status status, string message)
    {
        Set(message);
        return status;
    }

    private static void Set(string message)
    {
        int length = Encoding.UTF8.GetByteCount(message);
        nuint needed = (nuint)length + 1;
        if (needed > s_capacity)
        {
            byte* grown = (byte*)NativeMemory.Realloc(s_message, needed);
            if (grown == null)
            {
                return;
            }

            s_message = grown;
            s_capacity = needed;
        }

        int written = Encoding.UTF8.GetBytes(message, new Span<byte>(s_message, length));
        s_message[written] = 0;
    }
}
