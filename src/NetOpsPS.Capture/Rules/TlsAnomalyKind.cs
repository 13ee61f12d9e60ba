namespace NetOpsPS.Capture.Rules;

/// <summary>What a TLS anomaly rule looks for.</summary>
public enum TlsAnomalyKind
{
    /// <summary>The ClientHello names no server (no server_name extension, or an empty one).</summary>
    MissingSni,

    /// <summary>The server name is shorter or longer than the bounds.</summary>
    SniLength,

    /// <summary>The client offers, or the server picks, an ALPN protocol outside the allow-list.</summary>
    AlpnNotAllowed,

    /// <summary>The negotiated version (or, without a ServerHello, the best the client offers) is deprecated.</summary>
    DeprecatedVersion,

    /// <summary>The client offers a weak cipher suite (NULL, EXPORT, anon, RC4, DES, 3DES, IDEA, RC2, MD5) or one on the rule's list.</summary>
    WeakCipher,

    /// <summary>ClientHello to ServerHello took longer than the limit.</summary>
    SlowHandshake,

    /// <summary>The JA3 hash (or string) is on the block-list.</summary>
    Ja3Blocked,

    /// <summary>The JA4 (or JA4_r) fingerprint is on the block-list.</summary>
    Ja4Blocked,
}
