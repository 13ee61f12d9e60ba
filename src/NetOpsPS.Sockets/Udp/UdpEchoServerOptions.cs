using System.Net;

namespace NetOpsPS.Sockets.Udp;

/// <summary>Settings of a UDP echo server (RFC 862).</summary>
public sealed class UdpEchoServerOptions
{
    /// <summary>Local address and port; loopback unless told otherwise, port 0 lets the kernel choose.</summary>
    public IPEndPoint LocalEndPoint { get; set; } = new(IPAddress.Loopback, 0);

    /// <summary>A friendly name; made up when empty.</summary>
    public string? Name { get; set; }

    /// <summary>Kernel buffer sizes.</summary>
    public UdpBufferOptions Buffers { get; set; } = new();
}
