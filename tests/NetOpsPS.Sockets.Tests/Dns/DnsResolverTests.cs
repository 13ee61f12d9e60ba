using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using NetOpsPS.Sockets.DnsTools;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Dns;

/// <summary>DnsResolver against dnsmasq and unbound serving test.example (tests/peers/dns), checked against dig.</summary>
[Collection(DnsPeersCollection.Name)]
public sealed class DnsResolverTests(DnsPeers peers)
{
    private int Dnsmasq => peers.Dnsmasq.Port;

    private int Unbound => peers.Unbound.Port;

    [Theory]
    [InlineData("www.test.example", DnsRecordType.A, "192.0.2.10")]
    [InlineData("www.test.example", DnsRecordType.AAAA, "2001:db8::10")]
    [InlineData("alias.test.example", DnsRecordType.CNAME, "www.test.example.")]
    [InlineData("_ldap._tcp.test.example", DnsRecordType.SRV, "0 100 389 ldap.test.example.")]
    [InlineData("multi.test.example", DnsRecordType.TXT, "\"first string\" \"second string\"")]
    [InlineData("test.example", DnsRecordType.CAA, "0 issue \"ca.test.example\"")]
    public async Task EachTypeOfTheZoneFromBothServersMatchesDig(string name, DnsRecordType type, string data)
    {
        foreach (int port in new[] { Dnsmasq, Unbound })
        {
            DnsQueryResult result = await DnsResolver.QueryAsync(name, type, DnsPeers.Ask(port));

            Assert.Equal(DnsResponseStatus.NoError, result.Status);
            DnsRecord record = Assert.Single(result.Answers);
            Assert.Equal(data, record.Data);
            Assert.Equal(type.ToString(), record.Type);
            Assert.Equal(name + ".", record.Name);
            Assert.Equal(DnsSection.Answer, record.Section);
            Assert.Equal(300, record.TimeToLive);
            Assert.Equal(data, Dig.Run(port, "+short", name, type.ToString()).Trim());
        }
    }

    [Fact]
    public async Task TypedFieldsOfAddressMxSrvTxtAndCaa()
    {
        DnsQueryResult a = await DnsResolver.QueryAsync("www.test.example", DnsRecordType.A, DnsPeers.Ask(Dnsmasq));
        Assert.Equal(IPAddress.Parse("192.0.2.10"), a.Answers[0].Address);

        DnsQueryResult mx = await DnsResolver.QueryAsync("test.example", DnsRecordType.MX, DnsPeers.Ask(Unbound));
        Assert.Equal(new[] { (10, "mail.test.example."), (20, "mail2.test.example.") }, mx.Answers.Select(r => (r.Preference!.Value, r.Target!)).Order());

        DnsRecord srv = (await DnsResolver.QueryAsync("_ldap._tcp.test.example", DnsRecordType.SRV, DnsPeers.Ask(Unbound))).Answers[0];
        Assert.Equal((0, 100, 389, "ldap.test.example."), (srv.Priority, srv.Weight, srv.Port, srv.Target));

        DnsRecord txt = (await DnsResolver.QueryAsync("multi.test.example", DnsRecordType.TXT, DnsPeers.Ask(Dnsmasq))).Answers[0];
        Assert.Equal(new[] { "first string", "second string" }, txt.Text);

        DnsRecord caa = (await DnsResolver.QueryAsync("test.example", DnsRecordType.CAA, DnsPeers.Ask(Unbound))).Answers[0];
        Assert.Equal((0, "issue", "ca.test.example"), (caa.Flags, caa.Tag, caa.Value));
    }

    [Fact]
    public async Task SoaAndNsFromUnbound()
    {
        DnsRecord soa = Assert.Single((await DnsResolver.QueryAsync("test.example", DnsRecordType.SOA, DnsPeers.Ask(Unbound))).Answers);
        Assert.Equal("ns.test.example.", soa.PrimaryServer);
        Assert.Equal("hostmaster.test.example.", soa.ResponsibleMailbox);
        Assert.Equal(1, soa.Serial);
        Assert.Equal(TimeSpan.FromSeconds(3600), soa.Refresh);
        Assert.Equal(TimeSpan.FromSeconds(600), soa.Retry);
        Assert.Equal(TimeSpan.FromSeconds(86400), soa.Expire);
        Assert.Equal(TimeSpan.FromSeconds(300), soa.MinimumTimeToLive);
        Assert.Equal(Dig.Run(Unbound, "+short", "test.example", "SOA").Trim(), soa.Data);

        DnsRecord ns = Assert.Single((await DnsResolver.QueryAsync("test.example", DnsRecordType.NS, DnsPeers.Ask(Unbound))).Answers);
        Assert.Equal("ns.test.example.", ns.Target);
    }

    [Fact]
    public async Task PtrFromAnAddress()
    {
        Assert.Equal("10.2.0.192.in-addr.arpa.", DnsResolver.ReverseName(IPAddress.Parse("192.0.2.10")));
        Assert.Equal("0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.", DnsResolver.ReverseName(IPAddress.Parse("2001:db8::10")));
        foreach (int port in new[] { Dnsmasq, Unbound })
        {
            DnsQueryResult result = await DnsResolver.ReverseAsync(IPAddress.Parse("192.0.2.10"), DnsPeers.Ask(port));
            Assert.Equal(DnsRecordType.PTR, result.Type);
            Assert.Equal("www.test.example.", Assert.Single(result.Answers).Target);
        }
    }

