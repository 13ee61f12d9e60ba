using System;
using System.Buffers;
using System.Text;

namespace NetOpsPS.Sockets.Server;

/// <summary>Reads and counts frames, answers nothing (RFC 863's discard, framed).</summary>
public sealed class DiscardFrameHandler : ITcpFrameHandler
{
    /// <summary>Creates a discard handler with an optional banner.</summary>
    public DiscardFrameHandler(string? banner = null) =>
        Banner = string.IsNullOrEmpty(banner) ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(banner);

    /// <inheritdoc />
    public string Kind => "Discard";

    /// <inheritdoc />
    public byte[] Banner { get; }

    /// <inheritdoc />
    public void OnFrame(in ReadOnlySequence<byte> frame, ITcpReplyWriter replies)
    {
    }
}
