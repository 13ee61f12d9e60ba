using System;
using System.Net;
using System.Text;

namespace NetOpsPS.Sockets.Udp;

/// <summary>One datagram as it arrived: who sent it, to which local end point, its bytes and when.</summary>
public sealed class UdpDatagram
{
    internal UdpDatagram(IPEndPoint remoteEndPoint, IPEndPoint localEndPoint, byte[] data, DateTimeOffset timestamp)
    {
        RemoteEndPoint = remoteEndPoint;
        LocalEndPoint = localEndPoint;
        Data = data;
        Timestamp = timestamp;
    }

    /// <summary>The sender's address and port (an IPv4 sender of a dual-mode socket shows as IPv4).</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>The sender's address.</summary>
    public IPAddress RemoteAddress => RemoteEndPoint.Address;

    /// <summary>The sender's port.</summary>
    public int RemotePort => RemoteEndPoint.Port;

    /// <summary>The local socket that took the datagram.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The payload.</summary>
    public byte[] Data { get; }

    /// <summary>Payload length in bytes.</summary>
    public int Length => Data.Length;

    /// <summary>When the receive completed (UTC).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The payload as UTF-8 text (invalid sequences become U+FFFD).</summary>
    public string Text => Encoding.UTF8.GetString(Data);

    /// <inheritdoc />
    public override string ToString() => $"{RemoteEndPoint} {Length} bytes";
}
