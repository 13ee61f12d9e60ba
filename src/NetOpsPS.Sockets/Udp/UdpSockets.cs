using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;

namespace NetOpsPS.Sockets.Udp;

/// <summary>Makes the engine's UDP sockets: one family per socket (IPv4 or IPv6), buffers tuned, then bound.</summary>
public static class UdpSockets
{
    /// <summary>
    /// Binds a UDP socket to <paramref name="localEndPoint"/> (port 0 lets the kernel choose) after
    /// applying <paramref name="buffers"/>; <paramref name="grants"/> says what the kernel granted.
    /// An IPv6 any-address socket is dual-mode so it also takes IPv4 datagrams.
    /// </summary>
    public static Socket Bind(IPEndPoint localEndPoint, UdpBufferOptions? buffers, out IReadOnlyList<UdpBufferGrant> grants)
    {
        ArgumentNullException.ThrowIfNull(localEndPoint);
        var socket = new Socket(localEndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (localEndPoint.AddressFamily == AddressFamily.InterNetworkV6 && localEndPoint.Address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            grants = UdpBufferTuning.Apply(socket, buffers ?? new UdpBufferOptions());
            socket.Bind(localEndPoint);
            return socket;
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new SocketsException(SocketsException.Classify(ex.SocketErrorCode), $"Binding UDP {localEndPoint} failed: {ex.Message}", ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The local end point to bind for talking to <paramref name="remote"/>: any address of its family, port 0.</summary>
    public static IPEndPoint AnyFor(IPEndPoint remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        return new IPEndPoint(remote.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
    }
}
