using System;
using System.Buffers;
using System.Collections.Generic;
using NetOpsPS.Sockets.Framing;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Framing.Support;

/// <summary>
/// Drives a decoder as FrameReader does, without a pipe: each chunk is one read; after a read every frame is taken
/// and every FramingException noted and read past; at the end TryDecodeLast until it returns false. Any other
/// exception fails the test.
/// </summary>
internal static class DecoderDriver
{
    private const int MostCalls = 1_000_000;

    private delegate bool Decode(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame);

    public static DecodeResult Run(IFrameDecoder decoder, IEnumerable<byte[]> chunks)
    {
        var events = new List<string>();
        long mostHeld = 0;
        ReadOnlySequence<byte> held = ReadOnlySequence<byte>.Empty;
        foreach (byte[] chunk in chunks)
        {
            held = SegmentedSequence.Append(held, chunk);
            DecodeAll(decoder, ref held, events);
            mostHeld = Math.Max(mostHeld, held.Length);
        }

        int calls = 0;
        do
        {
            Assert.True(calls++ < MostCalls, "TryDecodeLast never returned false.");
            DecodeAll(decoder, ref held, events);
        }
        while (Step(decoder.TryDecodeLast, ref held, events));

        return new DecodeResult(events, mostHeld, held.Length);
    }

    private static void DecodeAll(IFrameDecoder decoder, ref ReadOnlySequence<byte> held, List<string> events)
    {
        int calls = 0;
        while (Step(decoder.TryDecode, ref held, events))
        {
            Assert.True(++calls < MostCalls, "TryDecode never returned false.");
        }
    }

    /// <summary>One call: a frame or an error is noted and the caller goes on; false when the decoder has nothing.</summary>
    private static bool Step(Decode decode, ref ReadOnlySequence<byte> held, List<string> events)
    {
        try
        {
            if (!decode(ref held, out ReadOnlySequence<byte> frame))
            {
                return false;
            }

            events.Add(FrameEvents.Frame(frame));
        }
        catch (FramingException ex)
        {
            events.Add(FrameEvents.Error(ex));
        }

        return true;
    }
}
