using System.Collections.Generic;
using System.Linq;

namespace NetOpsPS.Capture.Tls;

/// <summary>A decoded ClientHello (RFC 8446 §4.1.2, RFC 5246 §7.4.1.2), fields as sent, GREASE kept.</summary>
public sealed class TlsClientHello : TlsHelloBase
{
    private string? _ja3;
    private string? _ja4;

    internal TlsClientHello()
    {
    }

    /// <summary>cipher_suites in the client's order.</summary>
    public IReadOnlyList<ushort> CipherSuites { get; internal set; } = [];

    /// <summary>legacy_compression_methods (just 0 = null in any modern client).</summary>
    public IReadOnlyList<byte> CompressionMethods { get; internal set; } = [];

    /// <summary>The host_name in server_name (RFC 6066 §3), or null when the extension is absent.</summary>
    public string? ServerName { get; internal set; }

    /// <summary>ALPN protocol names in the client's order (RFC 7301 §3.1).</summary>
    public IReadOnlyList<string> AlpnProtocols { get; internal set; } = [];

    /// <summary>supported_versions (RFC 8446 §4.2.1), GREASE kept; empty when the extension is absent.</summary>
    public IReadOnlyList<ushort> SupportedVersions { get; internal set; } = [];

    /// <summary>signature_algorithms (RFC 8446 §4.2.3) in the client's order.</summary>
    public IReadOnlyList<ushort> SignatureAlgorithms { get; internal set; } = [];

    /// <summary>supported_groups (RFC 8446 §4.2.7, formerly elliptic_curves) in the client's order.</summary>
    public IReadOnlyList<ushort> SupportedGroups { get; internal set; } = [];

    /// <summary>ec_point_formats (RFC 8422 §5.1.2).</summary>
    public IReadOnlyList<byte> EcPointFormats { get; internal set; } = [];

    /// <summary>
    /// The highest version the client offers: the largest non-GREASE supported_versions entry, else
    /// legacy_version (the rule JA4 uses too).
    /// </summary>
    public ushort HighestVersion
    {
        get
        {
            var offered = SupportedVersions.Where(v => !TlsGrease.IsGrease(v)).ToArray();
            return offered.Length > 0 ? offered.Max() : LegacyVersion;
        }
    }

    /// <summary>The JA3 string: version,ciphers,extensions,groups,point formats in decimal, GREASE left out.</summary>
    public string Ja3 => _ja3 ??= TlsFingerprint.Ja3(this);

    /// <summary>MD5 of <see cref="Ja3"/>, lower-case hex.</summary>
    public string Ja3Hash => TlsFingerprint.Md5Hex(Ja3);

    /// <summary>The JA4 fingerprint over TCP (FoxIO JA4 technical details).</summary>
    public string Ja4 => _ja4 ??= TlsFingerprint.Ja4(this, TlsFingerprint.TransportTcp);

    /// <summary>JA4_r: JA4 with the sorted lists instead of their hashes.</summary>
    public string Ja4Raw => TlsFingerprint.Ja4Raw(this, TlsFingerprint.TransportTcp);

    /// <summary>The first ALPN protocol's raw bytes, which JA4 reads byte by byte.</summary>
    internal byte[]? FirstAlpnBytes { get; set; }
}
