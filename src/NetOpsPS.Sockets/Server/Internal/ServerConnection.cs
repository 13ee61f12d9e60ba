using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Framing;
using NetOpsPS.Sockets.Internal.Linux;

namespace NetOpsPS.Sockets.Server.Internal;

/// <summary>
/// One client of a <see cref="TcpServer"/>. When the socket is readable, <see cref="OnReadable"/> reads
/// what is there, cuts frames with the connection's own decoder, hands them to the handler and sends
/// every reply of that read in one non-blocking send. Readiness comes from the <see cref="EpollPoller"/> on
/// Linux (the whole request on a poller thread) and from a zero-byte async receive elsewhere
/// (ServerConnection.Portable.cs). A send the socket cannot take at once is kept, and the connection
/// stops reading until it has gone (back-pressure).
/// <para>
/// Timeouts and heartbeats are driven from the server's tick (<see cref="OnTick"/>), not from a
/// timer per connection, so ten thousand idle connections cost no timers; an idle connection holds no
/// buffer (issue 3: at most 8 KiB each).
/// </para>
/// </summary>
internal sealed partial class ServerConnection : ITcpReplyWriter, IEpollHandler
{
    private readonly TcpServer _server;
    private readonly Socket _socket;
    private readonly IFrameDecoder _decoder;
    private readonly IFrameEncoder _encoder;
    private readonly bool _rawReplies;
    private readonly EpollPoller? _poller;
    // Serialises what the poller's threads and others (the tick, a stop) do to this connection.
    private readonly object _ioGate = new();
    private readonly ConnectionStateMachine _state = new();
    private readonly object _sendGate = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ulong _token;
    private bool _ended;
    // The bytes of an incomplete frame, between reads; null while there are none (rented from the pool).
    private byte[]? _pending;
    private int _pendingLength;
    // Replies of the read being handled (the loop's buffer, or this connection's own off Linux).
    private ArrayBufferWriter<byte>? _replies;
    // What a send could not take yet (guarded by _sendGate; never moved in place: a send may be reading it).
    private byte[]? _unsent;
    private int _unsentStart;
    private int _unsentLength;
    private bool _closeWhenSent;
    private long _bytesReceived;
    private long _bytesSent;
    private long _framesReceived;
    private long _framesSent;
    private long _drainDeadlineTicks = long.MaxValue;
    private volatile bool _closing;
    private string? _closeReason;
    private string _closeKind = CloseKind.Client;

    public ServerConnection(TcpServer server, Socket socket, long id)
    {
        _server = server;
        _socket = socket;
        Id = id;
        RemoteEndPoint = socket.RemoteEndPoint as IPEndPoint;
        LocalEndPoint = socket.LocalEndPoint as IPEndPoint;
        ConnectedAt = DateTimeOffset.UtcNow;
        _lastActivity = Environment.TickCount64;
        _decoder = server.Options.Framing.CreateDecoder();
        _encoder = server.Options.Framing.CreateEncoder();
        _rawReplies = server.Options.RawReplies;
        _poller = server.UseEpoll ? EpollPoller.Shared : null;
        if (_poller is null)
        {
            CreatePortableSignals();
        }
    }

    public long Id { get; }

    public IPEndPoint? RemoteEndPoint { get; }

    public IPEndPoint? LocalEndPoint { get; }

    public DateTimeOffset ConnectedAt { get; }

    public Task Completion => _completion.Task;

    public TcpConnectionState State => _state.State;

