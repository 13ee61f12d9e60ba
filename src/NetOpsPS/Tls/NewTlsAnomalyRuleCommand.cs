using System;
using System.Linq;
using System.Management.Automation;
using NetOpsPS.Capture.Rules;

namespace NetOpsPS.Tls;

/// <summary>
/// New-TlsAnomalyRule: makes one rule for Test-TlsAnomaly. -Kind says what to look for; the kind's own
/// parameters (-MinimumLength/-MaximumLength, -AllowedAlpn, -Version, -CipherSuite, -Limit, -Fingerprint) say how.
/// </summary>
[Cmdlet(VerbsCommon.New, "TlsAnomalyRule")]
[OutputType(typeof(TlsAnomalyRule))]
public sealed class NewTlsAnomalyRuleCommand : PSCmdlet
{
    /// <summary>What the rule looks for.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public TlsAnomalyKind Kind { get; set; }

    /// <summary>The rule's name on findings (the kind when omitted).</summary>
    [Parameter]
    public string? Name { get; set; }

    /// <summary>The findings' severity (each kind has a default).</summary>
    [Parameter]
    public TlsAnomalySeverity? Severity { get; set; }

    /// <summary>SniLength: the shortest server name allowed.</summary>
    [Parameter]
    [ValidateRange(0, 65535)]
    public int? MinimumLength { get; set; }

    /// <summary>SniLength: the longest server name allowed.</summary>
    [Parameter]
    [ValidateRange(0, 65535)]
    public int? MaximumLength { get; set; }

    /// <summary>AlpnNotAllowed: the ALPN protocols allowed.</summary>
    [Parameter]
    public string[] AllowedAlpn { get; set; } = [];

    /// <summary>DeprecatedVersion: the versions that hit (SSL3.0, TLS1.0, TLS1.1 ... or 0x0301).</summary>
    [Parameter]
    public string[] Version { get; set; } = [];

    /// <summary>WeakCipher: cipher suites counted as weak besides the built-in classes (IANA names or 0xHHHH).</summary>
    [Parameter]
    public string[] CipherSuite { get; set; } = [];

    /// <summary>SlowHandshake: the longest ClientHello-to-ServerHello time allowed.</summary>
    [Parameter]
    public TimeSpan? Limit { get; set; }

    /// <summary>Ja3Blocked / Ja4Blocked: the blocked fingerprints.</summary>
    [Parameter]
    public string[] Fingerprint { get; set; } = [];

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        TlsAnomalyRule rule;
        try
        {
            CheckParametersFitTheKind();
            rule = Kind switch
            {
                TlsAnomalyKind.MissingSni => TlsAnomalyRule.MissingSni(Name),
                TlsAnomalyKind.SniLength => TlsAnomalyRule.SniLength(MinimumLength, MaximumLength, Name),
                TlsAnomalyKind.AlpnNotAllowed => TlsAnomalyRule.AlpnNotAllowed(AllowedAlpn, Name),
                TlsAnomalyKind.DeprecatedVersion => TlsAnomalyRule.DeprecatedVersion(Version.Length == 0 ? null : Version.Select(ParseVersion), Name),
                TlsAnomalyKind.WeakCipher => TlsAnomalyRule.WeakCipher(CipherSuite.Select(ParseCipherSuite), Name),
                TlsAnomalyKind.SlowHandshake => TlsAnomalyRule.SlowHandshake(Limit ?? throw new ArgumentException("A SlowHandshake rule needs -Limit."), Name),
                TlsAnomalyKind.Ja3Blocked => TlsAnomalyRule.Ja3Blocked(Fingerprint, Name),
                _ => TlsAnomalyRule.Ja4Blocked(Fingerprint, Name),
            };
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "TlsAnomalyRuleInvalid", ErrorCategory.InvalidArgument, Kind));
            return;
        }

        WriteObject(Severity is { } severity ? rule.WithSeverity(severity) : rule);
    }

    private static ushort ParseVersion(string text) =>
        TlsCodeParser.TryParseVersion(text, out ushort v) ? v : throw new ArgumentException($"'{text}' is not a TLS version (SSL3.0, TLS1.0 ... TLS1.3, or a code such as 0x0301).");

    private static ushort ParseCipherSuite(string text) =>
        TlsCodeParser.TryParseCipherSuite(text, out ushort v) ? v : throw new ArgumentException($"'{text}' is not a known cipher suite name or a code (0xHHHH or decimal).");

    // A parameter of another kind is almost always a mistake (say -Limit on a SniLength rule): say so.
    private void CheckParametersFitTheKind()
    {
        string[] own = Kind switch
        {
            TlsAnomalyKind.SniLength => [nameof(MinimumLength), nameof(MaximumLength)],
            TlsAnomalyKind.AlpnNotAllowed => [nameof(AllowedAlpn)],
            TlsAnomalyKind.DeprecatedVersion => [nameof(Version)],
            TlsAnomalyKind.WeakCipher => [nameof(CipherSuite)],
            TlsAnomalyKind.SlowHandshake => [nameof(Limit)],
            TlsAnomalyKind.Ja3Blocked or TlsAnomalyKind.Ja4Blocked => [nameof(Fingerprint)],
            _ => [],
        };
        string[] kindParameters = [nameof(MinimumLength), nameof(MaximumLength), nameof(AllowedAlpn), nameof(Version), nameof(CipherSuite), nameof(Limit), nameof(Fingerprint)];
        string[] misplaced = kindParameters.Where(p => MyInvocation.BoundParameters.ContainsKey(p) && !own.Contains(p)).ToArray();
        if (misplaced.Length > 0)
        {
            throw new ArgumentException($"-{string.Join(", -", misplaced)} does not apply to a {Kind} rule.");
        }
    }
}
