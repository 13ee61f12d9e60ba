using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Sockets;

namespace NetOpsPS.Sockets.Udp;

/// <summary>
/// Sets a UDP socket's kernel buffers and reports what was granted, the way quic-go
/// (sys_conn_buffers.go) and wireguard-go (conn/controlfns_linux.go) do: set, read back, and when
/// the kernel capped the request optionally force it (Linux SO_RCVBUFFORCE / SO_SNDBUFFORCE, which
/// need CAP_NET_ADMIN). Every UDP server and client of this engine goes through it.
/// </summary>
public static class UdpBufferTuning
{
    // <asm-generic/socket.h>: SOL_SOCKET is 1 on Linux, SO_SNDBUFFORCE 32, SO_RCVBUFFORCE 33.
    private const int SolSocket = 1;
    private const int SoSndBufForce = 32;
    private const int SoRcvBufForce = 33;

    /// <summary>Applies <paramref name="options"/> to <paramref name="socket"/>; returns the receive grant then the send grant.</summary>
    public static IReadOnlyList<UdpBufferGrant> Apply(Socket socket, UdpBufferOptions options)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new[]
        {
            Apply(socket, UdpBufferDirection.Receive, options.ReceiveBufferSize, options.Force),
            Apply(socket, UdpBufferDirection.Send, options.SendBufferSize, options.Force),
        };
    }

    /// <summary>Sets one buffer (0 keeps the default and only reports it) and reads back what the kernel granted.</summary>
    public static UdpBufferGrant Apply(Socket socket, UdpBufferDirection direction, int requested, bool force)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (requested is < 0 or > UdpBufferOptions.MaxBufferSize)
        {
            throw new SocketsException(SocketsError.InvalidArgument, $"Buffer size {requested} is outside 0-{UdpBufferOptions.MaxBufferSize}.");
        }

        SocketOptionName name = direction == UdpBufferDirection.Receive ? SocketOptionName.ReceiveBuffer : SocketOptionName.SendBuffer;
        int? limit = KernelLimit(direction);
        if (requested == 0)
        {
            return new UdpBufferGrant(direction, 0, Read(socket, name), limit, forced: false);
        }

        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, name, requested);
        }
        catch (SocketException ex)
        {
            throw new SocketsException(SocketsException.Classify(ex.SocketErrorCode), $"Setting the UDP {direction.ToString().ToLowerInvariant()} buffer to {requested} bytes failed: {ex.Message}", ex);
        }

        int granted = Read(socket, name);
        bool forced = false;
        if (granted < requested && force && OperatingSystem.IsLinux())
        {
            forced = TryForce(socket, direction, requested);
            granted = Read(socket, name);
        }

        return new UdpBufferGrant(direction, requested, granted, limit, forced);
    }

    private static int Read(Socket socket, SocketOptionName name) =>
        (int)socket.GetSocketOption(SocketOptionLevel.Socket, name)!;

    private static bool TryForce(Socket socket, UdpBufferDirection direction, int requested)
    {
        int option = direction == UdpBufferDirection.Receive ? SoRcvBufForce : SoSndBufForce;
        try
        {
            socket.SetRawSocketOption(SolSocket, option, BitConverter.GetBytes(requested));
            return true;
        }
        catch (SocketException)
        {
            // EPERM without CAP_NET_ADMIN: the capped grant stands and the caller warns.
            return false;
        }
    }

    /// <summary>net.core.rmem_max / wmem_max, or null where there is no /proc (Windows, macOS) or it is unreadable.</summary>
    internal static int? KernelLimit(UdpBufferDirection direction)
    {
        string path = direction == UdpBufferDirection.Receive ? "/proc/sys/net/core/rmem_max" : "/proc/sys/net/core/wmem_max";
        try
        {
            return File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
                ? value
                : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
