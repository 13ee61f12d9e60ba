using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NetOpsPS.Sockets.Framing;
using NetOpsPS.Sockets.Tests.Framing.Support;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Framing;

public sealed class LineFramingTests
{
    private const int Max = 8;

    private static readonly Dictionary<string, DelimitedStream> Streams = new()
    {
        ["LF and CRLF"] = new DelimitedStream().Frame("one", "\n").Frame("two", "\r\n").Frame("", "\n").Frame("", "\r\n").Frame("three", "\n"),
        ["a lone CR is payload"] = new DelimitedStream().Frame("a\rb", "\n").Frame("\r", "\r\n").Frame("c\r\rd", "\r\n").Frame("x\r", "\r\n"),
        ["exactly the maximum"] = new DelimitedStream().Frame("12345678", "\n").Frame("abcdefgh", "\r\n").Frame("x", "\n"),
        ["one over the maximum"] = new DelimitedStream().Frame("123456789", "\n").Frame("ok", "\n").Frame("abcdefgh\r", "\r\n").Frame("ok2", "\r\n"),
        ["a CR past the maximum"] = new DelimitedStream().Frame("12345678\rx", "\n").Frame("ok", "\n"),
        ["far over the maximum"] = new DelimitedStream().Frame(new string('x', 40), "\r\n").Frame("next", "\n").Frame(new string('y', 9), "\n").Frame("last", "\r\n"),
        ["truncated"] = new DelimitedStream().Frame("one", "\n").Tail("tail"),
        ["truncated at a CR"] = new DelimitedStream().Frame("one", "\n").Tail("abc\r"),
        ["truncated at a CR after the maximum"] = new DelimitedStream().Frame("one", "\n").Tail("12345678\r"),
        ["truncated over the maximum"] = new DelimitedStream().Frame("one", "\n").Tail(new string('z', 20)),
        ["empty"] = new DelimitedStream(),
    };

    public static IEnumerable<object[]> Cases() =>
        from stream in Streams.Keys
        from strip in new[] { true, false }
        from failFast in new[] { true, false }
        select new object[] { stream, strip, failFast };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryStreamDecodesAlikeAtEverySplitAndByteByByte(string stream, bool stripDelimiter, bool failFast)
    {
        var options = new LineFramingOptions(Max, stripDelimiter, failFast);
        DelimitedStream lines = Streams[stream];

        // Never more than the maximum and a CR that may start a CRLF.
        Splits.AssertEveryWay(options.CreateDecoder, lines.ToArray(), lines.Expected(Max, stripDelimiter, failFast), Max + 1);
    }

    [Fact]
    public void FailFastReportsAnOverLongLineAsSoonAsItPassesTheMaximumAndOnlyOnce()
    {
        IFrameDecoder decoder = new LineFramingOptions(Max, failFast: true).CreateDecoder();
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("123456789"));
        FramingException error = Assert.Throws<FramingException>(() => decoder.TryDecode(ref buffer, out _));
        Assert.Equal(FramingError.TooLong, error.Error);

        // The ref buffer moved past what was discarded before the throw.
        buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("rest\nok\n"));
        Assert.True(decoder.TryDecode(ref buffer, out ReadOnlySequence<byte> frame));
        Assert.Equal("ok", Encoding.ASCII.GetString(frame.ToArray()));
    }

    [Fact]
    public void WithoutFailFastAnOverLongLineIsReportedWhenItsEndingComes()
    {
        IFrameDecoder decoder = new LineFramingOptions(Max, failFast: false).CreateDecoder();
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(new string('x', 100)));
        Assert.False(decoder.TryDecode(ref buffer, out _));
        Assert.True(buffer.IsEmpty, "The too-long line is discarded as it arrives.");

        buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("xx\r\nok\n"));
        FramingException error = Assert.Throws<FramingException>(() => decoder.TryDecode(ref buffer, out _));
        Assert.Equal(FramingError.TooLong, error.Error);
        Assert.Contains("102 bytes", error.Message);
        Assert.True(decoder.TryDecode(ref buffer, out ReadOnlySequence<byte> frame));
        Assert.Equal("ok", Encoding.ASCII.GetString(frame.ToArray()));
    }

    [Fact]
    public void ACrAtTheMaximumWaitsForTheByteThatDecides()
    {
        IFrameDecoder decoder = new LineFramingOptions(Max).CreateDecoder();
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("12345678\r"));
        Assert.False(decoder.TryDecode(ref buffer, out _));
        Assert.Equal(Max + 1, buffer.Length);
        buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("12345678\r\n"));
        Assert.True(decoder.TryDecode(ref buffer, out ReadOnlySequence<byte> frame));
        Assert.Equal("12345678", Encoding.ASCII.GetString(frame.ToArray()));
    }

    [Fact]
    public void FramesAreSlicesOfTheCallersBuffer()
    {
        byte[] bytes = Encoding.ASCII.GetBytes("one\ntwo\n");
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.True(new LineFramingOptions(Max).CreateDecoder().TryDecode(ref buffer, out ReadOnlySequence<byte> frame));
        bytes[0] = (byte)'O';
        Assert.Equal("One", Encoding.ASCII.GetString(frame.ToArray()));
    }

    [Theory]
    [InlineData(LineEnding.Lf, "hello\n")]
    [InlineData(LineEnding.CrLf, "hello\r\n")]
    public void TheEncoderAppendsItsLineEnding(LineEnding ending, string expected)
    {
        var output = new ArrayBufferWriter<byte>();
        new LineFramingOptions(Max, lineEnding: ending).CreateEncoder().Encode("hello"u8, output);
        Assert.Equal(expected, Encoding.ASCII.GetString(output.WrittenSpan));
    }

    [Theory]
    [InlineData(LineEnding.Lf, "a\nb")]
    [InlineData(LineEnding.CrLf, "a\nb")]
    [InlineData(LineEnding.CrLf, "a\r\nb")]
    [InlineData(LineEnding.Lf, "ends in CR\r")]
    [InlineData(LineEnding.Lf, "123456789")]
    public void TheEncoderRefusesWhatWouldNotComeBackAsOneLine(LineEnding ending, string payload)
    {
        var output = new ArrayBufferWriter<byte>();
        FramingException error = Assert.Throws<FramingException>(
            () => new LineFramingOptions(Max, lineEnding: ending).CreateEncoder().Encode(Encoding.ASCII.GetBytes(payload), output));
        Assert.Equal(FramingError.Unencodable, error.Error);
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void WithCrLfEndingsAPayloadMayEndInCr()
    {
        var options = new LineFramingOptions(Max, lineEnding: LineEnding.CrLf);
        var output = new ArrayBufferWriter<byte>();
        options.CreateEncoder().Encode("ab\r"u8, output);
        var buffer = new ReadOnlySequence<byte>(output.WrittenMemory);
        Assert.True(options.CreateDecoder().TryDecode(ref buffer, out ReadOnlySequence<byte> frame));
        Assert.Equal("ab\r"u8.ToArray(), frame.ToArray());
    }
}
