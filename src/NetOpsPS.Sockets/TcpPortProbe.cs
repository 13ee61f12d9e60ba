using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets;

/// <summary>Tests whether a TCP port accepts connections: a full handshake, then a clean close.</summary>
public static class TcpPortProbe
{
    /// <summary>
    /// Resolves <paramref name="computerName"/> and tries its addresses in order until one connects.
    /// Failures are results, not exceptions; only <paramref name="cancellationToken"/> throws.
    /// </summary>
    public static async Task<TcpPortTestResult> TestAsync(
        string computerName,
        int port,
        TimeSpan timeout,
        AddressFamily addressFamily = AddressFamily.Unspecified,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(computerName);
        if (port is < 1 or > IPEndPoint.MaxPort)
        {
            throw new SocketsException(SocketsError.InvalidArgument, $"Port {port} is outside 1-65535.");
        }

        DateTimeOffset started = DateTimeOffset.UtcNow;
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(computerName, addressFamily, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            return Failed(computerName, port, null, TcpPortStatus.NameNotResolved, TimeSpan.Zero, ex.Message, started);
        }

        if (addresses.Length == 0)
        {
            return Failed(computerName, port, null, TcpPortStatus.NameNotResolved, TimeSpan.Zero,
                $"'{computerName}' has no {FamilyName(addressFamily)} address", started);
        }

        TcpPortTestResult? last = null;
        foreach (IPAddress address in addresses)
        {
            last = await ConnectOnceAsync(computerName, address, port, timeout, started, cancellationToken).ConfigureAwait(false);
            if (last.Succeeded)
            {
                break;
            }
        }

        return last!;
    }

    private static async Task<IPAddress[]> ResolveAsync(string computerName, AddressFamily family, CancellationToken cancellationToken)
    {
        string host = computerName.Trim('[', ']');
        if (IPAddress.TryParse(host, out IPAddress? literal))
        {
            return family == AddressFamily.Unspecified || literal.AddressFamily == family ? new[] { literal } : Array.Empty<IPAddress>();
        }

        IPAddress[] resolved = await Dns.GetHostAddressesAsync(host, family, cancellationToken).ConfigureAwait(false);
        return resolved;
    }

    private static async Task<TcpPortTestResult> ConnectOnceAsync(
        string computerName, IPAddress address, int port, TimeSpan timeout, DateTimeOffset started, CancellationToken cancellationToken)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        long begin = Stopwatch.GetTimestamp();
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), deadline.Token).ConfigureAwait(false);
            TimeSpan latency = Stopwatch.GetElapsedTime(begin);
            var local = (IPEndPoint?)socket.LocalEndPoint;
            socket.Shutdown(SocketShutdown.Both);
            return new TcpPortTestResult
            {
                ComputerName = computerName,
                RemoteAddress = address,
                Port = port,
                Status = TcpPortStatus.Open,
                Latency = latency,
                LocalEndPoint = local,
                Timestamp = started,
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(computerName, port, address, TcpPortStatus.TimedOut, Stopwatch.GetElapsedTime(begin),
                $"no answer from {address} port {port} within {timeout.TotalSeconds:0.###} s", started);
        }
        catch (SocketException ex)
        {
            TcpPortStatus status = ex.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => TcpPortStatus.Refused,
                SocketError.TimedOut => TcpPortStatus.TimedOut,
                SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown or SocketError.NetworkDown => TcpPortStatus.Unreachable,
                _ => TcpPortStatus.Error,
            };
            return Failed(computerName, port, address, status, Stopwatch.GetElapsedTime(begin), ex.Message, started);
        }
    }

    private static TcpPortTestResult Failed(
        string computerName, int port, IPAddress? address, TcpPortStatus status, TimeSpan elapsed, string error, DateTimeOffset started) => new()
        {
            ComputerName = computerName,
            RemoteAddress = address,
            Port = port,
            Status = status,
            Latency = elapsed,
            Error = error,
            Timestamp = started,
        };

    private static string FamilyName(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => "IPv4",
        AddressFamily.InterNetworkV6 => "IPv6",
        _ => "usable",
    };
}
