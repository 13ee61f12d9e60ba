using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NetOpsPS.Capture.Files;
using NetOpsPS.Capture.Tests.Support;
using NetOpsPS.Capture.Tls;
using Xunit;

namespace NetOpsPS.Capture.Tests.Tls;

/// <summary>The per-packet TLS layer on CapturedPacket: one segment's hello, decoded on first access.</summary>
public sealed class TlsPacketLayerTests : IClassFixture<TlsCaptureFixture>
{
    private readonly TlsCaptureFixture _capture;

    public TlsPacketLayerTests(TlsCaptureFixture capture)
    {
        _capture = capture;
    }

    [Fact]
    public void HelloFramesCarryTheirHelloAndNoOtherFrameDoes()
    {
        var packets = PcapFile.ReadPackets(_capture.PcapPath).ToList();
        var clients = Tshark.Rows(_capture.PcapPath, "tls.handshake.type == 1", "frame.number", "tls.handshake.extensions_server_name");
        var servers = Tshark.Rows(_capture.PcapPath, "tls.handshake.type == 2", "frame.number", "tls.handshake.ciphersuite");

        Assert.Equal(
            clients.Select(r => long.Parse(r[0], CultureInfo.InvariantCulture)),
            packets.Where(p => p.TlsClientHello is not null).Select(p => p.Number));
        Assert.Equal(
            servers.Select(r => long.Parse(r[0], CultureInfo.InvariantCulture)),
            packets.Where(p => p.TlsServerHello is not null).Select(p => p.Number));
        foreach (string[] row in clients)
        {
            TlsClientHello hello = packets.Single(p => p.Number == long.Parse(row[0], CultureInfo.InvariantCulture)).TlsClientHello!;
            Assert.Equal(row[1].Length == 0 ? null : row[1], hello.ServerName);
            Assert.Equal(TlsDecodeStatus.Complete, hello.Status);
        }

        foreach (string[] row in servers)
        {
            TlsServerHello hello = packets.Single(p => p.Number == long.Parse(row[0], CultureInfo.InvariantCulture)).TlsServerHello!;
            Assert.Equal(Tshark.Numbers(row[1]).Single(), hello.CipherSuite);
        }
    }

    [Fact]
    public void FirstSegmentOfASplitHelloIsTruncatedOnItsOwn()
    {
        string dir = Directory.CreateTempSubdirectory("tls-layer-").FullName;
        try
        {
            string path = Path.Combine(dir, "split.pcap");
            byte[] record = new HelloBuilder().Sni("split.example").Alpn("h2").ClientHelloRecord();
            using (var pcap = new PcapBuilder(path))
            {
                pcap.FromClient(41000, 1, 0x18, record.AsSpan(0, 80));
                pcap.FromClient(41000, 81, 0x18, record.AsSpan(80));
            }

            var packets = PcapFile.ReadPackets(path).ToList();
            TlsClientHello first = packets[0].TlsClientHello!;
            Assert.Equal(TlsDecodeStatus.Truncated, first.Status);
            Assert.Equal("split.example", first.ServerName);
            Assert.Null(packets[1].TlsClientHello);
            Assert.Equal(TlsDecodeStatus.Complete, Assert.Single(PcapSegments.Track(path)).ClientHello.Status);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
