using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using NetOpsPS.Sockets.DnsTools;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Dns;

/// <summary>The proxy's counters also reach System.Diagnostics.Metrics listeners on the "NetOpsPS.Sockets" meter.</summary>
[Collection(DnsPeersCollection.Name)]
public sealed class DnsProxyMetricsTests(DnsPeers peers)
{
    [Fact]
    public async Task QueriesHitsMissesAndLatencyAreMeasuredWithTheProxyName()
    {
        var seen = new List<(string Instrument, string? Proxy)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "NetOpsPS.Sockets" && instrument.Name.StartsWith("netops.dns.proxy.", System.StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, _, tags, _) => Record(i.Name, tags));
        listener.SetMeasurementEventCallback<double>((i, _, tags, _) => Record(i.Name, tags));
        listener.Start();

        await using var h = new ProxyHarness([peers.UnboundEndPoint], o => new DnsProxyOptions { Upstreams = o.Upstreams, Clock = o.Clock, Name = "metered" });
        await h.Ask("www.test.example");
        await h.Ask("www.test.example");

        lock (seen)
        {
            Assert.Equal(2, seen.FindAll(s => s == ("netops.dns.proxy.queries", "metered")).Count);
            Assert.Contains(("netops.dns.proxy.cache.misses", "metered"), seen);
            Assert.Contains(("netops.dns.proxy.cache.hits", "metered"), seen);
            Assert.Contains(("netops.dns.proxy.upstream.duration", "metered"), seen);
        }

        void Record(string instrument, System.ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? proxy = null;
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                proxy = tag.Key == "proxy" ? tag.Value as string : proxy;
            }

            lock (seen)
            {
                seen.Add((instrument, proxy));
            }
        }
    }
}
