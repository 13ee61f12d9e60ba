using System;
using System.Buffers;
using System.IO;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Framing;

namespace NetOpsPS.Sockets.Server.Internal;

/// <summary>
/// One client of a <see cref="TcpServer"/>: a read loop that cuts frames with the connection's own
/// decoder, hands them to the handler, and sends every reply of one read in one send. Timeouts and
/// heartbeats are driven from the server's tick (<see cref="OnTick"/>), not from a timer per
/// connection, so ten thousand idle connections cost no timers; zero-byte reads keep an idle
/// connection from holding a receive buffer.
/// </summary>
internal sealed partial class ServerConnection : ITcpReplyWriter
{
    private readonly TcpServer _server;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly IFrameDecoder _decoder;
    private readonly IFrameEncoder _encoder;
    private readonly bool _rawReplies;
    private readonly ConnectionStateMachine _state = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Made on the first reply: an idle connection should hold as little memory as it can (issue 3: <= 8 KiB each).
    private ArrayBufferWriter<byte>? _replyBuffer;
    private long _bytesReceived;
    private long _bytesSent;
    private long _framesReceived;
    private long _framesSent;
    private long _drainDeadlineTicks = long.MaxValue;
    private volatile bool _closing;
    private volatile string? _closeReason;
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
        _stream = new NetworkStream(socket, ownsSocket: false);
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true, useZeroByteReads: true));
        _decoder = server.Options.Framing.CreateDecoder();
        _encoder = server.Options.Framing.CreateEncoder();
        _rawReplies = server.Options.RawReplies;
    }

    public long Id { get; }

    private ArrayBufferWriter<byte> Replies => _replyBuffer ??= new ArrayBufferWriter<byte>(1024);

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
        HeartbeatRtt = LastRtt,
        MissedHeartbeats = Volatile.Read(ref _missedHeartbeats),
        CloseReason = _closeReason,
        Transitions = _state.History,
    };

    /// <summary>Stop: finish the replies owed, then close cleanly, draining until <paramref name="deadline"/>.</summary>
    public void BeginClose(DateTime deadline)
    {
        Interlocked.Exchange(ref _drainDeadlineTicks, deadline.Ticks);
        _closing = true;
        _reader.CancelPendingRead();
    }

    /// <summary>Closes at once: a timeout, a missed heartbeat, or a stop past its deadline.</summary>
    public void Abort(string kind, string reason)
    {
        if (_closeReason is not null)
        {
            return;
        }

        _closeKind = kind;
        _closeReason = reason;
        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already closed.
        }
    }

    public async Task RunAsync()
    {
        bool peerClosed = false;
        bool graceful = true;
        try
        {
            _state.MoveTo(TcpConnectionState.Handshaking);
            if (_server.Options.Handler.Banner.Length > 0)
            {
                Replies.Write(_server.Options.Handler.Banner);
                await FlushRepliesAsync().ConfigureAwait(false);
            }

            _state.MoveTo(TcpConnectionState.Active);
            peerClosed = await ReadLoopAsync().ConfigureAwait(false);
        }
        catch (FramingException ex)
        {
            _closeKind = CloseKind.Framing;
            _closeReason = $"framing: {ex.Message}";
            _server.Log(TcpServerEventKind.Violation, Id, RemoteEndPoint, _closeReason);
        }
        catch (OperationCanceledException) when (_closeReason is not null)
        {
            graceful = false;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            _closeKind = CloseKind.Error;
            _closeReason = $"connection lost: {(ex.InnerException ?? ex).Message}";
            graceful = false;
        }
        finally
        {
            await CloseAsync(graceful, peerClosed).ConfigureAwait(false);
        }
    }

    /// <summary>Returns true when the client closed its side.</summary>
    private async Task<bool> ReadLoopAsync()
    {
        while (true)
        {
            ReadResult read = await _reader.ReadAsync(_abort.Token).ConfigureAwait(false);
            if (read.IsCanceled)
            {
                _closeKind = CloseKind.Stopped;
                _closeReason ??= "server stopped";
                return false;
            }

            ReadOnlySequence<byte> buffer = read.Buffer;
            long available = buffer.Length;
            Touch();
            try
            {
                while (_decoder.TryDecode(ref buffer, out ReadOnlySequence<byte> frame))
                {
                    OnFrame(frame);
                }

                // A delimiter decoder may hold more than one frame at the end: take them all.
                while (read.IsCompleted && _decoder.TryDecodeLast(ref buffer, out ReadOnlySequence<byte> last))
                {
                    OnFrame(last);
                }
            }
            finally
            {
                Count(ref _bytesReceived, available - buffer.Length, received: true);
            }

            MarkPartialFrame(!buffer.IsEmpty);
            if (_replyBuffer is { WrittenCount: > 0 })
            {
                await FlushRepliesAsync().ConfigureAwait(false);
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted)
            {
                _closeKind = CloseKind.Client;
                _closeReason ??= buffer.IsEmpty ? "client closed" : $"client closed with {buffer.Length} bytes of an incomplete frame";
                return true;
            }

            if (_closing)
            {
                _closeKind = CloseKind.Stopped;
                _closeReason ??= "server stopped";
                return false;
            }
        }
    }

    private void OnFrame(in ReadOnlySequence<byte> frame)
    {
        Interlocked.Increment(ref _framesReceived);
        _server.CountFrame(received: true);
        if (_server.Options.Heartbeat is not null && TryHandleHeartbeat(frame))
        {
            return;
        }

        _server.Options.Handler.OnFrame(frame, this);
    }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> head, in ReadOnlySequence<byte> body)
    {
        if (_rawReplies)
        {
            // The frame keeps its own line ending (the echo preset): the reply is the bytes, copied once.
            Replies.Write(head);
            foreach (ReadOnlyMemory<byte> segment in body)
            {
                Replies.Write(segment.Span);
            }
        }
        else if (head.IsEmpty && body.IsSingleSegment)
        {
            _encoder.Encode(body.FirstSpan, Replies);
        }
        else
        {
            int length = checked(head.Length + (int)body.Length);
            byte[] scratch = ArrayPool<byte>.Shared.Rent(length);
            head.CopyTo(scratch);
            body.CopyTo(scratch.AsSpan(head.Length));
            _encoder.Encode(scratch.AsSpan(0, length), Replies);
            ArrayPool<byte>.Shared.Return(scratch);
        }

        Interlocked.Increment(ref _framesSent);
        _server.CountFrame(received: false);
    }

    private async Task FlushRepliesAsync()
    {
        await _sendLock.WaitAsync(_abort.Token).ConfigureAwait(false);
        try
        {
            await SendAsync(Replies.WrittenMemory).ConfigureAwait(false);
            Replies.ResetWrittenCount();
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends everything; the caller holds the send lock. A send that blocks past the write timeout is cut by the tick.</summary>
    private async Task SendAsync(ReadOnlyMemory<byte> data)
    {
        MarkSending(true);
        try
        {
            while (!data.IsEmpty)
            {
                int sent = await _socket.SendAsync(data, SocketFlags.None, _abort.Token).ConfigureAwait(false);
                Count(ref _bytesSent, sent, received: false);
                data = data[sent..];
            }
        }
        finally
        {
            MarkSending(false);
        }

        Touch();
    }

    private void Count(ref long counter, long bytes, bool received)
    {
        if (bytes <= 0)
        {
            return;
        }

        Interlocked.Add(ref counter, bytes);
        _server.CountBytes(bytes, received);
    }

    private async Task CloseAsync(bool graceful, bool peerClosed)
    {
        _state.TryMoveTo(TcpConnectionState.Closing);
        try
        {
            await _reader.CompleteAsync().ConfigureAwait(false);
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
            await _stream.DisposeAsync().ConfigureAwait(false);
            _socket.Dispose();
            _state.MoveTo(TcpConnectionState.Closed);
            _server.RecordClosed(Snapshot());
            _server.Log(TcpServerEventKind.Closed, Id, RemoteEndPoint, _closeReason ?? "closed");
            ServerMetrics.Closed.Add(1, ServerMetrics.Server(_server.Name), ServerMetrics.Reason(_closeKind));
            _abort.Dispose();
            _sendLock.Dispose();
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
