using System.Collections.Generic;

namespace NetOpsPS.Capture.Tls;

/// <summary>A decoded ServerHello (RFC 8446 §4.1.3): what the server chose, where the capture can see it.</summary>
public sealed class TlsServerHello : TlsHelloBase
{
    private string? _ja3s;

    internal TlsServerHello()
    {
    }

    /// <summary>The chosen cipher suite.</summary>
    public ushort CipherSuite { get; internal set; }

    /// <summary>The chosen legacy compression method.</summary>
    public byte CompressionMethod { get; internal set; }

    /// <summary>
    /// The negotiated version: selected_version from supported_versions (TLS 1.3) or else legacy_version.
    /// </summary>
    public ushort SelectedVersion { get; internal set; }

    /// <summary>
    /// The ALPN protocol the server chose, when sent in the clear (TLS 1.2 and below). TLS 1.3 sends it in the
    /// encrypted EncryptedExtensions, so it is null there.
    /// </summary>
    public string? AlpnProtocol { get; internal set; }

    /// <summary>True when this is a HelloRetryRequest (RFC 8446 §4.1.3: the fixed SHA-256("HelloRetryRequest") random).</summary>
    public bool IsHelloRetryRequest { get; internal set; }

    /// <summary>The JA3S string: version,cipher,extensions in decimal.</summary>
    public string Ja3S => _ja3s ??= TlsFingerprint.Ja3S(this);

    /// <summary>MD5 of <see cref="Ja3S"/>.</summary>
    public string Ja3SHash => TlsFingerprint.Md5Hex(Ja3S);
}
