using System;

namespace NetOpsPS.Sockets.DnsTools;

/// <summary>A snapshot of a proxy's counters since it started.</summary>
public sealed class DnsProxyStatistics
{
    /// <summary>Well-formed queries received (UDP and TCP).</summary>
    public required long Queries { get; init; }

    /// <summary>Queries over TCP.</summary>
    public required long TcpQueries { get; init; }

    /// <summary>Queries answered from the cache.</summary>
    public required long CacheHits { get; init; }

    /// <summary>Queries sent upstream (no cached answer, or the cache is off).</summary>
    public required long CacheMisses { get; init; }

    /// <summary>Answers in the cache now.</summary>
    public required int CacheEntries { get; init; }

    /// <summary>Queries every upstream failed (answered SERVFAIL).</summary>
    public required long UpstreamErrors { get; init; }

    /// <summary>Times a query moved on to the next upstream.</summary>
    public required long Failovers { get; init; }

    /// <summary>Truncated upstream answers asked again over TCP.</summary>
    public required long TcpFallbacks { get; init; }

    /// <summary>Upstream answers dropped because their id or question did not match.</summary>
    public required long MismatchesDropped { get; init; }

    /// <summary>Client messages dropped or answered FORMERR because they could not be read.</summary>
    public required long Malformed { get; init; }

    /// <summary>Queries dropped by the per-client rate limit.</summary>
    public required long RateLimited { get; init; }

    /// <summary>UDP answers too large for the client, sent truncated (TC) so it asks over TCP.</summary>
    public required long TruncatedToClient { get; init; }

    /// <summary>Cache misses that waited for the same question already sent upstream instead of sending it again.</summary>
    public required long Coalesced { get; init; }

    /// <summary>UDP queries dropped because MaxPendingQueries were already waiting for an upstream.</summary>
    public required long Overloaded { get; init; }

    /// <summary>Mean round trip of good upstream answers.</summary>
    public required TimeSpan AverageUpstreamLatency { get; init; }

    /// <summary>Longest round trip of a good upstream answer.</summary>
    public required TimeSpan MaxUpstreamLatency { get; init; }

    /// <summary>Share of queries answered from the cache, 0 to 1.</summary>
    public double HitRatio => Queries == 0 ? 0 : (double)CacheHits / Queries;
}
