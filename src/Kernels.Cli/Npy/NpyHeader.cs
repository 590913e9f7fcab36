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

    /// <summary>The header of a 1-D array of <paramref name="count"/> elements of <paramref name="descr"/>.</summary>
    public static NpyHeader Vector(string descr, long count) => new(descr, false, [count]);

    /// <summary>A shape as NumPy prints it: "(3,)", "(2, 3)".</summary>
    public static string FormatShape(IReadOnlyList<long> shape) =>
        shape.Count == 1
            ? $"({shape[0].ToString(CultureInfo.InvariantCulture)},)"
            : $"({string.Join(", ", shape.Select(size => size.ToString(CultureInfo.InvariantCulture)))})";

    /// <summary>The dict NumPy writes for this header: "{'descr': '&lt;f8', 'fortran_order': False, 'shape': (3,), }".</summary>
    public string Dict() => $"{{'descr': '{Descr}', 'fortran_order': {(FortranOrder ? "True" : "False")}, 'shape': {FormatShape(Shape)}, }}";

    /// <summary>This header as a format 1.0 preamble and header (see <see cref="Encode(string, byte, int)"/>).</summary>
    public byte[] Encode(int length = 0) => Encode(Dict(), 1, length);

    /// <summary>
    /// The preamble (magic, format version <paramref name="major"/>.0, header length: u16 in 1.0, u32 in 2.0 and 3.0)
    /// and <paramref name="dict"/> (Latin-1; UTF-8 in 3.0), padded with spaces and ended by '\n' so that the data starts at
    /// a multiple of 64 bytes, or at exactly <paramref name="length"/> bytes when given (room kept for a count known
    /// later). The one writer of NPY headers: the score writer's, the benchmark inputs' and the tests' files.
    /// </summary>
    public static byte[] Encode(string dict, byte major = 1, int length = 0)
    {
        ArgumentNullException.ThrowIfNull(dict);
        ArgumentOutOfRangeException.ThrowIfLessThan(major, (byte)1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(major, (byte)3);
        Encoding encoding = major == 3 ? Encoding.UTF8 : Encoding.Latin1;
        int preamble = Magic.Length + 2 + (major == 1 ? sizeof(ushort) : sizeof(uint));
        int dictBytes = encoding.GetByteCount(dict);
        int unpadded = preamble + dictBytes + 1;
        int total = length > 0 ? length : (unpadded + Alignment - 1) / Alignment * Alignment;
        if (total < unpadded || (major == 1 && total - preamble > ushort.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"An NPY header needs {unpadded} bytes.");
        }

        byte[] bytes = new byte[total];
        Magic.CopyTo(bytes);
        bytes[6] = major;
        bytes[7] = 0;
        if (major == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)(total - preamble));
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)(total - preamble));
        }

        encoding.GetBytes(dict, bytes.AsSpan(preamble));
        bytes.AsSpan(preamble + dictBytes).Fill((byte)' ');
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
