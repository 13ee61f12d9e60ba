using System;
using System.Buffers;
using System.IO;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Framing;

namespace NetOpsPS.Sockets.Client.Internal;

/// <summary>
/// One TCP connection of a session: a read loop that cuts frames with the session's decoder, answers heartbeats and
/// queues the rest for the caller; sends serialised by a lock, each bounded by the write timeout. It ends once, for one
/// reason, and tells the session unless the session itself closed it. The read loop owns the socket and disposes it.
/// </summary>
internal sealed partial class ClientConnection
{
    // A bound on waiting for the server's FIN after ours, on the real clock: it guards against a peer that never closes,
    // it is not a policy a user tunes.
    private static readonly TimeSpan CloseDrainTimeout = TimeSpan.FromSeconds(2);

    private readonly TcpClientSession _session;
    private readonly Socket _socket;
    private readonly IFrameDecoder _decoder;
    private readonly IFrameEncoder _encoder;
    private readonly TcpClientSessionOptions _options;
    private readonly SessionCounters _counters;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _writeBuffer = new(256);
    // Never disposed: sends and waits may still read its token after the connection ends, and it holds no timer.
    private readonly CancellationTokenSource _abort = new();
    private Task _readLoop = Task.CompletedTask;
    private Task _heartbeatLoop = Task.CompletedTask;
    private int _ended;
    private bool _started;
    private volatile bool _closingLocally;

