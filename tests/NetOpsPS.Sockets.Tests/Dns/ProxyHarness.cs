using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.DnsTools;

namespace NetOpsPS.Sockets.Tests.Dns;

/// <summary>A proxy on a free loopback port with a clock the test moves, and queries through it.</summary>
internal sealed class ProxyHarness : IAsyncDisposable
{
    private long _nowMs = 10_000_000;

    public ProxyHarness(IReadOnlyList<IPEndPoint> upstreams, Func<DnsProxyOptions, DnsProxyOptions>? configure = null)
    {
        var options = new DnsProxyOptions { Upstreams = upstreams, Clock = () => Interlocked.Read(ref _nowMs), UpstreamTimeout = TimeSpan.FromSeconds(2) };
        Proxy = DnsProxy.Start(configure is null ? options : configure(options));
    }

    public DnsProxy Proxy { get; }

    public int Port => Proxy.Port;

    public DnsProxyStatistics Stats => Proxy.Statistics;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _nowMs, (long)by.TotalMilliseconds);

    public Task<DnsQueryResult> Ask(string name, DnsRecordType type = DnsRecordType.A, bool tcpOnly = false, int edns = 1232) =>
        DnsResolver.QueryAsync(name, type, DnsPeers.Ask(Port, edns, tcpOnly));

    public ValueTask DisposeAsync() => Proxy.DisposeAsync();
}
