using System;
using System.IO;
using System.Linq;
using NetOpsPS.Capture.Rules;
using Xunit;

namespace NetOpsPS.Capture.Tests.Tls;

/// <summary>YAML rule files: every kind read as written, and every fault named with its line and column.</summary>
public sealed class TlsRuleFileTests
{
    internal const string AllKinds = """
        # one rule of each kind
        rules:
          - name: no-sni
            kind: MissingSni
          - kind: SniLength
            minimumLength: 4
            maximumLength: 253
            severity: low
          - kind: AlpnNotAllowed
            allowedAlpn: [h2, http/1.1]
          - kind: DeprecatedVersion
            versions: [SSLv3, TLS1.0, "TLS 1.1", 0x0302]
          - kind: WeakCipher
            cipherSuites: [TLS_RSA_WITH_AES_128_CBC_SHA, 0x009c]
          - kind: SlowHandshake
            limit: 250ms
          - name: bad-ja3
            kind: Ja3Blocked
            fingerprints: [E7D705A3286E19EA42F587B344EE6865]
          - kind: Ja4Blocked
            fingerprints: t13d1516h2_8daaf6152771_e5627efa2ab1
        """;

    [Fact]
    public void EveryKindIsReadWithItsParameters()
    {
        var rules = TlsRuleFile.Parse(new StringReader(AllKinds));

        Assert.Equal(Enum.GetValues<TlsAnomalyKind>(), rules.Select(r => r.Kind));
        Assert.Equal("no-sni", rules[0].Name);
        Assert.Equal((4, 253, TlsAnomalySeverity.Low), (rules[1].MinimumLength!.Value, rules[1].MaximumLength!.Value, rules[1].Severity));
        Assert.Equal(new[] { "h2", "http/1.1" }, rules[2].AllowedAlpn);
        Assert.Equal(new ushort[] { 0x0300, 0x0301, 0x0302 }, rules[3].Versions);
        Assert.Equal(new ushort[] { 0x002f, 0x009c }, rules[4].CipherSuites);
        Assert.Equal(TimeSpan.FromMilliseconds(250), rules[5].Limit);
        Assert.Equal("e7d705a3286e19ea42f587b344ee6865", Assert.Single(rules[6].Fingerprints));
        Assert.Equal("Ja4Blocked", rules[7].Name);
    }

    [Theory]
    [InlineData("rules:\n  - kind: MissingSni\n    bogus: 1\n", 3, 5, "unknown key 'bogus' in a MissingSni rule")]
    [InlineData("rules:\n  - kind: NoSuchKind\n", 2, 11, "'kind: NoSuchKind' is not one of MissingSni")]
    [InlineData("rules:\n  - name: x\n", 2, 5, "the rule has no 'kind:'")]
    [InlineData("rules:\n  - kind: DeprecatedVersion\n    versions: [TLS1.0, TLS9]\n", 3, 24, "'TLS9' in 'versions' is not a known name")]
    [InlineData("rules:\n  - kind: SniLength\n    minimumLength: 10\n    maximumLength: 5\n", 2, 5, "bounds 10..5 are not a range")]
    [InlineData("rules:\n  - kind: SniLength\n    minimumLength: -3\n", 3, 20, "'minimumLength: -3' is not a whole number")]
    [InlineData("rules:\n  - kind: Ja3Blocked\n", 2, 5, "the rule needs 'fingerprints:'")]
    [InlineData("rules:\n  - kind: SlowHandshake\n    limit: soon\n", 3, 12, "'limit: soon' is not a duration")]
    [InlineData("rules:\n  - kind: MissingSni\n  - kind: MissingSni\n", 3, 5, "a second rule named 'MissingSni'")]
    [InlineData("rules:\n  - kind: MissingSni\n   severity: [a\n", 3, 4, "not valid YAML")]
    [InlineData("rules: none\n", 1, 1, "expected a 'rules:' key holding a list")]
    [InlineData("- kind: MissingSni\n", 1, 1, "expected one YAML document with a 'rules:' list")]
    public void FaultsNameTheLineColumnAndProblem(string yaml, int line, int column, string problem)
    {
        var ex = Assert.Throws<TlsRuleFileException>(() => TlsRuleFile.Parse(new StringReader(yaml), "test.yaml"));

        Assert.Equal((line, column), ((int)ex.Line, (int)ex.Column));
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"test.yaml line {line}, column {column}: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadReadsAFile()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, AllKinds);
            Assert.Equal(8, TlsRuleFile.Load(path).Count);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
