using System.Collections.Generic;
using System.Net;

namespace NetOpsPS.Sockets.Udp;

/// <summary>Settings of a <see cref="UdpChannel"/>: where to bind, the kernel buffers, and whose datagrams to keep.</summary>
public sealed class UdpChannelOptions
{
    /// <summary>Largest UDP payload over IPv4 (65,535 minus the IP and UDP headers).</summary>
    public const int MaxPayload = 65507;

    /// <summary>Local end point; port 0 lets the kernel choose. Use the remote's family for a client.</summary>
    public IPEndPoint LocalEndPoint { get; set; } = new(IPAddress.Loopback, 0);

    /// <summary>Kernel buffer sizes.</summary>
    public UdpBufferOptions Buffers { get; set; } = new();

    /// <summary>Only datagrams from these addresses are returned; empty keeps every sender.</summary>
    public IReadOnlyList<IPAddress> FromAddresses { get; set; } = System.Array.Empty<IPAddress>();

    /// <summary>Only datagrams from this source port are returned; 0 keeps every port.</summary>
    public int FromPort { get; set; }

    /// <summary>Checks what the bind does not: <see cref="Buffers"/> are checked by the bind itself, before anything else happens.</summary>
    internal void Validate()
    {
        if (FromPort is < 0 or > IPEndPoint.MaxPort)
        {
            throw new SocketsException(SocketsError.InvalidArgument, $"FromPort {FromPort} is outside 0-65535.");
        }
    }
}
