using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace NetOpsPS.Capture.Tls;

/// <summary>
/// JA3/JA3S (salesforce/ja3: decimal fields, dash-joined, GREASE left out, MD5) and JA4 (FoxIO JA4 technical
/// details, BSD-3-Clause: t/q, version, d/i, counts, ALPN ends, truncated SHA-256 of the sorted lists).
/// </summary>
public static class TlsFingerprint
{
    /// <summary>JA4's first character for TLS over TCP.</summary>
    public const char TransportTcp = 't';

    /// <summary>JA4's first character for TLS inside QUIC.</summary>
    public const char TransportQuic = 'q';

    private const string EmptyHash = "000000000000";

    /// <summary>SSLVersion,Ciphers,Extensions,EllipticCurves,EllipticCurvePointFormats.</summary>
    public static string Ja3(TlsClientHello hello)
    {
        ArgumentNullException.ThrowIfNull(hello);
        return string.Join(
            ',',
            hello.LegacyVersion.ToString(CultureInfo.InvariantCulture),
            Decimal(hello.CipherSuites),
            Decimal(hello.ExtensionTypesWithoutGrease),
            Decimal(hello.SupportedGroups),
            string.Join('-', hello.EcPointFormats.Select(f => f.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>SSLVersion,Cipher,Extensions of a ServerHello.</summary>
    public static string Ja3S(TlsServerHello hello)
    {
        ArgumentNullException.ThrowIfNull(hello);
        return string.Join(
            ',',
            hello.LegacyVersion.ToString(CultureInfo.InvariantCulture),
            hello.CipherSuite.ToString(CultureInfo.InvariantCulture),
            Decimal(hello.ExtensionTypesWithoutGrease));
    }

    /// <summary>Lower-case hex MD5, the form JA3 hashes are shared in.</summary>
    public static string Md5Hex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
#pragma warning disable CA5351 // JA3 is defined on MD5; this is an identifier, not a security control.
        return Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes(text))).ToLowerInvariant();
#pragma warning restore CA5351
    }

    /// <summary>JA4 = a_b_c (see the class summary); <paramref name="transport"/> is 't' or 'q'.</summary>
    public static string Ja4(TlsClientHello hello, char transport)
    {
        ArgumentNullException.ThrowIfNull(hello);
        var (ciphers, extensions, signatures) = Ja4Lists(hello);
        string extensionText = signatures.Length == 0 ? extensions : extensions + "_" + signatures;
        return Ja4Prefix(hello, transport) + "_" + Sha256Prefix(ciphers) + "_" + (extensions.Length == 0 ? EmptyHash : Sha256Prefix(extensionText));
    }

    /// <summary>JA4_r: the prefix, then the sorted cipher list, sorted extension list and signature algorithms in clear.</summary>
    public static string Ja4Raw(TlsClientHello hello, char transport)
    {
        ArgumentNullException.ThrowIfNull(hello);
        var (ciphers, extensions, signatures) = Ja4Lists(hello);
        string raw = Ja4Prefix(hello, transport) + "_" + ciphers + "_" + extensions;
        return signatures.Length == 0 ? raw : raw + "_" + signatures;
    }

    private static (string Ciphers, string Extensions, string Signatures) Ja4Lists(TlsClientHello hello)
    {
        string ciphers = HexList(hello.CipherSuites.Where(c => !TlsGrease.IsGrease(c)).Order());
        // SNI and ALPN are already in part a, so the same client hashes alike whether it names a host or not.
        string extensions = HexList(hello.ExtensionTypesWithoutGrease
            .Where(t => t is not TlsExtensionTypes.ServerName and not TlsExtensionTypes.Alpn).Order());
        string signatures = HexList(hello.SignatureAlgorithms.Where(s => !TlsGrease.IsGrease(s)));
        return (ciphers, extensions, signatures);
    }

    private static string Ja4Prefix(TlsClientHello hello, char transport)
    {
        int cipherCount = hello.CipherSuites.Count(c => !TlsGrease.IsGrease(c));
        int extensionCount = hello.ExtensionTypesWithoutGrease.Count();
        return string.Concat(
            transport.ToString(),
            Ja4Version(hello.HighestVersion),
            hello.HasExtension(TlsExtensionTypes.ServerName) ? "d" : "i",
            Math.Min(cipherCount, 99).ToString("00", CultureInfo.InvariantCulture),
            Math.Min(extensionCount, 99).ToString("00", CultureInfo.InvariantCulture),
            Ja4Alpn(hello.FirstAlpnBytes));
    }

    private static string Ja4Version(ushort version) => version switch
    {
        0x0304 => "13",
        0x0303 => "12",
        0x0302 => "11",
        0x0301 => "10",
        0x0300 => "s3",
        0x0200 => "s2",
        0x0100 => "s1",
        0xFEFF => "d1",
        0xFEFD => "d2",
        0xFEFC => "d3",
        _ => "00",
    };

    // First and last byte of the first ALPN value; if either is not an ASCII letter or digit, the first and
    // last characters of the value's hex form instead (high nibble of the first byte, low nibble of the last).
    private static string Ja4Alpn(byte[]? alpn)
    {
        if (alpn is null || alpn.Length == 0)
        {
            return "00";
        }

        byte first = alpn[0];
        byte last = alpn[^1];
        if (char.IsAsciiLetterOrDigit((char)first) && char.IsAsciiLetterOrDigit((char)last))
        {
            return string.Concat(((char)first).ToString(), ((char)last).ToString());
        }

        const string Digits = "0123456789abcdef";
        return string.Concat(Digits[first >> 4].ToString(), Digits[last & 0xF].ToString());
    }

    private static string Sha256Prefix(string text) =>
        text.Length == 0 ? EmptyHash : Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(text)))[..12].ToLowerInvariant();

    private static string HexList(IEnumerable<ushort> values) =>
        string.Join(',', values.Select(v => v.ToString("x4", CultureInfo.InvariantCulture)));

    private static string Decimal(IEnumerable<ushort> values) =>
        string.Join('-', values.Where(v => !TlsGrease.IsGrease(v)).Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
