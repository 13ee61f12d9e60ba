using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Client.Internal;

namespace NetOpsPS.Sockets.Client;

/// <summary>
/// Client-side connection reuse: connected <see cref="TcpClientSession"/>s kept per endpoint, rented and given back,
/// at most <see cref="TcpConnectionPoolOptions.MaxPerEndpoint"/> per endpoint, and closed by a timer sweep once idle
/// longer than <see cref="TcpConnectionPoolOptions.IdleTimeout"/> (servers and firewalls cut idle connections anyway;
/// closing them first keeps a rent from getting a dead one).
/// </summary>
public sealed class TcpConnectionPool : IAsyncDisposable
{
    private static int s_nextId;

    private readonly TcpConnectionPoolOptions _options;
    private readonly ConcurrentDictionary<string, PoolEndpoint> _endpoints = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Task> _closing = new();
    private readonly ITimer _sweep;
    private readonly KeyValuePair<string, object?> _tag;
    private long _created;
    private long _reused;
    private long _evicted;
    private long _discarded;
    private long _sessionNumber;
    private volatile bool _disposed;

    /// <summary>Creates an empty pool and starts its sweep.</summary>
    public TcpConnectionPool(TcpConnectionPoolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validated();
        Name = string.IsNullOrWhiteSpace(_options.Name) ? $"TcpPool{Interlocked.Increment(ref s_nextId)}" : _options.Name!;
        _tag = ClientMetrics.Pool(Name);
        _sweep = _options.TimeProvider.CreateTimer(static state => ((TcpConnectionPool)state!).EvictIdle(), this, _options.EvictionInterval, _options.EvictionInterval);
    }

    /// <summary>Friendly name; the <c>pool</c> tag of its metrics.</summary>
    public string Name { get; }

    /// <summary>Sessions the pool connected.</summary>
    public long Created => Interlocked.Read(ref _created);

    /// <summary>Rents served by an idle session.</summary>
    public long Reused => Interlocked.Read(ref _reused);

    /// <summary>Idle sessions closed by the sweep.</summary>
    public long Evicted => Interlocked.Read(ref _evicted);

    /// <summary>Sessions closed instead of kept: given back broken or disconnected, or found dead when taken.</summary>
    public long Discarded => Interlocked.Read(ref _discarded);

    /// <summary>Idle sessions, all endpoints.</summary>
    public int IdleCount => _endpoints.Values.Sum(e => e.IdleCount);

    /// <summary>Leased sessions, all endpoints.</summary>
    public int LeasedCount => _endpoints.Values.Sum(e => e.LeasedCount);

    /// <summary>
    /// A connected session to <paramref name="host"/>:<paramref name="port"/>: the newest idle one, or a new one when
    /// none is idle and the endpoint is under its maximum. Waits up to the rent timeout for a slot, then throws
    /// <see cref="TcpClientSessionException"/> of kind <see cref="TcpClientErrorKind.PoolExhausted"/>.
    /// </summary>
    public async Task<TcpConnectionLease> RentAsync(string host, int port, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ObjectDisposedException.ThrowIf(_disposed, this);
        string key = $"{host}:{port}";
        PoolEndpoint endpoint = _endpoints.GetOrAdd(key, static (_, max) => new PoolEndpoint(max), _options.MaxPerEndpoint);
        await WaitForSlotAsync(endpoint, key, cancellationToken).ConfigureAwait(false);
        try
        {
            while (endpoint.TakeNewest() is { } idle)
            {
                if (idle.State == TcpClientSessionState.Connected)
                {
                    Count(ref _reused, ClientMetrics.PoolReused);
                    return new TcpConnectionLease(this, key, idle, reused: true);
                }

                Interlocked.Increment(ref _discarded);
                Close(idle);
            }

            var session = new TcpClientSession(SessionOptions(host, port));
            try
            {
                await session.ConnectAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await session.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            Count(ref _created, ClientMetrics.PoolCreated);
            return new TcpConnectionLease(this, key, session, reused: false);
        }
        catch
        {
            endpoint.Leases.Release();
            throw;
        }
    }

    /// <summary>Closes every idle session and stops the sweep; sessions still leased are closed when given back.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _sweep.DisposeAsync().ConfigureAwait(false);
        foreach (PoolEndpoint endpoint in _endpoints.Values)
        {
            foreach (TcpClientSession session in endpoint.TakeIdleSince(cutoff: null))
            {
                Close(session);
            }
        }

        Task[] closing;
        lock (_closing)
        {
            closing = _closing.ToArray();
        }

        await Task.WhenAll(closing).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} idle {IdleCount} leased {LeasedCount}";

    internal async ValueTask ReturnAsync(TcpConnectionLease lease)
    {
        PoolEndpoint endpoint = _endpoints[lease.Endpoint];
        try
        {
            if (!_disposed && !lease.IsBroken && lease.Session.State == TcpClientSessionState.Connected)
            {
                endpoint.Park(lease.Session, _options.TimeProvider.GetUtcNow());
                // Disposed meanwhile: its sweep of idle sessions may have run before this one was parked.
                if (_disposed && endpoint.TakeNewest() is { } late)
                {
                    await late.DisposeAsync().ConfigureAwait(false);
                }

                return;
            }

            Interlocked.Increment(ref _discarded);
            await lease.Session.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            endpoint.Leases.Release();
        }
    }

    private async Task WaitForSlotAsync(PoolEndpoint endpoint, string key, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.RentTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await endpoint.Leases.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TcpClientSessionException(TcpClientErrorKind.PoolExhausted,
                $"{Name}: all {endpoint.MaxSessions} sessions to {key} stayed leased for {_options.RentTimeout.TotalMilliseconds:0} ms.", ex);
        }
    }

    private TcpClientSessionOptions SessionOptions(string host, int port)
    {
        var options = new TcpClientSessionOptions
        {
            Host = host,
            Port = port,
            Name = $"{Name}/{host}:{port}#{Interlocked.Increment(ref _sessionNumber)}",
            TimeProvider = _options.TimeProvider,
            AutoReconnect = false,
        };
        _options.ConfigureSession?.Invoke(options);
        return options;
    }

    private void EvictIdle()
    {
        DateTimeOffset cutoff = _options.TimeProvider.GetUtcNow() - _options.IdleTimeout;
        foreach (PoolEndpoint endpoint in _endpoints.Values)
        {
            foreach (TcpClientSession session in endpoint.TakeIdleSince(cutoff))
            {
                Count(ref _evicted, ClientMetrics.PoolEvicted);
                Close(session);
            }
        }
    }

    /// <summary>Closes a session in the background (a graceful close waits for the server's FIN); the pool's dispose awaits them.</summary>
    private void Close(TcpClientSession session)
    {
        lock (_closing)
        {
            _closing.RemoveAll(static t => t.IsCompleted);
            _closing.Add(session.DisposeAsync().AsTask());
        }
    }

    private void Count(ref long counter, System.Diagnostics.Metrics.Counter<long> instrument)
    {
        Interlocked.Increment(ref counter);
        instrument.Add(1, _tag);
    }
}
