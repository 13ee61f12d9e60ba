using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace NetOpsPS.Capture.Tls;

/// <summary>
/// Decodes ClientHello and ServerHello bodies. Never throws on content: every length is checked against the
/// bytes present, and a short or contradictory message keeps the fields read before the fault and says why.
/// </summary>
internal static class TlsHelloParser
{
    internal const byte ClientHelloType = 1;
    internal const byte ServerHelloType = 2;

    // RFC 8446 §4.1.3: the random of a HelloRetryRequest is SHA-256("HelloRetryRequest").
    private static readonly byte[] HelloRetryRequestRandom = SHA256.HashData("HelloRetryRequest"u8);

    /// <summary>
    /// The hello at the start of <paramref name="stream"/> (one packet's payload, or a reassembled direction),
    /// complete or as far as the bytes go; null when the bytes are not a TLS ClientHello or ServerHello.
    /// </summary>
    public static TlsHelloBase? ParseFirstHello(ReadOnlySpan<byte> stream, int maxMessageBytes)
    {
        if (stream.Length < 6)
        {
            return null;
        }

        var scan = TlsHandshakeScanner.Scan(stream, maxMessageBytes);
        if (scan.State == TlsScanState.NotTls || scan.Body.Length == 0)
        {
            return null;
        }

        TlsHelloBase? hello = scan.MessageType switch
        {
            ClientHelloType => ParseClientHello(scan.Body, scan.DeclaredLength, scan.RecordVersion),
            ServerHelloType => ParseServerHello(scan.Body, scan.DeclaredLength, scan.RecordVersion),
            _ => null,
        };
        if (hello is not null && scan.State == TlsScanState.Malformed)
        {
            hello.Flag(TlsDecodeStatus.Malformed, scan.Problem ?? "the records break the rules");
        }

        return hello;
    }

    /// <summary>Decodes a ClientHello body (the bytes after the 4-byte handshake header).</summary>
    public static TlsClientHello ParseClientHello(ReadOnlySpan<byte> body, int declaredLength, ushort recordVersion)
    {
        var hello = new TlsClientHello { DeclaredLength = declaredLength, RecordVersion = recordVersion };
        var reader = new TlsReader(body);
        if (!ReadPrologue(ref reader, hello, out _))
        {
            return hello;
        }

        bool whole = reader.TryReadVector(2, out ReadOnlySpan<byte> suites, out int suitesLength);
        hello.CipherSuites = ReadUInt16List(suites, hello, "cipher_suites");
        if (!whole)
        {
            hello.Flag(TlsDecodeStatus.Truncated, "ends inside cipher_suites");
            return hello;
        }

        if (suitesLength == 0)
        {
            hello.Flag(TlsDecodeStatus.Malformed, "cipher_suites is empty");
        }

        whole = reader.TryReadVector(1, out ReadOnlySpan<byte> compression, out _);
        hello.CompressionMethods = compression.ToArray();
        if (!whole)
        {
            hello.Flag(TlsDecodeStatus.Truncated, "ends inside legacy_compression_methods");
            return hello;
        }

        ReadExtensions(ref reader, hello, (ext, data) => DecodeClientExtension(hello, ext, data));
        return hello;
    }

    /// <summary>Decodes a ServerHello body.</summary>
    public static TlsServerHello ParseServerHello(ReadOnlySpan<byte> body, int declaredLength, ushort recordVersion)
    {
        var hello = new TlsServerHello { DeclaredLength = declaredLength, RecordVersion = recordVersion };
        var reader = new TlsReader(body);
        bool read = ReadPrologue(ref reader, hello, out bool helloRetryRequest);
        hello.SelectedVersion = hello.LegacyVersion;
        hello.IsHelloRetryRequest = helloRetryRequest;
        if (!read)
        {
            return hello;
        }

        if (!reader.TryReadUInt16(out ushort suite))
        {
            hello.Flag(TlsDecodeStatus.Truncated, "ends inside cipher_suite");
            return hello;
        }

        hello.CipherSuite = suite;
        if (!reader.TryReadByte(out byte compression))
        {
            hello.Flag(TlsDecodeStatus.Truncated, "ends inside legacy_compression_method");
            return hello;
        }

        hello.CompressionMethod = compression;
        ReadExtensions(ref reader, hello, (ext, data) => DecodeServerExtension(hello, ext, data));
        return hello;
    }