    [Fact]
    public async Task AnyGivesEveryRecordDnsmasqHolds()
    {
        DnsQueryResult any = await DnsResolver.QueryAsync("test.example", DnsRecordType.ANY, DnsPeers.Ask(Dnsmasq));
        Assert.Equal(new[] { "CAA", "MX", "MX", "TXT" }, any.Answers.Select(r => r.Type).Order());
    }

    [Fact]
    public async Task TheBigTxtComesWholeOverTcpAfterATruncatedUdpAnswer()
    {
        DnsQueryResult big = await DnsResolver.QueryAsync("big.test.example", DnsRecordType.TXT, DnsPeers.Ask(Unbound));

        Assert.True(big.TruncatedOverUdp);
        Assert.Equal(DnsTransport.Tcp, big.Transport);
        Assert.DoesNotContain("tc", big.Flags.Split(' '));
        Assert.Equal(2973, big.MessageSize);
        Assert.Equal(3, big.Answers.Count);
        Assert.All(big.Answers, r => Assert.Equal(4, r.Text!.Count));
        Assert.All(big.Answers.SelectMany(r => r.Text!), s => Assert.Equal(240, s.Length));
    }

    [Fact]
    public async Task AnEdnsBufferLargeEnoughKeepsTheBigAnswerOnUdp()
    {
        // dnsmasq accepts up to edns-packet-max=4096; unbound caps at 1232 whatever the client offers.
        DnsQueryResult big = await DnsResolver.QueryAsync("big.test.example", DnsRecordType.TXT, DnsPeers.Ask(Dnsmasq, edns: 4096));
        Assert.False(big.TruncatedOverUdp);
        Assert.Equal(DnsTransport.Udp, big.Transport);
        Assert.Equal(3, big.Answers.Count);

        DnsQueryResult small = await DnsResolver.QueryAsync("big.test.example", DnsRecordType.TXT, DnsPeers.Ask(Dnsmasq, edns: 1232));
        Assert.True(small.TruncatedOverUdp);
    }

    [Fact]
    public async Task TcpOnlyAsksOverTcpFromTheStart()
    {
        DnsQueryResult result = await DnsResolver.QueryAsync("www.test.example", DnsRecordType.A, DnsPeers.Ask(Unbound, tcpOnly: true));
        Assert.Equal(DnsTransport.Tcp, result.Transport);
        Assert.False(result.TruncatedOverUdp);
        Assert.Single(result.Answers);
    }

    [Fact]
    public async Task NxDomainIsAResultWithTheSoaForNegativeCaching()
    {
        DnsQueryResult result = await DnsResolver.QueryAsync("nosuch.test.example", DnsRecordType.A, DnsPeers.Ask(Unbound));

        Assert.Equal(DnsResponseStatus.NXDomain, result.Status);
        Assert.False(result.Succeeded);
        Assert.Empty(result.Answers);
        DnsRecord soa = Assert.Single(result.Authorities);
        Assert.Equal(("SOA", DnsSection.Authority), (soa.Type, soa.Section));
        Assert.Contains("status: NXDOMAIN", Dig.Run(Unbound, "nosuch.test.example", "A"), StringComparison.Ordinal);

        DnsQueryResult fromDnsmasq = await DnsResolver.QueryAsync("nosuch.test.example", DnsRecordType.A, DnsPeers.Ask(Dnsmasq));
        Assert.Equal(DnsResponseStatus.NXDomain, fromDnsmasq.Status);
    }

    [Fact]
    public async Task RefusedIsAResultWithTheHeader()
    {
        DnsQueryResult result = await DnsResolver.QueryAsync("example.org", DnsRecordType.A, DnsPeers.Ask(Unbound));

        Assert.Equal(DnsResponseStatus.Refused, result.Status);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, Unbound), result.Server);
        Assert.StartsWith("qr", result.Flags, StringComparison.Ordinal);
        Assert.True(result.RoundTripTime > TimeSpan.Zero);
        Assert.Contains("status: REFUSED", Dig.Run(Unbound, "example.org", "A"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuthoritativeAnswerSaysSoInItsFlags()
    {
        DnsQueryResult result = await DnsResolver.QueryAsync("www.test.example", DnsRecordType.A, DnsPeers.Ask(Unbound));
        Assert.True(result.Authoritative);
        Assert.Equal("qr aa rd ra", result.Flags);
        Assert.Contains("flags: qr aa rd ra;", Dig.Run(Unbound, "www.test.example", "A"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASilentServerTimesOutAfterItsRetries()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var options = new DnsQueryOptions { Server = IPAddress.Loopback, Port = ((IPEndPoint)silent.LocalEndPoint!).Port, Timeout = TimeSpan.FromMilliseconds(200), Retries = 1 };

        DnsQueryException ex = await Assert.ThrowsAsync<DnsQueryException>(() => DnsResolver.QueryAsync("www.test.example", DnsRecordType.A, options));
        Assert.Equal(DnsQueryError.TimedOut, ex.Error);
        Assert.Contains("2 attempt(s)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadNameIsAnInvalidNameError()
    {
        DnsQueryException ex = await Assert.ThrowsAsync<DnsQueryException>(() =>
            DnsResolver.QueryAsync(new string('a', 64) + ".test.example", DnsRecordType.A, DnsPeers.Ask(Unbound)));
        Assert.Equal(DnsQueryError.InvalidName, ex.Error);
    }
}
