using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;
using NetOpsPS.Sockets.DnsTools;
using NetOpsPS.Sockets.Internal.Linux;

namespace NetOpsPS.Devices.Snmp.Internal;

/// <summary>
/// One connected UDP socket to one agent (RFC 3417 §3: one message per datagram). Connecting makes the
/// kernel drop datagrams from anyone else, and surfaces ICMP port-unreachable, which is noted but
/// waited out: a restarting agent may come back within the timeout.
/// <para>
/// On Linux the wait for a reply is on the sockets engine's <see cref="EpollPoller"/>, and the caller's
/// continuation (check the reply, build and send the next request) runs on the poller thread that saw it:
/// a walk is a chain of request and reply, and the thread-pool hop of an async receive, with the pool's
/// spinning between replies, cost more CPU than the rest of the client (issue 5). Elsewhere it is a plain
/// async receive.
/// </para>
/// </summary>
internal sealed class UdpChannel : IDisposable, IEpollHandler, IValueTaskSource<bool>
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[65536];
    private readonly EpollPoller? _poller;
    private readonly object _gate = new();
    private ManualResetValueTaskSourceCore<bool> _wait;
    private Timer? _timer;
    private ulong _token;
    private long _deadline;
    private bool _waiting;
    private bool _disposed;

    private UdpChannel(Socket socket, IPEndPoint remote)
    {
        _socket = socket;
        Remote = remote;
        _poller = EpollPoller.Shared;
        if (_poller is not null)
        {
            _socket.Blocking = false;
            _wait.RunContinuationsAsynchronously = false;
        }
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
            if (_poller is not null)
            {
                // A datagram goes whole or not at all; only a full send buffer makes it wait.
                _socket.Send(message.Span, SocketFlags.None, out SocketError error);
                if (error != SocketError.WouldBlock)
                {
                    ThrowIfFailed(error);
                    return;
                }
            }

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

            try
            {
                if (_poller is null)
                {
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
                }

                int got = _socket.Receive(_buffer, SocketFlags.None, out SocketError error);
                if (error == SocketError.Success)
                {
                    return new ReadOnlyMemory<byte>(_buffer, 0, got);
                }

                if (error != SocketError.WouldBlock)
                {
                    ThrowIfFailed(error);
                    continue;
                }

                if (!await WaitReadableAsync(left, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
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

    /// <inheritdoc />
    public void OnEvents(uint events, EpollScratch scratch) => Complete(true);

    /// <inheritdoc />
    public bool GetResult(short token) => _wait.GetResult(token);

    /// <inheritdoc />
    public ValueTaskSourceStatus GetStatus(short token) => _wait.GetStatus(token);

    /// <inheritdoc />
    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _wait.OnCompleted(continuation, state, token, flags);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_token != 0)
            {
                // Out of the poller before the descriptor is closed (EpollPoller's rule).
                _poller!.Unregister(_socket, _token);
            }
        }

        _timer?.Dispose();
        _socket.Dispose();
        Complete(false);
    }

    /// <summary>True when the socket is readable, false at the timeout; throws when <paramref name="cancellationToken"/> fires.</summary>
    private async ValueTask<bool> WaitReadableAsync(long milliseconds, CancellationToken cancellationToken)
    {
        short version;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _wait.Reset();
            version = _wait.Version;
            _waiting = true;
            _deadline = Environment.TickCount64 + milliseconds;
            _timer ??= new Timer(static state => ((UdpChannel)state!).OnTimer(), this, Timeout.Infinite, Timeout.Infinite);
            _timer.Change(milliseconds, Timeout.Infinite);
            if (_token == 0)
            {
                _token = _poller!.Register(_socket, this, Epoll.In);
            }
            else
            {
                _poller!.Arm(_socket, _token, Epoll.In);
            }
        }

        bool readable;
        using (cancellationToken.UnsafeRegister(static state => ((UdpChannel)state!).Complete(false), this))
        {
            readable = await new ValueTask<bool>(this, version).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return readable;
    }

    /// <summary>The timer is shared by the waits: a tick scheduled for an earlier one must not end this one early.</summary>
    private void OnTimer()
    {
        lock (_gate)
        {
            long left = _deadline - Environment.TickCount64;
            if (_waiting && left > 0)
            {
                _timer?.Change(left, Timeout.Infinite);
                return;
            }
        }

        Complete(false);
    }

    /// <summary>Ends the wait once: readable (the poller), or not (the timer, a cancel, a dispose).</summary>
    private void Complete(bool readable)
    {
        lock (_gate)
        {
            if (!_waiting)
            {
                return;
            }

            _waiting = false;
        }

        // Outside the lock: the caller's continuation runs here, on this thread.
        _wait.SetResult(readable);
    }

    private static void ThrowIfFailed(SocketError error)
    {
        if (error != SocketError.Success)
        {
            throw new SocketException((int)error);
        }
    }

    private static async Task<IPAddress> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            return await HostAddresses.ResolveAsync(host, cancellationToken).ConfigureAwait(false)
                ?? throw new SnmpException(SnmpError.NameResolution, $"'{host}' resolves to no address.");
        }
        catch (SocketException ex)
        {
            throw new SnmpException(SnmpError.NameResolution, $"Cannot resolve '{host}': {ex.Message}", ex);
        }
    }
}