    public TcpConnectionInfo Snapshot() => new()
    {
        ServerName = _server.Name,
        Id = Id,
        State = _state.State,
        RemoteEndPoint = RemoteEndPoint,
        LocalEndPoint = LocalEndPoint,
        ConnectedAt = ConnectedAt,
        LastActivity = DateTimeOffset.UtcNow - TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref _lastActivity)),
        BytesReceived = Interlocked.Read(ref _bytesReceived),
        BytesSent = Interlocked.Read(ref _bytesSent),
        FramesReceived = Interlocked.Read(ref _framesReceived),
        FramesSent = Interlocked.Read(ref _framesSent),
        SendQueue = Volatile.Read(ref _unsentLength),
        HeartbeatRtt = LastRtt,
        MissedHeartbeats = Volatile.Read(ref _missedHeartbeats),
        CloseReason = Volatile.Read(ref _closeReason),
        Transitions = _state.History,
    };

    /// <summary>Starts serving; <see cref="Completion"/> ends when the connection is closed.</summary>
    public void Start()
    {
        // Reads and sends are non-blocking calls made when the socket is ready (epoll, or a zero-byte receive).
        _socket.Blocking = false;
        _state.MoveTo(TcpConnectionState.Handshaking);
        if (_server.Options.Handler.Banner.Length > 0 && !Send(_server.Options.Handler.Banner))
        {
            _closeKind = CloseKind.Error;
            _closeReason = "connection lost before the banner was sent";
            _ = CloseAsync(graceful: false, peerClosed: false);
            return;
        }

        _state.MoveTo(TcpConnectionState.Active);
        if (_poller is { } poller)
        {
            lock (_ioGate)
            {
                if (_ended)
                {
                    return;
                }

                try
                {
                    _token = poller.RegisterEdgeTriggered(_socket, this);
                }
                catch (SocketException ex)
                {
                    Lost(ex.Message);
                    End(graceful: false, peerClosed: false);
                }
            }

            return;
        }

        _ = RunPortableAsync();
    }

    /// <summary>Stop: finish the replies owed, then close cleanly, draining until <paramref name="deadline"/>.</summary>
    public void BeginClose(DateTime deadline)
    {
        Interlocked.Exchange(ref _drainDeadlineTicks, deadline.Ticks);
        _closing = true;
        if (_poller is not null)
        {
            lock (_ioGate)
            {
                StopOnPoller();
            }
        }
        else
        {
            Interrupt();
        }
    }

    /// <summary>Closes at once: a timeout, a missed heartbeat, or a stop past its deadline.</summary>
    public void Abort(string kind, string reason)
    {
        lock (_sendGate)
        {
            if (_closeReason is not null)
            {
                return;
            }

            _closeKind = kind;
            _closeReason = reason;
        }

        if (_poller is not null)
        {
            lock (_ioGate)
            {
                End(graceful: false, peerClosed: false);
            }
        }
        else
        {
            Interrupt(sends: true);
        }
    }

    /// <inheritdoc />
    public void OnEvents(uint events, EpollScratch scratch)
    {
        lock (_ioGate)
        {
            if (!_ended)
            {
                Serve(events, scratch);
            }
        }
    }

    /// <summary>
    /// One edge: sends what waits, then reads and answers until a read comes back short (nothing more was
    /// there; new data raises a new edge) or, when the peer has shut down or failed, until the end. Reading
    /// stops while replies wait for room (back-pressure) and starts again, to EAGAIN, once they have gone.
    /// </summary>
    private void Serve(uint events, EpollScratch scratch)
    {
        if (Volatile.Read(ref _unsentLength) > 0)
        {
            OnWritable();
            if (_ended || Volatile.Read(ref _unsentLength) > 0)
            {
                return;
            }

            // Data that came while reading was paused raised its edge then: read to EAGAIN.
            events = Epoll.Unknown;
        }

        while (true)
        {
            if (!OnReadable(scratch.ReceiveBuffer, scratch.Replies, out int got))
            {
                End(_closeKind != CloseKind.Error, _closeKind == CloseKind.Client);
                return;
            }

            if (Epoll.Drained(got, scratch.ReceiveBuffer.Length, events) || _ended || Volatile.Read(ref _unsentLength) > 0)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Reads once and answers every whole frame; <paramref name="got"/> is the bytes read, -1 when there were
    /// none (EAGAIN). False when the connection is over: the client closed, a frame broke the framing rules,
    /// the handler failed, or the socket failed (the reason is set).
    /// </summary>
    private bool OnReadable(byte[] scratch, ArrayBufferWriter<byte> replies, out int got)
    {
        got = _socket.Receive(scratch, SocketFlags.None, out SocketError error);
        if (error == SocketError.WouldBlock)
        {
            got = -1;
            return true;
        }

        if (error != SocketError.Success)
        {
            return Lost(new SocketException((int)error).Message);
        }

        bool clientClosed = got == 0;
        byte[] source = scratch;
        int length = got;
        if (_pendingLength > 0)
        {
            Keep(scratch.AsSpan(0, got));
            source = _pending!;
            length = _pendingLength;
        }

        Touch();
        Interlocked.Add(ref _bytesReceived, got);
        var buffer = new ReadOnlySequence<byte>(source, 0, length);
        long framesIn = Volatile.Read(ref _framesReceived);
        long framesOut = Volatile.Read(ref _framesSent);
        bool open = true;
        _replies = replies;
        try
        {
            while (_decoder.TryDecode(ref buffer, out ReadOnlySequence<byte> frame))
            {
                OnFrame(frame);
            }

            // A delimiter decoder may hold more than one frame at the end: take them all.
            while (clientClosed && _decoder.TryDecodeLast(ref buffer, out ReadOnlySequence<byte> last))
            {
                OnFrame(last);
            }
        }
        catch (FramingException ex)
        {
            open = Ended(CloseKind.Framing, $"framing: {ex.Message}");
            _server.Log(TcpServerEventKind.Violation, Id, RemoteEndPoint, _closeReason!);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A handler that throws is a bug in it; the connection closes and says why, the server goes on.
            open = Ended(CloseKind.Error, $"handler failed: {ex.GetType().Name}: {ex.Message}");
            _server.Log(TcpServerEventKind.Error, Id, RemoteEndPoint, _closeReason!);
        }
        finally
        {
            _replies = null;
        }

        _server.Count(got, Volatile.Read(ref _framesReceived) - framesIn, Volatile.Read(ref _framesSent) - framesOut);
        KeepRest(source, length - (int)buffer.Length, (int)buffer.Length);
        MarkPartialFrame(_pendingLength > 0);

        // Replies made before a bad frame still go out.
        if (replies.WrittenCount > 0)
        {
            bool sent = Send(replies.WrittenSpan);
            replies.ResetWrittenCount();
            if (!sent && open)
            {
                return Lost("the client reset the connection");
            }
        }

        if (clientClosed && open)
        {
            return Ended(CloseKind.Client, _pendingLength == 0 ? "client closed" : $"client closed with {_pendingLength} bytes of an incomplete frame");
        }

        return open;
    }

    private void OnFrame(in ReadOnlySequence<byte> frame)
    {
        Interlocked.Increment(ref _framesReceived);
        if (_server.Options.Heartbeat is not null && TryHandleHeartbeat(frame))
        {
            return;
        }

        _server.Options.Handler.OnFrame(frame, this);
    }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> head, in ReadOnlySequence<byte> body)
    {
        ArrayBufferWriter<byte> replies = _replies ?? throw new InvalidOperationException("Replies can only be written while a frame is handled.");
        if (_rawReplies)
        {
            // The frame keeps its own line ending (the echo preset): the reply is the bytes, copied once.
            replies.Write(head);
            foreach (ReadOnlyMemory<byte> segment in body)
            {
                replies.Write(segment.Span);
            }
        }
        else if (head.IsEmpty && body.IsSingleSegment)
        {
            _encoder.Encode(body.FirstSpan, replies);
        }
        else
        {
            int length = checked(head.Length + (int)body.Length);
            byte[] scratch = ArrayPool<byte>.Shared.Rent(length);
            head.CopyTo(scratch);
            body.CopyTo(scratch.AsSpan(head.Length));
            _encoder.Encode(scratch.AsSpan(0, length), replies);
            ArrayPool<byte>.Shared.Return(scratch);
        }

        Interlocked.Increment(ref _framesSent);
    }

    /// <summary>Appends new bytes to those of an incomplete frame.</summary>
    private void Keep(ReadOnlySpan<byte> bytes)
    {
        int needed = _pendingLength + bytes.Length;
        if (_pending is null || _pending.Length < needed)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Min(2 * needed, needed + (64 * 1024))));
            if (_pending is not null)
            {
                _pending.AsSpan(0, _pendingLength).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_pending);
            }

            _pending = larger;
        }

        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength = needed;
    }

    /// <summary>Keeps the <paramref name="count"/> bytes the decoder left at <paramref name="start"/> of <paramref name="source"/> for the next read.</summary>
    private void KeepRest(byte[] source, int start, int count)
    {
        if (source == _pending)
        {
            if (count == 0)
            {
                ArrayPool<byte>.Shared.Return(_pending);
                _pending = null;
            }
            else if (start > 0)
            {
                _pending.AsSpan(start, count).CopyTo(_pending);
            }

            _pendingLength = count;
        }
        else if (count > 0)
        {
            Keep(source.AsSpan(start, count));
        }
    }

    /// <summary>
    /// Sends at once what the socket takes and keeps the rest for when it is writable. Any thread; false when
    /// the socket failed. Keeps order: while bytes wait, new ones queue behind them.
    /// </summary>
    private bool Send(ReadOnlySpan<byte> data)
    {
        bool mustWait = false;
        lock (_sendGate)
        {
            if (_unsentLength == 0)
            {
                while (!data.IsEmpty)
                {
                    int sent;
                    SocketError error;
                    try
                    {
                        sent = _socket.Send(data, SocketFlags.None, out error);
                    }
                    catch (ObjectDisposedException)
                    {
                        return false;
                    }

                    if (error == SocketError.WouldBlock)
                    {
                        break;
                    }

                    if (error != SocketError.Success)
                    {
                        return false;
                    }

                    Interlocked.Add(ref _bytesSent, sent);
                    _server.CountSent(sent);
                    data = data[sent..];
                }

                if (data.IsEmpty)
                {
                    Touch();
                    return true;
                }

                MarkSending(true);
                mustWait = true;
            }

            AddUnsent(data);
        }

        if (mustWait)
        {
            WaitWritable();
        }

        return true;
    }

    private void AddUnsent(ReadOnlySpan<byte> data)
    {
        if (_unsent is null || _unsentStart + _unsentLength + data.Length > _unsent.Length)
        {
            byte[] larger = new byte[Math.Max(4096, 2 * (_unsentLength + data.Length))];
            _unsent?.AsSpan(_unsentStart, _unsentLength).CopyTo(larger);
            _unsent = larger;
            _unsentStart = 0;
        }

        data.CopyTo(_unsent.AsSpan(_unsentStart + _unsentLength));
        _unsentLength += data.Length;
    }

    /// <summary>Counts <paramref name="sent"/> bytes of the unsent ones as gone; true when none are left.</summary>
    private bool Consume(int sent)
    {
        Interlocked.Add(ref _bytesSent, sent);
        _server.CountSent(sent);
        _unsentStart += sent;
        _unsentLength -= sent;
        if (_unsentLength > 0)
        {
            return false;
        }

        _unsent = null;
        _unsentStart = 0;
        MarkSending(false);
        Touch();
        return true;
    }

    private void WaitWritable()
    {
        // On the poller nothing to do: the send that met EAGAIN makes the kernel raise an EPOLLOUT edge
        // once there is room again (the registration is edge-triggered and always includes EPOLLOUT).
        if (_poller is null)
        {
            StartPortableFlush();
        }
    }

    /// <summary>The socket takes more: send what waits (then read again), or close when stopping.</summary>
    private void OnWritable()
    {
        lock (_sendGate)
        {
            while (_unsentLength > 0)
            {
                int sent = _socket.Send(_unsent.AsSpan(_unsentStart, _unsentLength), SocketFlags.None, out SocketError error);
                if (error == SocketError.WouldBlock)
                {
                    return;
                }

                if (error != SocketError.Success)
                {
                    Lost("the client reset the connection");
                    End(graceful: false, peerClosed: false);
                    return;
                }

                Consume(sent);
            }
        }

        if (_closeWhenSent)
        {
            End(graceful: true, peerClosed: false);
        }
    }

    /// <summary>The server stops: what is owed is sent first. Under the I/O gate.</summary>
    private void StopOnPoller()
    {
        if (_ended)
        {
            return;
        }

        Ended(CloseKind.Stopped, "server stopped");
        if (Volatile.Read(ref _unsentLength) > 0)
        {
            _closeWhenSent = true;
            return;
        }

        End(graceful: true, peerClosed: false);
    }

    /// <summary>Records why the connection ends (the first reason wins); returns false for "not open".</summary>
    private bool Ended(string kind, string reason)
    {
        lock (_sendGate)
        {
            if (_closeReason is null)
            {
                _closeKind = kind;
                _closeReason = reason;
            }
        }

        return false;
    }

    private bool Lost(string why) => Ended(CloseKind.Error, $"connection lost: {why}");

    /// <summary>Leaves the poller (under the I/O gate), then closes. Once only.</summary>
    private void End(bool graceful, bool peerClosed)
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        if (_token != 0)
        {
            _poller!.Unregister(_socket, _token);
        }

        _ = CloseAsync(graceful, peerClosed);
    }

    private async Task CloseAsync(bool graceful, bool peerClosed)
    {
        _state.TryMoveTo(TcpConnectionState.Closing);
        try
        {
            if (graceful)
            {
                _socket.Shutdown(SocketShutdown.Send);
                if (!peerClosed && _closeKind == CloseKind.Stopped)
                {
                    await DrainAsync().ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
        {
            // The peer reset or the socket was aborted: nothing left to close politely.
        }
        finally
        {
            lock (_sendGate)
            {
                _socket.Dispose();
            }

            if (_pending is not null)
            {
                ArrayPool<byte>.Shared.Return(_pending);
                _pending = null;
            }

            _state.MoveTo(TcpConnectionState.Closed);
            _server.RecordClosed(Snapshot());
            _server.Log(TcpServerEventKind.Closed, Id, RemoteEndPoint, _closeReason ?? "closed");
            ServerMetrics.Closed.Add(1, ServerMetrics.Server(_server.Name), ServerMetrics.Reason(_closeKind));
            DisposePortable();
            _server.Forget(this);
            _completion.TrySetResult();
        }
    }

    /// <summary>Reads and drops what the client still sends until it closes or the drain deadline passes.</summary>
    private async Task DrainAsync()
    {
        long deadlineTicks = Interlocked.Read(ref _drainDeadlineTicks);
        TimeSpan budget = deadlineTicks == long.MaxValue ? _server.Options.DrainTimeout : new DateTime(deadlineTicks, DateTimeKind.Utc) - DateTime.UtcNow;
        if (budget <= TimeSpan.Zero)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(budget);
        byte[] scratch = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            while (await _socket.ReceiveAsync(scratch.AsMemory(), SocketFlags.None, timeout.Token).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (OperationCanceledException)
        {
            // The client kept its side open past the deadline.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }
}
