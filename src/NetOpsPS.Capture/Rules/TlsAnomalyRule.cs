using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetOpsPS.Capture.Tls;

namespace NetOpsPS.Capture.Rules;

/// <summary>
/// One TLS anomaly rule: a kind, the kind's parameters, a name and a severity. Immutable; made by the
/// factory methods (which check the parameters) or read from a YAML rule file (<see cref="TlsRuleFile"/>).
/// </summary>
public sealed class TlsAnomalyRule
{
    /// <summary>RFC 8996 deprecates TLS 1.0 and 1.1; RFC 7568 SSL 3.0; RFC 6176 SSL 2.0.</summary>
    public static readonly IReadOnlyList<ushort> DefaultDeprecatedVersions = [0x0002, 0x0300, 0x0301, 0x0302];

    private TlsAnomalyRule(TlsAnomalyKind kind, string? name, TlsAnomalySeverity severity)
    {
        Kind = kind;
        Name = string.IsNullOrWhiteSpace(name) ? kind.ToString() : name.Trim();
        Severity = severity;
    }

    /// <summary>The rule's name, shown on each finding (the kind when none was given).</summary>
    public string Name { get; }

    /// <summary>What the rule looks for.</summary>
    public TlsAnomalyKind Kind { get; }

    /// <summary>How much a hit matters.</summary>
    public TlsAnomalySeverity Severity { get; }

    /// <summary>SniLength: the shortest server name allowed.</summary>
    public int? MinimumLength { get; private init; }

    /// <summary>SniLength: the longest server name allowed.</summary>
    public int? MaximumLength { get; private init; }

    /// <summary>AlpnNotAllowed: the protocols allowed (exact, case-sensitive: RFC 7301 names are byte strings).</summary>
    public IReadOnlyList<string> AllowedAlpn { get; private init; } = [];

    /// <summary>DeprecatedVersion: the versions that hit.</summary>
    public IReadOnlyList<ushort> Versions { get; private init; } = [];

    /// <summary>WeakCipher: extra cipher suites counted as weak, besides the built-in classes.</summary>
    public IReadOnlyList<ushort> CipherSuites { get; private init; } = [];

    /// <summary>SlowHandshake: the longest ClientHello-to-ServerHello time allowed.</summary>
    public TimeSpan? Limit { get; private init; }

    /// <summary>Ja3Blocked / Ja4Blocked: the blocked fingerprints (lower-case).</summary>
    public IReadOnlyList<string> Fingerprints { get; private init; } = [];

    /// <summary>What the rule checks, in words.</summary>
    public string Description => Kind switch
    {
        TlsAnomalyKind.MissingSni => "ClientHello without a server name",
        TlsAnomalyKind.SniLength => $"server name shorter than {MinimumLength ?? 0} or longer than {(MaximumLength is { } max ? max.ToString(CultureInfo.InvariantCulture) : "any")} characters",
        TlsAnomalyKind.AlpnNotAllowed => "ALPN outside " + string.Join(", ", AllowedAlpn),
        TlsAnomalyKind.DeprecatedVersion => "version " + string.Join(", ", Versions.Select(TlsNames.Version)),
        TlsAnomalyKind.WeakCipher => "weak cipher offered" + (CipherSuites.Count > 0 ? " (or " + string.Join(", ", CipherSuites.Select(TlsNames.CipherSuite)) + ")" : string.Empty),
        TlsAnomalyKind.SlowHandshake => $"handshake slower than {Limit!.Value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms",
        TlsAnomalyKind.Ja3Blocked => $"JA3 on a block-list of {Fingerprints.Count}",
        _ => $"JA4 on a block-list of {Fingerprints.Count}",
    };

    /// <summary>Hits a ClientHello without a server name.</summary>
    public static TlsAnomalyRule MissingSni(string? name = null, TlsAnomalySeverity severity = TlsAnomalySeverity.Medium) =>
        new(TlsAnomalyKind.MissingSni, name, severity);

    /// <summary>Hits a server name outside [minimum, maximum] characters.</summary>
    public static TlsAnomalyRule SniLength(int? minimum, int? maximum, string? name = null, TlsAnomalySeverity severity = TlsAnomalySeverity.Medium)
    {
        if (minimum is null && maximum is null)
        {
            throw new ArgumentException("An SniLength rule needs a minimum length, a maximum length, or both.", nameof(minimum));
        }

        if (minimum < 0 || maximum < 0 || minimum > maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(minimum), $"The SNI length bounds {minimum}..{maximum} are not a range of lengths.");
        }

