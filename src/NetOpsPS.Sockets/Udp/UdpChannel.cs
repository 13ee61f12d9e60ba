using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Udp.Internal;

namespace NetOpsPS.Sockets.Udp;

/// <summary>
/// A bound UDP socket for one-off work (Send-UdpDatagram, Receive-UdpDatagram): send to any end
/// point, receive with a read deadline (Go's SetReadDeadline: an absolute time after which a
/// receive returns nothing) and a sender filter. One receive at a time (the buffer is the channel's);
/// sends may overlap it.
/// </summary>
public sealed class UdpChannel : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[UdpChannelOptions.MaxPayload + 1];
    private readonly IPAddress[] _from;
    private readonly int _fromPort;

    private UdpChannel(Socket socket, IReadOnlyList<UdpBufferGrant> grants, UdpChannelOptions options)
    {
        _socket = socket;
        BufferGrants = grants;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _from = options.FromAddresses.Select(UdpSockets.Normalize).ToArray();
        _fromPort = options.FromPort;
    }

    /// <summary>The bound address and port.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>What the kernel granted for the receive and send buffers.</summary>
    public IReadOnlyList<UdpBufferGrant> BufferGrants { get; }

    /// <summary>Datagrams received but not returned because the sender filter did not match.</summary>
    public long Filtered { get; private set; }

    /// <summary>Binds a channel; throws <see cref="SocketsException"/> when the bind or the tuning fails.</summary>
    public static UdpChannel Open(UdpChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Socket socket = UdpSockets.Bind(options.LocalEndPoint, options.Buffers, out IReadOnlyList<UdpBufferGrant> grants);
        return new UdpChannel(socket, grants, options);
    }

    /// <summary>Sends one datagram; a payload over 65,507 bytes or an unreachable network is a <see cref="SocketsException"/>.</summary>
    public async Task<UdpSendResult> SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (payload.Length > UdpChannelOptions.MaxPayload)
        {
            throw new SocketsException(SocketsError.InvalidArgument, $"A UDP payload is at most {UdpChannelOptions.MaxPayload} bytes; this one is {payload.Length}.");
        }

        IPEndPoint target = UdpSockets.Target(_socket, remote);
        try
        {
            int sent = await _socket.SendToAsync(payload, SocketFlags.None, target, cancellationToken).ConfigureAwait(false);
            UdpMetrics.Datagram(sent, received: false, "channel");
            return new UdpSendResult(remote, LocalEndPoint, sent, DateTimeOffset.UtcNow);
        }
        catch (SocketException ex)
        {
            throw new SocketsException(SocketsException.Classify(ex.SocketErrorCode), $"Sending {payload.Length} bytes to {remote} failed: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The next datagram that passes the filter, or null when <paramref name="deadline"/> (UTC)
    /// passes first; null deadline waits until cancelled.
    /// </summary>
    public async Task<UdpDatagram?> ReceiveAsync(DateTimeOffset? deadline, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (deadline is { } until)
        {
            TimeSpan left = until - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            timeout.CancelAfter(left);
        }

        while (true)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await _socket.ReceiveFromAsync(_buffer, SocketFlags.None, UdpSockets.AnyOf(_socket), timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (SocketException ex) when (UdpSockets.IsIcmpEcho(ex))
            {
                continue;
            }

            var remote = UdpSockets.Normalize((IPEndPoint)result.RemoteEndPoint);
            UdpMetrics.Datagram(result.ReceivedBytes, received: true, "channel");
            if (!Accepts(remote))
            {
                Filtered++;
                continue;
            }

            return new UdpDatagram(remote, LocalEndPoint, _buffer.AsSpan(0, result.ReceivedBytes).ToArray(), DateTimeOffset.UtcNow);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();

    private bool Accepts(IPEndPoint remote) =>
        (_fromPort == 0 || remote.Port == _fromPort) && (_from.Length == 0 || Array.IndexOf(_from, remote.Address) >= 0);
}
