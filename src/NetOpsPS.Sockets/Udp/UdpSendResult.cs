using System;
using System.Net;

namespace NetOpsPS.Sockets.Udp;

/// <summary>One datagram handed to the kernel. UDP has no delivery report: sent is all there is to know.</summary>
public sealed class UdpSendResult
{
    internal UdpSendResult(IPEndPoint remoteEndPoint, IPEndPoint localEndPoint, int length, DateTimeOffset timestamp)
    {
        RemoteEndPoint = remoteEndPoint;
        LocalEndPoint = localEndPoint;
        Length = length;
        Timestamp = timestamp;
    }

    /// <summary>Where it went.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>The local socket it left from.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Payload bytes sent.</summary>
    public int Length { get; }

    /// <summary>When the send completed (UTC).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Length} bytes to {RemoteEndPoint}";
}
