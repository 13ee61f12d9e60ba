using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Internal;

namespace NetOpsPS.Sockets;

/// <summary>
/// A line echo server (the seed's chapter 1): every line a client sends comes back with a prefix,
/// byte for byte, terminator included. It binds at once, so a port in use is an error of
/// <see cref="Start"/>, and then accepts in the background until <see cref="StopAsync"/>.
/// </summary>
public sealed class TcpEchoServer : IAsyncDisposable
{
    private static int s_nextId;

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, EchoConnection> _connections = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly EventLog _events = new(256);
    private readonly object _stateGate = new();
    private Task? _acceptLoop;
    private long _nextConnectionId;
    private long _totalConnections;
    private long _bytesReceived;
    private long _bytesSent;
    private long _linesEchoed;
    private int _state;

    private TcpEchoServer(TcpEchoServerOptions options, Socket listener)
    {
        Id = Interlocked.Increment(ref s_nextId);
        Name = string.IsNullOrWhiteSpace(options.Name) ? $"TcpEcho{Id}" : options.Name!;
        Prefix = options.Prefix;
        PrefixBytes = Encoding.UTF8.GetBytes(options.Prefix);
        MaxLineLength = options.MaxLineLength;
        DrainTimeout = options.DrainTimeout;
        _listener = listener;
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        StartTime = DateTimeOffset.UtcNow;
    }

    /// <summary>Process-wide id, used by Get-/Stop-TcpServer.</summary>
    public int Id { get; }

    /// <summary>Friendly name.</summary>
    public string Name { get; }

    /// <summary>What the server does with data; "Echo" here.</summary>
    public string Kind => "Echo";

    /// <summary>The address it listens on, as text (binds to Test-TcpPort's -ComputerName).</summary>
    public string Address => LocalEndPoint.Address.ToString();

    /// <summary>The port it listens on (the kernel's choice when 0 was asked for).</summary>
    public int Port => LocalEndPoint.Port;

    /// <summary>The bound endpoint.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The text before every echoed line.</summary>
    public string Prefix { get; }

    /// <summary>Longest line accepted, terminator included.</summary>
    public int MaxLineLength { get; }

    /// <summary>How long a stop waits for clients to close their side.</summary>
    public TimeSpan DrainTimeout { get; }

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

    /// <summary>Bytes read from clients.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Bytes written to clients.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Lines echoed.</summary>
    public long LinesEchoed => Interlocked.Read(ref _linesEchoed);

    /// <summary>The last error the server met, if any.</summary>
    public string? LastError { get; private set; }

    /// <summary>The last 256 events, oldest first.</summary>
    public IReadOnlyList<TcpServerEvent> RecentEvents => _events.Snapshot();

    /// <summary>Completes when the server has stopped and every socket is closed.</summary>
    public Task Completion => _stopped.Task;

    internal byte[] PrefixBytes { get; }

    /// <summary>Binds, listens and starts accepting. Throws <see cref="SocketsException"/> when the bind fails.</summary>
    public static TcpEchoServer Start(TcpEchoServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
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

        var server = new TcpEchoServer(options, listener);
        server.SetState(TcpServerState.Listening);
        server._acceptLoop = server.AcceptLoopAsync();
        return server;
    }

    /// <summary>
    /// Stops accepting, lets every connection finish the replies it owes, half-closes it so the
    /// client reads a clean end of stream, and waits up to <see cref="DrainTimeout"/> for clients
    /// to close before the sockets are closed anyway. Safe to call more than once.
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
            await StopOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        await _stopped.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        DateTime deadline = DateTime.UtcNow + DrainTimeout;
        foreach (EchoConnection connection in _connections.Values)
        {
            connection.BeginClose(deadline);
        }

        Task[] running = _connections.Values.Select(c => c.Completion).ToArray();
        Task all = Task.WhenAll(running);
        // The connections honour the deadline themselves; this bound only guards against a bug.
        if (await Task.WhenAny(all, Task.Delay(DrainTimeout + TimeSpan.FromSeconds(2), cancellationToken)).ConfigureAwait(false) != all)
        {
            foreach (EchoConnection connection in _connections.Values)
            {
                connection.Abort();
            }
        }

        StopTime = DateTimeOffset.UtcNow;
        SetState(TcpServerState.Stopped);
        _stopping.Dispose();
        _stopped.TrySetResult();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Kind}) {LocalEndPoint} {State}";

    internal void CountReceived(long bytes) => Interlocked.Add(ref _bytesReceived, bytes);

    internal void CountSent(long bytes) => Interlocked.Add(ref _bytesSent, bytes);

    internal void CountLines(long lines) => Interlocked.Add(ref _linesEchoed, lines);

    internal void Log(TcpServerEventKind kind, long connectionId, IPEndPoint? remote, string message) =>
        _events.Add(kind, connectionId, remote, message);

    private void SetState(TcpServerState state)
    {
        Volatile.Write(ref _state, (int)state);
        _events.Add(TcpServerEventKind.State, 0, null, state.ToString());
    }

    private async Task AcceptLoopAsync()
    {
        CancellationToken token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException ex) when (token.IsCancellationRequested || ex.SocketErrorCode == SocketError.OperationAborted)
            {
                break;
            }
            catch (SocketException ex)
            {
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

                continue;
            }

            client.NoDelay = true;
            long id = Interlocked.Increment(ref _nextConnectionId);
            Interlocked.Increment(ref _totalConnections);
            var connection = new EchoConnection(this, client, id);
            _connections[id] = connection;
            Log(TcpServerEventKind.Accepted, id, connection.RemoteEndPoint, "accepted");
            _ = RunConnectionAsync(connection);
        }
    }

    private async Task RunConnectionAsync(EchoConnection connection)
    {
        try
        {
            await connection.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(connection.Id, out _);
        }
    }
}