    public ClientConnection(TcpClientSession session, Socket socket, IFrameDecoder decoder, IFrameEncoder encoder, TcpClientSessionOptions options, SessionCounters counters)
    {
        _session = session;
        _socket = socket;
        _decoder = decoder;
        _encoder = encoder;
        _options = options;
        _counters = counters;
        // Made here, while the socket is surely connected: a close that comes before the read loop starts must not
        // leave it a socket NetworkStream refuses.
        _stream = new NetworkStream(socket, ownsSocket: false);
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true));
        RemoteEndPoint = socket.RemoteEndPoint as IPEndPoint;
        LocalEndPoint = socket.LocalEndPoint as IPEndPoint;
        ConnectedAt = options.TimeProvider.GetUtcNow();
    }

    public IPEndPoint? RemoteEndPoint { get; }

    public IPEndPoint? LocalEndPoint { get; }

    public DateTimeOffset ConnectedAt { get; }

    public bool IsOpen => Volatile.Read(ref _ended) == 0;

    /// <summary>Cancelled when the connection ends, whatever the reason.</summary>
    public CancellationToken Ended => _abort.Token;

    /// <summary>Why it ended (null while open, or when the session closed it).</summary>
    public TcpClientErrorKind? EndKind { get; private set; }

    public string? EndReason { get; private set; }

    public void Start()
    {
        _started = true;
        _readLoop = Task.Run(ReadLoopAsync);
        if (_options.HeartbeatInterval > TimeSpan.Zero)
        {
            _heartbeatLoop = Task.Run(HeartbeatLoopAsync);
        }
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SendLockedAsync(payload, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Closes on purpose: our FIN first, so the server reads a clean end of stream, then what it still sends is read and
    /// dropped until its FIN, so the close does not turn into a reset.
    /// </summary>
    public async Task CloseAsync()
    {
        _closingLocally = true;
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            EndReason = "closed by the session";
            try
            {
                _socket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Already reset or disposed: the read loop is ending on its own.
            }

            _abort.CancelAfter(CloseDrainTimeout);
        }

        if (!_started)
        {
            // Connected but never handed over (the session was closed meanwhile): no read loop owns the socket.
            await _stream.DisposeAsync().ConfigureAwait(false);
            _socket.Dispose();
            return;
        }

        await _readLoop.ConfigureAwait(false);
        await _heartbeatLoop.ConfigureAwait(false);
    }

    /// <summary>Ends the connection once, for the first reason given.</summary>
    private void End(TcpClientErrorKind kind, string reason)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        EndKind = kind;
        EndReason = reason;
        _abort.Cancel();
        _session.OnConnectionEnded(this, kind, reason);
    }

    private async ValueTask SendLockedAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (!IsOpen)
        {
            throw new TcpClientSessionException(EndKind ?? TcpClientErrorKind.NotConnected, $"The connection to {RemoteEndPoint} has ended: {EndReason}.");
        }

        _writeBuffer.ResetWrittenCount();
        try
        {
            _encoder.Encode(payload.Span, _writeBuffer);
        }
        catch (FramingException ex)
        {
            // Nothing reached the socket, so the connection is still good.
            _counters.Error(TcpClientErrorKind.Framing, ex.Message);
            throw new TcpClientSessionException(TcpClientErrorKind.Framing, $"Cannot frame a payload of {payload.Length} bytes: {ex.Message}", ex);
        }

        ReadOnlyMemory<byte> frame = _writeBuffer.WrittenMemory;
        using CancellationTokenSource? deadline = _options.WriteTimeout > TimeSpan.Zero ? new CancellationTokenSource(_options.WriteTimeout, _options.TimeProvider) : null;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token, deadline?.Token ?? CancellationToken.None);
        try
        {
            for (int sent = 0; sent < frame.Length;)
            {
                sent += await _socket.SendAsync(frame[sent..], SocketFlags.None, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException ex) when (deadline?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            string reason = $"a send did not finish within {_options.WriteTimeout.TotalMilliseconds:0} ms (the server is not reading)";
            End(TcpClientErrorKind.WriteTimeout, reason);
            throw new TcpClientSessionException(TcpClientErrorKind.WriteTimeout, $"Send to {RemoteEndPoint} failed: {reason}.", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TcpClientSessionException(EndKind ?? TcpClientErrorKind.NotConnected, $"The connection to {RemoteEndPoint} ended during a send: {EndReason}.", ex);
        }
        catch (OperationCanceledException)
        {
            // Part of the frame may be on the wire; what follows would be read as garbage, so the connection must go.
            End(TcpClientErrorKind.Other, "a send was cancelled part-way through a frame");
            throw;
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
            TcpClientErrorKind kind = ErrorClassifier.Classify(ex);
            string reason = ErrorClassifier.Reason(ex);
            End(kind, reason);
            throw new TcpClientSessionException(kind, $"Send to {RemoteEndPoint} failed: {reason}.", ex);
        }

        _counters.Sent(frame.Length);
    }

    private async Task ReadLoopAsync()
    {
        CancellationToken token = _abort.Token;
        PipeReader reader = _reader;
        TcpClientErrorKind kind = TcpClientErrorKind.PeerClosed;
        string reason = "the server closed the connection";
        try
        {
            long buffered = 0;
            while (true)
            {
                ReadResult read = await reader.ReadAsync(token).ConfigureAwait(false);
                ReadOnlySequence<byte> buffer = read.Buffer;
                _counters.BytesRead(buffer.Length - buffered);
                while (_decoder.TryDecode(ref buffer, out ReadOnlySequence<byte> frame))
                {
                    await OnFrameAsync(frame, token).ConfigureAwait(false);
                }

                if (read.IsCompleted)
                {
                    // Asked again while bytes are left and it makes progress, as FrameReader does; never more often.
                    long before;
                    do
                    {
                        before = buffer.Length;
                        if (!_decoder.TryDecodeLast(ref buffer, out ReadOnlySequence<byte> last))
                        {
                            break;
                        }

                        await OnFrameAsync(last, token).ConfigureAwait(false);
                    }
                    while (!buffer.IsEmpty && buffer.Length < before);

                    reader.AdvanceTo(buffer.End);
                    break;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                buffered = buffer.Length;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Ended by a send, a heartbeat or the session; that path has said why.
        }
        catch (FramingException ex)
        {
            kind = TcpClientErrorKind.Framing;
            reason = $"bad frame from the server: {ex.Message}";
        }
        catch (TcpClientSessionException ex)
        {
            // A heartbeat answer failed; the send path has ended the connection.
            kind = ex.Kind;
            reason = ex.Message;
        }
        catch (ChannelClosedException)
        {
            reason = "the session was closed";
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            kind = ErrorClassifier.Classify(ex);
            reason = ErrorClassifier.Reason(ex);
        }
        finally
        {
            End(kind, reason);
            // The heartbeat loop waits on this token; a local close only cancels it after the drain bound.
            _abort.Cancel();
            await reader.CompleteAsync().ConfigureAwait(false);
            await _stream.DisposeAsync().ConfigureAwait(false);
            _socket.Dispose();
        }
    }

    private async ValueTask OnFrameAsync(ReadOnlySequence<byte> frame, CancellationToken token)
    {
        if (_closingLocally)
        {
            return;
        }

        _counters.FrameRead();
        if (_options.AnswerHeartbeats && HeartbeatFrame.TryParsePing(frame, out long ping))
        {
            // Answered from the read loop, in order with the data; a send lock held by a caller stuck on a full socket
            // is bounded by the write timeout.
            await SendAsync(HeartbeatFrame.Pong(ping), token).ConfigureAwait(false);
            _counters.HeartbeatAnswered();
            return;
        }

        if (IsPongOfOurs(frame))
        {
            return;
        }

        await _session.DeliverAsync(frame.ToArray(), token).ConfigureAwait(false);
    }
}
