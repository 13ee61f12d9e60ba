using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using NetOpsPS.Capture.Files;
using NetOpsPS.Capture.Tests.Support;
using Xunit;

namespace NetOpsPS.Capture.Tests;

/// <summary>Truncated, corrupt and random input: flagged packets or a CaptureException, never another exception.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void EachBadPacketIsFlaggedForWhatIsWrong()
    {
        List<CapturedPacket> packets = PcapFile.ReadPackets(Samples.PathOf("bad.pcap")).ToList();
        Assert.Equal(9, packets.Count);
        packets.ForEach(Touch);

        // 1: snap length cut inside the DNS message: the header decodes, the rest is reported.
        Assert.True(packets[0].Problem.HasFlag(PacketProblem.Truncated));
        Assert.Equal(0x1234, packets[0].Dns!.Id);
        Assert.NotNull(packets[0].Dns!.Error);
        Assert.Equal(53, packets[0].SourcePort);

        // 2: cut inside the IPv4 header: no IP layer, flagged.
        Assert.Equal(PacketProblem.Truncated | PacketProblem.HeaderCut, packets[1].Problem);
        Assert.Equal(0, packets[1].IpVersion);
        Assert.Null(packets[1].SourceAddress);

        // 3: IHL 15 puts "UDP" in the DNS bytes, whose length field is impossible; 4: IHL 1.
        Assert.True(packets[2].Problem.HasFlag(PacketProblem.Malformed));
        Assert.Equal(PacketProblem.Malformed, packets[3].Problem);
        Assert.Null(packets[3].SourceAddress);

        // 5: a DNS header followed by 0xff: counts of 65535 and a label type that does not exist.
        Assert.NotNull(packets[4].Dns!.Error);

        // 6: noise is an Ethernet frame of an unknown EtherType; 7: shorter than an Ethernet header.
        Assert.Equal((ushort)0x0c0d, packets[5].Headers.EtherType);
        Assert.Equal(PacketProblem.HeaderCut, packets[6].Problem);
        Assert.Null(packets[6].SourceMac);

        // 8: TCP header cut in half: the IP layer stays, the TCP fields do not.
        Assert.Equal(PacketProblem.Truncated | PacketProblem.HeaderCut, packets[7].Problem);
        Assert.Equal(IpProtocol.Tcp, packets[7].Protocol);
        Assert.False(packets[7].IsTcp);
        Assert.Null(packets[7].SourcePort);

        // 9: an answer whose name points at itself.
        Assert.Contains("loops", packets[8].Dns!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileCutAtAnyByteGivesItsWholePacketsThenTruncatedFile()
    {
        byte[] file = File.ReadAllBytes(Samples.PathOf("mix.pcapng"));
        int whole = PcapFile.ReadPackets(Samples.PathOf("mix.pcapng")).Count();
        int lastCount = 0;
        for (int length = 0; length < file.Length; length++)
        {
            var (count, error) = ReadAll(file.AsSpan(0, length).ToArray());
            Assert.True(count >= lastCount && count <= whole, $"cut at {length}: {count} packets");
            Assert.True(
                error is null or CaptureError.TruncatedFile or CaptureError.UnknownFileFormat,
                $"cut at {length}: {error}");
            lastCount = count;
        }

        Assert.Equal(whole - 1, lastCount);
    }

    [Theory]
    [InlineData("mix.pcapng")]
    [InlineData("mix-be.pcap")]
    [InlineData("sll2.pcap")]
    public void RandomByteDamageNeverThrowsAnythingButCaptureException(string name)
    {
        byte[] original = File.ReadAllBytes(Samples.PathOf(name));
        var random = new Random(6);
        int corruptFiles = 0;
        for (int round = 0; round < 400; round++)
        {
            byte[] damaged = (byte[])original.Clone();
            for (int i = random.Next(1, 9); i > 0; i--)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }

            corruptFiles += ReadAll(damaged).Error is null ? 0 : 1;
        }

        Assert.InRange(corruptFiles, 1, 399);
    }

    [Fact]
    public void AnImpossibleRecordLengthIsCorruptNotAHugeAllocation()
    {
        byte[] file = File.ReadAllBytes(Samples.PathOf("mix.pcap"));
        BitConverter.GetBytes(0x7FFF_FFF0u).CopyTo(file, 24 + 8);
        var ex = Assert.Throws<CaptureException>(() => new PcapFileReader(new MemoryStream(file)).TryReadNext(out _));
        Assert.Equal(CaptureError.CorruptFile, ex.Error);
        Assert.Contains("offset 24", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATextFileIsNotACapture()
    {
        var ex = Assert.Throws<CaptureException>(() => new PcapFileReader(new MemoryStream("hello, world\n"u8.ToArray())));
        Assert.Equal(CaptureError.UnknownFileFormat, ex.Error);
    }

    private static (int Count, CaptureError? Error) ReadAll(byte[] file)
    {
        int count = 0;
        try
        {
            using var reader = new PcapFileReader(new MemoryStream(file));
            while (reader.TryReadNext(out PcapRecord record))
            {
                Touch(CapturedPacket.FromRecord(record, ++count));
            }

            return (count, null);
        }
        catch (CaptureException ex)
        {
            return (count, ex.Error);
        }
    }

    // Every public property, including the application layers, must read without throwing on any bytes.
    private static void Touch(CapturedPacket packet)
    {
        foreach (PropertyInfo property in typeof(CapturedPacket).GetProperties())
        {
            object? value = property.GetValue(packet);
            _ = value?.ToString();
        }

        _ = packet.Dns?.Answers.Count;
        _ = packet.ToString();
    }
}
