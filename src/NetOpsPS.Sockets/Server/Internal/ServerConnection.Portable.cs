using System;
using System.Buffers;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.Server.Internal;

/// <summary>
/// Readiness without epoll (Windows, macOS, or a server told not to use it): a zero-byte async receive
/// says the socket is readable without holding a buffer, then the same <see cref="OnReadable"/> runs on a
/// pool thread. Bytes a send could not take go out with async sends, and the connection reads no more
/// until they have gone.
/// </summary>
internal sealed partial class ServerConnection
{
    // Cancels the wait for readability (stop or abort); created only when there is no epoll loop.
    private CancellationTokenSource? _readWait;
    // Cancels an async send of unsent bytes (abort only: a stop still sends what is owed).
    private CancellationTokenSource? _sendWait;
    private ArrayBufferWriter<byte>? _ownReplies;
    private Task? _flush;
    private bool _flushing;

    private async Task RunPortableAsync()
    {
        bool graceful = true;
        bool peerClosed = false;
        try
        {
            while (true)
            {
                if (_closing)
                {
                    Ended(CloseKind.Stopped, "server stopped");
                    break;
                }

                await _socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, _readWait!.Token).ConfigureAwait(false);
                byte[] scratch = ArrayPool<byte>.Shared.Rent(16 * 1024);
                bool open;
                try
                {
                    open = OnReadable(scratch, _ownReplies ??= new ArrayBufferWriter<byte>(1024), out _);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(scratch);
                }

                if (!open)
                {
                    graceful = _closeKind != CloseKind.Error;
                    peerClosed = _closeKind == CloseKind.Client;
                    break;
                }

                await WaitSentAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_closing && Volatile.Read(ref _closeReason) is null)
        {
            Ended(CloseKind.Stopped, "server stopped");
        }
        catch (OperationCanceledException)
        {
            graceful = false;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            Lost((ex.InnerException ?? ex).Message);
            graceful = false;
        }

        if (graceful && _closeKind == CloseKind.Stopped)
        {
            // What was owed goes out first; an abort (the drain deadline, a write timeout) cuts it.
            await WaitSentAsync().ConfigureAwait(false);
            graceful = Volatile.Read(ref _closeKind) == CloseKind.Stopped;
        }

        _ended = true;
        await CloseAsync(graceful, peerClosed).ConfigureAwait(false);
    }

    private async Task WaitSentAsync()
    {
        if (Volatile.Read(ref _flush) is { } flush)
        {
            await flush.ConfigureAwait(false);
        }
    }

    private void StartPortableFlush()
    {
        lock (_sendGate)
        {
            if (_flushing)
            {
                return;
            }

            _flushing = true;
        }

        Volatile.Write(ref _flush, FlushPortableAsync());
    }

    private async Task FlushPortableAsync()
    {
        try
        {
            while (true)
            {
                ReadOnlyMemory<byte> waiting;
                lock (_sendGate)
                {
                    if (_unsentLength == 0)
                    {
                        _flushing = false;
                        return;
                    }

                    waiting = _unsent.AsMemory(_unsentStart, _unsentLength);
                }

                int sent = await _socket.SendAsync(waiting, SocketFlags.None, _sendWait!.Token).ConfigureAwait(false);
                lock (_sendGate)
                {
                    Consume(sent);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            Lost(ex is OperationCanceledException ? "the send was cut off" : ex.Message);
            Interrupt();
        }
    }

    /// <summary>Wakes the read loop (stop); with <paramref name="sends"/>, also cuts a pending send (abort).</summary>
    private void Interrupt(bool sends = false)
    {
        try
        {
            _readWait?.Cancel();
            if (sends)
            {
                _sendWait?.Cancel();
            }
        }
        catch (ObjectDisposedException)
        {
            // Already closed.
        }
    }

    private void CreatePortableSignals()
    {
        _readWait = new CancellationTokenSource();
        _sendWait = new CancellationTokenSource();
    }

    private void DisposePortable()
    {
        _readWait?.Dispose();
        _sendWait?.Dispose();
    }
}
