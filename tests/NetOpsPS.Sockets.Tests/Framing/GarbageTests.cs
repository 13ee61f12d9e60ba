using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NetOpsPS.Sockets.Framing;
using NetOpsPS.Sockets.Tests.Framing.Support;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Framing;

/// <summary>
/// Seeded random bytes: a decoder may only throw FramingException, must decode them the same however they are cut,
/// and must never leave more than its bound buffered (the maximum and a delimiter, or a frame).
/// </summary>
public sealed class GarbageTests
{
    private static readonly byte[] Special = Encoding.Latin1.GetBytes("\r\n\r\n\0|ENDab\xFF");

    private static readonly Dictionary<string, (FramingOptions Options, long MostHeld)> Codecs = new()
    {
        ["line, fail-fast"] = (new LineFramingOptions(16, failFast: true), 17),
        ["line"] = (new LineFramingOptions(16, stripDelimiter: false), 17),
        ["delimiter NUL"] = (new DelimiterFramingOptions(16, [[0]]), 16),
        ["delimiter END, ||, b"] = (new DelimiterFramingOptions(16, [Encoding.ASCII.GetBytes("END"), Encoding.ASCII.GetBytes("||"), Encoding.ASCII.GetBytes("b")], failFast: false), 18),
        ["delimiter abab, ab"] = (new DelimiterFramingOptions(16, [Encoding.ASCII.GetBytes("abab"), Encoding.ASCII.GetBytes("ab")], stripDelimiter: false), 19),
        ["fixed length 7"] = (new FixedLengthFramingOptions(7), 6),
        ["length field 1 byte, fail-fast"] = (new LengthFieldFramingOptions(200, 0, 1, failFast: true), 199),
        ["length field 2 bytes at offset 1, stripped"] = (new LengthFieldFramingOptions(300, 1, 2, lengthAdjustment: -3, initialBytesToStrip: 3, failFast: false), 299),
        ["length field 3 bytes little-endian"] = (new LengthFieldFramingOptions(64, 0, 3, lengthAdjustment: -2, initialBytesToStrip: 5, byteOrder: ByteOrder.LittleEndian), 63),
        ["length field 4 bytes"] = (new LengthFieldFramingOptions(64, 2, 4, failFast: false), 63),
        ["length field 8 bytes"] = (new LengthFieldFramingOptions(64, 0, 8, lengthAdjustment: -9), 63),
    };

    public static IEnumerable<object[]> Cases() =>
        from name in Codecs.Keys
        from seed in new[] { 1, 2, 3 }
        select new object[] { name, seed };

    [Theory]
    [MemberData(nameof(Cases))]
    public void GarbageDecodesTheSameHoweverItIsCutWithinBoundedMemory(string codec, int seed)
    {
        (FramingOptions options, long mostHeld) = Codecs[codec];
        var random = new Random(seed);
        byte[] garbage = new byte[4000];
        for (int i = 0; i < garbage.Length; i++)
        {
            // Half the bytes from delimiters and small numbers, so frames and near-frames happen.
            garbage[i] = random.Next(2) == 0 ? Special[random.Next(Special.Length)] : (byte)random.Next(256);
        }

        DecodeResult whole = DecoderDriver.Run(options.CreateDecoder(), [garbage]);
        Assert.NotEmpty(whole.Events);
        Splits.AssertRun(whole, "whole", whole.Events, mostHeld);
        foreach (int mostChunk in new[] { 1, 3, 16, 200, 1500 })
        {
            DecodeResult cut = DecoderDriver.Run(options.CreateDecoder(), Splits.Random(garbage, random, mostChunk));
            Splits.AssertRun(cut, $"cut in chunks of at most {mostChunk}", whole.Events, mostHeld);
        }
    }
}
