using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;
using Kernels.Cli.Npy;
using Xunit;

namespace Kernels.Cli.Tests.IO;

/// <summary>The one NPY header writer lays out every format version byte by byte as NumPy's format specification says,
/// and what it writes reads back: the reader tests build their files with it.</summary>
public sealed class NpyHeaderTests
{
    [Theory]
    [InlineData(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }")]
    [InlineData(2, "{'descr': '<f4', 'fortran_order': True, 'shape': (7,), }")]
    [InlineData(3, "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2), 'note': 'π≈3.14', }")]
    public void EveryVersionIsLaidOutAsNumPyDoes(byte major, string dict)
    {
        byte[] bytes = NpyHeader.Encode(dict, major);

        int lengthBytes = major == 1 ? 2 : 4;
        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', major, 0 }, bytes[..8]);
        long length = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)) : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        Assert.Equal(bytes.Length, 8 + lengthBytes + length);
        Assert.Equal(0, bytes.Length % 64);
        Assert.True(bytes.Length - (8 + lengthBytes + (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetByteCount(dict) + 1) < 64);
        string text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(bytes, 8 + lengthBytes, (int)length);
        Assert.Equal(dict, text.TrimEnd(' ', '\n'));
        Assert.Matches("^[^\n]* *\n$", text);
    }

    [Fact]
    public void AGivenLengthIsKeptExactlyAndMustHoldTheDict()
    {
        string dict = NpyHeader.Vector("<f8", 5).Dict();

        byte[] bytes = NpyHeader.Encode(dict, 1, 200);

        Assert.Equal(200, bytes.Length);
        Assert.Equal(200 - 10, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)));
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => NpyHeader.Encode(dict, 1, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => NpyHeader.Encode(new string(' ', 70_000)));
        Assert.Throws<ArgumentOutOfRangeException>(() => NpyHeader.Encode(dict, 4));
    }

    [Fact]
    public void TheDictIsNumPys()
    {
        Assert.Equal("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", NpyHeader.Vector("<f8", 3).Dict());
        Assert.Equal("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 5), }", new NpyHeader("<f4", true, [2, 5]).Dict());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void WhatIsWrittenReadsBack(byte major)
    {
        var header = new NpyHeader("<f4", false, [4, 6]);
        var stream = new MemoryStream([.. NpyHeader.Encode(header.Dict(), major), 42]);

        NpyHeader read = NpyHeader.Read(stream, "header.npy");

        Assert.Equal(header.Descr, read.Descr);
        Assert.Equal(header.FortranOrder, read.FortranOrder);
        Assert.Equal(header.Shape, read.Shape);
        Assert.Equal(42, stream.ReadByte());
    }
}
