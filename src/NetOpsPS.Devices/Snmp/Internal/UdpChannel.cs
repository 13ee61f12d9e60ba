using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Devices.Snmp.Internal;

/// <summary>
/// One connected UDP socket to one agent (RFC 3417 §3: one message per datagram). Connecting makes the
/// kernel drop datagrams from anyone else, and surfaces ICMP port-unreachable, which is noted but
/// waited out: a restarting agent may come back within the timeout.
/// </summary>
internal sealed class UdpChannel : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[65536];

    private UdpChannel(Socket socket, IPEndPoint remote)
    {
        _socket = socket;
        Remote = remote;
    }

    public IPEndPoint Remote { get; }

    /// <summary>True once the agent's host answered ICMP port unreachable.</summary>
    public bool SawPortUnreachable { get; private set; }

    public static async Task<UdpChannel> OpenAsync(string host, int port, CancellationToken cancellationToken)
    {
        IPAddress address = await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            var remote = new IPEndPoint(address, port);
            socket.Connect(remote);
            return new UdpChannel(socket, remote);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new SnmpException(SnmpError.Network, $"Cannot open a UDP socket to {host} port {port}: {ex.Message}", ex);
        }
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        try
        {
            await _socket.SendAsync(message, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
        {
            // An earlier ICMP port unreachable surfaces on the next send; the datagram still went out.
            SawPortUnreachable = true;
        }
        catch (SocketException ex)
        {
            throw new SnmpException(SnmpError.Network, $"Cannot send to {Remote}: {ex.Message}", ex);
        }
    }

    /// <summary>The next datagram before <paramref name="deadline"/> (Environment.TickCount64), or null at the deadline.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(long deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            long left = deadline - Environment.TickCount64;
            if (left <= 0)
            {
                return null;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMilliseconds(left));
            try
            {
                int length = await _socket.ReceiveAsync(_buffer, SocketFlags.None, timeout.Token).ConfigureAwait(false);
                return new ReadOnlyMemory<byte>(_buffer, 0, length);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
            {
                SawPortUnreachable = true;
            }
            catch (SocketException ex)
            {
                throw new SnmpException(SnmpError.Network, $"Cannot receive from {Remote}: {ex.Message}", ex);
            }
        }
    }

    public void Dispose() => _socket.Dispose();

    private static async Task<IPAddress> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out IPAddress? literal))
        {
            return literal;
        }

        try
        {
            IPAddress[] addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            return addresses.Length > 0
                ? Array.Find(addresses, a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses[0]
                : throw new SnmpException(SnmpError.NameResolution, $"'{host}' resolves to no address.");
        }
        catch (SocketException ex)
        {
            throw new SnmpException(SnmpError.NameResolution, $"Cannot resolve '{host}': {ex.Message}", ex);
        }
    }
}
