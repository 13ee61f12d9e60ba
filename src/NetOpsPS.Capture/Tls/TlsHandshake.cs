using System;
using System.Collections.Generic;
using System.Linq;

namespace NetOpsPS.Capture.Tls;

/// <summary>
/// One TLS handshake seen on the wire: the client's offer, the server's choice where visible, the time between
/// them, and the client's fingerprints. Names for code points; the numeric values are on ClientHello/ServerHello.
/// </summary>
public sealed class TlsHandshake
{
    internal TlsHandshake(
        TlsFlow flow,
        TlsClientHello clientHello,
        TlsServerHello? serverHello,
        DateTimeOffset timestamp,
        TimeSpan? handshakeTime,
        int clientHelloSegments,
        IReadOnlyList<string> streamProblems)
    {
        Flow = flow;
        ClientHello = clientHello;
        ServerHello = serverHello;
        Timestamp = timestamp;
        HandshakeTime = handshakeTime;
        ClientHelloSegments = clientHelloSegments;
        var problems = new List<string>(streamProblems);
        problems.AddRange(clientHello.Problems.Select(p => "ClientHello: " + p));
        if (serverHello is not null)
        {
            problems.AddRange(serverHello.Problems.Select(p => "ServerHello: " + p));
        }

        Problems = problems;
        Status = WorstOf(clientHello.Status, serverHello?.Status) switch
        {
            TlsDecodeStatus.Malformed => TlsHandshakeStatus.Malformed,
            TlsDecodeStatus.Truncated => TlsHandshakeStatus.Truncated,
            _ => serverHello is null ? TlsHandshakeStatus.NoServerHello : TlsHandshakeStatus.Complete,
        };
    }

    /// <summary>When the first byte of the ClientHello was captured.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The connection, client to server.</summary>
    public TlsFlow Flow { get; }

    /// <summary>The host name the client asked for (SNI), or null without the extension.</summary>
    public string? ServerName => ClientHello.ServerName;

    /// <summary>The ALPN protocols the client offered, in order.</summary>
    public IReadOnlyList<string> AlpnProtocols => ClientHello.AlpnProtocols;

    /// <summary>The ClientHello's legacy_version.</summary>
    public string LegacyVersion => TlsNames.Version(ClientHello.LegacyVersion);

    /// <summary>supported_versions as offered (GREASE included).</summary>
    public IReadOnlyList<string> SupportedVersions => ClientHello.SupportedVersions.Select(TlsNames.Version).ToArray();

    /// <summary>The highest version the client offered.</summary>
    public string OfferedVersion => TlsNames.Version(ClientHello.HighestVersion);

    /// <summary>The version the server chose, or null without a ServerHello.</summary>
    public string? Version => ServerHello is null ? null : TlsNames.Version(ServerHello.SelectedVersion);

    /// <summary>The cipher suites offered, in order.</summary>
    public IReadOnlyList<string> CipherSuites => ClientHello.CipherSuites.Select(TlsNames.CipherSuite).ToArray();

    /// <summary>The client's extensions, in order (GREASE included).</summary>
    public IReadOnlyList<TlsExtension> Extensions => ClientHello.Extensions;

    /// <summary>signature_algorithms, in order.</summary>
    public IReadOnlyList<string> SignatureAlgorithms => ClientHello.SignatureAlgorithms.Select(TlsNames.SignatureScheme).ToArray();

    /// <summary>supported_groups, in order.</summary>
    public IReadOnlyList<string> SupportedGroups => ClientHello.SupportedGroups.Select(TlsNames.Group).ToArray();

    /// <summary>ec_point_formats, in order.</summary>
    public IReadOnlyList<string> EcPointFormats => ClientHello.EcPointFormats.Select(TlsNames.EcPointFormat).ToArray();

    /// <summary>The cipher suite the server chose.</summary>
    public string? ServerCipherSuite => ServerHello is null ? null : TlsNames.CipherSuite(ServerHello.CipherSuite);

    /// <summary>The ALPN protocol the server chose, where it is in the clear (TLS 1.2); null in TLS 1.3.</summary>
    public string? ServerAlpn => ServerHello?.AlpnProtocol;

    /// <summary>From the segment that completed the ClientHello to the one that completed the ServerHello (one round trip plus server time).</summary>
    public TimeSpan? HandshakeTime { get; }

    /// <summary>The JA3 string.</summary>
    public string Ja3 => ClientHello.Ja3;

    /// <summary>The JA3 MD5 hash.</summary>
    public string Ja3Hash => ClientHello.Ja3Hash;

    /// <summary>The JA4 fingerprint.</summary>
    public string Ja4 => ClientHello.Ja4;

    /// <summary>JA4_r, the JA4 lists in clear.</summary>
    public string Ja4Raw => ClientHello.Ja4Raw;

    /// <summary>The server's JA3S hash, or null without a ServerHello.</summary>
    public string? Ja3SHash => ServerHello?.Ja3SHash;

    /// <summary>How many TCP segments carried the ClientHello (above one, it was reassembled).</summary>
    public int ClientHelloSegments { get; }

    /// <summary>Complete, NoServerHello, Truncated or Malformed.</summary>
    public TlsHandshakeStatus Status { get; }

    /// <summary>What was wrong with the records or hellos, in words.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The decoded ClientHello with numeric code points.</summary>
    public TlsClientHello ClientHello { get; }

    /// <summary>The decoded ServerHello, or null.</summary>
    public TlsServerHello? ServerHello { get; }

    private static TlsDecodeStatus WorstOf(TlsDecodeStatus client, TlsDecodeStatus? server) =>
        server is { } s && s > client ? s : client;
}
