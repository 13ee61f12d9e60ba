using System;
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Internal.Linux;

namespace NetOpsPS.Sockets.Load.Internal;

/// <summary>
/// One connection of a load run, driven by one task: connect, wait at the start gate, then keep up
/// to <see cref="LoadRun.Depth"/> lines in flight and verify every reply byte (see the Replies part).
/// The hot path is a send and a receive on the socket's own cached awaitables into pooled buffers:
/// no allocation, no lock, no timer per request. Counters are written by this task only; the
/// controller reads them for progress and the result.
/// </summary>
internal sealed partial class LoadConnection
{
    public const int ErrorKindCount = (int)TcpLoadErrorKind.ClosedEarly + 1;

    private readonly LoadRun _run;
    private readonly int _index;
    private readonly long _quota;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long[] _errors = new long[ErrorKindCount];
    private readonly string?[] _firstErrors = new string?[ErrorKindCount];
    private Socket? _socket;
    private int _abort;
    private volatile bool _open;
    private long _finishedAt;

    public LoadConnection(LoadRun run, int index, long quota)
    {
        _run = run;
        _index = index;
        _quota = quota;
        _sentAt = new long[run.Depth];
    }

    /// <summary>Why the controller closed the socket under the connection's feet.</summary>
    public enum AbortReason
    {
        None = 0,
        Timeout,
        Cancelled,
    }

    /// <summary>Completes once the connection has connected or given up.</summary>
    public Task Connected => _connected.Task;

    /// <summary>True once connected.</summary>
    public bool Opened { get; private set; }

    /// <summary>True while the socket is open.</summary>
    public bool IsOpen => _open;

    /// <summary>When the connection stopped sending and receiving (a Stopwatch timestamp).</summary>
    public long FinishedAt => Volatile.Read(ref _finishedAt);

    /// <summary>Replies verified and counted.</summary>
    public long Completed => Volatile.Read(ref _completed);

    /// <summary>Latency of the counted replies, in microseconds.</summary>
    public LatencyHistogram Latency { get; } = new();

    public long ErrorTotal
    {
        get
        {
            long total = 0;
            for (int i = 0; i < _errors.Length; i++)
            {
                total += Volatile.Read(ref _errors[i]);
            }

            return total;
        }
    }

    public long ErrorCount(TcpLoadErrorKind kind) => Volatile.Read(ref _errors[(int)kind]);

    public string? FirstError(TcpLoadErrorKind kind) => Volatile.Read(ref _firstErrors[(int)kind]);

    public async Task RunAsync()
    {
        Socket? socket = null;
        try
        {
            socket = await ConnectAsync().ConfigureAwait(false);
            _connected.TrySetResult();
            if (socket is null)
            {
                return;
            }

            await _run.StartGate.ConfigureAwait(false);
            RentBuffers();
            if (_run.Poller is { } poller)
            {
                await ExchangeOnPollerAsync(socket, poller).ConfigureAwait(false);
            }
            else
            {
                await ExchangeAsync(socket).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref _finishedAt, Stopwatch.GetTimestamp());
            _connected.TrySetResult();
            socket?.Dispose();
            _open = false;
            // A send the kernel had not taken yet still holds the send buffer: let it fail before the buffer goes back.
            await ObserveBlockedSendAsync().ConfigureAwait(false);
            ReturnBuffers();
        }
    }

    /// <summary>The watchdog: called by the controller on every tick.</summary>
    public void CheckReplyTimeout(long now)
    {
        if (Volatile.Read(ref _inflight) > 0 && now - Volatile.Read(ref _lastProgress) > _run.ReplyTimeoutTicks)
        {
            Abort(AbortReason.Timeout);
        }
    }

    /// <summary>Closes the socket so its pending operations fail at once; the connection records why.</summary>
    public void Abort(AbortReason reason)
    {
        if (Interlocked.CompareExchange(ref _abort, (int)reason, 0) != 0)
        {
            return;
        }

        if (Volatile.Read(ref _poller) is not null)
        {
            // On the poller the socket is closed only after it has left it (EpollPoller's rule).
            AbortOnPoller();
        }
        else
        {
            Volatile.Read(ref _socket)?.Dispose();
        }
    }

