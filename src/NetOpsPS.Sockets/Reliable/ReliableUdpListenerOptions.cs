using System;
using System.Net;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Sockets.Reliable;

/// <summary>Settings of a reliable UDP listener.</summary>
public sealed class ReliableUdpListenerOptions
{
    /// <summary>Local address and port; loopback unless told otherwise, port 0 lets the kernel choose.</summary>
    public IPEndPoint LocalEndPoint { get; set; } = new(IPAddress.Loopback, 0);

    /// <summary>A friendly name; made up when empty.</summary>
    public string? Name { get; set; }

    /// <summary>Packets held per session above the next one expected (the advertised window); later ones are dropped.</summary>
    public int ReceiveWindow { get; set; } = 1024;

    /// <summary>Sessions kept at once; a new sender beyond it is ignored (counted) until one expires.</summary>
    public int MaxSessions { get; set; } = 256;

    /// <summary>A session without packets for this long is forgotten.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Delivered messages kept for readers; when full the oldest is discarded and counted.</summary>
    public int InboxCapacity { get; set; } = 10_000;

    /// <summary>Largest message reassembled; a sender announcing more fragments is malformed.</summary>
    public int MaxMessageSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>Bytes held for all sessions at once (out-of-order packets, half-built messages); packets past it are dropped and counted.</summary>
    public long MaxBufferedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Kernel buffer sizes.</summary>
    public UdpBufferOptions Buffers { get; set; } = new();

    internal void Validate()
    {
        if (ReceiveWindow is < 1 or > 32768 || MaxSessions < 1 || InboxCapacity < 1 || MaxMessageSize < 1 || MaxBufferedBytes < 1 || SessionIdleTimeout <= TimeSpan.Zero)
        {
            throw new SocketsException(SocketsError.InvalidArgument, "ReceiveWindow must be 1-32768; MaxSessions, InboxCapacity, MaxMessageSize, MaxBufferedBytes and SessionIdleTimeout positive.");
        }

        Buffers.Validate();
    }
}
