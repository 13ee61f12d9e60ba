namespace NetOpsPS.Capture.Tls;

/// <summary>The extension code points the decoder reads (IANA TLS ExtensionType Values).</summary>
internal static class TlsExtensionTypes
{
    public const ushort ServerName = 0;
    public const ushort SupportedGroups = 10;
    public const ushort EcPointFormats = 11;
    public const ushort SignatureAlgorithms = 13;
    public const ushort Alpn = 16;
    public const ushort SupportedVersions = 43;
}
