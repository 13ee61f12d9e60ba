using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetOpsPS.Capture.Dns;
using NetOpsPS.Capture.Files;
using NetOpsPS.Capture.Tests.Support;
using Xunit;

namespace NetOpsPS.Capture.Tests;

/// <summary>Every decoded field of every sample packet, in every container, against tshark on the same file.</summary>
public sealed class DecodeAgainstTsharkTests
{
    private static readonly string[] Fields =
    [
        "frame.time_epoch", "frame.len", "frame.cap_len", "eth.src", "eth.dst", "sll.src.eth", "ieee8021ad.id", "vlan.id",
        "ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "ip.proto", "ip.ttl", "tcp.srcport", "tcp.dstport", "udp.srcport", "udp.dstport",
        "tcp.seq_raw", "tcp.ack_raw", "tcp.flags", "tcp.len", "udp.length", "icmp.type", "icmpv6.type",
        "dns.id", "dns.flags", "dns.qry.name", "dns.qry.type", "dns.a", "dns.aaaa", "dns.cname", "dns.resp.ttl",
        "http.request.method", "http.request.uri", "http.host",
    ];

    public static TheoryData<string> Files => new()
    {
        "mix.pcap", "mix.pcapng", "mix-be.pcap", "mix-ns.pcap", "mix-ns-be.pcap", "sll.pcap", "sll2.pcap", "raw.pcap",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryFieldMatchesTshark(string name)
    {
        string file = Samples.PathOf(name);
        List<CapturedPacket> packets = PcapFile.ReadPackets(file).ToList();
        IReadOnlyList<Dictionary<string, string>> expected = Tshark.Fields(file, Fields);

        Assert.Equal(expected.Count, packets.Count);
        Assert.True(packets.Count >= 9, "the sample holds at least the IP frames");
        for (int i = 0; i < packets.Count; i++)
        {
            CompareFrame(packets[i], expected[i], $"{name} frame {i + 1}");
        }
    }

    [Fact]
    public void NanosecondFilesKeepAllNineDigits()
    {
        CapturedPacket first = PcapFile.ReadPackets(Samples.PathOf("mix-ns-be.pcap")).First();
        Assert.Equal(1_700_000_000_123_456_789L, first.TimestampNanoseconds);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc).AddTicks(1_234_567), first.Timestamp);
    }

    [Fact]
    public void QinQFramesCarryOuterServiceTagThenCustomerTag()
    {
        CapturedPacket qinq = PcapFile.ReadPackets(Samples.PathOf("mix.pcapng")).Single(p => p.VlanTags.Count == 2);
        Assert.Equal((ushort)0x88A8, qinq.VlanTags[0].Tpid);
        Assert.Equal(300, qinq.VlanTags[0].Id);
        Assert.Equal((ushort)0x8100, qinq.VlanTags[1].Tpid);
        Assert.Equal(42, qinq.VlanTags[1].Id);
        Assert.Equal(300, qinq.VlanId);
        Assert.Equal("qinq", System.Text.Encoding.ASCII.GetString(qinq.Payload.Span));

        CapturedPacket dot1q = PcapFile.ReadPackets(Samples.PathOf("mix.pcapng")).Single(p => p.VlanTags.Count == 1);
        Assert.Equal(5, dot1q.VlanTags[0].Priority);
    }

    [Fact]
    public void Sll2KeepsTheInterfaceIndexAndPcapngKeepsNoName()
    {
        CapturedPacket first = PcapFile.ReadPackets(Samples.PathOf("sll2.pcap")).First();
        Assert.Equal(7, first.Headers.CookedInterfaceIndex);
        Assert.Equal(LinkType.LinuxSll2, first.LinkType);
        Assert.Null(first.DestinationMac);
    }

    private static void CompareFrame(CapturedPacket packet, Dictionary<string, string> t, string where)
    {
        Assert.True(ToNanoseconds(t["frame.time_epoch"]) == packet.TimestampNanoseconds, $"{where}: time {t["frame.time_epoch"]} vs {packet.TimestampNanoseconds}");
        Assert.True(t["frame.len"] == Text(packet.Length), where);
        Assert.True(t["frame.cap_len"] == Text(packet.CapturedLength), where);
        Equal(t["eth.src"], packet.LinkType == LinkType.Ethernet ? packet.SourceMac : null, where + " eth.src");
        Equal(t["eth.dst"], packet.DestinationMac, where + " eth.dst");
        Equal(t["sll.src.eth"], packet.LinkType is LinkType.LinuxSll or LinkType.LinuxSll2 ? packet.SourceMac : null, where + " sll.src");
        // tshark names an 802.1ad (QinQ outer) tag ieee8021ad.id and an 802.1Q tag vlan.id.
        string tags = string.Join(',', new[] { t["ieee8021ad.id"], t["vlan.id"] }.Where(v => v.Length > 0));
        Equal(tags, packet.VlanTags.Count == 0 ? null : string.Join(',', packet.VlanTags.Select(v => v.Id)), where + " vlan");
        string? src = packet.SourceAddress?.ToString();
        string? dst = packet.DestinationAddress?.ToString();
        Equal(First(t["ip.src"]), packet.IpVersion == 4 ? src : null, where + " ip.src");
        Equal(First(t["ip.dst"]), packet.IpVersion == 4 ? dst : null, where + " ip.dst");
        Equal(First(t["ipv6.src"]), packet.IpVersion == 6 ? src : null, where + " ipv6.src");
        Equal(First(t["ipv6.dst"]), packet.IpVersion == 6 ? dst : null, where + " ipv6.dst");
        Equal(First(t["ip.proto"]), packet.IpVersion == 4 ? Text((int)packet.Protocol) : null, where + " ip.proto");
        Equal(First(t["ip.ttl"]), packet.IpVersion == 4 ? Text(packet.HopLimit) : null, where + " ip.ttl");
        Equal(t["tcp.srcport"], packet.IsTcp ? Text(packet.SourcePort) : null, where + " tcp.srcport");
        Equal(t["tcp.dstport"], packet.IsTcp ? Text(packet.DestinationPort) : null, where + " tcp.dstport");
        Equal(t["udp.srcport"], packet.IsUdp ? Text(packet.SourcePort) : null, where + " udp.srcport");
        Equal(t["udp.dstport"], packet.IsUdp ? Text(packet.DestinationPort) : null, where + " udp.dstport");
        Equal(t["tcp.seq_raw"], packet.IsTcp ? Text(packet.SequenceNumber) : null, where + " seq");
        Equal(t["tcp.ack_raw"], packet.IsTcp ? Text(packet.AcknowledgmentNumber) : null, where + " ack");
        Equal(t["tcp.flags"], packet.IsTcp ? "0x" + ((int)packet.TcpFlags).ToString("x4", CultureInfo.InvariantCulture) : null, where + " flags");
        Equal(t["tcp.len"], packet.IsTcp ? Text(packet.PayloadLength) : null, where + " tcp.len");
        if (t["udp.length"].Length > 0 && int.Parse(t["udp.length"], CultureInfo.InvariantCulture) < 8)
        {
            // An impossible UDP length: flagged, and the payload taken from the IP length instead.
            Assert.True(packet.Problem.HasFlag(PacketProblem.Malformed), where + " malformed UDP length not flagged");
        }
        else
        {
            Equal(t["udp.length"], packet.IsUdp ? Text(packet.PayloadLength + 8) : null, where + " udp.length");
        }
        Equal(t["icmp.type"], packet.Protocol == IpProtocol.Icmp ? Text(packet.IcmpType) : null, where + " icmp.type");
        Equal(t["icmpv6.type"], packet.Protocol == IpProtocol.IcmpV6 ? Text(packet.IcmpType) : null, where + " icmpv6.type");

        DnsMessage? dns = packet.Dns;
        Equal(t["dns.id"], dns is null ? null : "0x" + dns.Id.ToString("x4", CultureInfo.InvariantCulture), where + " dns.id");
        Equal(t["dns.flags"], dns is null ? null : "0x" + dns.Flags.ToString("x4", CultureInfo.InvariantCulture), where + " dns.flags");
        Equal(t["dns.qry.name"], dns is null ? null : string.Join(',', dns.Questions.Select(q => q.Name)), where + " qry.name");
        Equal(t["dns.qry.type"], dns is null ? null : string.Join(',', dns.Questions.Select(q => Text((int)q.Type))), where + " qry.type");
        Equal(t["dns.a"], Answers(dns, DnsRecordType.A), where + " dns.a");
        Equal(t["dns.aaaa"], Answers(dns, DnsRecordType.AAAA), where + " dns.aaaa");
        Equal(t["dns.cname"], Answers(dns, DnsRecordType.CNAME), where + " dns.cname");
        Equal(t["dns.resp.ttl"], dns is null || dns.Answers.Count == 0 ? null : string.Join(',', dns.Answers.Select(a => a.TimeToLive.ToString(CultureInfo.InvariantCulture))), where + " ttl");
        Assert.True(dns is null || dns.Error is null, where + " dns error " + dns?.Error);

        Equal(t["http.request.method"], packet.Http?.Method, where + " http.method");
        Equal(t["http.request.uri"], packet.Http?.Target, where + " http.uri");
        Equal(t["http.host"], packet.Http?.Host, where + " http.host");
        Assert.Equal(PacketProblem.None, packet.Problem & ~PacketProblem.Malformed);
    }

    private static string? Answers(DnsMessage? dns, DnsRecordType type)
    {
        var data = dns?.Answers.Where(a => a.Type == type).Select(a => a.Data).ToList();
        return data is null || data.Count == 0 ? null : string.Join(',', data);
    }

    private static string? First(string value) => value.Length == 0 ? null : value.Split(',')[0];

    private static void Equal(string? expected, string? actual, string where) =>
        Assert.True((string.IsNullOrEmpty(expected) ? null : expected) == actual, $"{where}: tshark '{expected}', ours '{actual}'");

    private static string? Text<T>(T? value)
        where T : struct, IFormattable => value?.ToString(null, CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static long ToNanoseconds(string epoch)
    {
        string[] parts = epoch.Split('.');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture) * 1_000_000_000) + long.Parse(parts[1].PadRight(9, '0'), CultureInfo.InvariantCulture);
    }
}
