using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace NetOpsPS.Sockets.DnsTools.Internal;

/// <summary>The proxy's instruments on the engine's one Meter ("NetOpsPS.Sockets"), tagged with the proxy's name.</summary>
internal static class ProxyMetrics
{
    private static readonly Meter Meter = NetOpsPS.Sockets.Internal.SocketsMeter.Instance;

    public static readonly Counter<long> Queries = Meter.CreateCounter<long>("netops.dns.proxy.queries", "{query}", "Queries received, by transport.");
    public static readonly Counter<long> CacheHits = Meter.CreateCounter<long>("netops.dns.proxy.cache.hits", "{query}", "Queries answered from the cache.");
    public static readonly Counter<long> CacheMisses = Meter.CreateCounter<long>("netops.dns.proxy.cache.misses", "{query}", "Queries sent upstream.");
    public static readonly Counter<long> UpstreamErrors = Meter.CreateCounter<long>("netops.dns.proxy.upstream.errors", "{query}", "Queries no upstream answered.");
    public static readonly Counter<long> Dropped = Meter.CreateCounter<long>("netops.dns.proxy.dropped", "{message}", "Messages dropped, by reason (mismatch, malformed, rate_limited, overloaded).");
    public static readonly Histogram<double> UpstreamLatency = Meter.CreateHistogram<double>("netops.dns.proxy.upstream.duration", "ms", "Round trip of good upstream answers.");

    public static KeyValuePair<string, object?> Proxy(string name) => new("proxy", name);

    public static KeyValuePair<string, object?> Transport(bool tcp) => new("transport", tcp ? "tcp" : "udp");

    public static KeyValuePair<string, object?> Reason(string reason) => new("reason", reason);
}
