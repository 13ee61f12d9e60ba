using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NetOpsPS.Sockets.Framing;
using NetOpsPS.Sockets.Tests.Framing.Support;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Framing;

public sealed class DelimiterFramingTests
{
    private const int Max = 6;

    private static readonly Dictionary<string, (string[] Delimiters, DelimitedStream Stream)> Streams = new()
    {
        ["NUL"] = (["\0"], new DelimitedStream().Frame("one", "\0").Frame("", "\0").Frame("two", "\0").Frame("1234567", "\0").Frame("ok", "\0").Tail("end")),
        ["Netty's line delimiters"] = (["\r\n", "\n"], new DelimitedStream().Frame("a", "\r\n").Frame("b", "\n").Frame("c", "\r\n").Frame("\r", "\r\n").Frame("123456", "\r\n").Frame("1234567", "\n")),
        ["two multi-byte delimiters"] = (["END", "||"], new DelimitedStream().Frame("a|b", "||").Frame("EN", "END").Frame("xyz", "||").Frame("0123456789", "END").Frame("ok", "||").Tail("EN")),
        ["the longer delimiter listed first wins a tie"] = (["abc", "ab"], new DelimitedStream().Frame("x", "abc").Frame("y", "ab").Frame("", "abc").Frame("z", "ab")),
        ["the shorter delimiter listed first wins a tie"] = (["ab", "abc"], new DelimitedStream().Frame("x", "ab").Frame("cy", "ab").Frame("", "ab")),
        ["the delimiter that starts first wins"] = (["b", "abX"], new DelimitedStream().Frame("1a", "b").Frame("2", "abX").Frame("3", "b").Frame("", "abX")),
        ["a delimiter that overlaps itself"] = (["aa"], new DelimitedStream().Frame("x", "aa").Frame("ay", "aa").Frame("", "aa")),
        ["a delimiter across the end of a discarded frame"] = (["END"], new DelimitedStream().Frame("0123456789abcdefEN", "END").Frame("ok", "END").Frame("1234567", "END").Frame("", "END")),
        ["truncated over the maximum inside a delimiter"] = (["||"], new DelimitedStream().Frame("a", "||").Tail("123456789|")),
        ["truncated inside a delimiter"] = (["END"], new DelimitedStream().Frame("a", "END").Tail("bcEN")),
        ["binary"] = (["\xFF\x00"], new DelimitedStream().Frame("\xFF\xFF", "\xFF\x00").Frame("\x00\xFF\x01", "\xFF\x00")),
        ["empty"] = (["\0"], new DelimitedStream()),
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
        (string[] delimiters, DelimitedStream frames) = Streams[stream];
        var options = new DelimiterFramingOptions(Max, delimiters.Select(Encoding.Latin1.GetBytes), stripDelimiter, failFast);
        int longest = delimiters.Max(d => d.Length);
        Splits.AssertEveryWay(options.CreateDecoder, frames.ToArray(), frames.Expected(Max, stripDelimiter, failFast), Max + longest - 1);
    }

    [Fact]
    public void ADelimiterThatALongerOneListedFirstMayStillBecomeWaitsForTheByteThatDecides()
    {
        // Netty would cut "x" at "ab" here and leave "c" to start the next frame.
        IFrameDecoder decoder = Options(["abc", "ab"]).CreateDecoder();
        var buffer = new ReadOnlySequence<byte>("xab"u8.ToArray());
        Assert.False(decoder.TryDecode(ref buffer, out _));
        Assert.Equal(3, buffer.Length);

        buffer = new ReadOnlySequence<byte>("xabcy\0"u8.ToArray());
        Assert.True(decoder.TryDecode(ref buffer, out ReadOnlySequence<byte> frame));
        Assert.Equal("x", Encoding.ASCII.GetString(frame.ToArray()));
        Assert.Equal("y\0", Encoding.ASCII.GetString(buffer.ToArray()));
    }

    [Fact]
    public void AtTheEndOfTheStreamADelimiterThatCanNoLongerGrowDecides()
    {
        IFrameDecoder decoder = Options(["abc", "ab"]).CreateDecoder();
        var buffer = new ReadOnlySequence<byte>("xab"u8.ToArray());
        Assert.False(decoder.TryDecode(ref buffer, out _));
        Assert.True(decoder.TryDecodeLast(ref buffer, out ReadOnlySequence<byte> frame));
        Assert.Equal("x", Encoding.ASCII.GetString(frame.ToArray()));
        Assert.False(decoder.TryDecodeLast(ref buffer, out _));
    }

    [Fact]
    public void TheEncoderAppendsTheFirstDelimiter()
    {
        var output = new ArrayBufferWriter<byte>();
        Options(["END", "||"]).CreateEncoder().Encode("hi"u8, output);
        Assert.Equal("hiEND", Encoding.ASCII.GetString(output.WrittenSpan));
    }

    [Theory]
    [InlineData(new[] { "\0" }, "a\0b")]
    [InlineData(new[] { "END", "||" }, "a||b")]
    [InlineData(new[] { "\n", "\r\n" }, "a\r")]
    [InlineData(new[] { "aa" }, "a")]
    [InlineData(new[] { "b", "abX" }, "a")]
    [InlineData(new[] { "\0" }, "1234567")]
    public void TheEncoderRefusesWhatWouldNotComeBackAsOneFrame(string[] delimiters, string payload)
    {
        var output = new ArrayBufferWriter<byte>();
        FramingException error = Assert.Throws<FramingException>(
            () => Options(delimiters).CreateEncoder().Encode(Encoding.Latin1.GetBytes(payload), output));
        Assert.Equal(FramingError.Unencodable, error.Error);
        Assert.Equal(0, output.WrittenCount);
    }

    [Theory]
    [InlineData(new[] { "abc", "ab" }, "x")]
    [InlineData(new[] { "ab", "abc" }, "c")]
    [InlineData(new[] { "ab" }, "xa")]
    public void TheEncoderTakesPayloadsThatTouchADelimiterHarmlessly(string[] delimiters, string payload)
    {
        DelimiterFramingOptions options = Options(delimiters);
        var output = new ArrayBufferWriter<byte>();
        options.CreateEncoder().Encode(Encoding.Latin1.GetBytes(payload), output);
        var buffer = new ReadOnlySequence<byte>(output.WrittenMemory);
        Assert.True(options.CreateDecoder().TryDecodeLast(ref buffer, out ReadOnlySequence<byte> frame));
        Assert.Equal(payload, Encoding.Latin1.GetString(frame.ToArray()));
        Assert.True(buffer.IsEmpty);
    }

    private static DelimiterFramingOptions Options(string[] delimiters) =>
        new(Max, delimiters.Select(Encoding.Latin1.GetBytes));
}