    private async Task<Socket?> ConnectAsync()
    {
        if (_run.EndPoint is null)
        {
            RecordError(TcpLoadErrorKind.ConnectFailed, _run.ResolveError ?? "no address");
            return null;
        }

        CancellationToken cancellation = _run.Cancellation;
        try
        {
            await _run.ConnectSlots.WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        var socket = new Socket(_run.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            deadline.CancelAfter(_run.Options.ConnectTimeout);
            if (_run.Poller is { } poller)
            {
                await poller.ConnectAsync(socket, _run.EndPoint, deadline.Token).ConfigureAwait(false);
            }
            else
            {
                await socket.ConnectAsync(_run.EndPoint, deadline.Token).ConfigureAwait(false);
            }
            Volatile.Write(ref _socket, socket);
            Opened = true;
            _open = true;
            if (Volatile.Read(ref _abort) != 0)
            {
                // Cancelled while connecting: the controller may have missed this socket.
                socket.Dispose();
            }

            return socket;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            RecordError(TcpLoadErrorKind.ConnectFailed, string.Create(
                CultureInfo.InvariantCulture, $"{_run.EndPoint} did not answer within {_run.Options.ConnectTimeout.TotalSeconds:0.###} s"));
        }
        catch (OperationCanceledException)
        {
            // The run was cancelled; not an error of the server.
        }
        catch (SocketException ex)
        {
            RecordError(TcpLoadErrorKind.ConnectFailed, $"{_run.EndPoint}: {ex.SocketErrorCode}: {ex.Message}");
        }
        finally
        {
            _run.ConnectSlots.Release();
        }

        socket.Dispose();
        return null;
    }

    private async Task ExchangeAsync(Socket socket)
    {
        Memory<byte> receiveBuffer = _receiveBuffer;
        try
        {
            while (true)
            {
                if (_blockedSend is { IsCompleted: true })
                {
                    int sent = await _blockedSend.ConfigureAwait(false);
                    _blockedSend = null;
                    _unsent = _unsent[sent..];
                }

                if (_blockedSend is null)
                {
                    SendWhileWindowOpen(socket);
                }

                if (_inflight == 0)
                {
                    // Nothing owed and nothing more to send: the run is stopping or this connection's share is done.
                    return;
                }

                int received = await socket.ReceiveAsync(receiveBuffer, SocketFlags.None).ConfigureAwait(false);
                long now = Stopwatch.GetTimestamp();
                Volatile.Write(ref _lastProgress, now);
                if (received == 0)
                {
                    RecordError(TcpLoadErrorKind.ClosedEarly, string.Create(
                        CultureInfo.InvariantCulture, $"connection {_index}: the server closed its side with {_inflight} replies owed"));
                    return;
                }

                Verify(receiveBuffer.Span[..received], now);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
        {
            RecordLoss(ex);
        }
    }

    private void RecordLoss(Exception ex)
    {
        switch ((AbortReason)Volatile.Read(ref _abort))
        {
            case AbortReason.Cancelled:
                return;
            case AbortReason.Timeout:
                RecordError(TcpLoadErrorKind.Timeout, string.Create(
                    CultureInfo.InvariantCulture,
                    $"connection {_index}: nothing received for {_run.Options.ReplyTimeout.TotalSeconds:0.###} s with {_inflight} replies owed; closed"));
                return;
            default:
                string why = ex is SocketException socketError ? $"{socketError.SocketErrorCode}: {socketError.Message}" : ex.Message;
                RecordError(TcpLoadErrorKind.Reset, string.Create(
                    CultureInfo.InvariantCulture, $"connection {_index}: {why} with {_inflight} replies owed"));
                return;
        }
    }

    private void RecordError(TcpLoadErrorKind kind, string message)
    {
        int slot = (int)kind;
        Volatile.Write(ref _errors[slot], _errors[slot] + 1);
        if (_firstErrors[slot] is null)
        {
            Volatile.Write(ref _firstErrors[slot], message);
        }
    }

    private bool TakesFirstError(TcpLoadErrorKind kind)
    {
        int slot = (int)kind;
        Volatile.Write(ref _errors[slot], _errors[slot] + 1);
        return _firstErrors[slot] is null;
    }

    private async Task ObserveBlockedSendAsync()
    {
        if (_blockedSend is null)
        {
            return;
        }

        try
        {
            await _blockedSend.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            // The connection is over; its error, if any, is already counted.
        }

        _blockedSend = null;
    }

    private void RentBuffers()
    {
        int depth = _run.Depth;
        _batchLines = Math.Clamp(MaxBatchBytes / _run.LineLength, 1, depth);
        _sendBuffer = ArrayPool<byte>.Shared.Rent(_batchLines * _run.LineLength);
        for (int line = 0; line < _batchLines; line++)
        {
            LinePattern.WriteLine(_sendBuffer.AsSpan(line * _run.LineLength, _run.LineLength));
        }

        _receiveBuffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp((long)_run.ReplyLength * depth, MinReceiveBytes, MaxReceiveBytes));
        _expected = ArrayPool<byte>.Shared.Rent(_run.ReplyLength);
        _run.PrefixBytes.CopyTo(_expected, 0);
        LinePattern.WriteLine(_expected.AsSpan(_run.PrefixBytes.Length, _run.LineLength));
    }

    private void ReturnBuffers()
    {
        foreach (byte[] buffer in new[] { _sendBuffer, _receiveBuffer, _expected })
        {
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        _sendBuffer = _receiveBuffer = _expected = Array.Empty<byte>();
    }
}
