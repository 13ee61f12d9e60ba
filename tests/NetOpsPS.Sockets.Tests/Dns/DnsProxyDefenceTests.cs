using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.DnsTools;
using NetOpsPS.Sockets.Tests.Client;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Dns;

/// <summary>The proxy against upstreams that are down or lie, clients that send garbage, and one client that floods.</summary>
[Collection(DnsPeersCollection.Name)]
public sealed class DnsProxyDefenceTests(DnsPeers peers)
{
    [Fact]
    public async Task AClosedUpstreamFailsOverAndIsSkippedUntilItsRetryTime()
    {
        int closed = ClosedUdpPort();
        await using var h = new ProxyHarness(
            [new IPEndPoint(IPAddress.Loopback, closed), peers.UnboundEndPoint],
            o => new DnsProxyOptions { Upstreams = o.Upstreams, Clock = o.Clock, CacheSize = 0, FailureThreshold = 1, UpstreamRetryInterval = TimeSpan.FromSeconds(30) });

        Assert.Equal("192.0.2.10", (await h.Ask("www.test.example")).Answers[0].Data);
        Assert.Equal(1L, h.Stats.Failovers);
        DnsUpstreamStatus down = h.Proxy.Upstreams[0];
        Assert.False(down.Healthy);
        Assert.Equal((1L, 1L), (down.Queries, down.Failures));
        Assert.Contains("ConnectionRefused", down.LastError, StringComparison.Ordinal);

        await h.Ask("mail.test.example");
        Assert.Equal(1L, h.Stats.Failovers);
        Assert.Equal(1L, h.Proxy.Upstreams[0].Queries);
        Assert.Equal(2L, h.Proxy.Upstreams[1].Queries);

        h.Advance(TimeSpan.FromSeconds(31));
        Assert.True(h.Proxy.Upstreams[0].Healthy);
        await h.Ask("www.test.example");
        Assert.Equal(2L, h.Stats.Failovers);
        Assert.Equal(0L, h.Stats.UpstreamErrors);
    }

