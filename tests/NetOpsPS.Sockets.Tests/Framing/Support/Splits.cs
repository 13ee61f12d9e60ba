using System;
using System.Collections.Generic;
using System.Linq;
using NetOpsPS.Sockets.Framing;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Framing.Support;

/// <summary>A stream fed whole, in two pieces split at every byte boundary, and byte by byte; every way must decode alike.</summary>
internal static class Splits
{
    public static IEnumerable<(string Name, byte[][] Chunks)> Of(byte[] stream)
    {
        yield return ("whole", [stream]);
        for (int i = 1; i < stream.Length; i++)
        {
            yield return ($"split at {i}", [stream[..i], stream[i..]]);
        }

        yield return ("byte by byte", stream.Select(b => new[] { b }).ToArray());
    }

    /// <summary>Random cuts, for long streams where every split would be slow.</summary>
    public static byte[][] Random(byte[] stream, Random random, int mostChunk)
    {
        var chunks = new List<byte[]>();
        for (int at = 0; at < stream.Length;)
        {
            int length = Math.Min(random.Next(1, mostChunk + 1), stream.Length - at);
            chunks.Add(stream[at..(at + length)]);
            at += length;
        }

        return chunks.ToArray();
    }

    /// <summary>
    /// Decodes <paramref name="stream"/> every way with a fresh decoder each time: the events must be
    /// <paramref name="expected"/>, the bytes left buffered after a read at most <paramref name="mostHeld"/>, and
    /// nothing buffered at the end.
    /// </summary>
    public static void AssertEveryWay(Func<IFrameDecoder> createDecoder, byte[] stream, IReadOnlyList<string> expected, long mostHeld)
    {
        foreach ((string name, byte[][] chunks) in Of(stream))
        {
            AssertRun(DecoderDriver.Run(createDecoder(), chunks), name, expected, mostHeld);
        }
    }

    public static void AssertRun(DecodeResult run, string name, IReadOnlyList<string> expected, long mostHeld)
    {
        if (!run.Events.SequenceEqual(expected))
        {
            Assert.Fail($"{name}:\n expected [{string.Join(", ", expected)}]\n      got [{string.Join(", ", run.Events)}]");
        }

        Assert.True(run.MostHeld <= mostHeld, $"{name}: {run.MostHeld} bytes left buffered, more than {mostHeld}.");
        Assert.True(run.LeftAtEnd == 0, $"{name}: {run.LeftAtEnd} bytes left at the end.");
    }
}
