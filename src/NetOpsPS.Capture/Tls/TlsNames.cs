using System.Globalization;

namespace NetOpsPS.Capture.Tls;

/// <summary>
/// Names of TLS code points as the IANA registries and Wireshark spell them (TLS_AES_128_GCM_SHA256, key_share,
/// x25519, rsa_pss_rsae_sha256). A value without a name prints as 0xHHHH; GREASE as GREASE(0xHHHH).
/// </summary>
public static partial class TlsNames
{
    /// <summary>A cipher suite's IANA name.</summary>
    public static string CipherSuite(ushort value) => Lookup(CipherSuitesTable, value);

    /// <summary>An extension type's IANA name.</summary>
    public static string Extension(ushort value) => Lookup(ExtensionsTable, value);

    /// <summary>A supported group (named curve or finite-field group).</summary>
    public static string Group(ushort value) => Lookup(GroupsTable, value);

    /// <summary>A signature scheme (RFC 8446 §4.2.3), or a TLS 1.2 hash/signature pair.</summary>
    public static string SignatureScheme(ushort value) => Lookup(SignatureSchemesTable, value);

    /// <summary>An EC point format (RFC 8422 §5.1.2).</summary>
    public static string EcPointFormat(byte value) => value switch
    {
        0 => "uncompressed",
        1 => "ansiX962_compressed_prime",
        2 => "ansiX962_compressed_char2",
        _ => Hex(value),
    };

    /// <summary>A protocol version: SSL 3.0, TLS 1.0 ... TLS 1.3.</summary>
    public static string Version(ushort value) => value switch
    {
        0x0002 => "SSL 2.0",
        0x0300 => "SSL 3.0",
        0x0301 => "TLS 1.0",
        0x0302 => "TLS 1.1",
        0x0303 => "TLS 1.2",
        0x0304 => "TLS 1.3",
        0xFEFF => "DTLS 1.0",
        0xFEFD => "DTLS 1.2",
        0xFEFC => "DTLS 1.3",
        _ when TlsGrease.IsGrease(value) => Grease(value),
        _ when value >> 8 == 0x7F => "TLS 1.3 (draft " + (value & 0xFF).ToString(CultureInfo.InvariantCulture) + ")",
        _ => Hex(value),
    };

    /// <summary>The cipher suite whose IANA name this is (case-insensitive), for rules written by name.</summary>
    public static bool TryParseCipherSuite(string name, out ushort value)
    {
        foreach (var entry in CipherSuitesTable)
        {
            if (string.Equals(entry.Value, name, System.StringComparison.OrdinalIgnoreCase))
            {
                value = entry.Key;
                return true;
            }
        }

        value = 0;
        return false;
    }

    /// <summary>Four lower-case hex digits with a 0x prefix, as rules and tshark print code points.</summary>
    public static string Hex(ushort value) => "0x" + value.ToString("x4", CultureInfo.InvariantCulture);

    private static string Grease(ushort value) => "GREASE(" + Hex(value) + ")";

    private static string Lookup(System.Collections.Frozen.FrozenDictionary<ushort, string> table, ushort value) =>
        table.TryGetValue(value, out var name) ? name : TlsGrease.IsGrease(value) ? Grease(value) : Hex(value);
}