    // legacy_version, random, legacy_session_id: the same in both hellos (RFC 8446 §4.1.2, §4.1.3).
    private static bool ReadPrologue(ref TlsReader reader, TlsHelloBase hello, out bool helloRetryRequest)
    {
        helloRetryRequest = false;
        if (reader.Remaining < hello.DeclaredLength)
        {
            hello.Flag(TlsDecodeStatus.Truncated, $"{reader.Remaining} of {hello.DeclaredLength} message bytes present");
        }

        if (!reader.TryReadUInt16(out ushort version))
        {
            hello.Flag(TlsDecodeStatus.Truncated, "ends inside legacy_version");
            return false;
        }

        hello.LegacyVersion = version;
        if (!reader.TryReadBytes(32, out ReadOnlySpan<byte> random))
        {
            hello.Flag(TlsDecodeStatus.Truncated, "ends inside random");
            return false;
        }

        helloRetryRequest = random.SequenceEqual(HelloRetryRequestRandom);
        bool whole = reader.TryReadVector(1, out _, out int length);
        hello.SessionIdLength = length;
        if (!whole)
        {
            hello.Flag(TlsDecodeStatus.Truncated, "ends inside legacy_session_id");
            return false;
        }

        if (length > 32)
        {
            hello.Flag(TlsDecodeStatus.Malformed, $"legacy_session_id of {length} bytes (at most 32)");
        }

        return true;
    }

    private delegate void ExtensionDecoder(TlsExtension extension, ReadOnlySpan<byte> data);

    // RFC 8446 §4.2: Extension extensions<8..2^16-1>; absent altogether in a TLS 1.2 hello without extensions.
    private static void ReadExtensions(ref TlsReader reader, TlsHelloBase hello, ExtensionDecoder decode)
    {
        if (reader.IsEmpty)
        {
            return;
        }

        bool whole = reader.TryReadVector(2, out ReadOnlySpan<byte> block, out _);
        if (!whole)
        {
            hello.Flag(TlsDecodeStatus.Truncated, "ends inside the extensions");
        }

        if (!reader.IsEmpty)
        {
            hello.Flag(TlsDecodeStatus.Malformed, $"{reader.Remaining} bytes after the extensions");
        }

        var list = new List<TlsExtension>();
        var seen = new HashSet<ushort>();
        var inner = new TlsReader(block);
        while (!inner.IsEmpty)
        {
            if (!inner.TryReadUInt16(out ushort type) || !inner.TryReadUInt16(out ushort length))
            {
                hello.Flag(whole ? TlsDecodeStatus.Malformed : TlsDecodeStatus.Truncated, "ends inside an extension header");
                break;
            }

            bool complete = inner.TryReadBytes(length, out ReadOnlySpan<byte> data);
            var extension = new TlsExtension(type, data.ToArray(), length);
            list.Add(extension);
            if (!seen.Add(type))
            {
                hello.Flag(TlsDecodeStatus.Malformed, $"extension {extension} sent twice (RFC 8446 §4.2)");
            }

            if (!complete)
            {
                hello.Flag(whole ? TlsDecodeStatus.Malformed : TlsDecodeStatus.Truncated, $"extension {extension} is cut short");
                break;
            }

            decode(extension, data);
        }

        hello.Extensions = list;
    }

    private static void DecodeClientExtension(TlsClientHello hello, TlsExtension extension, ReadOnlySpan<byte> data)
    {
        var reader = new TlsReader(data);
        switch (extension.Type)
        {
            case TlsExtensionTypes.ServerName:
                hello.ServerName = ReadServerName(ref reader, hello, extension);
                break;
            case TlsExtensionTypes.Alpn:
                ReadAlpn(ref reader, hello, extension);
                break;
            case TlsExtensionTypes.SupportedVersions:
                hello.SupportedVersions = ReadUInt16Vector(ref reader, 1, hello, extension);
                break;
            case TlsExtensionTypes.SignatureAlgorithms:
                hello.SignatureAlgorithms = ReadUInt16Vector(ref reader, 2, hello, extension);
                break;
            case TlsExtensionTypes.SupportedGroups:
                hello.SupportedGroups = ReadUInt16Vector(ref reader, 2, hello, extension);
                break;
            case TlsExtensionTypes.EcPointFormats:
                bool whole = reader.TryReadVector(1, out ReadOnlySpan<byte> formats, out _);
                hello.EcPointFormats = formats.ToArray();
                CheckConsumed(whole, ref reader, hello, extension);
                break;
            default:
                return;
        }
    }

