using System;
using System.IO;
using System.Linq;
using NetOpsPS.Capture.Tests.Support;
using NetOpsPS.Capture.Tls;
using Xunit;

namespace NetOpsPS.Capture.Tests.Tls;

/// <summary>
/// Hand-made captures for what openssl on lo does not produce: a ClientHello split over segments and records,
/// reordered and retransmitted, GREASE, truncated and corrupt hellos. tshark reads the same files.
/// </summary>
public sealed class TlsCraftedCaptureTests : IDisposable
{
    private const byte Syn = 0x02;
    private const byte SynAck = 0x12;
    private const byte Ack = 0x10;
    private const byte PshAck = 0x18;
    private const byte FinAck = 0x11;
    private const uint ClientIsn = 0xFFFFFF00; // the sequence space wraps inside the ClientHello
    private const uint ServerIsn = 5000;

    private readonly string _dir = Directory.CreateTempSubdirectory("tls-crafted-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ClientHelloSplitOverSegmentsAndRecordsMatchesTshark()
    {
        byte[] message = Ja4SpecTests.SpecExample(grease: true).ClientHelloMessage();
        // Two records (RFC 8446 §5.1: a handshake message may be fragmented) sent in three segments, the first cut inside a header.
        byte[] stream = [.. HelloBuilder.Record(message[..100]), .. HelloBuilder.Record(message[100..])];
        string path = Path.Combine(_dir, "split.pcap");
        using (var pcap = new PcapBuilder(path))
        {
            Open(pcap, 40001);
            pcap.FromClient(40001, ClientIsn + 1, PshAck, stream.AsSpan(0, 3));
            pcap.FromClient(40001, ClientIsn + 4, PshAck, stream.AsSpan(3, 150));
            pcap.FromClient(40001, ClientIsn + 154, PshAck, stream.AsSpan(153));
            pcap.FromServer(40001, ServerIsn + 1, PshAck, HelloBuilder.ServerHelloRecord(0x1301, selectedVersion: 0x0304));
        }

        TlsHandshake h = Assert.Single(PcapSegments.Track(path));
        var row = Tshark.Rows(path, "tls.handshake.type == 1", "tls.handshake.extensions_server_name", "tls.handshake.ja3_full", "tls.handshake.ja3", "tls.handshake.ciphersuite").Single();

        Assert.Equal(TlsHandshakeStatus.Complete, h.Status);
        Assert.Equal(3, h.ClientHelloSegments);
        Assert.Equal(row[0], h.ServerName);
        Assert.Equal(row[1], h.Ja3);
        Assert.Equal(row[2], h.Ja3Hash);
        Assert.Equal(Tshark.Numbers(row[3]), h.ClientHello.CipherSuites);
        Assert.Equal("t13d1516h2_8daaf6152771_e5627efa2ab1", h.Ja4);
        Assert.Equal("TLS 1.3", h.Version);
        Assert.Equal("TLS_AES_128_GCM_SHA256", h.ServerCipherSuite);
        Assert.Equal(TimeSpan.FromMilliseconds(1), h.HandshakeTime); // last ClientHello segment to ServerHello: frames are 1 ms apart
    }

    [Fact]
    public void ReorderedAndRetransmittedSegmentsReassembleToTheSameHello()
    {
        byte[] stream = Ja4SpecTests.SpecExample(grease: false).ClientHelloRecord();
        string path = Path.Combine(_dir, "reordered.pcap");
        using (var pcap = new PcapBuilder(path))
        {
            Open(pcap, 40002);
            pcap.FromClient(40002, ClientIsn + 1 + 200, PshAck, stream.AsSpan(200));      // last part first
            pcap.FromClient(40002, ClientIsn + 1 + 100, PshAck, stream.AsSpan(100, 100)); // middle
            pcap.FromClient(40002, ClientIsn + 1 + 100, PshAck, stream.AsSpan(100, 100)); // duplicate
            pcap.FromClient(40002, ClientIsn + 1, PshAck, stream.AsSpan(0, 150));         // start, overlapping the middle
            pcap.FromServer(40002, ServerIsn + 1, PshAck, HelloBuilder.ServerHelloRecord(0xc02f, alpn: "h2"));
        }

        TlsHandshake h = Assert.Single(PcapSegments.Track(path));

        Assert.Equal(TlsHandshakeStatus.Complete, h.Status);
        Assert.Equal("www.example.com", h.ServerName);
        Assert.Equal("t13d1516h2_8daaf6152771_e5627efa2ab1", h.Ja4);
        Assert.Equal("h2", h.ServerAlpn);
        Assert.Equal("TLS 1.2", h.Version);
        Assert.Equal(new[] { "h2", "http/1.1" }, h.AlpnProtocols);
    }

    [Fact]
    public void GreaseIsKeptInTheHelloAndLeftOutOfJa3LikeTshark()
    {
        string path = Path.Combine(_dir, "grease.pcap");
        using (var pcap = new PcapBuilder(path))
        {
            Open(pcap, 40003);
            pcap.FromClient(40003, ClientIsn + 1, PshAck, Ja4SpecTests.SpecExample(grease: true).ClientHelloRecord());
        }

        TlsHandshake h = Assert.Single(PcapSegments.Track(path));
        var row = Tshark.Rows(path, "tls.handshake.type == 1", "tls.handshake.ja3_full", "tls.handshake.extension.type").Single();

        Assert.Equal(TlsHandshakeStatus.NoServerHello, h.Status);
        Assert.Equal(row[0], h.Ja3);
        Assert.Equal(Tshark.Numbers(row[1]), h.Extensions.Select(e => e.Type));
        Assert.Equal(2, h.Extensions.Count(e => e.IsGrease));
        Assert.Equal("GREASE(0x3a3a)", h.CipherSuites[0]);
        Assert.Equal("TLS 1.3", h.OfferedVersion);
        Assert.Null(h.HandshakeTime);
    }

    [Fact]
    public void ClientHelloCutByTheConnectionEndIsTruncatedWithTheFieldsBeforeTheCut()
    {
        byte[] record = new HelloBuilder().Sni("cut.example").Alpn("h2").ClientHelloRecord();
        string path = Path.Combine(_dir, "truncated.pcap");
        using (var pcap = new PcapBuilder(path))
        {
            Open(pcap, 40004);
            int cut = record.Length - 4; // inside the ALPN extension
            pcap.FromClient(40004, ClientIsn + 1, PshAck, record.AsSpan(0, cut));
            pcap.FromClient(40004, ClientIsn + 1 + (uint)cut, FinAck, []);
            pcap.FromServer(40004, ServerIsn + 1, FinAck, []);
        }

        TlsHandshake h = Assert.Single(PcapSegments.Track(path));

        Assert.Equal(TlsHandshakeStatus.Truncated, h.Status);
        Assert.Equal("cut.example", h.ServerName);
        Assert.Contains(h.Problems, p => p.Contains("message bytes present", StringComparison.Ordinal));
        Assert.Empty(h.AlpnProtocols);
    }

    [Fact]
    public void CorruptExtensionLengthIsMalformedAndFlagged()
    {
        byte[] record = new HelloBuilder().Sni("bad.example").List16(10, 0x001d).ClientHelloRecord();
        record[^5] = 0x40; // supported_groups' list length claims 0x40xx bytes inside a 4-byte extension
        string path = Path.Combine(_dir, "corrupt.pcap");
        using (var pcap = new PcapBuilder(path))
        {
            Open(pcap, 40005);
            pcap.FromClient(40005, ClientIsn + 1, PshAck, record);
            pcap.FromServer(40005, ServerIsn + 1, PshAck, HelloBuilder.Record([2, 0, 0, 3, 3, 3], contentType: 22));
        }

        TlsHandshake h = Assert.Single(PcapSegments.Track(path));

        Assert.Equal(TlsHandshakeStatus.Malformed, h.Status);
        Assert.Equal("bad.example", h.ServerName);
        Assert.Contains(h.Problems, p => p.Contains("supported_groups(10)", StringComparison.Ordinal));
        Assert.Contains(h.Problems, p => p.StartsWith("ServerHello: ", StringComparison.Ordinal));
    }

    [Fact]
    public void ConnectionThatIsNotTlsGivesNoHandshake()
    {
        string path = Path.Combine(_dir, "http.pcap");
        using (var pcap = new PcapBuilder(path))
        {
            Open(pcap, 40006);
            pcap.FromClient(40006, ClientIsn + 1, PshAck, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8);
            pcap.FromServer(40006, ServerIsn + 1, PshAck, "HTTP/1.1 200 OK\r\n\r\n"u8);
        }

        var tracker = new TlsHandshakeTracker();
        Assert.Empty(PcapSegments.Read(path).SelectMany(s => tracker.Add(s.Segment)).Concat(tracker.Flush()));
        Assert.Equal(1, tracker.FlowsWithoutClientHello);
    }

    private static void Open(PcapBuilder pcap, int port)
    {
        pcap.FromClient(port, ClientIsn, Syn, []);
        pcap.FromServer(port, ServerIsn, SynAck, []);
        pcap.FromClient(port, ClientIsn + 1, Ack, []);
    }
}