    [Fact]
    public async Task ASilentUpstreamTimesOutIntoTheNextOne()
    {
        using var silent = new WrongUpstream(_ => []);
        await using var h = new ProxyHarness(
            [silent.EndPoint, peers.DnsmasqEndPoint],
            o => new DnsProxyOptions { Upstreams = o.Upstreams, Clock = o.Clock, UpstreamTimeout = TimeSpan.FromMilliseconds(300) });

        Assert.Equal("192.0.2.10", (await h.Ask("www.test.example")).Answers[0].Data);
        Assert.Equal(1, silent.Queries);
        Assert.Equal(1L, h.Stats.Failovers);
        Assert.Contains("no answer over UDP", h.Proxy.Upstreams[0].LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryUpstreamDownGivesServFail()
    {
        await using var h = new ProxyHarness([new IPEndPoint(IPAddress.Loopback, ClosedUdpPort())]);
        DnsQueryResult result = await h.Ask("www.test.example");
        Assert.Equal(DnsResponseStatus.ServFail, result.Status);
        Assert.Equal(1L, h.Stats.UpstreamErrors);
    }

    [Fact]
    public async Task AnswersWithAWrongIdOrQuestionAreDroppedCountedAndNeverCached()
    {
        using var liar = new WrongUpstream(q => [WithId(WrongUpstream.Answer(q), (ushort)(Id(q) + 1)), OtherQuestion(WrongUpstream.Answer(q))]);
        await using var h = new ProxyHarness(
            [liar.EndPoint, peers.UnboundEndPoint],
            o => new DnsProxyOptions { Upstreams = o.Upstreams, Clock = o.Clock, UpstreamTimeout = TimeSpan.FromMilliseconds(500) });

        Assert.Equal("192.0.2.10", (await h.Ask("www.test.example")).Answers[0].Data);
        Assert.Equal(2L, h.Stats.MismatchesDropped);
        Assert.Equal(2L, h.Proxy.Upstreams[0].Mismatches);
        Assert.Equal("192.0.2.10", (await h.Ask("www.test.example")).Answers[0].Data);
        Assert.Equal(1L, h.Stats.CacheHits);
    }

    [Fact]
    public async Task AMatchingAnswerAfterASpoofedOneIsStillTaken()
    {
        using var upstream = new WrongUpstream(q => [WithId(WrongUpstream.Answer(q), (ushort)(Id(q) ^ 0x5A5A)), WrongUpstream.Answer(q)]);
        await using var h = new ProxyHarness([upstream.EndPoint]);

        Assert.Equal("203.0.113.66", (await h.Ask("www.test.example")).Answers[0].Data);
        Assert.Equal(1L, h.Stats.MismatchesDropped);
    }

    [Fact]
    public async Task EachUpstreamQueryHasItsOwnIdAndSourcePort()
    {
        using var upstream = new WrongUpstream(q => [WrongUpstream.Answer(q)]);
        await using var h = new ProxyHarness([upstream.EndPoint], o => new DnsProxyOptions { Upstreams = o.Upstreams, CacheSize = 0 });
        using var client = Client(IPAddress.Loopback, h.Port);
        client.ReceiveTimeout = 5000;
        for (int i = 0; i < 20; i++)
        {
            client.Send(Query(0x1234, "www.test.example"));
            byte[] reply = new byte[512];
            client.Receive(reply);
            Assert.Equal(0x1234, Id(reply));
        }

        // Random 16-bit ids and ephemeral ports: a repeat among 20 is rare, several would mean they are not random.
        Assert.Equal(20, upstream.Seen.Count);
        Assert.True(upstream.Seen.Select(s => Id(s.Query)).Distinct().Count() >= 18, "ids: " + string.Join(",", upstream.Seen.Select(s => Id(s.Query))));
        Assert.True(upstream.Seen.Select(s => s.From.Port).Distinct().Count() >= 18, "ports: " + string.Join(",", upstream.Seen.Select(s => s.From.Port)));
    }

    [Fact]
    public async Task IdenticalQueriesInFlightGoUpstreamOnceAndAllGetTheAnswer()
    {
        using var gate = new ManualResetEventSlim();
        using var upstream = new WrongUpstream(q =>
        {
            gate.Wait(TimeSpan.FromSeconds(10));
            return [WrongUpstream.Answer(q)];
        });
        await using var h = new ProxyHarness([upstream.EndPoint], o => new DnsProxyOptions { Upstreams = o.Upstreams, CacheSize = 0, UpstreamTimeout = TimeSpan.FromSeconds(10) });
        using var client = Client(IPAddress.Loopback, h.Port);
        for (int i = 0; i < 5; i++)
        {
            client.Send(Query((ushort)(500 + i), i % 2 == 0 ? "www.test.example" : "WWW.TEST.EXAMPLE"));
        }

        await Eventually.True(() => h.Stats.Coalesced >= 4, () => $"four queries to join the first, {h.Stats.Coalesced} so far");

        Assert.Equal(4L, h.Stats.Coalesced);
        gate.Set();
        client.ReceiveTimeout = 5000;
        var ids = new List<int>();
        for (int i = 0; i < 5; i++)
        {
            byte[] reply = new byte[512];
            int n = client.Receive(reply);
            ids.Add(Id(reply));
            // Each client gets its own spelling of the question back.
            Assert.Equal(Id(reply) % 2 == 0 ? (byte)'w' : (byte)'W', reply[13]);
            Assert.Equal(new byte[] { 203, 0, 113, 66 }, reply[(n - 4)..n]);
        }

        Assert.Equal(new[] { 500, 501, 502, 503, 504 }, ids.Order());
        Assert.Equal(1, upstream.Queries);
    }

    [Fact]
    public async Task AFloodOfDistinctNamesHoldsAtMostMaxPendingQueries()
    {
        using var gate = new ManualResetEventSlim();
        using var upstream = new WrongUpstream(q =>
        {
            gate.Wait(TimeSpan.FromSeconds(10));
            return [WrongUpstream.Answer(q)];
        });
        await using var h = new ProxyHarness(
            [upstream.EndPoint],
            o => new DnsProxyOptions { Upstreams = o.Upstreams, MaxPendingQueries = 2, UpstreamTimeout = TimeSpan.FromSeconds(10) });
        using var client = Client(IPAddress.Loopback, h.Port);
        for (int i = 0; i < 5; i++)
        {
            client.Send(Query((ushort)(700 + i), $"name{i}.test.example"));
        }

        await Eventually.True(() => h.Stats.Overloaded >= 3, () => $"three queries over the cap, {h.Stats.Overloaded} so far");

        Assert.Equal((5L, 3L), (h.Stats.Queries, h.Stats.Overloaded));
        gate.Set();
        client.ReceiveTimeout = 5000;
        for (int i = 0; i < 2; i++)
        {
            byte[] reply = new byte[512];
            client.Receive(reply);
            Assert.InRange(Id(reply), 700, 704);
        }

        Assert.Equal(2, upstream.Queries);
    }

    [Fact]
    public async Task MalformedMessagesAreDroppedOrAnsweredFormErrAndTheProxyKeepsServing()
    {
        await using var h = new ProxyHarness([peers.UnboundEndPoint]);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
        client.Connect(IPAddress.Loopback, h.Port);
        byte[] good = Query(7, "www.test.example");
        byte[][] formErr =
        [
            Header(1, qd: 0),                                               // no question
            [.. Header(2, qd: 2), .. good[12..], .. good[12..]],            // two questions
            [.. Header(3, qd: 1), 40, (byte)'w', (byte)'w'],                // label runs past the end
            [.. Header(4, qd: 1), 0xC0, 0x0C, 0, 1, 0, 1],                  // compression pointer in a query
            [.. Header(5, qd: 1), .. Enumerable.Repeat(new byte[] { 63 }.Concat(new byte[63]), 5).SelectMany(b => b), 0, 0, 1, 0, 1], // name over 255
            [.. Header(6, qd: 1, ar: 3), .. good[12..]],                    // additional records promised, none there
        ];
        foreach (byte[] bad in formErr)
        {
            client.Send(bad);
            byte[] reply = new byte[512];
            int n = client.Receive(reply);
            Assert.Equal(Id(bad), Id(reply));
            Assert.Equal(1, reply[3] & 0x0F);
            Assert.True(n >= 12);
        }

        byte[][] dropped = [[], [1, 2, 3, 4, 5], [.. Header(9, qd: 1), .. good[12..]]];
        dropped[2][2] |= 0x80; // a response, not a query: answering would reflect it
        foreach (byte[] bad in dropped)
        {
            client.Send(bad);
        }

        // Junk from another socket whose replies nobody reads (they would overflow this client's buffer).
        using var junkSender = Client(IPAddress.Loopback, h.Port);
        var random = new Random(4242);
        for (int i = 0; i < 500; i++)
        {
            byte[] junk = new byte[random.Next(0, 700)];
            random.NextBytes(junk);
            junkSender.Send(junk);
        }

        // The burst may overflow the proxy's socket buffer (the kernel drops datagrams then), so ask the way
        // a stub resolver does: again after a second without an answer.
        byte[] answer = new byte[4096];
        client.ReceiveTimeout = 1000;
        for (int attempt = 1; ; attempt++)
        {
            client.Send(good);
            try
            {
                client.Receive(answer);
                break;
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut && attempt < 10)
            {
            }
        }

        Assert.Equal((7, 0), (Id(answer), answer[3] & 0x0F));

        Assert.True(h.Stats.Malformed >= formErr.Length + dropped.Length);
        Assert.Equal(DnsProxyState.Running, h.Proxy.State);
        Assert.Equal("192.0.2.10", (await h.Ask("www.test.example")).Answers[0].Data);
    }

    [Fact]
    public async Task MalformedTcpMessagesCloseThatConnectionOnly()
    {
        await using var h = new ProxyHarness([peers.UnboundEndPoint]);
        using (var runt = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await runt.ConnectAsync(IPAddress.Loopback, h.Port);
            await runt.SendAsync(new byte[] { 0, 3, 1, 2, 3 }, SocketFlags.None);
            runt.ReceiveTimeout = 5000;
            Assert.Equal(0, runt.Receive(new byte[16]));
        }

        using (var cut = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await cut.ConnectAsync(IPAddress.Loopback, h.Port);
            await cut.SendAsync(new byte[] { 0xFF, 0xFF, 1, 2 }, SocketFlags.None);
        }

        Assert.Equal(DnsTransport.Tcp, (await h.Ask("www.test.example", tcpOnly: true)).Transport);
        Assert.Equal(1L, h.Stats.Malformed);
    }

    [Fact]
    public async Task EachClientAddressIsHeldToItsRate()
    {
        await using var h = new ProxyHarness(
            [peers.UnboundEndPoint],
            o => new DnsProxyOptions { Upstreams = o.Upstreams, Clock = o.Clock, RateLimit = 5, RateLimitBurst = 5 });
        using var flooder = Client(IPAddress.Loopback, h.Port);
        using var other = Client(IPAddress.Parse("127.0.0.2"), h.Port);

        Assert.Equal(5, await SendAndCountReplies(flooder, 10, h));
        Assert.Equal(5L, h.Stats.RateLimited);
        Assert.Equal(3, await SendAndCountReplies(other, 3, h));

        h.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(5, await SendAndCountReplies(flooder, 8, h));
        Assert.Equal(8L, h.Stats.RateLimited);
    }

    // Sends `count` queries at once, waits until the proxy has taken all of them (answered or dropped),
    // then reads one reply per query it accepted; returns that number.
    private static async Task<int> SendAndCountReplies(Socket client, int count, ProxyHarness h)
    {
        long queries = h.Stats.Queries;
        long seen = queries + h.Stats.RateLimited;
        for (int i = 0; i < count; i++)
        {
            client.Send(Query((ushort)(100 + i), "www.test.example"));
        }

        await Eventually.True(() => h.Stats.Queries + h.Stats.RateLimited >= seen + count, () => $"every query counted, {h.Stats.Queries} answered and {h.Stats.RateLimited} limited");

        int accepted = (int)(h.Stats.Queries - queries);
        byte[] reply = new byte[4096];
        client.ReceiveTimeout = 5000;
        for (int i = 0; i < accepted; i++)
        {
            client.Receive(reply);
            Assert.Equal(0, reply[3] & 0x0F);
        }

        return accepted;
    }

    private static Socket Client(IPAddress from, int port)
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        s.Bind(new IPEndPoint(from, 0));
        s.Connect(IPAddress.Loopback, port);
        return s;
    }

    private static int ClosedUdpPort()
    {
        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)s.LocalEndPoint!).Port;
    }

    private static ushort Id(byte[] m) => (ushort)((m[0] << 8) | m[1]);

    private static byte[] WithId(byte[] m, ushort id)
    {
        m[0] = (byte)(id >> 8);
        m[1] = (byte)id;
        return m;
    }

    // The same answer for "www.test.examplf": the proxy must see the question differs.
    private static byte[] OtherQuestion(byte[] m)
    {
        int last = WrongUpstream.QuestionEnd(m) - 6;
        m[last] ^= 0x03;
        return m;
    }

    private static byte[] Header(ushort id, int qd, int ar = 0) => [(byte)(id >> 8), (byte)id, 0x01, 0, 0, (byte)qd, 0, 0, 0, 0, 0, (byte)ar];

    private static byte[] Query(ushort id, string name)
    {
        var bytes = new List<byte>(Header(id, qd: 1));
        foreach (string label in name.Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(label));
        }

        bytes.AddRange(new byte[] { 0, 0, 1, 0, 1 });
        return [.. bytes];
    }
}
