using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using NetOpsPS.Module.Tests.Harness;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>One unbound (tests/peers/dns) for the DNS cmdlet tests.</summary>
public sealed class UnboundPeer : IDisposable
{
    public Peer Peer { get; } = Peer.StartUnbound();

    public int Port => Peer.Port;

    public void Dispose() => Peer.Dispose();
}

/// <summary>Resolve-DnsQuery and the proxy cmdlets through the real engine against unbound serving test.example.</summary>
public sealed class DnsCmdletTests(UnboundPeer unbound) : IClassFixture<UnboundPeer>, IDisposable
{
    private readonly PowerShellSession _ps = PowerShellSession.Open();

    public void Dispose() => _ps.Dispose();

    [Fact]
    public void ANameGivesATypedResultWithTypedRecords()
    {
        PSObject result = _ps.Run("Resolve-DnsQuery -Name www.test.example -Server 127.0.0.1 -Port $args[0]", unbound.Port).AssertClean().Single();

        Assert.Equal("NetOpsPS.Sockets.DnsTools.DnsQueryResult", result.TypeName());
        Assert.Equal("NoError", result.Get<object>("Status").ToString());
        Assert.Equal("qr aa rd ra", result.Get<string>("Flags"));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, unbound.Port), result.Get<IPEndPoint>("Server"));
        PSObject record = _ps.Run("$args[0].Answers[0]", result).Single();
        Assert.Equal(IPAddress.Parse("192.0.2.10"), record.Get<IPAddress>("Address"));
        Assert.Equal(300, record.Get<int>("TimeToLive"));
        Assert.Equal("Answer", record.Get<object>("Section").ToString());
    }

    [Fact]
    public void NamesAndTypesFromThePipelineByPropertyName()
    {
        PsResult results = _ps.Run(@"
            [pscustomobject]@{ Name = 'test.example'; Type = 'MX' },
            [pscustomobject]@{ Name = '_ldap._tcp.test.example'; Type = 'SRV' },
            [pscustomobject]@{ Name = 'test.example'; Type = 'CAA' } |
                Resolve-DnsQuery -Server 127.0.0.1 -Port $args[0] -ThrottleLimit 2", unbound.Port).AssertClean();

        Assert.Equal(3, results.Output.Count);
        PSObject mx = Assert.Single(results.Output, o => o.Get<object>("Type").ToString() == "MX");
        Assert.Equal(2, _ps.Run("$args[0].Answers.Count", mx).Single().BaseObject);
        PSObject srv = Assert.Single(results.Output, o => o.Get<object>("Type").ToString() == "SRV");
        Assert.Equal(389, _ps.Run("$args[0].Answers[0].Port", srv).Single().BaseObject);
        PSObject caa = Assert.Single(results.Output, o => o.Get<object>("Type").ToString() == "CAA");
        Assert.Equal("issue", _ps.Run("$args[0].Answers[0].Tag", caa).Single().BaseObject);
        Assert.Equal("3 of 3 names resolved", results.Progress[^1].StatusDescription);
        Assert.Equal(ProgressRecordType.Completed, results.Progress[^1].RecordType);
    }

    [Fact]
    public void NxDomainAndRefusedAreResultsNotErrors()
    {
        PsResult results = _ps.Run("'nosuch.test.example', 'example.org' | Resolve-DnsQuery -Server 127.0.0.1 -Port $args[0]", unbound.Port).AssertClean();

        Assert.Equal(
            new[] { "NXDomain", "Refused" },
            results.Output.Select(o => o.Get<object>("Status").ToString()).Order(StringComparer.Ordinal));
        Assert.All(results.Output, o => Assert.False(o.Get<bool>("Succeeded")));
    }

    [Fact]
    public void AnAddressAsksForItsPtrAndTheBigTxtComesOverTcp()
    {
        PSObject ptr = _ps.Run("Resolve-DnsQuery 192.0.2.10 -Server 127.0.0.1 -Port $args[0]", unbound.Port).AssertClean().Single();
        Assert.Equal("PTR", ptr.Get<object>("Type").ToString());
        Assert.Equal("10.2.0.192.in-addr.arpa.", ptr.Get<string>("Name"));

        PSObject big = _ps.Run("Resolve-DnsQuery big.test.example TXT -Server 127.0.0.1 -Port $args[0]", unbound.Port).AssertClean().Single();
        Assert.True(big.Get<bool>("TruncatedOverUdp"));
        Assert.Equal("Tcp", big.Get<object>("Transport").ToString());
        Assert.Equal(2973, big.Get<int>("MessageSize"));
    }

    [Fact]
    public void ASilentServerIsATimeoutErrorPerName()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        PsResult result = _ps.Run(
            "'a.test.example', 'b.test.example' | Resolve-DnsQuery -Server 127.0.0.1 -Port $args[0] -TimeoutSeconds 0.2 -Retries 0",
            ((IPEndPoint)silent.LocalEndPoint!).Port);

        Assert.Null(result.Terminating);
        Assert.Empty(result.Output);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category));
        Assert.All(result.ErrorIds, id => Assert.Equal("DnsQueryTimedOut", id));
        Assert.Equal(new[] { "a.test.example", "b.test.example" }, result.Errors.Select(e => (string)e.TargetObject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CtrlCEndsAQueryToASilentServerWithoutWaitingForItsTimeout()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        (PsResult result, TimeSpan took) = _ps.RunAndStop(
            "Resolve-DnsQuery www.test.example -Server 127.0.0.1 -Port $args[0] -TimeoutSeconds 300 -Retries 0 -Verbose",
            message => message.StartsWith("Asking", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            ((IPEndPoint)silent.LocalEndPoint!).Port);

        Assert.IsType<PipelineStoppedException>(result.Terminating);
        Assert.Empty(result.Output);
        // A liveness bound, far below the 300 s timeout: the stop must not wait for it.
        Assert.True(took < TimeSpan.FromSeconds(30), $"Stop took {took}.");
    }

    [Fact]
    public void AProxyStartsAnswersCachesReportsAndStops()
    {
        string name = "dns-" + Guid.NewGuid().ToString("N")[..8];
        PSObject proxy = _ps.Run("Start-DnsProxy -Upstream ('127.0.0.1:' + $args[0]) -Name $args[1]", unbound.Port, name).AssertClean().Single();
        Assert.Equal("NetOpsPS.Sockets.DnsTools.DnsProxy", proxy.TypeName());
        int port = proxy.Get<int>("Port");

        _ps.Run("$port = $args[0]; 1..2 | ForEach-Object { Resolve-DnsQuery www.test.example -Server 127.0.0.1 -Port $port }", port).AssertClean();
        PSObject stats = _ps.Run("(Get-DnsProxy -Name $args[0]).Statistics", name).AssertClean().Single();
        Assert.Equal((2L, 1L, 1L), (stats.Get<long>("Queries"), stats.Get<long>("CacheHits"), stats.Get<long>("CacheMisses")));
        PSObject upstream = _ps.Run("(Get-DnsProxy -Name $args[0]).Upstreams", name).AssertClean().Single();
        Assert.True(upstream.Get<bool>("Healthy"));

        PSObject stopped = _ps.Run("Stop-DnsProxy -Name $args[0] -PassThru", name).AssertClean().Single();
        Assert.Equal("Stopped", stopped.Get<object>("State").ToString());
        Assert.Equal(new[] { "DnsProxyNotFound" }, _ps.Run("Get-DnsProxy -Name $args[0]", name).ErrorIds);
        using var rebind = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        rebind.Bind(new IPEndPoint(IPAddress.Loopback, port));
    }

    [Fact]
    public void BadUpstreamsAndTakenPortsAreErrorsAndWhatIfStartsNothing()
    {
        PsResult bad = _ps.Run("Start-DnsProxy -Upstream 'dns.example:53'");
        Assert.Equal(["DnsProxyInvalidUpstream"], bad.ErrorIds);
        Assert.Equal(ErrorCategory.InvalidArgument, bad.Errors[0].CategoryInfo.Category);

        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        PsResult inUse = _ps.Run("Start-DnsProxy -Upstream 127.0.0.1 -Port $args[0]", ((IPEndPoint)taken.LocalEndPoint!).Port);
        Assert.Equal(new[] { "DnsProxyAddressInUse" }, inUse.ErrorIds);

        Assert.Empty(_ps.Run("Start-DnsProxy -Upstream 127.0.0.1 -WhatIf; Get-DnsProxy").AssertClean().Output);
    }

    [Fact]
    public void TheProxysUdpBuffersAreReportedAndACapIsAWarning()
    {
        int limit = int.Parse(System.IO.File.ReadAllText("/proc/sys/net/core/rmem_max").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        int asked = Math.Min(1 << 30, limit * 4);
        PsResult result = _ps.Run("$p = Start-DnsProxy -Upstream 127.0.0.1:9 -ReceiveBufferSize $args[0] -Verbose; $p.BufferGrants[0]; Stop-DnsProxy $p", asked).AssertClean();

        PSObject grant = result.Output.Single();
        Assert.Equal(asked, grant.Get<int>("Requested"));
        Assert.True(grant.Get<bool>("Capped"));
        Assert.Contains(result.Warnings, w => w.Contains("net.core.rmem_max", StringComparison.Ordinal));
        Assert.Contains(result.Verbose, v => v.Contains($"requested {asked}", StringComparison.Ordinal));
    }

    [Fact]
    public void ClosingTheRunspaceStopsItsProxies()
    {
        int port;
        using (PowerShellSession other = PowerShellSession.Open())
        {
            port = Assert.IsType<int>(other.Run("(Start-DnsProxy -Upstream 127.0.0.1:9).Port").AssertClean().Single().BaseObject);
        }

        using var rebind = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        rebind.Bind(new IPEndPoint(IPAddress.Loopback, port));
    }
}
