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

    /// <summary>
    /// The local end point to bind for talking to <paramref name="remote"/>, port 0: the loopback
    /// address for a loopback remote (so nothing beyond the machine can reach the socket), else any
    /// address of the remote's family.
    /// </summary>
    public static IPEndPoint AnyFor(IPEndPoint remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        bool v6 = remote.AddressFamily == AddressFamily.InterNetworkV6;
        if (IPAddress.IsLoopback(remote.Address))
        {
            return new IPEndPoint(v6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0);
        }

        return new IPEndPoint(v6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
    }

    /// <summary>The end point to pass to SendTo: an IPv4 remote becomes IPv4-mapped on a dual-mode IPv6 socket.</summary>
    internal static IPEndPoint Target(Socket socket, IPEndPoint remote) =>
        socket.AddressFamily == AddressFamily.InterNetworkV6 && remote.AddressFamily == AddressFamily.InterNetwork
            ? new IPEndPoint(remote.Address.MapToIPv6(), remote.Port)
            : remote;

    /// <summary>The any-address end point ReceiveFrom fills in, of the socket's family.</summary>
    internal static IPEndPoint AnyOf(Socket socket) =>
        new(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);

    /// <summary>An IPv4-mapped sender of a dual-mode socket shown as the IPv4 address it is.</summary>
    internal static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    /// <summary>An IPv4-mapped address shown as the IPv4 address it is.</summary>
    internal static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>
    /// An ICMP port-unreachable for an earlier send, surfaced on the next receive (Windows always,
    /// Linux on connected sockets): not a failure of this socket, so receive loops go on.
    /// </summary>
    internal static bool IsIcmpEcho(SocketException ex) =>
        ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable;
}
