using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using NetOpsPS.Module.Tests.Harness;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>
/// Get-TlsHandshake, Test-TlsAnomaly and New-TlsAnomalyRule through the real engine, on a real capture of
/// openssl s_client/s_server handshakes (tests/peers/tls/run-tls-capture.sh; field-by-field checks against
/// tshark are in NetOpsPS.Capture.Tests).
/// </summary>
public sealed class TlsCmdletTests : IClassFixture<TlsCmdletTests.Capture>, IDisposable
{
    private readonly PowerShellSession _ps = PowerShellSession.Open();
    private readonly Capture _capture;

    public TlsCmdletTests(Capture capture)
    {
        _capture = capture;
    }

    public void Dispose() => _ps.Dispose();

    [Fact]
    public void HandshakesOfAFileAreTypedObjectsWithTheirFields()
    {
        PsResult result = _ps.Run("Get-TlsHandshake -Path $args[0]", _capture.PcapPath).AssertClean();

        Assert.Equal(4, result.Output.Count);
        Assert.All(result.Output, h => Assert.Equal("NetOpsPS.Capture.Tls.TlsHandshake", h.TypeName()));
        Assert.All(result.Output, h => Assert.Equal("Complete", h.Get<object>("Status").ToString()));
        Assert.Equal(
            new[] { "server.test.example", "server.test.example", "alt.test.example", null },
            result.Output.Select(h => h.Get<string?>("ServerName")));
        Assert.Equal(new[] { "TLS 1.3", "TLS 1.2", "TLS 1.2", "TLS 1.3" }, result.Output.Select(h => h.Get<string>("Version")));
        Assert.Equal(new[] { "h2", "http/1.1" }, result.Output[0].Get<string[]>("AlpnProtocols"));
        Assert.Equal("http/1.1", result.Output[1].Get<string>("ServerAlpn"));
        Assert.All(result.Output, h => Assert.Matches("^t1[23][di]\\d{4}[0-9a-z]{2}_[0-9a-f]{12}_[0-9a-f]{12}$", h.Get<string>("Ja4")));
        Assert.All(result.Output, h => Assert.Equal(_capture.Port, PSObject.AsPSObject(h.Get<object>("Flow")).Get<int>("ServerPort")));
    }

    [Fact]
    public void ServerNameFilterAndLiteralPathFromThePipeline()
    {
        PsResult result = _ps.Run(
            "[pscustomobject]@{ FullName = $args[0] } | Get-TlsHandshake -ServerName 'ALT.*' | ForEach-Object { $_.ServerName }",
            _capture.PcapPath).AssertClean();

        Assert.Equal("alt.test.example", Assert.Single(result.Output).ToString());
    }

