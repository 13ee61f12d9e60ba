using System;
using System.Collections.Generic;
using System.Net;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Sockets.DnsTools;

/// <summary>How a <see cref="DnsProxy"/> listens, whom it asks, and what it keeps.</summary>
public sealed class DnsProxyOptions
{
    /// <summary>Local address to listen on (UDP and TCP).</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>Local port; 0 lets the system choose one free for both UDP and TCP.</summary>
    public int Port { get; init; }

    /// <summary>A name for the registry; made up when null.</summary>
    public string? Name { get; init; }

    /// <summary>Upstream servers, tried in this order; a failing one is skipped until its retry time.</summary>
    public required IReadOnlyList<IPEndPoint> Upstreams { get; init; }

    /// <summary>Time to wait for one upstream before failing over to the next.</summary>
    public TimeSpan UpstreamTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Failures in a row that mark an upstream unhealthy.</summary>
    public int FailureThreshold { get; init; } = 2;

    /// <summary>How long an unhealthy upstream is tried only after the healthy ones.</summary>
    public TimeSpan UpstreamRetryInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Answers kept at most; 0 turns the cache off (every query goes upstream).</summary>
    public int CacheSize { get; init; } = 10_000;

    /// <summary>Longest time a positive answer is kept, whatever its TTL.</summary>
    public TimeSpan MaxCacheTtl { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Longest time a negative answer is kept (RFC 2308 §5 suggests one to three hours).</summary>
    public TimeSpan MaxNegativeTtl { get; init; } = TimeSpan.FromHours(3);

    /// <summary>Queries per second each client address may send; 0 for no limit. Queries over it are dropped.</summary>
    public double RateLimit { get; init; }

    /// <summary>Queries a client may send at once above the rate (the token bucket's depth); 0 means one second's worth.</summary>
    public int RateLimitBurst { get; init; }

    /// <summary>
    /// UDP queries waiting for an upstream at most (dnsmasq's dns-forward-max); more are dropped and counted
    /// as Overloaded, so a flood of distinct names cannot hold unbounded sockets and buffers. TCP clients are
    /// bounded by <see cref="MaxTcpConnections"/>, one query each at a time.
    /// </summary>
    public int MaxPendingQueries { get; init; } = 1000;

    /// <summary>Also serve DNS over TCP (RFC 7766) on the same port.</summary>
    public bool EnableTcp { get; init; } = true;

    /// <summary>TCP clients served at once; more wait in the accept queue.</summary>
    public int MaxTcpConnections { get; init; } = 256;

    /// <summary>A TCP connection idle this long is closed (RFC 7766 §6.2.3).</summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Kernel buffer sizes for the listening UDP socket (what was granted is in <see cref="DnsProxy.BufferGrants"/>).</summary>
    public UdpBufferOptions Buffers { get; init; } = new();

    /// <summary>Concurrent receives on the UDP socket; 0 means one per processor.</summary>
    public int UdpReceivers { get; init; }

    /// <summary>Milliseconds of a monotonic clock; tests replace it to age cache entries and buckets without waiting.</summary>
    internal Func<long> Clock { get; init; } = static () => Environment.TickCount64;
}
