using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Server.Internal;

namespace NetOpsPS.Sockets.Server;

/// <summary>The accept loop (bounded by MaxConnections) and the tick that drives timeouts and heartbeats.</summary>
public sealed partial class TcpServer
{
    private static Socket Bind(TcpServerOptions options)
    {
        var endPoint = new IPEndPoint(options.Address, options.Port);
        var listener = new Socket(options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (options.Address.Equals(IPAddress.IPv6Any))
            {
                listener.DualMode = true;
            }

            listener.Bind(endPoint);
            listener.Listen(options.Backlog);
            return listener;
        }
        catch (SocketException ex)
        {
            listener.Dispose();
            SocketsError code = SocketsException.Classify(ex.SocketErrorCode);
            string why = code switch
            {
                SocketsError.AddressInUse => $"{endPoint} is already in use by another socket",
                SocketsError.AddressNotAvailable => $"{options.Address} is not an address of this machine",
                SocketsError.AccessDenied => $"the system refused to bind {endPoint} (ports below 1024 need root or CAP_NET_BIND_SERVICE)",
                _ => ex.Message,
            };
            throw new SocketsException(code, $"Cannot listen on {endPoint}: {why}.", ex);
        }
    }

    private async Task AcceptLoopAsync()
    {
        CancellationToken token = _stopping.Token;
        bool queue = Options.WhenFull == TcpServerFullMode.Queue;
        while (!token.IsCancellationRequested)
        {
            try
            {
                // Queue mode: no slot, no accept; new clients wait in the kernel's accept queue (back-pressure).
                if (queue)
                {
                    await _slots.WaitAsync(token).ConfigureAwait(false);
                }

                Socket client = await _listener.AcceptAsync(token).ConfigureAwait(false);
                if (!queue && !_slots.Wait(0))
                {
                    Reject(client);
                    continue;
                }

                Serve(client);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException
                                       || (ex is SocketException && token.IsCancellationRequested))
            {
                break;
            }
            catch (SocketException ex)
            {
                if (queue)
                {
                    _slots.Release();
                }

                // Out of descriptors or memory: keep the server up and try again shortly.
                LastError = ex.Message;
                Log(TcpServerEventKind.Error, 0, null, $"accept failed: {ex.Message}");
                try
                {
                    await Task.Delay(50, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private void Serve(Socket client)
    {
        client.NoDelay = true;
        long id = Interlocked.Increment(ref _nextConnectionId);
        Interlocked.Increment(ref _totalConnections);
        var connection = new ServerConnection(this, client, id);
        _connections[id] = connection;
        ServerMetrics.Accepted.Add(1, _tag);
        ServerMetrics.Active.Add(1, _tag);
        Log(TcpServerEventKind.Accepted, id, connection.RemoteEndPoint, "accepted");
        connection.Start();
    }

    /// <summary>A connection has closed: it leaves the table and frees its slot before its Completion is set.</summary>
    internal void Forget(ServerConnection connection)
    {
        _connections.TryRemove(connection.Id, out _);
        ServerMetrics.Active.Add(-1, _tag);
        _slots.Release();
    }

    private void Reject(Socket client)
    {
        Interlocked.Increment(ref _rejectedConnections);
        ServerMetrics.Rejected.Add(1, _tag);
        IPEndPoint? remote = client.RemoteEndPoint as IPEndPoint;
        try
        {
            if (!string.IsNullOrEmpty(Options.RejectMessage))
            {
                // A short message fits the socket buffer: a non-blocking send never stalls the accept loop.
                client.Blocking = false;
                client.Send(Encoding.UTF8.GetBytes(Options.RejectMessage), SocketFlags.None, out _);
            }

            client.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // The client is gone already.
        }
        finally
        {
            client.Dispose();
        }

        Log(TcpServerEventKind.Rejected, 0, remote, $"rejected: {Options.MaxConnections} connections already open");
    }

    /// <summary>
    /// One tick for all connections (as Kestrel's heartbeat): cheaper than a timer per connection.
    /// Runs only when the server has a timeout or a heartbeat.
    /// </summary>
    private async Task TickLoopAsync()
    {
        TimeSpan period = TickPeriod(Options);
        if (period == TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                long now = Environment.TickCount64;
                foreach (ServerConnection connection in _connections.Values)
                {
                    connection.OnTick(now);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>A quarter of the shortest deadline, between 10 ms and 1 s; zero when nothing needs ticking.</summary>
    internal static TimeSpan TickPeriod(TcpServerOptions options)
    {
        TimeSpan shortest = TimeSpan.MaxValue;
        foreach (TimeSpan limit in new[] { options.ReadTimeout, options.WriteTimeout, options.IdleTimeout, options.Heartbeat?.Interval ?? TimeSpan.Zero })
        {
            if (limit > TimeSpan.Zero && limit < shortest)
            {
                shortest = limit;
            }
        }

        if (shortest == TimeSpan.MaxValue)
        {
            return TimeSpan.Zero;
        }

        long quarter = shortest.Ticks / 4;
        return TimeSpan.FromTicks(Math.Clamp(quarter, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromSeconds(1).Ticks));
    }
}
