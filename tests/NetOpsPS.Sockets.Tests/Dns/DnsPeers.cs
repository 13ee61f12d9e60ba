using System;
using System.Net;
using NetOpsPS.Sockets.DnsTools;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Dns;

/// <summary>One dnsmasq and one unbound (tests/peers/dns) serving test.example, shared by a test class.</summary>
public sealed class DnsPeers : IDisposable
{
    public DnsPeers()
    {
        Dnsmasq = Peer.StartDnsmasq();
        try
        {
            Unbound = Peer.StartUnbound();
        }
        catch
        {
            Dnsmasq.Dispose();
            throw;
        }
    }

    public Peer Dnsmasq { get; }

    public Peer Unbound { get; }

    public IPEndPoint UnboundEndPoint => new(IPAddress.Loopback, Unbound.Port);

    public IPEndPoint DnsmasqEndPoint => new(IPAddress.Loopback, Dnsmasq.Port);

    public static DnsQueryOptions Ask(int port, int edns = 1232, bool tcpOnly = false) => new()
    {
        Server = IPAddress.Loopback,
        Port = port,
        Timeout = TimeSpan.FromSeconds(3),
        Retries = 1,
        EdnsBufferSize = edns,
        TcpOnly = tcpOnly,
    };

    public void Dispose()
    {
        Unbound.Dispose();
        Dnsmasq.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DnsPeersCollection : ICollectionFixture<DnsPeers>
{
    public const string Name = "dns peers";
}
