using System;
using System.Buffers;
using System.IO;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.Internal;

/// <summary>
/// One client of a <see cref="TcpEchoServer"/>: reads lines through a PipeReader (no copy until
/// the reply), answers every complete line of a read in one send, and closes cleanly: replies
/// owed are sent, then a half-close (FIN), then the client's remaining bytes are drained so the
/// final close does not turn into a reset.
/// </summary>
internal sealed class EchoConnection
{
    private const byte LineFeed = (byte)'\n';

    private readonly TcpEchoServer _server;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _drainDeadlineTicks = long.MaxValue;
    private volatile bool _closing;

    public EchoConnection(TcpEchoServer server, Socket socket, long id)
    {
        _server = server;
        _socket = socket;
        Id = id;
        RemoteEndPoint = socket.RemoteEndPoint as IPEndPoint;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true));
    }

    public long Id { get; }

    public IPEndPoint? RemoteEndPoint { get; }

    public Task Completion => _completion.Task;

    /// <summary>Asks the read loop to stop after the replies it owes; the close is drained until <paramref name="deadline"/>.</summary>
    public void BeginClose(DateTime deadline)
    {
        Interlocked.Exchange(ref _drainDeadlineTicks, deadline.Ticks);
        _closing = true;
        _reader.CancelPendingRead();
    }

    /// <summary>Closes at once, whatever the client is doing.</summary>
    public void Abort() => _socket.Dispose();

    public async Task RunAsync()
    {
        var replies = new ArrayBufferWriter<byte>(4096);
        string reason = "server stopped";
        bool peerClosed = false;
        bool graceful = true;
        try
        {
            while (!_closing)
            {
                ReadResult read = await _reader.ReadAsync().ConfigureAwait(false);
                if (read.IsCanceled)
                {
                    break;
                }

                ReadOnlySequence<byte> buffer = read.Buffer;
                long available = buffer.Length;
                long lines = 0;
                string? violation = null;
                while (TryTakeLine(ref buffer, out ReadOnlySequence<byte> line))
                {
                    if (line.Length > _server.MaxLineLength)
                    {
                        violation = $"line of {line.Length} bytes is longer than the limit of {_server.MaxLineLength}";
                        break;
                    }

                    AppendReply(replies, line, addLineFeed: false);
                    lines++;
                }

                if (violation is null && buffer.Length > _server.MaxLineLength)
                {
                    violation = $"more than {_server.MaxLineLength} bytes without a line feed";
                }

                if (violation is null && read.IsCompleted)
                {
                    // The client closed mid-line: echo what it sent, as a line, like a scanner would.
                    if (!buffer.IsEmpty)
                    {
                        AppendReply(replies, buffer, addLineFeed: true);
                        lines++;
                        buffer = buffer.Slice(buffer.End);
                    }

                    peerClosed = true;
                    reason = "client closed";
                }

                if (replies.WrittenCount > 0)
                {
                    await SendAsync(replies.WrittenMemory).ConfigureAwait(false);
                    replies.ResetWrittenCount();
                }

                _server.CountReceived(available - buffer.Length);
                _server.CountLines(lines);
                _reader.AdvanceTo(buffer.Start, buffer.End);
                if (violation is not null)
                {
                    reason = violation;
                    _server.Log(TcpServerEventKind.Violation, Id, RemoteEndPoint, $"closed: {violation}");
                    break;
                }

                if (peerClosed)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            reason = $"connection lost: {(ex.InnerException ?? ex).Message}";
            graceful = false;
        }
        finally
        {
            await _reader.CompleteAsync().ConfigureAwait(false);
            await CloseAsync(graceful, peerClosed).ConfigureAwait(false);
            _server.Log(TcpServerEventKind.Closed, Id, RemoteEndPoint, reason);
            _completion.TrySetResult();
        }
    }

    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        SequencePosition? lineFeed = buffer.PositionOf(LineFeed);
        if (lineFeed is null)
        {
            line = default;
            return false;
        }

        SequencePosition end = buffer.GetPosition(1, lineFeed.Value);
        line = buffer.Slice(0, end);
        buffer = buffer.Slice(end);
        return true;
    }

    private void AppendReply(ArrayBufferWriter<byte> replies, in ReadOnlySequence<byte> line, bool addLineFeed)
    {
        replies.Write(_server.PrefixBytes);
        foreach (ReadOnlyMemory<byte> segment in line)
        {
            replies.Write(segment.Span);
        }

        if (addLineFeed)
        {
            replies.Write(stackalloc byte[] { LineFeed });
        }
    }

    private async Task SendAsync(ReadOnlyMemory<byte> data)
    {
        while (!data.IsEmpty)
        {
            int sent = await _socket.SendAsync(data, SocketFlags.None).ConfigureAwait(false);
            _server.CountSent(sent);
            data = data[sent..];
        }
    }

    private async Task CloseAsync(bool graceful, bool peerClosed)
    {
        try
        {
            if (graceful)
            {
                _socket.Shutdown(SocketShutdown.Send);
                if (!peerClosed)
                {
                    await DrainAsync().ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The peer reset or the socket was aborted: nothing left to close politely.
        }
        finally
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
            _socket.Dispose();
        }
    }

    /// <summary>Reads and drops what the client still sends until it closes or the drain deadline passes.</summary>
    private async Task DrainAsync()
    {
        long deadlineTicks = Interlocked.Read(ref _drainDeadlineTicks);
        TimeSpan budget = deadlineTicks == long.MaxValue
            ? TimeSpan.FromSeconds(5)
            : new DateTime(deadlineTicks, DateTimeKind.Utc) - DateTime.UtcNow;
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
