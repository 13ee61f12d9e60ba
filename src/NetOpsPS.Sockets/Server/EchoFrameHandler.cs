using System;
using System.Buffers;
using System.Text;

namespace NetOpsPS.Sockets.Server;

/// <summary>Answers every frame with the same frame behind a prefix.</summary>
public sealed class EchoFrameHandler : ITcpFrameHandler
{
    private readonly byte[] _prefix;

    /// <summary>Creates an echo handler with <paramref name="prefix"/> (UTF-8) before every reply.</summary>
    public EchoFrameHandler(string prefix, string? banner = null)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        Prefix = prefix;
        _prefix = Encoding.UTF8.GetBytes(prefix);
        Banner = string.IsNullOrEmpty(banner) ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(banner);
    }

    /// <summary>The reply prefix.</summary>
    public string Prefix { get; }

    /// <inheritdoc />
    public string Kind => "Echo";

    /// <inheritdoc />
    public byte[] Banner { get; }

    /// <inheritdoc />
    public void OnFrame(in ReadOnlySequence<byte> frame, ITcpReplyWriter replies) => replies.Write(_prefix, frame);
}
