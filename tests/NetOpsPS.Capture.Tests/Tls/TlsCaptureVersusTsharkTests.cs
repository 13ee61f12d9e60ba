using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using NetOpsPS.Capture.Tests.Support;
using NetOpsPS.Capture.Tls;
using Xunit;

namespace NetOpsPS.Capture.Tests.Tls;

/// <summary>Every decoded hello field compared with tshark 4.0 on the same openssl s_client/s_server capture.</summary>
public sealed class TlsCaptureVersusTsharkTests : IClassFixture<TlsCaptureFixture>
{
    private readonly TlsCaptureFixture _capture;

    public TlsCaptureVersusTsharkTests(TlsCaptureFixture capture)
    {
        _capture = capture;
    }

    [Fact]
    public void ClientHelloFieldsEqualTsharks()
    {
        var ours = PcapSegments.Track(_capture.PcapPath);
        var rows = Tshark.Rows(
            _capture.PcapPath,
            "tls.handshake.type == 1",
            "tcp.srcport", "tls.handshake.version", "tls.handshake.extensions_server_name", "tls.handshake.extensions_alpn_str",
            "tls.handshake.extensions.supported_version", "tls.handshake.ciphersuite", "tls.handshake.extension.type",
            "tls.handshake.sig_hash_alg", "tls.handshake.extensions_supported_group", "tls.handshake.extensions_ec_point_format",
            "tls.handshake.ja3_full", "tls.handshake.ja3", "tls.record.version");

        Assert.Equal(4, rows.Count);
        Assert.Equal(4, ours.Count);
        foreach (string[] row in rows)
        {
            TlsHandshake h = Assert.Single(ours, x => x.Flow.ClientPort == int.Parse(row[0], CultureInfo.InvariantCulture));
            TlsClientHello hello = h.ClientHello;
            Assert.Equal(TlsDecodeStatus.Complete, hello.Status);
            Assert.Equal(_capture.Port, h.Flow.ServerPort);
            Assert.Equal(Tshark.Numbers(row[1]).Single(), hello.LegacyVersion);
            Assert.Equal(row[2].Length == 0 ? null : row[2], hello.ServerName);
            Assert.Equal(Tshark.Strings(row[3]), hello.AlpnProtocols);
            Assert.Equal(Tshark.Numbers(row[4]), hello.SupportedVersions);
            Assert.Equal(Tshark.Numbers(row[5]), hello.CipherSuites);
            Assert.Equal(Tshark.Numbers(row[6]), hello.Extensions.Select(e => e.Type));
            Assert.Equal(Tshark.Numbers(row[7]), hello.SignatureAlgorithms);
            Assert.Equal(Tshark.Numbers(row[8]), hello.SupportedGroups);
            Assert.Equal(Tshark.Numbers(row[9]).Select(v => (byte)v), hello.EcPointFormats);
            Assert.Equal(row[10], h.Ja3);
            Assert.Equal(row[11], h.Ja3Hash);
            Assert.Equal(Tshark.Numbers(row[12]).First(), hello.RecordVersion);
            Assert.Equal(Ja4FromTsharkFields(row), h.Ja4);
            Assert.Equal(1, h.ClientHelloSegments);
        }
    }

    [Fact]
    public void ServerChoicesAndHandshakeTimeEqualTsharks()
    {
        var ours = PcapSegments.Track(_capture.PcapPath);
        var servers = Tshark.Rows(
            _capture.PcapPath,
            "tls.handshake.type == 2",
            "tcp.dstport", "frame.time_epoch", "tls.handshake.extensions.supported_version", "tls.handshake.ciphersuite",
            "tls.handshake.extensions_alpn_str", "tls.handshake.ja3s");
        var clients = Tshark.Rows(_capture.PcapPath, "tls.handshake.type == 1", "tcp.srcport", "frame.time_epoch");

        Assert.Equal(4, servers.Count);
        foreach (string[] row in servers)
        {
            int port = int.Parse(row[0], CultureInfo.InvariantCulture);
            TlsHandshake h = Assert.Single(ours, x => x.Flow.ClientPort == port);
            TlsServerHello server = Assert.IsType<TlsServerHello>(h.ServerHello);
            Assert.Equal(TlsHandshakeStatus.Complete, h.Status);
            ushort[] selected = Tshark.Numbers(row[2]);
            Assert.Equal(selected.Length > 0 ? selected[0] : (ushort)0x0303, server.SelectedVersion);
            Assert.Equal(Tshark.Numbers(row[3]).Single(), server.CipherSuite);
            Assert.Equal(row[4].Length == 0 ? null : row[4], server.AlpnProtocol);
            Assert.Equal(row[5], server.Ja3SHash);

            string clientTime = clients.Single(c => c[0] == row[0])[1];
            decimal expected = decimal.Parse(row[1], CultureInfo.InvariantCulture) - decimal.Parse(clientTime, CultureInfo.InvariantCulture);
            Assert.Equal((double)expected, h.HandshakeTime!.Value.TotalSeconds, precision: 6);
        }

        Assert.Equal(2, ours.Count(h => h.Version == "TLS 1.3"));
        Assert.Equal(2, ours.Count(h => h.Version == "TLS 1.2"));
        Assert.Single(ours, h => h.ServerName is null && h.Version == "TLS 1.3");
    }

    // JA4 recomputed in the test from tshark's fields (not from our decoder), per FoxIO's JA4 technical details.
    private static string Ja4FromTsharkFields(string[] row)
    {
        ushort[] versions = Tshark.Numbers(row[4]).Where(v => !TlsGrease.IsGrease(v)).ToArray();
        ushort version = versions.Length > 0 ? versions.Max() : Tshark.Numbers(row[1]).Single();
        string[] alpn = Tshark.Strings(row[3]);
        ushort[] ciphers = Tshark.Numbers(row[5]).Where(v => !TlsGrease.IsGrease(v)).ToArray();
        ushort[] extensions = Tshark.Numbers(row[6]).Where(v => !TlsGrease.IsGrease(v)).ToArray();
        string a = "t" + (version == 0x0304 ? "13" : "12") + (row[2].Length > 0 ? "d" : "i")
            + ciphers.Length.ToString("00", CultureInfo.InvariantCulture) + extensions.Length.ToString("00", CultureInfo.InvariantCulture)
            + (alpn.Length == 0 ? "00" : $"{alpn[0][0]}{alpn[0][^1]}");
        string cipherList = string.Join(',', ciphers.Order().Select(c => c.ToString("x4", CultureInfo.InvariantCulture)));
        string extensionList = string.Join(',', extensions.Where(e => e is not 0 and not 16).Order().Select(c => c.ToString("x4", CultureInfo.InvariantCulture)));
        string signatures = string.Join(',', Tshark.Numbers(row[7]).Select(c => c.ToString("x4", CultureInfo.InvariantCulture)));
        return a + "_" + Sha12(cipherList) + "_" + Sha12(signatures.Length > 0 ? extensionList + "_" + signatures : extensionList);
    }

    private static string Sha12(string text) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(text)))[..12].ToLowerInvariant();
}
