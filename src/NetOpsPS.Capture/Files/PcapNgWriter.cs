using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NetOpsPS.Capture.Files;

/// <summary>
/// pcapng, little-endian: one section, one Interface Description Block per (link type, interface name)
/// as they first appear, each with if_tsresol 9 so timestamps keep nanoseconds, and an Enhanced Packet
/// Block per packet (draft-ietf-opsawg-pcapng §4.1, §4.2, §4.3).
/// </summary>
internal sealed class PcapNgWriter : IPacketFileWriter
{
    private readonly Stream _stream;
    private readonly int _snapLength;
    private readonly Dictionary<(LinkType, string?), uint> _interfaces = new();
    private byte[] _block = new byte[4096];

    public PcapNgWriter(Stream stream, int snapLength)
    {
        _stream = stream;
        _snapLength = snapLength;
        WriteSectionHeader();
    }

    public long PacketsWritten { get; private set; }

    public void Write(long timestampNanoseconds, int originalLength, LinkType linkType, string? interfaceName, ReadOnlySpan<byte> data)
    {
        uint id = InterfaceId(linkType, interfaceName);
        int padded = (data.Length + 3) & ~3;
        int length = 32 + padded;
        Span<byte> block = Block(length);
        BinaryPrimitives.WriteUInt32LittleEndian(block, 6);
        BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(4), (uint)length);
        BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(8), id);
        ulong units = (ulong)timestampNanoseconds;
        BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(12), (uint)(units >> 32));
        BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(16), (uint)units);
        BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(20), (uint)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(24), (uint)Math.Max(originalLength, data.Length));
        data.CopyTo(block.Slice(28));
        block.Slice(28 + data.Length, padded - data.Length).Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(length - 4), (uint)length);
        _stream.Write(block);
        PacketsWritten++;
    }

    public void Flush() => _stream.Flush();

    public void Dispose() => _stream.Dispose();

    private Span<byte> Block(int length)
    {
        if (_block.Length < length)
        {
            _block = new byte[Math.Max(length, _block.Length * 2)];
        }

        return _block.AsSpan(0, length);
    }

    private void WriteSectionHeader()
    {
        byte[] application = Encoding.UTF8.GetBytes("NetOpsPS");
        int optionLength = 4 + ((application.Length + 3) & ~3) + 4;
        int length = 28 + optionLength;
        Span<byte> block = Block(length);
        block.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(block, 0x0A0D0D0A);
        BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(4), (uint)length);
        BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(8), 0x1A2B3C4D);
        BinaryPrimitives.WriteUInt16LittleEndian(block.Slice(12), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(block.Slice(14), 0);
        BinaryPrimitives.WriteInt64LittleEndian(block.Slice(16), -1); // section length unknown
        int at = WriteOption(block, 24, 4, application); // shb_userappl
        BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(at), 0); // opt_endofopt
        BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(length - 4), (uint)length);
        _stream.Write(block);
    }

    private uint InterfaceId(LinkType linkType, string? name)
    {
        if (_interfaces.TryGetValue((linkType, name), out uint id))
        {
            return id;
        }

        id = (uint)_interfaces.Count;
        _interfaces.Add((linkType, name), id);
        byte[] nameBytes = name is null ? [] : Encoding.UTF8.GetBytes(name);
        int optionLength = (name is null ? 0 : 4 + ((nameBytes.Length + 3) & ~3)) + 8 + 4;
        int length = 20 + optionLength;
        Span<byte> block = Block(length);
        block.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(block, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(4), (uint)length);
        BinaryPrimitives.WriteUInt16LittleEndian(block.Slice(8), (ushort)linkType);
        BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(12), (uint)_snapLength);
        int at = 16;
        if (name is not null)
        {
            at = WriteOption(block, at, 2, nameBytes); // if_name
        }

        at = WriteOption(block, at, 9, [9]); // if_tsresol: 10^-9
        BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(at), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(length - 4), (uint)length);
        _stream.Write(block);
        return id;
    }

    private static int WriteOption(Span<byte> block, int at, ushort code, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(block.Slice(at), code);
        BinaryPrimitives.WriteUInt16LittleEndian(block.Slice(at + 2), (ushort)value.Length);
        value.CopyTo(block.Slice(at + 4));
        return at + 4 + ((value.Length + 3) & ~3);
    }
}
