using System;
using System.Threading;

namespace NetOpsPS.Sockets.DnsTools.Internal;

/// <summary>The proxy's counters (Interlocked), mirrored to the Meter's instruments as they move.</summary>
internal sealed class ProxyCounters
{
    private readonly System.Collections.Generic.KeyValuePair<string, object?> _proxy;
    private long _queries, _tcpQueries, _hits, _misses, _upstreamErrors, _failovers, _tcpFallbacks, _mismatches, _malformed, _rateLimited, _truncated, _coalesced, _overloaded;
    private long _latencyTicksSum, _latencyCount, _latencyTicksMax;

    public ProxyCounters(string proxyName) => _proxy = ProxyMetrics.Proxy(proxyName);

    public void Query(bool tcp)
    {
        Interlocked.Increment(ref _queries);
        if (tcp)
        {
            Interlocked.Increment(ref _tcpQueries);
        }

        ProxyMetrics.Queries.Add(1, _proxy, ProxyMetrics.Transport(tcp));
    }

    public void Hit()
    {
        Interlocked.Increment(ref _hits);
        ProxyMetrics.CacheHits.Add(1, _proxy);
    }

    public void Miss()
    {
        Interlocked.Increment(ref _misses);
        ProxyMetrics.CacheMisses.Add(1, _proxy);
    }

    public void UpstreamError()
    {
        Interlocked.Increment(ref _upstreamErrors);
        ProxyMetrics.UpstreamErrors.Add(1, _proxy);
    }

    public void Failover() => Interlocked.Increment(ref _failovers);

    public void Overloaded()
    {
        Interlocked.Increment(ref _overloaded);
        ProxyMetrics.Dropped.Add(1, _proxy, ProxyMetrics.Reason("overloaded"));
    }

    public void Coalesced() => Interlocked.Increment(ref _coalesced);

    public void TcpFallback() => Interlocked.Increment(ref _tcpFallbacks);

    public void TruncatedToClient() => Interlocked.Increment(ref _truncated);

    public void Mismatch()
    {
        Interlocked.Increment(ref _mismatches);
        ProxyMetrics.Dropped.Add(1, _proxy, ProxyMetrics.Reason("mismatch"));
    }

    public void Malformed()
    {
        Interlocked.Increment(ref _malformed);
        ProxyMetrics.Dropped.Add(1, _proxy, ProxyMetrics.Reason("malformed"));
    }

    public void RateLimited()
    {
        Interlocked.Increment(ref _rateLimited);
        ProxyMetrics.Dropped.Add(1, _proxy, ProxyMetrics.Reason("rate_limited"));
    }

    public void UpstreamLatency(TimeSpan rtt)
    {
        Interlocked.Add(ref _latencyTicksSum, rtt.Ticks);
        Interlocked.Increment(ref _latencyCount);
        long max;
        while (rtt.Ticks > (max = Interlocked.Read(ref _latencyTicksMax)) && Interlocked.CompareExchange(ref _latencyTicksMax, rtt.Ticks, max) != max)
        {
        }

        ProxyMetrics.UpstreamLatency.Record(rtt.TotalMilliseconds, _proxy);
    }

    public DnsProxyStatistics Snapshot(int cacheEntries)
    {
        long count = Interlocked.Read(ref _latencyCount);
        return new DnsProxyStatistics
        {
            Queries = Interlocked.Read(ref _queries),
            TcpQueries = Interlocked.Read(ref _tcpQueries),
            CacheHits = Interlocked.Read(ref _hits),
            CacheMisses = Interlocked.Read(ref _misses),
            CacheEntries = cacheEntries,
            UpstreamErrors = Interlocked.Read(ref _upstreamErrors),
            Failovers = Interlocked.Read(ref _failovers),
            TcpFallbacks = Interlocked.Read(ref _tcpFallbacks),
            MismatchesDropped = Interlocked.Read(ref _mismatches),
            Malformed = Interlocked.Read(ref _malformed),
            RateLimited = Interlocked.Read(ref _rateLimited),
            TruncatedToClient = Interlocked.Read(ref _truncated),
            Coalesced = Interlocked.Read(ref _coalesced),
            Overloaded = Interlocked.Read(ref _overloaded),
            AverageUpstreamLatency = count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicksSum) / count),
            MaxUpstreamLatency = TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicksMax)),
        };
    }
}
