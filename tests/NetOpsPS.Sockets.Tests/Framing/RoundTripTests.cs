using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NetOpsPS.Sockets.Framing;
using NetOpsPS.Sockets.Tests.Framing.Support;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Framing;

public sealed class RoundTripTests
{
    // Bytes that are delimiters or start them, often enough that some payloads are refused.
    private static readonly byte[] Alphabet = Encoding.Latin1.GetBytes("abcXYZ|END\r\n\0\xFF");

    private static readonly Dictionary<string, FramingOptions> Codecs = new()
    {
        ["line LF"] = new LineFramingOptions(40),
        ["line CRLF"] = new LineFramingOptions(40, lineEnding: LineEnding.CrLf),
        ["delimiter NUL"] = new DelimiterFramingOptions(40, [[0]]),
        ["delimiter END or ||"] = new DelimiterFramingOptions(40, [Encoding.ASCII.GetBytes("END"), Encoding.ASCII.GetBytes("||")]),
        ["delimiter abX or b"] = new DelimiterFramingOptions(40, [Encoding.ASCII.GetBytes("abX"), Encoding.ASCII.GetBytes("b")]),
        ["fixed length 5"] = new FixedLengthFramingOptions(5),
        ["length field 1 byte"] = new LengthFieldFramingOptions(60, 0, 1, initialBytesToStrip: 1),
        ["length field 2 bytes little-endian"] = new LengthFieldFramingOptions(60, 0, 2, initialBytesToStrip: 2, byteOrder: ByteOrder.LittleEndian),
        ["length field 3 bytes at offset 2 counting the header"] = new LengthFieldFramingOptions(60, 2, 3, lengthAdjustment: -5, initialBytesToStrip: 5),
        ["length field 4 bytes adjusted by 3"] = new LengthFieldFramingOptions(60, 0, 4, lengthAdjustment: 3, initialBytesToStrip: 4),
        ["length field 8 bytes little-endian counting itself"] = new LengthFieldFramingOptions(60, 0, 8, lengthAdjustment: -8, initialBytesToStrip: 8, byteOrder: ByteOrder.LittleEndian),
    };

    public static IEnumerable<object[]> Names() => Codecs.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryPayloadTheEncoderTakesComesBackFromTheDecoder(string codec)
    {
        FramingOptions options = Codecs[codec];
        var random = new Random(codec.Length);
        IFrameEncoder encoder = options.CreateEncoder();
        var output = new ArrayBufferWriter<byte>();
        var sent = new List<string>();
        for (int i = 0; i < 300; i++)
        {
            byte[] payload = Enumerable.Range(0, random.Next(options is FixedLengthFramingOptions ? 4 : 0, 7))
                .Select(_ => Alphabet[random.Next(Alphabet.Length)])
                .ToArray();
            try
            {
                encoder.Encode(payload, output);
                sent.Add(FrameEvents.Frame(payload));
            }
            catch (FramingException ex) when (ex.Error == FramingError.Unencodable)
            {
                // Refused payloads leave nothing behind, checked by the round trip of the rest.
            }
        }

        Assert.True(sent.Count >= 40, $"Only {sent.Count} of 300 payloads were encodable.");
        byte[] stream = output.WrittenSpan.ToArray();
        Splits.AssertRun(DecoderDriver.Run(options.CreateDecoder(), [stream]), "whole", sent, long.MaxValue);
        for (int i = 0; i < 20; i++)
        {
            Splits.AssertRun(DecoderDriver.Run(options.CreateDecoder(), Splits.Random(stream, random, 9)), $"random cut {i}", sent, long.MaxValue);
        }
    }
}
