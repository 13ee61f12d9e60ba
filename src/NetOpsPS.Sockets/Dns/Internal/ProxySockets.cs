using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Sockets.DnsTools.Internal;

/// <summary>The proxy's listening sockets: UDP and TCP on one port (with port 0, one the system gives free for both).</summary>
internal static class ProxySockets
{
    private const int PortAttempts = 20;

    public static (Socket Udp, Socket? Tcp, IReadOnlyList<UdpBufferGrant> Grants) Bind(DnsProxyOptions options)
    {
        for (int attempt = 1; ; attempt++)
        {
            // The buffers are tuned before binding: a burst that outruns the default receive buffer is dropped by the kernel unseen.
            Socket udp = UdpSockets.Bind(new IPEndPoint(options.Address, options.Port), options.Buffers, out IReadOnlyList<UdpBufferGrant> grants);
            if (!options.EnableTcp)
            {
                return (udp, null, grants);
            }

            int port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            Socket tcp = OpenTcp(options.Address);
            try
            {
                tcp.Bind(new IPEndPoint(options.Address, port));
                tcp.Listen(512);
                return (udp, tcp, grants);
            }
            catch (SocketException ex)
            {
                udp.Dispose();
                tcp.Dispose();
                // The port the system gave for UDP is taken on TCP: try another one; a port asked for is an error.
                if (options.Port != 0 || attempt == PortAttempts)
                {
                    throw Failed(ex, options.Address, port);
                }
            }
        }
    }

    private static Socket OpenTcp(IPAddress address)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (address.Equals(IPAddress.IPv6Any))
        {
            socket.DualMode = true;
        }

        return socket;
    }

    private static SocketsException Failed(SocketException ex, IPAddress address, int port) =>
        new(SocketsException.Classify(ex.SocketErrorCode), $"Cannot listen for DNS on {new IPEndPoint(address, port)} over TCP: {ex.Message}", ex);
}
