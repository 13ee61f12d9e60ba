using System;
using System.Buffers.Binary;
using NetOpsPS.Capture;
using NetOpsPS.Capture.Files;

namespace NetOpsPS.Capture.Bench;

/// <summary>
/// Writes the benchmark's mixed capture: TCP 45 %, UDP 20 %, DNS queries and answers 20 %, ICMP/ICMPv6 5 %,
/// the rest TCP over IPv6; a quarter IPv6 in all; every 10th frame 802.1Q-tagged and every 50th QinQ. Seeded,
/// so every run writes the same bytes. Checksums are left zero: neither the readers nor the decoders check them.
/// </summary>
internal static class MixedTrafficGenerator
{
    public static void Write(string path, int count)
    {
        var random = new Random(6);
        byte[] frame = new byte[1600];
        long nanos = 1_700_000_000_000_000_000;
        using IPacketFileWriter writer = PcapFileWriter.Create(path, PcapFileFormat.Pcap);
        for (int i = 0; i < count; i++)
        {
            int length = Build(frame, i, random);
            nanos += random.Next(1_000, 20_000);
            writer.Write(nanos, length, LinkType.Ethernet, null, frame.AsSpan(0, length));
        }
    }

    private static int Build(Span<byte> f, int i, Random random)
    {
        int kind = i % 20;
        bool v6 = kind >= 15 || i % 4 == 3;
        f[..12].Fill(0x02);
        f[5] = (byte)(i & 0xFF);
        int at = 12;
        if (i % 50 == 0)
        {
            at = Tag(f, at, 0x88A8, 300);
            at = Tag(f, at, 0x8100, 42);
        }
        else if (i % 10 == 0)
        {
            at = Tag(f, at, 0x8100, 100 + (i % 7));
        }

        BinaryPrimitives.WriteUInt16BigEndian(f[at..], v6 ? (ushort)0x86DD : (ushort)0x0800);
        at += 2;
        (int protocol, int payload) = kind switch
        {
            < 9 => (6, random.Next(0, 1200)),
            < 13 => (17, random.Next(8, 600)),
            < 17 => (17, 0),
            < 18 => (v6 ? 58 : 1, 56),
            _ => (6, random.Next(0, 200)),
        };
        bool dns = kind is >= 13 and < 17;
        int transportLength = protocol == 6 ? 20 : 8;
        int dnsLength = dns ? WriteDns(f[(at + (v6 ? 40 : 20) + 8)..], i) : 0;
        int ipPayload = transportLength + payload + dnsLength;
        int ipHeader = v6 ? 40 : 20;
        IpHeader(f[at..], v6, protocol, ipPayload, i);
        at += ipHeader;
        Span<byte> t = f[at..];
        t[..transportLength].Clear();
        ushort client = (ushort)(20000 + (i % 4000));
        ushort server = dns ? (ushort)53 : protocol == 6 ? (ushort)(i % 3 == 0 ? 443 : 80) : (ushort)(5000 + (i % 50));
        bool reply = (i & 1) == 1;
        if (protocol is 6 or 17)
        {
            BinaryPrimitives.WriteUInt16BigEndian(t, reply ? server : client);
            BinaryPrimitives.WriteUInt16BigEndian(t[2..], reply ? client : server);
        }

        if (protocol == 6)
        {
            BinaryPrimitives.WriteUInt32BigEndian(t[4..], (uint)(i * 7919));
            BinaryPrimitives.WriteUInt32BigEndian(t[8..], (uint)(i * 104729));
            t[12] = 0x50;
            t[13] = (byte)(payload == 0 ? 0x10 : 0x18);
            BinaryPrimitives.WriteUInt16BigEndian(t[14..], 64240);
        }
        else if (protocol == 17)
        {
            BinaryPrimitives.WriteUInt16BigEndian(t[4..], (ushort)(8 + payload + dnsLength));
        }
        else
        {
            t[0] = (byte)(protocol == 1 ? 8 : 128);
        }

        at += transportLength + dnsLength;
        f.Slice(at, payload).Fill((byte)'x');
        return Math.Max(60, at + payload);
    }

    private static int Tag(Span<byte> f, int at, ushort tpid, int id)
    {
        BinaryPrimitives.WriteUInt16BigEndian(f[at..], tpid);
        BinaryPrimitives.WriteUInt16BigEndian(f[(at + 2)..], (ushort)id);
        return at + 4;
    }

    private static void IpHeader(Span<byte> ip, bool v6, int protocol, int payloadLength, int i)
    {
        if (v6)
        {
            ip[..40].Clear();
            ip[0] = 0x60;
            BinaryPrimitives.WriteUInt16BigEndian(ip[4..], (ushort)payloadLength);
            ip[6] = (byte)protocol;
            ip[7] = 64;
            ip[8] = 0x20;
            ip[9] = 0x01;
            ip[10] = 0x0d;
            ip[11] = 0xb8;
            ip[23] = (byte)(1 + (i % 200));
            ip[24] = 0x20;
            ip[25] = 0x01;
            ip[26] = 0x0d;
            ip[27] = 0xb8;
            ip[39] = 0x53;
            return;
        }

        ip[..20].Clear();
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + payloadLength));
        ip[8] = 64;
        ip[9] = (byte)protocol;
        ip[12] = 10;
        ip[13] = (byte)(i % 16);
        ip[14] = (byte)(i % 251);
        ip[15] = 1;
        ip[16] = 192;
        ip[17] = 0;
        ip[18] = 2;
        ip[19] = (byte)(1 + (i % 20));
    }

    // A query for www<N>.bench.example, or its answer with one A record (RFC 1035 §4.1).
    private static int WriteDns(Span<byte> d, int i)
    {
        bool answer = (i & 1) == 1;
        d[..12].Clear();
        BinaryPrimitives.WriteUInt16BigEndian(d, (ushort)i);
        BinaryPrimitives.WriteUInt16BigEndian(d[2..], answer ? (ushort)0x8180 : (ushort)0x0100);
        d[5] = 1;
        d[7] = (byte)(answer ? 1 : 0);
        int at = 12;
        string label = "www" + (i % 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        d[at++] = (byte)label.Length;
        foreach (char c in label)
        {
            d[at++] = (byte)c;
        }

        ReadOnlySpan<byte> rest = [5, (byte)'b', (byte)'e', (byte)'n', (byte)'c', (byte)'h', 7, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 0, 0, 1, 0, 1];
        rest.CopyTo(d[at..]);
        at += rest.Length;
        if (answer)
        {
            ReadOnlySpan<byte> record = [0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0x0E, 0x10, 0, 4, 192, 0, 2, 10];
            record.CopyTo(d[at..]);
            at += record.Length;
        }

        return at;
    }
}
