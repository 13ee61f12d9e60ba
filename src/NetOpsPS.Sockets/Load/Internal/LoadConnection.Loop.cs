using System;
using System.Globalization;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Internal.Linux;

namespace NetOpsPS.Sockets.Load.Internal;

/// <summary>
/// The exchange on the <see cref="EpollPoller"/> (Linux): replies are read, verified and answered with the
/// next lines on a poller thread, with non-blocking calls. A load driver that hopped to the thread pool
/// for every reply spent more CPU per request than the servers it measured, on the same cores.
/// </summary>
internal sealed partial class LoadConnection : IEpollHandler
{
    // Serialises the poller's threads and the controller (an abort) on this connection.
    private readonly object _ioGate = new();
    private EpollPoller? _poller;
    private TaskCompletionSource? _exchanged;
    private ulong _token;
    private bool _finished;

    private Task ExchangeOnPollerAsync(Socket socket, EpollPoller poller)
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
        lock (_ioGate)
        {
            Volatile.Write(ref _poller, poller);
            if (Volatile.Read(ref _abort) != 0)
            {
                Finish(null);
                return _exchanged.Task;
            }

            try
            {
                // Registered after the first batch is out (or waiting to go); edge-triggered, so never re-armed.
                Pump(socket);
                if (!_finished)
                {
                    _token = poller.RegisterEdgeTriggered(socket, this);
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Aborted (the socket closed) while connecting finished.
                Finish(ex);
            }
        }

        return _exchanged.Task;
    }

    /// <inheritdoc />
    public void OnEvents(uint events, EpollScratch scratch)
    {
        lock (_ioGate)
        {
            if (_finished)
            {
                return;
            }

            Socket socket = _socket!;
            // An edge: read until Epoll.Drained says nothing more waits (the server's FIN may come with its last replies).
            while (true)
            {
                int got = Receive(socket);
                if (_finished)
                {
                    return;
                }

                if (Epoll.Drained(got, _receiveBuffer.Length, events))
                {
                    break;
                }
            }

            // A send that meets EAGAIN waits for the EPOLLOUT edge the kernel raises once there is room.
            Pump(socket);
        }
    }

    /// <summary>Aborts the exchange (the controller's watchdog or a cancel).</summary>
    private void AbortOnPoller()
    {
        lock (_ioGate)
        {
            Finish(new SocketException((int)SocketError.OperationAborted));
        }
    }

    /// <summary>Reads what is there and checks it; the bytes read, -1 when there were none (EAGAIN), 0 when the exchange is over.</summary>
    private int Receive(Socket socket)
    {
        int received = socket.Receive(_receiveBuffer, SocketFlags.None, out SocketError error);
        if (error == SocketError.WouldBlock)
        {
            return -1;
        }

        if (error != SocketError.Success)
        {
            Finish(new SocketException((int)error));
            return 0;
        }

        long now = System.Diagnostics.Stopwatch.GetTimestamp();
        Volatile.Write(ref _lastProgress, now);
        if (received == 0)
        {
            RecordError(TcpLoadErrorKind.ClosedEarly, string.Create(
                CultureInfo.InvariantCulture, $"connection {_index}: the server closed its side with {_inflight} replies owed"));
            Finish(null);
            return 0;
        }

        Verify(_receiveBuffer.AsSpan(0, received), now);
        return received;
    }

    /// <summary>Sends what the window allows; a send the socket cannot take waits for room (still reading).</summary>
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
                return;
            }

            if (error != SocketError.Success)
            {
                Finish(new SocketException((int)error));
                return;
            }

            _unsent = _unsent[sent..];
        }

        if (_inflight == 0)
        {
            // Nothing owed and nothing more to send: the run is stopping or this connection's share is done.
            Finish(null);
        }
    }

    /// <summary>Leaves the poller (before the socket is closed) and ends the exchange. Once only, under the I/O gate.</summary>
    private void Finish(Exception? loss)
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        if (_token != 0)
        {
            _poller!.Unregister(_socket!, _token);
        }

        if (loss is not null)
        {
            RecordLoss(loss);
        }

        _exchanged!.TrySetResult();
    }
}
