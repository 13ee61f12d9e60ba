using System;
using System.Buffers.Binary;
using System.IO;
using System.Net;

namespace NetOpsPS.Capture.Tests.Tls;

/// <summary>
/// Writes a classic little-endian pcap of Ethernet/IPv4/TCP frames made by hand, for crafted cases the real
/// peers cannot produce (split, reordered, duplicated, truncated, corrupt hellos); tshark reads the same file.
/// </summary>
internal sealed class PcapBuilder : IDisposable
{
    private readonly FileStream _file;
    private readonly System.Collections.Generic.Dictionary<(IPAddress, int), uint> _next = [];
    private DateTimeOffset _clock = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public PcapBuilder(string path)
    {
        _file = File.Create(path);
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xa1b2c3d4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1); // LINKTYPE_ETHERNET
        _file.Write(header);
    }

    public static IPAddress Client { get; } = IPAddress.Parse("192.0.2.1");

    public static IPAddress Server { get; } = IPAddress.Parse("192.0.2.2");

    /// <summary>A client-to-server segment, 1 ms after the previous frame.</summary>
    public void FromClient(int clientPort, uint seq, byte flags, ReadOnlySpan<byte> payload) =>
        Frame(Client, clientPort, Server, 443, seq, flags, payload);

    /// <summary>A server-to-client segment.</summary>
    public void FromServer(int clientPort, uint seq, byte flags, ReadOnlySpan<byte> payload) =>
        Frame(Server, 443, Client, clientPort, seq, flags, payload);

    public void Frame(IPAddress source, int sourcePort, IPAddress destination, int destinationPort, uint seq, byte flags, ReadOnlySpan<byte> payload)
    {
        _clock = _clock.AddMilliseconds(1);
        byte[] frame = new byte[14 + 20 + 20 + payload.Length];
        Span<byte> f = frame;
        f[0..6].Fill(0x02);
        f[6..12].Fill(0x04);
        BinaryPrimitives.WriteUInt16BigEndian(f[12..], 0x0800);
        Span<byte> ip = f[14..];
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(40 + payload.Length));
        ip[8] = 64;
        ip[9] = 6;
        source.GetAddressBytes().CopyTo(ip[12..]);
        destination.GetAddressBytes().CopyTo(ip[16..]);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Checksum(ip[..20]));
        Span<byte> tcp = ip[20..];
        BinaryPrimitives.WriteUInt16BigEndian(tcp, (ushort)sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], (ushort)destinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], seq);
        // ACK what the other side has sent so far, so tshark sees a consistent conversation.
        uint ack = (flags & 0x10) != 0 && _next.TryGetValue((destination, destinationPort), out uint n) ? n : 0;
        BinaryPrimitives.WriteUInt32BigEndian(tcp[8..], ack);
        uint end = seq + (uint)payload.Length + ((flags & 0x03) != 0 ? 1u : 0u);
        if (!_next.TryGetValue((source, sourcePort), out uint sent) || (int)(end - sent) > 0)
        {
            _next[(source, sourcePort)] = end;
        }

        tcp[12] = 0x50;
        tcp[13] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], 65535);
        payload.CopyTo(tcp[20..]);

        Span<byte> record = stackalloc byte[16];
        long micros = (_clock - DateTimeOffset.UnixEpoch).Ticks / 10;
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(micros / 1_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(micros % 1_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)frame.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)frame.Length);
        _file.Write(record);
        _file.Write(frame);
    }

    public void Dispose() => _file.Dispose();

    private static ushort Checksum(ReadOnlySpan<byte> header)
    {
        uint sum = 0;
        for (int i = 0; i < header.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(header[i..]);
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
