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
            Socket udp = Open(options.Address, SocketType.Dgram, ProtocolType.Udp);
            IReadOnlyList<UdpBufferGrant> grants;
            try
            {
                // Tuned before binding: a burst that outruns the default receive buffer is dropped by the kernel unseen.
                grants = UdpBufferTuning.Apply(udp, options.Buffers);
                udp.Bind(new IPEndPoint(options.Address, options.Port));
            }
            catch (SocketsException)
            {
                udp.Dispose();
                throw;
            }
            catch (SocketException ex)
            {
                udp.Dispose();
                throw Failed(ex, "UDP", options.Address, options.Port);
            }

            if (!options.EnableTcp)
            {
                return (udp, null, grants);
            }

            int port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            Socket tcp = Open(options.Address, SocketType.Stream, ProtocolType.Tcp);
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
                    throw Failed(ex, "TCP", options.Address, port);
                }
            }
        }
    }

    private static Socket Open(IPAddress address, SocketType type, ProtocolType protocol)
    {
        var socket = new Socket(address.AddressFamily, type, protocol);
        if (address.Equals(IPAddress.IPv6Any))
        {
            socket.DualMode = true;
        }

        return socket;
    }

    private static SocketsException Failed(SocketException ex, string transport, IPAddress address, int port) =>
        new(SocketsException.Classify(ex.SocketErrorCode), $"Cannot listen for DNS on {new IPEndPoint(address, port)} over {transport}: {ex.Message}", ex);
}
