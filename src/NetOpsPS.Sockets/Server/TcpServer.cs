using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Internal;
using NetOpsPS.Sockets.Server.Internal;

namespace NetOpsPS.Sockets.Server;

/// <summary>
/// A TCP server: bounded concurrency (MaxConnections, queued or rejected past it), a framing codec
/// and a handler per connection, read/write/idle timeouts, an optional application heartbeat, and
/// a graceful stop. It binds in <see cref="Start"/>, so a port in use is an error there, and then
/// accepts in the background until <see cref="StopAsync"/>.
/// </summary>
public sealed partial class TcpServer : IAsyncDisposable
{
    // Totals of _traffic.
    private const int BytesReceivedCounter = 0;
    private const int BytesSentCounter = 1;
    private const int FramesReceivedCounter = 2;
    private const int FramesSentCounter = 3;

    private static int s_nextId;

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, ServerConnection> _connections = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly EventLog _events = new(256);
    private readonly ConcurrentQueue<TcpConnectionInfo> _recentlyClosed = new();
    private readonly SemaphoreSlim _slots;
    private readonly object _stateGate = new();
    private readonly KeyValuePair<string, object?> _tag;
    private Task _acceptLoop = Task.CompletedTask;
    private Task _tickLoop = Task.CompletedTask;
    private long _nextConnectionId;
    private long _totalConnections;
    private long _rejectedConnections;
    // Bytes and frames each way, added to by every poller thread on every request.
    private readonly StripedCounters _traffic = new(4);
    private int _state;

    private TcpServer(TcpServerOptions options, Socket listener)
    {
        Options = options;
        Id = Interlocked.Increment(ref s_nextId);
        Name = string.IsNullOrWhiteSpace(options.Name) ? $"Tcp{options.Handler.Kind}{Id}" : options.Name!;
        _listener = listener;
        _slots = new SemaphoreSlim(options.MaxConnections, options.MaxConnections);
        _tag = ServerMetrics.Server(Name);
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        StartTime = DateTimeOffset.UtcNow;
    }

    /// <summary>Process-wide id, used by Get-/Stop-TcpServer.</summary>
    public int Id { get; }

    /// <summary>Friendly name.</summary>
    public string Name { get; }

    /// <summary>What the server does with frames (the handler's kind: Echo, Discard).</summary>
    public string Kind => Options.Handler.Kind;

    /// <summary>How the stream is cut into frames.</summary>
    public string Framing => Options.Framing.Describe();

    /// <summary>The address it listens on, as text (binds to Test-TcpPort's -ComputerName).</summary>
    public string Address => LocalEndPoint.Address.ToString();

    /// <summary>The port it listens on (the kernel's choice when 0 was asked for).</summary>
    public int Port => LocalEndPoint.Port;

    /// <summary>The bound endpoint.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Most connections at once.</summary>
    public int MaxConnections => Options.MaxConnections;

    /// <summary>Queue or Reject past MaxConnections.</summary>
    public TcpServerFullMode WhenFull => Options.WhenFull;

    /// <summary>How long a stop waits for clients to close their side.</summary>
    public TimeSpan DrainTimeout => Options.DrainTimeout;

    /// <summary>Where the server is in its life cycle.</summary>
    public TcpServerState State => (TcpServerState)Volatile.Read(ref _state);

    /// <summary>When it started listening (UTC).</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>When it stopped (UTC), if it has.</summary>
    public DateTimeOffset? StopTime { get; private set; }

    /// <summary>Connections open now.</summary>
    public int ActiveConnections => _connections.Count;

    /// <summary>Connections accepted since start.</summary>
    public long TotalConnections => Interlocked.Read(ref _totalConnections);

    /// <summary>Connections refused because the server was full (Reject mode).</summary>
    public long RejectedConnections => Interlocked.Read(ref _rejectedConnections);

    /// <summary>Bytes read from clients.</summary>
    public long BytesReceived => _traffic.Read(BytesReceivedCounter);

    /// <summary>Bytes written to clients.</summary>
    public long BytesSent => _traffic.Read(BytesSentCounter);

    /// <summary>Frames read from clients.</summary>
    public long FramesReceived => _traffic.Read(FramesReceivedCounter);

    /// <summary>Frames written to clients.</summary>
    public long FramesSent => _traffic.Read(FramesSentCounter);

    /// <summary>The last 64 connections that closed, oldest first, with their close reasons and state histories.</summary>
    public IReadOnlyList<TcpConnectionInfo> RecentlyClosed => _recentlyClosed.ToArray();

