using System;
using System.Buffers;
using NetOpsPS.Sockets.Framing;

namespace NetOpsPS.Sockets.Server.Internal;

/// <summary>Writes a reply as it is: for decoders that keep the delimiter in the frame (the echo server's byte-for-byte replies).</summary>
internal sealed class RawReplyEncoder : IFrameEncoder
{
    public static readonly RawReplyEncoder Instance = new();

    public void Encode(ReadOnlySpan<byte> payload, IBufferWriter<byte> output) => output.Write(payload);
}
