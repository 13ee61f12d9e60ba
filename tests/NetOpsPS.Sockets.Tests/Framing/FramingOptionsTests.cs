using System;
using System.Buffers;
using System.Text;
using NetOpsPS.Sockets.Framing;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Framing;

public sealed class FramingOptionsTests
{
    [Fact]
    public void InvalidSettingsAreArgumentExceptionsNamingTheSetting()
    {
        AssertInvalid("maxLength", () => new LineFramingOptions(0));
        AssertInvalid("lineEnding", () => new LineFramingOptions(10, lineEnding: (LineEnding)7));
        AssertInvalid("maxFrameLength", () => new DelimiterFramingOptions(-1, [[0]]));
        AssertInvalid("delimiters", () => new DelimiterFramingOptions(10, null!));
        AssertInvalid("delimiters", () => new DelimiterFramingOptions(10, []));
        AssertInvalid("delimiters", () => new DelimiterFramingOptions(10, [[0], []]));
        AssertInvalid("delimiters", () => new DelimiterFramingOptions(10, [null!]));
        AssertInvalid("frameLength", () => new FixedLengthFramingOptions(0));
        AssertInvalid("maxFrameLength", () => new LengthFieldFramingOptions(0, 0, 2));
        AssertInvalid("lengthFieldOffset", () => new LengthFieldFramingOptions(10, -1, 2));
        AssertInvalid("initialBytesToStrip", () => new LengthFieldFramingOptions(10, 0, 2, initialBytesToStrip: -1));
        AssertInvalid("byteOrder", () => new LengthFieldFramingOptions(10, 0, 2, byteOrder: (ByteOrder)2));
        foreach (int fieldLength in new[] { 0, 5, 6, 7, 9, -1 })
        {
            AssertInvalid("lengthFieldLength", () => new LengthFieldFramingOptions(10, 0, fieldLength));
        }

        // Netty: the header must fit in the largest frame.
        ArgumentException error = AssertInvalid("maxFrameLength", () => new LengthFieldFramingOptions(5, 2, 4));
        Assert.Contains("lengthFieldOffset (2) + lengthFieldLength (4)", error.Message);
        Assert.NotNull(new LengthFieldFramingOptions(6, 2, 4));
    }

    [Fact]
    public void DescribeNamesEverySetting()
    {
        Assert.Equal("line: LF or CRLF, max 80 bytes, ending stripped, fail-fast off, writes LF", new LineFramingOptions(80).Describe());
        Assert.Equal("line: LF or CRLF, max 80 bytes, ending kept, fail-fast on, writes CRLF", new LineFramingOptions(80, false, true, LineEnding.CrLf).ToString());
        Assert.Equal(
            "delimiter: \"\\0\" | \"END\" | 0x00FF, max 9 bytes, delimiter stripped, fail-fast on",
            new DelimiterFramingOptions(9, [[0], Encoding.ASCII.GetBytes("END"), [0, 0xFF]]).Describe());
        Assert.Equal("fixed length: 12 bytes", new FixedLengthFramingOptions(12).Describe());
        Assert.Equal(
            "length field: 2 bytes little-endian at offset 1, adjustment -3, strip 3, max 1000 bytes, fail-fast off",
            new LengthFieldFramingOptions(1000, 1, 2, -3, 3, ByteOrder.LittleEndian, failFast: false).Describe());
    }

    [Fact]
    public void DelimitersAreCopiedSoTheCallerCannotChangeThemAfterwards()
    {
        byte[] delimiter = [(byte)';'];
        var options = new DelimiterFramingOptions(10, [delimiter]);
        delimiter[0] = (byte)',';
        Assert.Equal(";"u8.ToArray(), options.Delimiters[0].ToArray());
        var buffer = new ReadOnlySequence<byte>("a,b;"u8.ToArray());
        Assert.True(options.CreateDecoder().TryDecode(ref buffer, out ReadOnlySequence<byte> frame));
        Assert.Equal("a,b"u8.ToArray(), frame.ToArray());
    }

    [Fact]
    public void EachDecoderKeepsItsOwnState()
    {
        var options = new LineFramingOptions(4);
        IFrameDecoder first = options.CreateDecoder();
        IFrameDecoder second = options.CreateDecoder();
        var buffer = new ReadOnlySequence<byte>("123456"u8.ToArray());
        Assert.False(first.TryDecode(ref buffer, out _));

        // The first decoder discards a too-long line; the second has seen nothing of it.
        buffer = new ReadOnlySequence<byte>("ok\n"u8.ToArray());
        Assert.True(second.TryDecode(ref buffer, out ReadOnlySequence<byte> frame));
        Assert.Equal("ok"u8.ToArray(), frame.ToArray());
        buffer = new ReadOnlySequence<byte>("ok\n"u8.ToArray());
        Assert.Throws<FramingException>(() => first.TryDecode(ref buffer, out _));
    }

    private static ArgumentException AssertInvalid(string parameter, Func<object> create)
    {
        ArgumentException error = Assert.ThrowsAny<ArgumentException>(create);
        Assert.Equal(parameter, error.ParamName);
        return error;
    }
}
