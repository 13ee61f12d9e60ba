using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Client.Internal;
using Polly;
using Polly.CircuitBreaker;

namespace NetOpsPS.Sockets.Client;

/// <summary>
/// A resilient framed TCP client (Connect-TcpSession). Connects run through a Polly pipeline: retries with exponential
/// backoff and jitter, a circuit breaker over the attempts, and a per-attempt connect timeout. When the connection
/// drops, the session reconnects in the background when <see cref="TcpClientSessionOptions.AutoReconnect"/> is set
/// (bounded rounds, waiting out an open breaker), and in any case on the next send or receive. Frames read are queued
/// for <see cref="ReceiveFrameAsync(TimeSpan, CancellationToken)"/>; server heartbeats are answered on the way.
/// Counters live across reconnects and are mirrored to the <c>NetOpsPS.Sockets</c> meter.
/// </summary>
public sealed partial class TcpClientSession : IAsyncDisposable
{
    private static int s_nextId;

    private readonly TcpClientSessionOptions _options;
    private readonly CircuitBreakerStateProvider _breaker = new();
    private readonly ResiliencePipeline _pipeline;
    private readonly SessionCounters _counters;
    private readonly BoundedEventLog _events;
    private readonly Channel<byte[]> _inbox;
    private readonly object _gate = new();
    private ClientConnection? _connection;
    private Task<ClientConnection>? _connecting;
    private Task? _reconnectLoop;
    // Cancelled by a disconnect; never disposed, because connects in flight may still read its token.
    private CancellationTokenSource _lifetime = new();
    private bool _wantConnected;
    private bool _dropped;
    private bool _closed;

    /// <summary>Creates a session; nothing is connected until <see cref="ConnectAsync"/>.</summary>
    public TcpClientSession(TcpClientSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validated();
        Id = Interlocked.Increment(ref s_nextId);
        Name = string.IsNullOrWhiteSpace(_options.Name) ? $"TcpSession{Id}" : _options.Name!;
        _counters = new SessionCounters(Name, _options.TimeProvider);
        _events = new BoundedEventLog(256, _options.TimeProvider);
        _pipeline = ConnectPipeline.Build(_options, _breaker, _events);
        _inbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(_options.ReceiveQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });
        ClientMetrics.Track(this);
    }

    /// <summary>Process-wide id, used by the session cmdlets.</summary>
    public int Id { get; }

    /// <summary>Friendly name; the <c>session</c> tag of its metrics.</summary>
    public string Name { get; }

    /// <summary>The server as given: an address or a name.</summary>
    public string Host => _options.Host;

    /// <summary>The server's port.</summary>
    public int Port => _options.Port;

    /// <summary>How frames are cut and written, in one line.</summary>
    public string Framing => _options.DescribeFraming();

    /// <summary>Where the session is now.</summary>
    public TcpClientSessionState State
    {
        get
        {
            lock (_gate)
            {
                if (_closed)
                {
                    return TcpClientSessionState.Closed;
                }

                if (_connection is { IsOpen: true })
                {
                    return TcpClientSessionState.Connected;
                }

                if (_connecting is { IsCompleted: false })
                {
                    return TcpClientSessionState.Connecting;
                }

                if (BreakerState is TcpCircuitState.Open or TcpCircuitState.Isolated)
                {
                    return TcpClientSessionState.BreakerOpen;
                }

                return _reconnectLoop is not null ? TcpClientSessionState.Connecting : TcpClientSessionState.Disconnected;
            }
        }
    }

    /// <summary>
    /// The circuit breaker over connect attempts. Polly moves an open circuit to half-open only when the next connect
    /// comes after the break duration, so it reads Open until then.
    /// </summary>
    public TcpCircuitState BreakerState => _breaker.CircuitState switch
    {
        CircuitState.Open => TcpCircuitState.Open,
        CircuitState.HalfOpen => TcpCircuitState.HalfOpen,
        CircuitState.Isolated => TcpCircuitState.Isolated,
        _ => TcpCircuitState.Closed,
    };

    /// <summary>The server's endpoint of the live connection.</summary>
    public IPEndPoint? RemoteEndPoint => LiveConnection?.RemoteEndPoint;

    /// <summary>Our endpoint of the live connection.</summary>
    public IPEndPoint? LocalEndPoint => LiveConnection?.LocalEndPoint;

    /// <summary>When the live connection was made (UTC).</summary>
    public DateTimeOffset? ConnectedSince => LiveConnection?.ConnectedAt;

    /// <summary>Connect attempts, retries included (a connect refused by an open breaker is not an attempt).</summary>
    public long ConnectionAttempts => _counters.Attempts;

    /// <summary>Connections made.</summary>
    public long Connects => _counters.Connects;

    /// <summary>Connections made again after a drop.</summary>
    public long Reconnects => _counters.Reconnects;

    /// <summary>Frames sent, heartbeats included.</summary>
    public long FramesSent => _counters.FramesSent;

    /// <summary>Frames received, heartbeats included.</summary>
    public long FramesReceived => _counters.FramesReceived;

    /// <summary>Bytes written to the socket, framing included.</summary>
    public long BytesSent => _counters.BytesSent;

    /// <summary>Bytes read from the socket, framing included.</summary>
    public long BytesReceived => _counters.BytesReceived;

    /// <summary>Our pings sent.</summary>
    public long HeartbeatsSent => _counters.HeartbeatsSent;

    /// <summary>Server pings answered.</summary>
    public long HeartbeatsAnswered => _counters.HeartbeatsAnswered;

    /// <summary>Round trip of our last answered ping; null before the first.</summary>
    public TimeSpan? LastRtt => _counters.LastRtt;

    /// <summary>Our pings in a row without an answer on the live connection.</summary>
    public int MissedHeartbeats => LiveConnection?.MissedHeartbeats ?? 0;

    /// <summary>Receives that timed out (not errors: the connection is unharmed).</summary>
    public long ReceiveTimeouts => _counters.ReceiveTimeouts;

    /// <summary>Frames received and not yet taken by a receive.</summary>
    public int PendingFrames => _inbox.Reader.Count;

    /// <summary>Errors by kind; kinds never seen are left out.</summary>
    public IReadOnlyDictionary<TcpClientErrorKind, long> Errors => _counters.Errors();

    /// <summary>The last error, in words.</summary>
    public string? LastError => _counters.LastError;

    /// <summary>The kind of the last error.</summary>
    public TcpClientErrorKind? LastErrorKind => _counters.LastErrorKind;

    /// <summary>When the last error happened (UTC).</summary>
    public DateTimeOffset? LastErrorTime => _counters.LastErrorTime;

    /// <summary>The last 256 events, oldest first: connects, failures with their retry delays, drops, breaker moves.</summary>
    public IReadOnlyList<TcpClientSessionEvent> RecentEvents => _events.Snapshot();

    private ClientConnection? LiveConnection
    {
        get
        {
            ClientConnection? connection = Volatile.Read(ref _connection);
            return connection is { IsOpen: true } ? connection : null;
        }
    }

    private string Target => $"{Host}:{Port}";

    /// <summary>How many errors of one kind the session has met.</summary>
    public long GetErrorCount(TcpClientErrorKind kind) => _counters.ErrorCount(kind);

    /// <summary>Disconnects, stops any reconnect, and ends the session for good. Frames not yet received are dropped.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
        }

        await StopAsync().ConfigureAwait(false);
        _inbox.Writer.TryComplete();
        ClientMetrics.Untrack(this);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} {Target} {State}";
}