    /// <summary>The last error the accept loop met, if any.</summary>
    public string? LastError { get; private set; }

    /// <summary>The last 256 events, oldest first.</summary>
    public IReadOnlyList<TcpServerEvent> RecentEvents => _events.Snapshot();

    /// <summary>Completes when the server has stopped and every socket is closed.</summary>
    public Task Completion => _stopped.Task;

    internal TcpServerOptions Options { get; }

    /// <summary>Binds, listens and starts accepting. Throws <see cref="SocketsException"/> when the bind fails.</summary>
    public static TcpServer Start(TcpServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TcpServerOptions settings = options.Validated();
        Socket listener = Bind(settings);
        var server = new TcpServer(settings, listener);
        server.SetState(TcpServerState.Listening);
        server._acceptLoop = server.AcceptLoopAsync();
        server._tickLoop = server.TickLoopAsync();
        return server;
    }

    /// <summary>The open connections, as they are now.</summary>
    public IReadOnlyList<TcpConnectionInfo> GetConnections() =>
        _connections.Values.OrderBy(c => c.Id).Select(c => c.Snapshot()).ToList();

    /// <summary>
    /// Stops accepting, lets every connection finish the replies it owes, half-closes it so the
    /// client reads a clean end of stream, and waits up to the drain timeout for clients to close
    /// before the sockets are closed anyway. Safe to call more than once.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        bool first;
        lock (_stateGate)
        {
            first = State is not (TcpServerState.Stopping or TcpServerState.Stopped);
            if (first)
            {
                SetState(TcpServerState.Stopping);
            }
        }

        if (first)
        {
            await StopOnceAsync().ConfigureAwait(false);
        }

        await _stopped.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Kind}) {LocalEndPoint} {State}";

    /// <summary>Serve connections from the epoll poller (Linux), unless told to use the portable async path.</summary>
    internal bool UseEpoll => !Options.PortableIo && Sockets.Internal.Linux.EpollPoller.Shared is not null;

    /// <summary>One read's worth of counts: bytes in, frames in and frames out (replies), counted once per read.</summary>
    internal void Count(long bytesReceived, long framesReceived, long framesSent)
    {
        if (bytesReceived > 0)
        {
            _traffic.Add(BytesReceivedCounter, bytesReceived);
            ServerMetrics.Bytes.Add(bytesReceived, _tag, ServerMetrics.Direction(received: true));
        }

        if (framesReceived > 0)
        {
            _traffic.Add(FramesReceivedCounter, framesReceived);
            ServerMetrics.Frames.Add(framesReceived, _tag, ServerMetrics.Direction(received: true));
        }

        if (framesSent > 0)
        {
            _traffic.Add(FramesSentCounter, framesSent);
            ServerMetrics.Frames.Add(framesSent, _tag, ServerMetrics.Direction(received: false));
        }
    }

    internal void CountSent(long bytes)
    {
        _traffic.Add(BytesSentCounter, bytes);
        ServerMetrics.Bytes.Add(bytes, _tag, ServerMetrics.Direction(received: false));
    }

    internal void RecordClosed(TcpConnectionInfo closed)
    {
        _recentlyClosed.Enqueue(closed);
        while (_recentlyClosed.Count > 64 && _recentlyClosed.TryDequeue(out _))
        {
        }
    }

    internal void Log(TcpServerEventKind kind, long connectionId, IPEndPoint? remote, string message) =>
        _events.Add(kind, connectionId, remote, message);

    private void SetState(TcpServerState state)
    {
        Volatile.Write(ref _state, (int)state);
        _events.Add(TcpServerEventKind.State, 0, null, state.ToString());
    }

    private async Task StopOnceAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        DateTime deadline = DateTime.UtcNow + DrainTimeout;
        foreach (ServerConnection connection in _connections.Values)
        {
            connection.BeginClose(deadline);
        }

        Task all = Task.WhenAll(_connections.Values.Select(c => c.Completion).ToArray());
        // Connections honour the deadline themselves; past it (plus a margin) they are cut.
        if (await Task.WhenAny(all, Task.Delay(DrainTimeout + TimeSpan.FromSeconds(2))).ConfigureAwait(false) != all)
        {
            foreach (ServerConnection connection in _connections.Values)
            {
                connection.Abort(CloseKind.Stopped, "server stopped; the drain timeout passed");
            }

            await all.ConfigureAwait(false);
        }

        await _tickLoop.ConfigureAwait(false);
        StopTime = DateTimeOffset.UtcNow;
        SetState(TcpServerState.Stopped);
        _stopping.Dispose();
        _stopped.TrySetResult();
    }
}
