using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetOpsPS.Capture.Tls;

namespace NetOpsPS.Capture.Rules;

/// <summary>Applies rules to handshakes; each hit becomes a <see cref="TlsAnomalyFinding"/> with its evidence.</summary>
public static class TlsAnomalyDetector
{
    // Cipher-suite name parts that mark a weak suite: no encryption or authentication, export grade,
    // broken ciphers (RFC 7465 RC4, RFC 8996's era of DES/3DES/IDEA/RC2) and MD5 MACs.
    private static readonly string[] WeakNameParts = ["_NULL_", "_EXPORT", "_anon_", "_RC4_", "_DES_", "DES40", "_3DES_", "_IDEA_", "_RC2_", "_MD5"];

    /// <summary>Every hit of <paramref name="rules"/> on <paramref name="handshake"/>, in rule order.</summary>
    public static IEnumerable<TlsAnomalyFinding> Evaluate(TlsHandshake handshake, IEnumerable<TlsAnomalyRule> rules)
    {
        ArgumentNullException.ThrowIfNull(handshake);
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            if (Check(rule, handshake) is { } evidence)
            {
                yield return new TlsAnomalyFinding(rule, handshake, evidence);
            }
        }
    }

    /// <summary>True for a suite in the built-in weak classes (by its IANA name).</summary>
    public static bool IsWeakCipherSuite(ushort suite)
    {
        string name = TlsNames.CipherSuite(suite);
        return name.StartsWith("TLS_", StringComparison.Ordinal) && WeakNameParts.Any(part => name.Contains(part, StringComparison.Ordinal));
    }

    private static string? Check(TlsAnomalyRule rule, TlsHandshake h) => rule.Kind switch
    {
        TlsAnomalyKind.MissingSni => string.IsNullOrEmpty(h.ServerName)
            ? h.ClientHello.HasExtension(0) ? "server_name extension without a host name" : "no server_name extension"
            : null,
        TlsAnomalyKind.SniLength => CheckSniLength(rule, h),
        TlsAnomalyKind.AlpnNotAllowed => CheckAlpn(rule, h),
        TlsAnomalyKind.DeprecatedVersion => CheckVersion(rule, h),
        TlsAnomalyKind.WeakCipher => CheckCiphers(rule, h),
        TlsAnomalyKind.SlowHandshake => h.HandshakeTime is { } t && t > rule.Limit
            ? $"handshake took {Milliseconds(t)} ms, limit {Milliseconds(rule.Limit!.Value)} ms"
            : null,
        TlsAnomalyKind.Ja3Blocked => rule.Fingerprints.Contains(h.Ja3Hash) ? "JA3 " + h.Ja3Hash + " is blocked"
            : rule.Fingerprints.Contains(h.Ja3) ? "JA3 string " + h.Ja3 + " is blocked" : null,
        TlsAnomalyKind.Ja4Blocked => rule.Fingerprints.Contains(h.Ja4) ? "JA4 " + h.Ja4 + " is blocked"
            : rule.Fingerprints.Contains(h.Ja4Raw) ? "JA4_r " + h.Ja4Raw + " is blocked" : null,
        _ => null,
    };

    private static string? CheckSniLength(TlsAnomalyRule rule, TlsHandshake h)
    {
        if (string.IsNullOrEmpty(h.ServerName))
        {
            return null; // MissingSni's business
        }

        int length = h.ServerName.Length;
        return length < rule.MinimumLength ? $"server name '{h.ServerName}' has {length} characters, fewer than {rule.MinimumLength}"
            : length > rule.MaximumLength ? $"server name of {length} characters, more than {rule.MaximumLength}"
            : null;
    }

    private static string? CheckAlpn(TlsAnomalyRule rule, TlsHandshake h)
    {
        string[] offered = h.AlpnProtocols.Where(p => !rule.AllowedAlpn.Contains(p, StringComparer.Ordinal)).ToArray();
        if (offered.Length > 0)
        {
            return "client offers ALPN " + string.Join(", ", offered.Select(p => "'" + p + "'"));
        }

        return h.ServerAlpn is { } chosen && !rule.AllowedAlpn.Contains(chosen, StringComparer.Ordinal)
            ? "server chose ALPN '" + chosen + "'"
            : null;
    }

    private static string? CheckVersion(TlsAnomalyRule rule, TlsHandshake h)
    {
        if (h.ServerHello is { } server)
        {
            return rule.Versions.Contains(server.SelectedVersion) ? "server chose " + TlsNames.Version(server.SelectedVersion) : null;
        }

        ushort offered = h.ClientHello.HighestVersion;
        return rule.Versions.Contains(offered) ? "client offers at most " + TlsNames.Version(offered) : null;
    }

    private static string? CheckCiphers(TlsAnomalyRule rule, TlsHandshake h)
    {
        ushort[] weak = h.ClientHello.CipherSuites.Where(s => rule.CipherSuites.Contains(s) || IsWeakCipherSuite(s)).Distinct().ToArray();
        if (weak.Length == 0)
        {
            return null;
        }

        const int Shown = 5;
        string list = string.Join(", ", weak.Take(Shown).Select(s => TlsNames.CipherSuite(s) + " (" + TlsNames.Hex(s) + ")"));
        return $"client offers {weak.Length} weak cipher suite(s): {list}" + (weak.Length > Shown ? ", ..." : string.Empty);
    }

    private static string Milliseconds(TimeSpan t) => t.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
}
