using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using NetOpsPS.Sockets.DnsTools;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Dns;

/// <summary>DnsProxy in front of unbound and dnsmasq: cache and TTLs, RFC 2308, TCP both ways, dig as the client.</summary>
[Collection(DnsPeersCollection.Name)]
public sealed class DnsProxyTests(DnsPeers peers)
{
    [Fact]
    public async Task CachedAnswersComeBackWithTheirTtlsAgedAndExpire()
    {
        await using var h = new ProxyHarness([peers.UnboundEndPoint]);

        DnsQueryResult first = await h.Ask("www.test.example");
        Assert.Equal(("192.0.2.10", 300), (first.Answers[0].Data, first.Answers[0].TimeToLive));
        Assert.Equal((1L, 0L, 1L), (h.Stats.Queries, h.Stats.CacheHits, h.Stats.CacheMisses));

        h.Advance(TimeSpan.FromSeconds(42));
        DnsQueryResult second = await h.Ask("WWW.Test.Example");
        Assert.Equal(258, second.Answers[0].TimeToLive);
        Assert.Equal("WWW.Test.Example.", second.Name);
        Assert.Equal(1L, h.Stats.CacheHits);

        // dig (EDNS like ours, so the same cache entry) sees the same aged TTL.
        string dig = Dig.Run(h.Port, "+noall", "+answer", "www.test.example", "A");
        Assert.Matches(@"^www\.test\.example\.\s+258\s+IN\s+A\s+192\.0\.2\.10\s*$", dig);
        Assert.Equal(2L, h.Stats.CacheHits);

        h.Advance(TimeSpan.FromSeconds(300));
        DnsQueryResult third = await h.Ask("www.test.example");
        Assert.Equal(300, third.Answers[0].TimeToLive);
        Assert.Equal(2L, h.Stats.CacheMisses);
    }

    [Fact]
    public async Task NegativeAnswersAreCachedForTheSoaMinimumOnlyWhenTheyCarryAnSoa()
    {
        await using var h = new ProxyHarness([peers.UnboundEndPoint]);

        Assert.Equal(DnsResponseStatus.NXDomain, (await h.Ask("nosuch.test.example")).Status);
        h.Advance(TimeSpan.FromSeconds(100));
        DnsQueryResult cached = await h.Ask("nosuch.test.example");
        Assert.Equal(DnsResponseStatus.NXDomain, cached.Status);
        Assert.Equal(200, Assert.Single(cached.Authorities).TimeToLive);
        Assert.Equal(1L, h.Stats.CacheHits);

        // NODATA (the name exists, the type does not) is negative too (RFC 2308 §2.2).
        Assert.Empty((await h.Ask("v6only.test.example")).Answers);
        Assert.Empty((await h.Ask("v6only.test.example")).Answers);
        Assert.Equal(2L, h.Stats.CacheHits);

        h.Advance(TimeSpan.FromSeconds(201));
        Assert.Equal(DnsResponseStatus.NXDomain, (await h.Ask("nosuch.test.example")).Status);
        Assert.Equal(2L, h.Stats.CacheHits);

        // dnsmasq's NXDOMAIN carries no SOA: RFC 2308 §5 says not to cache it.
        await using var m = new ProxyHarness([peers.DnsmasqEndPoint]);
        await m.Ask("nosuch.test.example");
        Assert.Equal(DnsResponseStatus.NXDomain, (await m.Ask("nosuch.test.example")).Status);
        Assert.Equal((0L, 2L), (m.Stats.CacheHits, m.Stats.CacheMisses));
    }

    [Fact]
    public async Task TheBigTxtGoesTruncatedToTheClientAndWholeOverTcpBothWays()
    {
        await using var h = new ProxyHarness([peers.UnboundEndPoint]);

        DnsQueryResult big = await h.Ask("big.test.example", DnsRecordType.TXT);

        Assert.True(big.TruncatedOverUdp);
        Assert.Equal(DnsTransport.Tcp, big.Transport);
        Assert.Equal(3, big.Answers.Count);
        Assert.Equal(2973, big.MessageSize);
        DnsProxyStatistics s = h.Stats;
        Assert.Equal((1L, 1L, 1L, 1L), (s.TcpFallbacks, s.TruncatedToClient, s.TcpQueries, s.CacheHits));
    }

    [Fact]
    public async Task DigThroughTheProxyOverUdpAndTcpAndWithTheBigAnswer()
    {
        await using var h = new ProxyHarness([peers.DnsmasqEndPoint], o => new DnsProxyOptions { Upstreams = o.Upstreams, CacheSize = 0 });

        Assert.Equal("192.0.2.10", Dig.Run(h.Port, "+short", "www.test.example", "A").Trim());
        Assert.Equal("192.0.2.10", Dig.Run(h.Port, "+short", "+tcp", "www.test.example", "A").Trim());
        Assert.Equal("www.test.example.", Dig.Run(h.Port, "+short", "-x", "192.0.2.10").Trim());

        string big = Dig.Run(h.Port, "+bufsize=1232", "big.test.example", "TXT");
        Assert.Contains(";; Truncated, retrying in TCP mode.", big, StringComparison.Ordinal);
        Assert.Contains("ANSWER: 3,", big, StringComparison.Ordinal);
        Assert.Equal(5L, h.Stats.Queries);
        Assert.Equal(2L, h.Stats.TcpQueries);
    }

    [Fact]
    public async Task ResultsThroughTheProxyMatchTheServerForEveryType()
    {
        await using var h = new ProxyHarness([peers.UnboundEndPoint]);
        foreach (DnsRecordType type in new[] { DnsRecordType.MX, DnsRecordType.TXT, DnsRecordType.SOA, DnsRecordType.NS, DnsRecordType.CAA })
        {
            DnsQueryResult direct = await DnsResolver.QueryAsync("test.example", type, DnsPeers.Ask(peers.Unbound.Port));
            DnsQueryResult proxied = await h.Ask("test.example", type);
            Assert.Equal(direct.Answers.Select(r => r.Data).Order(), proxied.Answers.Select(r => r.Data).Order());
        }

        Assert.Equal(DnsResponseStatus.Refused, (await h.Ask("example.org")).Status);
    }

    [Fact]
    public async Task StoppingReleasesThePortAndEndsTheLoops()
    {
        var h = new ProxyHarness([peers.UnboundEndPoint]);
        int port = h.Port;
        await h.Proxy.StopAsync();

        Assert.Equal(DnsProxyState.Stopped, h.Proxy.State);
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
        using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
        await h.DisposeAsync();
    }
}
