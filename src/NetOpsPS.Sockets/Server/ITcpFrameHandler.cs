using System.Buffers;

namespace NetOpsPS.Sockets.Server;

/// <summary>
/// What a server does with each frame it receives. Called on the connection's own loop, one frame
/// at a time, so a handler needs no locks for per-connection work; it must not block.
/// </summary>
public interface ITcpFrameHandler
{
    /// <summary>A short name shown as the server's Kind ("Echo", "Discard").</summary>
    string Kind { get; }

    /// <summary>Bytes sent when a connection opens, before any frame; empty for none.</summary>
    byte[] Banner { get; }

    /// <summary>Handles one frame; replies go through <paramref name="replies"/>, which frames them.</summary>
    void OnFrame(in ReadOnlySequence<byte> frame, ITcpReplyWriter replies);
}