        return new(TlsAnomalyKind.SniLength, name, severity) { MinimumLength = minimum, MaximumLength = maximum };
    }

    /// <summary>Hits an offered or chosen ALPN protocol not in <paramref name="allowed"/>.</summary>
    public static TlsAnomalyRule AlpnNotAllowed(IEnumerable<string> allowed, string? name = null, TlsAnomalySeverity severity = TlsAnomalySeverity.Medium)
    {
        var list = NonEmpty(allowed, nameof(allowed), "ALPN protocol");
        return new(TlsAnomalyKind.AlpnNotAllowed, name, severity) { AllowedAlpn = list };
    }

    /// <summary>Hits a deprecated version (by default SSL 2.0 and 3.0, TLS 1.0 and 1.1).</summary>
    public static TlsAnomalyRule DeprecatedVersion(IEnumerable<ushort>? versions = null, string? name = null, TlsAnomalySeverity severity = TlsAnomalySeverity.High)
    {
        var list = versions?.Distinct().ToArray() is { Length: > 0 } given ? given : DefaultDeprecatedVersions;
        return new(TlsAnomalyKind.DeprecatedVersion, name, severity) { Versions = list };
    }

    /// <summary>Hits an offered weak cipher suite: the built-in classes plus <paramref name="cipherSuites"/>.</summary>
    public static TlsAnomalyRule WeakCipher(IEnumerable<ushort>? cipherSuites = null, string? name = null, TlsAnomalySeverity severity = TlsAnomalySeverity.High) =>
        new(TlsAnomalyKind.WeakCipher, name, severity) { CipherSuites = cipherSuites?.Distinct().ToArray() ?? [] };

    /// <summary>Hits a handshake whose ClientHello-to-ServerHello time exceeds <paramref name="limit"/>.</summary>
    public static TlsAnomalyRule SlowHandshake(TimeSpan limit, string? name = null, TlsAnomalySeverity severity = TlsAnomalySeverity.Low)
    {
        if (limit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The handshake time limit must be positive.");
        }

        return new(TlsAnomalyKind.SlowHandshake, name, severity) { Limit = limit };
    }

    /// <summary>Hits a JA3 hash or JA3 string on the list.</summary>
    public static TlsAnomalyRule Ja3Blocked(IEnumerable<string> fingerprints, string? name = null, TlsAnomalySeverity severity = TlsAnomalySeverity.High) =>
        new(TlsAnomalyKind.Ja3Blocked, name, severity) { Fingerprints = Lower(NonEmpty(fingerprints, nameof(fingerprints), "fingerprint")) };

    /// <summary>Hits a JA4 (or JA4_r) fingerprint on the list.</summary>
    public static TlsAnomalyRule Ja4Blocked(IEnumerable<string> fingerprints, string? name = null, TlsAnomalySeverity severity = TlsAnomalySeverity.High) =>
        new(TlsAnomalyKind.Ja4Blocked, name, severity) { Fingerprints = Lower(NonEmpty(fingerprints, nameof(fingerprints), "fingerprint")) };

    /// <summary>The same rule with another severity.</summary>
    public TlsAnomalyRule WithSeverity(TlsAnomalySeverity severity) =>
        new(Kind, Name, severity)
        {
            MinimumLength = MinimumLength,
            MaximumLength = MaximumLength,
            AllowedAlpn = AllowedAlpn,
            Versions = Versions,
            CipherSuites = CipherSuites,
            Limit = Limit,
            Fingerprints = Fingerprints,
        };

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Description}";

    private static string[] NonEmpty(IEnumerable<string> values, string parameter, string what)
    {
        ArgumentNullException.ThrowIfNull(values, parameter);
        string[] list = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        return list.Length > 0 ? list : throw new ArgumentException($"The rule needs at least one {what}.", parameter);
    }

#pragma warning disable CA1308 // JA3 and JA4 are written in lower-case hex by every tool that prints them.
    private static string[] Lower(string[] values) => values.Select(v => v.ToLowerInvariant()).ToArray();
#pragma warning restore CA1308
}