    [Fact]
    public void PacketsFromThePipelineGiveTheSameHandshakesAsTheFile()
    {
        PsResult result = _ps.Run(
            "Read-PcapFile -Path $args[0] | Where-Object { $_.DestinationPort -ne 0 } | Get-TlsHandshake | ForEach-Object { $_.Ja4 + ' ' + $_.ServerName }",
            _capture.PcapPath).AssertClean();
        PsResult fromFile = _ps.Run("Get-TlsHandshake -Path $args[0] | ForEach-Object { $_.Ja4 + ' ' + $_.ServerName }", _capture.PcapPath).AssertClean();

        Assert.Equal(4, result.Output.Count);
        Assert.Equal(fromFile.Output.Select(o => o.ToString()), result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void MissingAndCorruptFilesAreNonTerminatingAndTheRestIsRead()
    {
        string corrupt = Path.GetTempFileName();
        File.WriteAllBytes(corrupt, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
        try
        {
            PsResult result = _ps.Run(
                "Get-TlsHandshake -LiteralPath $args[0], $args[1], $args[2]",
                "/nonexistent/none.pcap", corrupt, _capture.PcapPath);

            Assert.Null(result.Terminating);
            Assert.Equal(4, result.Output.Count);
            Assert.Equal(2, result.Errors.Count);
            Assert.Equal("PcapFileNotFound", result.ErrorIds.First());
            Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[0].CategoryInfo.Category);
            Assert.StartsWith("Capture", result.ErrorIds.Last(), StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.InvalidData, result.Errors[1].CategoryInfo.Category);
            Assert.Equal(corrupt, result.Errors[1].TargetObject);
        }
        finally
        {
            File.Delete(corrupt);
        }
    }

    [Fact]
    public void RuleObjectsOnPipedHandshakesGiveFindingsWithEvidenceAndFlow()
    {
        PsResult result = _ps.Run(@"
            $rules = @(
                New-TlsAnomalyRule MissingSni -Name no-sni
                New-TlsAnomalyRule AlpnNotAllowed -AllowedAlpn 'http/1.1' -Severity Low
                New-TlsAnomalyRule DeprecatedVersion
            )
            Get-TlsHandshake -Path $args[0] | Test-TlsAnomaly -Rule $rules", _capture.PcapPath).AssertClean();

        Assert.All(result.Output, f => Assert.Equal("NetOpsPS.Capture.Rules.TlsAnomalyFinding", f.TypeName()));
        Assert.Equal(new[] { "AlpnNotAllowed", "AlpnNotAllowed", "no-sni" }, result.Output.Select(f => f.Get<string>("RuleName")).Order());
        PSObject noSni = Assert.Single(result.Output, f => f.Get<string>("RuleName") == "no-sni");
        Assert.Equal("no server_name extension", noSni.Get<string>("Evidence"));
        Assert.Null(noSni.Get<string?>("ServerName"));
        Assert.Equal(_capture.Port, PSObject.AsPSObject(noSni.Get<object>("Flow")).Get<int>("ServerPort"));
        Assert.All(result.Output.Where(f => f.Get<string>("RuleName") == "AlpnNotAllowed"), f => Assert.Equal("client offers ALPN 'h2'", f.Get<string>("Evidence")));
    }

    [Fact]
    public void RuleFileOnACaptureFile()
    {
        string yaml = Path.GetTempFileName();
        File.WriteAllText(yaml, "rules:\n  - kind: SniLength\n    maximumLength: 17\n  - kind: Ja3Blocked\n    fingerprints: [00000000000000000000000000000000]\n");
        try
        {
            PsResult result = _ps.Run("Test-TlsAnomaly -Path $args[0] -RuleFile $args[1]", _capture.PcapPath, yaml).AssertClean();

            Assert.Equal(2, result.Output.Count);
            Assert.All(result.Output, f => Assert.Equal("server.test.example", f.Get<string>("ServerName")));
        }
        finally
        {
            File.Delete(yaml);
        }
    }

    [Fact]
    public void BadRuleFileIsATerminatingInvalidDataErrorNamingTheLine()
    {
        string yaml = Path.GetTempFileName();
        File.WriteAllText(yaml, "rules:\n  - kind: SniLength\n    maximumLenght: 17\n");
        try
        {
            PsResult result = _ps.Run("Test-TlsAnomaly -Path $args[0] -RuleFile $args[1]", _capture.PcapPath, yaml);

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Equal("TlsAnomalyRuleFileInvalid,NetOpsPS.Tls.TestTlsAnomalyCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal(yaml, error.TargetObject);
            Assert.Contains("line 3, column 5: unknown key 'maximumLenght'", error.Exception.Message, StringComparison.Ordinal);
            Assert.Empty(result.Output);
        }
        finally
        {
            File.Delete(yaml);
        }
    }

    [Fact]
    public void NoRulesAndMissingRuleFileAreTerminatingErrors()
    {
        PsResult none = _ps.Run("Test-TlsAnomaly -Path $args[0]", _capture.PcapPath);
        PsResult missing = _ps.Run("Test-TlsAnomaly -Path $args[0] -RuleFile /nonexistent/rules.yaml", _capture.PcapPath);

        Assert.Equal("TlsAnomalyNoRules", Assert.Single(none.ErrorIds));
        Assert.Equal(ErrorCategory.InvalidArgument, none.Errors[0].CategoryInfo.Category);
        Assert.Equal("TlsAnomalyRuleFileNotFound", Assert.Single(missing.ErrorIds));
        Assert.Equal(ErrorCategory.ObjectNotFound, missing.Errors[0].CategoryInfo.Category);
    }

    [Fact]
    public void RuleParametersOfAnotherKindOrUnknownNamesAreRejected()
    {
        PsResult misplaced = _ps.Run("New-TlsAnomalyRule SniLength -MaximumLength 9 -Limit '00:00:01'");
        PsResult unknown = _ps.Run("New-TlsAnomalyRule DeprecatedVersion -Version TLS9");
        PsResult good = _ps.Run("New-TlsAnomalyRule WeakCipher -CipherSuite TLS_RSA_WITH_AES_128_CBC_SHA, 0x009c -Severity Low").AssertClean();

        Assert.Equal("TlsAnomalyRuleInvalid", Assert.Single(misplaced.ErrorIds));
        Assert.Contains("-Limit does not apply to a SniLength rule", misplaced.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, misplaced.Errors[0].CategoryInfo.Category);
        Assert.Equal("TlsAnomalyRuleInvalid", Assert.Single(unknown.ErrorIds));
        Assert.Equal(new ushort[] { 0x002f, 0x009c }, good.Single().Get<ushort[]>("CipherSuites"));
        Assert.Equal("Low", good.Single().Get<object>("Severity").ToString());
    }

    /// <summary>One run of tests/peers/tls/run-tls-capture.sh (root; openssl, tcpdump, python3) shared by the class.</summary>
    public sealed class Capture : IDisposable
    {
        private readonly Peer _peer = Peer.RunTlsCapture();

        public string PcapPath => _peer.PcapPath;

        public int Port => _peer.Port;

        public void Dispose() => _peer.Dispose();
    }
}
