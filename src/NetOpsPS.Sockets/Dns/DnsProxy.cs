using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.DnsTools.Internal;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Sockets.DnsTools;

/// <summary>
/// A forwarding DNS proxy on UDP and TCP: answers from its cache while TTLs last (RFC 1035 §7.4, negative
/// answers per RFC 2308), else asks its upstreams in order with failover, each query from a fresh random
/// port with a random id, and keeps only answers that match the question (RFC 5452). Messages are handled
/// as bytes (<see cref="DnsWire"/>): the hot path reads the header and question, never builds records.
/// </summary>
public sealed partial class DnsProxy : IAsyncDisposable
{
    private static int s_lastId;
    private readonly DnsProxyOptions _options;
    private readonly Socket _udp;
    private readonly Socket? _tcp;
    private readonly Upstream[] _upstreams;
    private readonly DnsCache? _cache;
    private readonly ConcurrentDictionary<string, InFlightQuery> _inFlight = new(StringComparer.Ordinal);
    private readonly ClientRateLimiter? _limiter;
    private readonly ProxyCounters _counters;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _tcpSlots;
    private readonly List<Task> _loops = [];
    private int _state;
    private int _pendingUdp;

    private DnsProxy(DnsProxyOptions options, Socket udp, Socket? tcp)
    {
        _options = options;
        _udp = udp;
        _tcp = tcp;
        Id = Interlocked.Increment(ref s_lastId);
        Name = options.Name ?? $"DnsProxy{Id}";
        LocalEndPoint = (IPEndPoint)udp.LocalEndPoint!;
        _upstreams = options.Upstreams.Select(u => new Upstream(u)).ToArray();
        _cache = options.CacheSize > 0 ? new DnsCache(options.CacheSize, options.MaxCacheTtl, options.MaxNegativeTtl) : null;
        _limiter = options.RateLimit > 0 ? new ClientRateLimiter(options.RateLimit, options.RateLimitBurst) : null;
        _counters = new ProxyCounters(Name);
        _tcpSlots = new SemaphoreSlim(options.MaxTcpConnections);
        StartTime = DateTimeOffset.Now;
    }

    /// <summary>Unique within the process.</summary>
    public int Id { get; }

    /// <summary>The proxy's name.</summary>
    public string Name { get; }

    /// <summary>Where it listens (the same port on UDP and TCP).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The listening port.</summary>
    public int Port => LocalEndPoint.Port;

    /// <summary>When it started.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>Running or stopped.</summary>
    public DnsProxyState State => (DnsProxyState)Volatile.Read(ref _state);

    /// <summary>True when answers are cached.</summary>
    public bool CacheEnabled => _cache is not null;

    /// <summary>True when it also serves TCP.</summary>
    public bool TcpEnabled => _tcp is not null;

    /// <summary>Queries per second allowed per client; 0 without a limit.</summary>
    public double RateLimit => _options.RateLimit;

    /// <summary>What the kernel granted for the UDP socket's receive and send buffers.</summary>
    public IReadOnlyList<UdpBufferGrant> BufferGrants { get; private init; } = [];

    /// <summary>The upstreams in the order they are tried, with their health now.</summary>
    public IReadOnlyList<DnsUpstreamStatus> Upstreams
    {
        get
        {
            long now = _options.Clock();
            return _upstreams.Select(u => u.Snapshot(now)).ToArray();
        }
    }

    /// <summary>The counters now.</summary>
    public DnsProxyStatistics Statistics => _counters.Snapshot(_cache?.Count ?? 0);

    /// <summary>Binds UDP (and TCP) and starts answering.</summary>
    /// <exception cref="SocketsException">The address or port cannot be bound.</exception>
    public static DnsProxy Start(DnsProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Upstreams is null || options.Upstreams.Count == 0)
        {
            throw new SocketsException(SocketsError.InvalidArgument, "A DNS proxy needs at least one upstream server.");
        }

        (Socket udp, Socket? tcp, IReadOnlyList<UdpBufferGrant> grants) = ProxySockets.Bind(options);
        var proxy = new DnsProxy(options, udp, tcp) { BufferGrants = grants };
        proxy.StartLoops();
        return proxy;
    }

    /// <summary>Forgets every cached answer.</summary>
    public void ClearCache() => _cache?.Clear();

    /// <summary>Stops answering and closes the sockets; queries in flight are abandoned.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _state, (int)DnsProxyState.Stopped) == (int)DnsProxyState.Stopped)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _udp.Dispose();
        _tcp?.Dispose();
        await Task.WhenAll(_loops).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops the proxy. The token source and the TCP semaphore are left to the collector: queries still
    /// unwinding after the stop read them, and neither holds a timer or a wait handle.
    /// </summary>
    public ValueTask DisposeAsync() => new(StopAsync());

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({LocalEndPoint})";

    private void StartLoops()
    {
        int receivers = _options.UdpReceivers > 0 ? _options.UdpReceivers : Environment.ProcessorCount;
        _udp.ReceiveTimeout = (int)ReceiveWake.TotalMilliseconds;
        for (int i = 0; i < receivers; i++)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                try
                {
                    UdpReceiveLoop();
                }
                finally
                {
                    done.SetResult();
                }
            })
            {
                IsBackground = true,
                Name = $"{Name} udp {i}",
            };
            thread.Start();
            _loops.Add(done.Task);
        }

        if (_tcp is not null)
        {
            _loops.Add(Task.Run(TcpAcceptLoopAsync));
        }
    }
}
