using System;
using System.Globalization;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Internal.Linux;

namespace NetOpsPS.Sockets.Load.Internal;

/// <summary>
/// The exchange on an <see cref="EpollLoop"/> (Linux): replies are read, verified and answered with the
/// next lines on the loop's thread, with non-blocking calls. A load driver that hopped to the thread pool
/// for every reply spent more CPU per request than the servers it measured, on the same cores.
/// </summary>
internal sealed partial class LoadConnection : IEpollHandler
{
    private EpollLoop? _loop;
    private TaskCompletionSource? _exchanged;
    private ulong _token;
    private bool _watchingWrites;
    private bool _finished;

    private Task ExchangeOnLoopAsync(Socket socket, EpollLoop loop)
    {
        try
        {
            socket.Blocking = false;
        }
        catch (ObjectDisposedException ex)
        {
            // Aborted between connecting and here.
            RecordLoss(ex);
            return Task.CompletedTask;
        }

        _exchanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _loop, loop);
        loop.Post(() =>
        {
            if (Volatile.Read(ref _abort) != 0)
            {
                Finish(null);
                return;
            }

            try
            {
                _token = loop.Register(socket, this);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                Finish(ex);
                return;
            }

            Pump(socket);
        });
        return _exchanged.Task;
    }

    /// <inheritdoc />
    public void OnEvents(uint events)
    {
        Socket socket = _socket!;
        if ((events & (Epoll.In | Epoll.Err | Epoll.Hup)) != 0)
        {
            int received = socket.Receive(_receiveBuffer, SocketFlags.None, out SocketError error);
            if (error == SocketError.Success)
            {
                long now = System.Diagnostics.Stopwatch.GetTimestamp();
                Volatile.Write(ref _lastProgress, now);
                if (received == 0)
                {
                    RecordError(TcpLoadErrorKind.ClosedEarly, string.Create(
                        CultureInfo.InvariantCulture, $"connection {_index}: the server closed its side with {_inflight} replies owed"));
                    Finish(null);
                    return;
                }

                Verify(_receiveBuffer.AsSpan(0, received), now);
            }
            else if (error != SocketError.WouldBlock)
            {
                Finish(new SocketException((int)error));
                return;
            }
        }

        Pump(socket);
    }

    /// <summary>Sends what the window allows; waits for writability (still reading) when the socket takes no more.</summary>
    private void Pump(Socket socket)
    {
        if (_finished)
        {
            return;
        }

        while (true)
        {
            if (_unsent.IsEmpty)
            {
                int lines = LinesToSend();
                if (lines == 0)
                {
                    break;
                }

                _unsent = NextBatch(lines);
            }

            int sent = socket.Send(_unsent.Span, SocketFlags.None, out SocketError error);
            if (error == SocketError.WouldBlock)
            {
                // Replies keep being read meanwhile, so the server never blocks on us.
                Watch(socket, writes: true);
                return;
            }

            if (error != SocketError.Success)
            {
                Finish(new SocketException((int)error));
                return;
            }

            _unsent = _unsent[sent..];
        }

        Watch(socket, writes: false);
        if (_inflight == 0)
        {
            // Nothing owed and nothing more to send: the run is stopping or this connection's share is done.
            Finish(null);
        }
    }

    private void Watch(Socket socket, bool writes)
    {
        if (writes != _watchingWrites)
        {
            _watchingWrites = writes;
            _loop!.Watch(socket, _token, writes ? Epoll.In | Epoll.Out : Epoll.In);
        }
    }

    /// <summary>On the loop: leaves it (before the socket is closed) and ends the exchange. Once only.</summary>
    private void Finish(Exception? loss)
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        if (_token != 0)
        {
            _loop!.Unregister(_socket!, _token);
        }

        if (loss is not null)
        {
            RecordLoss(loss);
        }

        _exchanged!.TrySetResult();
    }
}
