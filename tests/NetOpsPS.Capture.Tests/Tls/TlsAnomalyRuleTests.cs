using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using NetOpsPS.Capture.Rules;
using NetOpsPS.Capture;
using NetOpsPS.Capture.Tls;
using Xunit;

namespace NetOpsPS.Capture.Tests.Tls;

/// <summary>Each rule kind's hits and non-hits, on the openssl capture and on crafted handshakes.</summary>
public sealed class TlsAnomalyRuleTests : IClassFixture<TlsCaptureFixture>
{
    private readonly List<TlsHandshake> _real;

    public TlsAnomalyRuleTests(TlsCaptureFixture capture)
    {
        _real = PcapSegments.Track(capture.PcapPath);
    }

    [Fact]
    public void MissingSniHitsOnlyTheHandshakeWithoutServerName()
    {
        var findings = Run(TlsAnomalyRule.MissingSni("no-sni"));

        TlsAnomalyFinding hit = Assert.Single(findings);
        Assert.Null(hit.ServerName);
        Assert.Equal("no server_name extension", hit.Evidence);
        Assert.Equal("no-sni", hit.RuleName);
        Assert.Equal(TlsAnomalySeverity.Medium, hit.Severity);
        Assert.Equal(hit.Handshake.Flow, hit.Flow);
    }

    [Fact]
    public void SniLengthHitsNamesOutsideTheBounds()
    {
        var findings = Run(TlsAnomalyRule.SniLength(1, 17));

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("server.test.example", f.ServerName));
        Assert.All(findings, f => Assert.Equal("server name of 19 characters, more than 17", f.Evidence));
        Assert.Empty(Run(TlsAnomalyRule.SniLength(16, 19)));
    }

    [Fact]
    public void AlpnOutsideTheAllowListHitsWhatTheClientOffers()
    {
        var findings = Run(TlsAnomalyRule.AlpnNotAllowed(["http/1.1"]));

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("client offers ALPN 'h2'", f.Evidence));
        Assert.Empty(Run(TlsAnomalyRule.AlpnNotAllowed(["h2", "http/1.1"])));
    }

    [Fact]
    public void DeprecatedVersionHitsTheNegotiatedVersion()
    {
        Assert.Empty(Run(TlsAnomalyRule.DeprecatedVersion()));

        var findings = Run(TlsAnomalyRule.DeprecatedVersion([0x0303]));
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("server chose TLS 1.2", f.Evidence));
    }

    [Fact]
    public void DeprecatedVersionWithoutServerHelloJudgesTheClientsBestOffer()
    {
        var hello = new HelloBuilder { LegacyVersion = 0x0301, CipherSuites = [0x002f] }.Sni("old.example").ClientHelloRecord();
        TlsHandshake h = Handshake(hello, serverHello: null);

        var finding = Assert.Single(TlsAnomalyDetector.Evaluate(h, [TlsAnomalyRule.DeprecatedVersion()]));
        Assert.Equal("client offers at most TLS 1.0", finding.Evidence);
    }

    [Fact]
    public void WeakCipherHitsBuiltInClassesAndListedSuites()
    {
        Assert.Empty(Run(TlsAnomalyRule.WeakCipher()));
        Assert.Equal(2, Run(TlsAnomalyRule.WeakCipher([0x002f])).Count);

        var hello = new HelloBuilder { CipherSuites = [0x1301, 0x0005, 0x000a, 0x0018, 0xc02b] }.ClientHelloRecord();
        var finding = Assert.Single(TlsAnomalyDetector.Evaluate(Handshake(hello, null), [TlsAnomalyRule.WeakCipher()]));
        Assert.Equal(
            "client offers 3 weak cipher suite(s): TLS_RSA_WITH_RC4_128_SHA (0x0005), TLS_RSA_WITH_3DES_EDE_CBC_SHA (0x000a), TLS_DH_anon_WITH_RC4_128_MD5 (0x0018)",
            finding.Evidence);
    }

    [Fact]
    public void SlowHandshakeComparesTheCapturedTimeWithTheLimit()
    {
        var hello = new HelloBuilder().Sni("slow.example").ClientHelloRecord();
        TlsHandshake h = Handshake(hello, HelloBuilder.ServerHelloRecord(0x1301, 0x0304), serverDelay: TimeSpan.FromMilliseconds(40));

        var finding = Assert.Single(TlsAnomalyDetector.Evaluate(h, [TlsAnomalyRule.SlowHandshake(TimeSpan.FromMilliseconds(25))]));
        Assert.Equal("handshake took 40 ms, limit 25 ms", finding.Evidence);
        Assert.Empty(TlsAnomalyDetector.Evaluate(h, [TlsAnomalyRule.SlowHandshake(TimeSpan.FromMilliseconds(40))]));
        Assert.Empty(TlsAnomalyDetector.Evaluate(Handshake(hello, null), [TlsAnomalyRule.SlowHandshake(TimeSpan.FromTicks(1))]));
    }

    [Fact]
    public void BlockedFingerprintsHitByJa3HashJa3StringJa4AndJa4Raw()
    {
        TlsHandshake tls12 = _real.First(h => h.Version == "TLS 1.2");
        int sameClient = _real.Count(h => h.Ja3Hash == tls12.Ja3Hash);

        Assert.Equal(sameClient, Run(TlsAnomalyRule.Ja3Blocked([tls12.Ja3Hash.ToUpperInvariant()])).Count);
        Assert.Equal(sameClient, Run(TlsAnomalyRule.Ja3Blocked([tls12.Ja3])).Count);
        Assert.Equal(_real.Count(h => h.Ja4 == tls12.Ja4), Run(TlsAnomalyRule.Ja4Blocked([tls12.Ja4])).Count);
        Assert.Single(Run(TlsAnomalyRule.Ja4Blocked([tls12.Ja4Raw])), f => f.Handshake.Ja4Raw == tls12.Ja4Raw);
        Assert.Empty(Run(TlsAnomalyRule.Ja3Blocked(["00000000000000000000000000000000"])));
    }

    [Fact]
    public void FactoriesRejectRulesThatCannotHit()
    {
        Assert.Throws<ArgumentException>(() => TlsAnomalyRule.SniLength(null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => TlsAnomalyRule.SniLength(10, 5));
        Assert.Throws<ArgumentException>(() => TlsAnomalyRule.AlpnNotAllowed([" "]));
        Assert.Throws<ArgumentOutOfRangeException>(() => TlsAnomalyRule.SlowHandshake(TimeSpan.Zero));
        Assert.Throws<ArgumentException>(() => TlsAnomalyRule.Ja4Blocked([]));
    }

    private List<TlsAnomalyFinding> Run(TlsAnomalyRule rule) => _real.SelectMany(h => TlsAnomalyDetector.Evaluate(h, [rule])).ToList();

    // One connection fed straight to the tracker: ClientHello at t0, the server's answer serverDelay later.
    internal static TlsHandshake Handshake(byte[] clientHello, byte[]? serverHello, TimeSpan? serverDelay = null)
    {
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        IPAddress client = IPAddress.Loopback;
        var tracker = new TlsHandshakeTracker();
        var done = tracker.Add(new TcpStreamSegment(t0, client, 50000, client, 443, 1, TcpFlags.Psh, clientHello)).ToList();
        if (serverHello is not null)
        {
            done.AddRange(tracker.Add(new TcpStreamSegment(t0 + (serverDelay ?? TimeSpan.FromMilliseconds(1)), client, 443, client, 50000, 1, TcpFlags.Psh, serverHello)));
        }

        done.AddRange(tracker.Flush());
        return Assert.Single(done);
    }
}
