using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetOpsPS.Capture.Files;
using NetOpsPS.Capture.Statistics;
using NetOpsPS.Capture.Tests.Support;
using Xunit;

namespace NetOpsPS.Capture.Tests;

/// <summary>Files we write, read back by tshark; rotation; lazy decoding; statistics against tshark -z.</summary>
public sealed class WriterAndStatisticsTests : IDisposable
{
    private static readonly string[] Fields = ["frame.time_epoch", "frame.len", "frame.cap_len", "eth.src", "ip.src", "ipv6.dst", "vlan.id", "tcp.srcport", "udp.dstport", "dns.qry.name", "sll.src.eth"];
    private readonly string _dir = Directory.CreateTempSubdirectory("netops-writer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("mix.pcapng", PcapFileFormat.PcapNg)]
    [InlineData("mix-ns-be.pcap", PcapFileFormat.Pcap)]
    [InlineData("sll2.pcap", PcapFileFormat.PcapNg)]
    public void WhatWeWriteTsharkReadsFieldForField(string name, PcapFileFormat format)
    {
        string source = Samples.PathOf(name);
        string copy = Path.Combine(_dir, "copy." + (format == PcapFileFormat.Pcap ? "pcap" : "pcapng"));
        using (IPacketFileWriter writer = PcapFileWriter.Create(copy, format))
        {
            foreach (CapturedPacket packet in PcapFile.ReadPackets(source))
            {
                writer.Write(packet);
            }
        }

        Assert.Equal(Tshark.Fields(source, Fields), Tshark.Fields(copy, Fields));
    }

    [Fact]
    public void PcapngHoldsMixedLinkTypesAndPcapRefusesThem()
    {
        List<CapturedPacket> mixed = [.. PcapFile.ReadPackets(Samples.PathOf("mix.pcap")).Take(3), .. PcapFile.ReadPackets(Samples.PathOf("sll.pcap")).Take(3)];
        string ng = Path.Combine(_dir, "mixed.pcapng");
        using (IPacketFileWriter writer = PcapFileWriter.Create(ng, PcapFileFormat.PcapNg))
        {
            mixed.ForEach(writer.Write);
        }

        var rows = Tshark.Fields(ng, "frame.interface_id", "ip.src");
        Assert.Equal(["0", "0", "0", "1", "1", "1"], rows.Select(r => r["frame.interface_id"]));

        using IPacketFileWriter pcap = PcapFileWriter.Create(Path.Combine(_dir, "mixed.pcap"), PcapFileFormat.Pcap);
        pcap.Write(mixed[0]);
        var ex = Assert.Throws<CaptureException>(() => pcap.Write(mixed[3]));
        Assert.Equal(CaptureError.UnsupportedLinkType, ex.Error);
    }

    [Fact]
    public void RotationBySizeKeepsARingOfCompleteFiles()
    {
        CapturedPacket[] packets = PcapFile.ReadPackets(Samples.PathOf("mix.pcapng")).ToArray();
        var writer = new RotatingFileWriter(Path.Combine(_dir, "ring.pcapng"), PcapFileFormat.PcapNg, 65535, new RingBufferOptions { MaxFileBytes = 300, MaxFiles = 3 });
        using (writer)
        {
            for (int round = 0; round < 5; round++)
            {
                Array.ForEach(packets, writer.Write);
            }
        }

        Assert.Equal(3, writer.Files.Count);
        Assert.Equal(3, Directory.GetFiles(_dir).Length);
        Assert.All(writer.Files, f => Assert.Matches(@"ring_\d{5}_\d{14}\.pcapng$", f));
        int kept = writer.Files.Sum(f => Tshark.Fields(f, "frame.number").Count);
        Assert.InRange(kept, 3, (5 * packets.Length) - 1);
        Assert.Equal(kept, writer.Files.Sum(f => PcapFile.ReadPackets(f).Count()));
    }

    [Fact]
    public void RotationByTimeStartsANewFileWhenPacketsSpanTheLimit()
    {
        CapturedPacket[] packets = PcapFile.ReadPackets(Samples.PathOf("mix.pcapng")).ToArray(); // one second apart
        var writer = new RotatingFileWriter(Path.Combine(_dir, "timed.pcap"), PcapFileFormat.Pcap, 65535, new RingBufferOptions { MaxFileDuration = TimeSpan.FromSeconds(5) });
        using (writer)
        {
            Array.ForEach(packets, writer.Write);
        }

        Assert.Equal((packets.Length + 4) / 5, writer.Files.Count);
        Assert.Equal(5, Tshark.Fields(writer.Files[0], "frame.number").Count);
    }

    [Fact]
    public void FilteringOnAddressesNeverDecodesDns()
    {
        List<CapturedPacket> packets = PcapFile.ReadPackets(Samples.PathOf("mix.pcapng")).ToList();
        var fromServer = packets.Where(p => p.SourceAddress?.ToString() == "198.51.100.53" && p.SourcePort == 53).ToList();
        Assert.Single(fromServer);
        Assert.All(packets, p => Assert.False(p.IsDnsDecoded));
        Assert.Equal(3, fromServer[0].Dns!.Answers.Count);
        Assert.True(fromServer[0].IsDnsDecoded);
    }

    [Fact]
    public void ConversationsAndEndpointsMatchTsharkZ()
    {
        string file = Samples.PathOf("mix.pcap");
        var statistics = new PacketStatistics();
        foreach (CapturedPacket packet in PcapFile.ReadPackets(file))
        {
            statistics.Add(packet);
        }

        // tshark -z conv,udp prints "A:port <-> B:port  framesBA bytesBA  framesAB bytesAB  total ..."; compare totals per pair.
        var udp = statistics.Conversations().Where(c => c.Protocol == IpProtocol.Udp && c.PortA is not null)
            .Select(c => (Pair(c.EndpointA, c.EndpointB), c.Packets, c.Bytes)).OrderBy(x => x.Item1).ToList();
        var tshark = TsharkConversations(file, "udp").OrderBy(x => x.Pair).ToList();
        Assert.Equal(tshark, udp);
        Assert.Equal(statistics.Packets, statistics.ProtocolHierarchy().Single(h => h.Depth == 0).Packets);
        Assert.Equal(4, statistics.ProtocolHierarchy().Where(h => h.Protocol == "dns").Sum(h => h.Packets));
        Assert.Equal(2, statistics.ProtocolHierarchy().Single(h => h.Path == "eth:vlan").Packets);
        Assert.Equal(14, statistics.Rates().Count);
    }

    private static string Pair(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? $"{a} {b}" : $"{b} {a}";

    private static IEnumerable<(string Pair, long Packets, long Bytes)> TsharkConversations(string file, string protocol)
    {
        string output = Tshark.Run("-r", file, "-q", "-o", "ip.defragment:FALSE", "-o", "ipv6.defragment:FALSE", "-z", $"conv,{protocol}");
        foreach (string line in output.Split('\n').Where(l => l.Contains("<->", StringComparison.Ordinal)))
        {
            string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // A <-> B framesBA bytesBA(num unit?) ... : parse total frames and bytes after the two direction groups.
            var numbers = new List<long>();
            for (int i = 3; i < f.Length && numbers.Count < 6; i++)
            {
                if (long.TryParse(f[i], out long n))
                {
                    numbers.Add(n);
                }
            }

            yield return (Pair(Bracket(f[0]), Bracket(f[2])), numbers[4], numbers[5]);
        }
    }

    // tshark writes IPv6 endpoints as addr:port without brackets; ours bracket them.
    private static string Bracket(string endpoint)
    {
        int colon = endpoint.LastIndexOf(':');
        string address = endpoint[..colon];
        return address.Contains(':', StringComparison.Ordinal) ? $"[{address}]{endpoint[colon..]}" : endpoint;
    }
}