    private static void DecodeServerExtension(TlsServerHello hello, TlsExtension extension, ReadOnlySpan<byte> data)
    {
        var reader = new TlsReader(data);
        switch (extension.Type)
        {
            case TlsExtensionTypes.SupportedVersions:
                // RFC 8446 §4.2.1: the server's form is one selected_version, not a list.
                CheckConsumed(reader.TryReadUInt16(out ushort selected), ref reader, hello, extension);
                hello.SelectedVersion = selected;
                break;
            case TlsExtensionTypes.Alpn:
                // RFC 7301 §3.1: the server answers with a list of exactly one name.
                var names = new List<string>();
                bool whole = ReadProtocolNames(ref reader, names, out _);
                CheckConsumed(whole, ref reader, hello, extension);
                if (names.Count != 1)
                {
                    hello.Flag(TlsDecodeStatus.Malformed, $"extension {extension} names {names.Count} protocols (RFC 7301 §3.1: exactly one)");
                }

                hello.AlpnProtocol = names.Count > 0 ? names[0] : null;
                break;
            default:
                return;
        }
    }

    // RFC 6066 §3: ServerNameList of (NameType, HostName); host_name(0) is the only type defined.
    private static string? ReadServerName(ref TlsReader reader, TlsClientHello hello, TlsExtension extension)
    {
        if (extension.Length == 0)
        {
            return string.Empty; // allowed in a ServerHello; in a ClientHello it says "SNI with no name"
        }

        bool whole = reader.TryReadVector(2, out ReadOnlySpan<byte> list, out _);
        CheckConsumed(whole, ref reader, hello, extension);
        var names = new TlsReader(list);
        string? first = null;
        while (!names.IsEmpty)
        {
            if (!names.TryReadByte(out byte type) || !names.TryReadVector(2, out ReadOnlySpan<byte> name, out _))
            {
                hello.Flag(TlsDecodeStatus.Malformed, $"extension {extension}: a name runs past its list");
                break;
            }

            if (type == 0 && first is null)
            {
                first = Encoding.UTF8.GetString(name);
            }
        }

        return first;
    }

    private static void ReadAlpn(ref TlsReader reader, TlsClientHello hello, TlsExtension extension)
    {
        var names = new List<string>();
        bool whole = ReadProtocolNames(ref reader, names, out byte[]? first);
        CheckConsumed(whole, ref reader, hello, extension);
        hello.AlpnProtocols = names;
        hello.FirstAlpnBytes = first;
    }

    private static bool ReadProtocolNames(ref TlsReader reader, List<string> names, out byte[]? first)
    {
        first = null;
        bool whole = reader.TryReadVector(2, out ReadOnlySpan<byte> list, out _);
        var inner = new TlsReader(list);
        while (!inner.IsEmpty)
        {
            if (!inner.TryReadVector(1, out ReadOnlySpan<byte> name, out _))
            {
                return false;
            }

            first ??= name.ToArray();
            names.Add(Encoding.UTF8.GetString(name));
        }

        return whole;
    }

    private static ushort[] ReadUInt16Vector(ref TlsReader reader, int prefix, TlsHelloBase hello, TlsExtension extension)
    {
        bool whole = reader.TryReadVector(prefix, out ReadOnlySpan<byte> list, out _);
        CheckConsumed(whole, ref reader, hello, extension);
        return ReadUInt16List(list, hello, extension.ToString());
    }

    private static ushort[] ReadUInt16List(ReadOnlySpan<byte> list, TlsHelloBase hello, string what)
    {
        if (list.Length % 2 != 0)
        {
            hello.Flag(TlsDecodeStatus.Malformed, $"{what} has an odd length");
        }

        var values = new ushort[list.Length / 2];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (ushort)((list[2 * i] << 8) | list[(2 * i) + 1]);
        }

        return values;
    }

    private static void CheckConsumed(bool whole, ref TlsReader reader, TlsHelloBase hello, TlsExtension extension)
    {
        if (!whole || !reader.IsEmpty)
        {
            hello.Flag(TlsDecodeStatus.Malformed, $"extension {extension}: inner length disagrees with the extension length");
        }
    }
}
