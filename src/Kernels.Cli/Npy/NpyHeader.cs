using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Kernels.Cli.IO;

namespace Kernels.Cli.Npy;

/// <summary>
/// The header of a NumPy .npy file: the magic "\x93NUMPY", the format version (1.0: a u16 header length; 2.0 and 3.0:
/// u32; 1.0 and 2.0 are Latin-1, 3.0 UTF-8), then a Python dict literal with 'descr' (the dtype), 'fortran_order' and
/// 'shape', padded with spaces and ended by '\n'. The data follows immediately.
/// </summary>
internal sealed record NpyHeader(string Descr, bool FortranOrder, IReadOnlyList<long> Shape)
{
    /// <summary>Headers longer than this are refused as not an NPY header (NumPy itself refuses above 10,000 bytes
    /// unless told otherwise).</summary>
    public const int MaxHeaderLength = 1 << 20;

    /// <summary>What the readers accept, for messages.</summary>
    public const string Supported = "supported: little-endian float32 '<f4' and float64 '<f8' (convert with a.astype('<f8'))";

    private const int Alignment = 64;

    /// <summary>The six magic bytes that start every .npy file.</summary>
    public static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads the preamble and the header dict, leaving the stream at the first data byte. Anything that is not a
    /// well-formed header throws <see cref="DataException"/> naming <paramref name="source"/>.</summary>
    public static NpyHeader Read(Stream stream, string source)
    {
        Span<byte> preamble = stackalloc byte[12];
        if (stream.ReadAtLeast(preamble[..8], 8, throwOnEndOfStream: false) < 8 || !preamble.StartsWith(Magic))
        {
            throw new DataException($"{source} is not an NPY file: it does not start with the magic \"\\x93NUMPY\".");
        }

        byte major = preamble[6];
        byte minor = preamble[7];
        if (major is < 1 or > 3 || minor != 0)
        {
            throw new DataException($"{source}: NPY format version {major}.{minor} is not supported (1.0, 2.0 and 3.0 are).");
        }

        int lengthBytes = major == 1 ? 2 : 4;
        if (stream.ReadAtLeast(preamble.Slice(8, lengthBytes), lengthBytes, throwOnEndOfStream: false) < lengthBytes)
        {
            throw new DataException($"{source} is truncated inside the NPY preamble.");
        }

        long length = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(preamble[8..]) : BinaryPrimitives.ReadUInt32LittleEndian(preamble[8..]);
        if (length > MaxHeaderLength)
        {
            throw new DataException($"{source}: the NPY header claims {length:N0} bytes; more than {MaxHeaderLength:N0} is not a real header.");
        }

        byte[] bytes = new byte[length];
        if (stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) < bytes.Length)
        {
            throw new DataException($"{source} is truncated inside the NPY header ({length} bytes announced).");
        }

        string text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(bytes);
        return Parse(text, source);
    }

    /// <summary>Parses the header dict text; a missing or mistyped key throws <see cref="DataException"/>.</summary>
    public static NpyHeader Parse(string text, string source)
    {
        NpyLiteral literal;
        try
        {
            literal = new NpyLiteralParser(text).ParseWhole();
        }
        catch (FormatException e)
        {
            throw new DataException($"{source}: the NPY header is not a Python dict literal ({e.Message}): {Shown(text)}", e);
        }

        if (literal is not NpyLiteral.Dict(var entries))
        {
            throw new DataException($"{source}: the NPY header is not a dict: {Shown(text)}");
        }

        NpyLiteral Entry(string key) =>
            entries.FirstOrDefault(e => e.Key == key).Value
            ?? throw new DataException($"{source}: the NPY header has no '{key}': {Shown(text)}");

        string descr = Entry("descr") switch
        {
            NpyLiteral.Str(string d) => d,
            NpyLiteral.Sequence => throw new DataException($"{source}: NPY structured dtypes (a list of fields in 'descr') are not supported; {Supported}."),
            _ => throw new DataException($"{source}: the NPY header's 'descr' is not a string: {Shown(text)}"),
        };
        bool fortranOrder = Entry("fortran_order") is NpyLiteral.Bool(bool f)
            ? f
            : throw new DataException($"{source}: the NPY header's 'fortran_order' is not True or False: {Shown(text)}");
        if (Entry("shape") is not NpyLiteral.Sequence(var items, true) || !items.All(i => i is NpyLiteral.Int { Value: >= 0 }))
        {
            throw new DataException($"{source}: the NPY header's 'shape' is not a tuple of sizes: {Shown(text)}");
        }

        return new NpyHeader(descr, fortranOrder, items.Select(i => ((NpyLiteral.Int)i).Value).ToArray());
    }

    /// <summary>The version 1.0 preamble and header of a 1-D array of <paramref name="count"/> elements, padded with
    /// spaces so that the data starts at a multiple of 64 bytes, or at exactly <paramref name="length"/> bytes when given
    /// (room reserved for a count known later).</summary>
    public static byte[] Encode(string descr, long count, int length = 0)
    {
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({count.ToString(CultureInfo.InvariantCulture)},), }}";
        int unpadded = Magic.Length + 4 + dict.Length + 1;
        int total = length > 0 ? length : (unpadded + Alignment - 1) / Alignment * Alignment;
        if (total < unpadded || total - Magic.Length - 4 > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"An NPY header needs {unpadded} bytes.");
        }

        byte[] bytes = new byte[total];
        Magic.CopyTo(bytes);
        bytes[6] = 1;
        bytes[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)(total - Magic.Length - 4));
        Encoding.Latin1.GetBytes(dict, bytes.AsSpan(Magic.Length + 4));
        bytes.AsSpan(Magic.Length + 4 + dict.Length).Fill((byte)' ');
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    /// <summary>A dtype descriptor in words, for messages: "'>f8' (big-endian float64)".</summary>
    public static string Describe(string descr)
    {
        if (descr.Length < 2)
        {
            return $"'{descr}'";
        }

        string order = descr[0] switch
        {
            '>' => "big-endian ",
            '<' => "little-endian ",
            '=' => "native-endian ",
            _ => string.Empty,
        };
        string digits = descr[2..];
        bool sized = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int size);
        string kind = descr[1] switch
        {
            'f' when sized => $"float{size * 8}",
            'i' when sized => $"int{size * 8}",
            'u' when sized => $"uint{size * 8}",
            'c' when sized => $"complex{size * 8}",
            'b' => "bool",
            'O' => "Python objects",
            'U' => "unicode strings",
            'S' or 'a' => "byte strings",
            'V' => "raw or structured records",
            'M' => "datetimes",
            'm' => "timedeltas",
            _ => "an unknown type",
        };
        return $"'{descr}' ({order}{kind})";
    }

    private static string Shown(string text) => text.TrimEnd().Length > 200 ? string.Concat(text.AsSpan(0, 200), "…") : text.TrimEnd();
}
