using System;
using System.Buffers.Binary;

namespace NetOpsPS.Capture.Files;

/// <summary>pcapng blocks (draft-ietf-opsawg-pcapng §4).</summary>
public sealed partial class PcapFileReader
{
    private const uint InterfaceDescriptionBlock = 1;
    private const uint ObsoletePacketBlock = 2;
    private const uint SimplePacketBlock = 3;
    private const uint EnhancedPacketBlock = 6;

    private bool TryReadPcapNgRecord(out PcapRecord record)
    {
        record = default;
        while (true)
        {
            if (!Fill(12))
            {
                ThrowIfPartial("a pcapng block header");
                return false;
            }

            uint type = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_start));
            if (type == PcapNgSectionHeader)
            {
                ReadSectionHeader();
                continue;
            }

            uint blockLength = U32(_buffer.AsSpan(_start + 4));
            if (blockLength < 12 || blockLength % 4 != 0 || blockLength > MaxBlockBytes)
            {
                throw Corrupt($"block type {U32(_buffer.AsSpan(_start))} has length {blockLength}");
            }

            if (!Fill((int)blockLength))
            {
                throw new CaptureException(CaptureError.TruncatedFile, $"The file ends inside a {blockLength}-byte pcapng block at offset {_bufferFileOffset + _start}.");
            }

            type = U32(_buffer.AsSpan(_start));
            ReadOnlySpan<byte> body = _buffer.AsSpan(_start + 8, (int)blockLength - 12);
            bool found = type switch
            {
                EnhancedPacketBlock => TryEnhancedPacket(body, out record),
                SimplePacketBlock => TrySimplePacket(body, out record),
                ObsoletePacketBlock => TryObsoletePacket(body, out record),
                InterfaceDescriptionBlock => ReadInterfaceDescription(body),
                _ => false,
            };
            Consume((int)blockLength);
            if (found)
            {
                return true;
            }
        }
    }

    private void ReadSectionHeader()
    {
        if (!Fill(28))
        {
            throw new CaptureException(CaptureError.TruncatedFile, "The file ends inside a pcapng section header.");
        }

        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_start + 8));
        _bigEndian = magic switch
        {
            ByteOrderMagic => false,
            0x4D3C2B1A => true,
            _ => throw Corrupt($"byte-order magic 0x{magic:X8}"),
        };
        uint blockLength = U32(_buffer.AsSpan(_start + 4));
        if (blockLength < 28 || blockLength % 4 != 0 || blockLength > MaxBlockBytes || !Fill((int)blockLength))
        {
            throw Corrupt($"section header length {blockLength}");
        }

        // A new section starts a new interface numbering (§4.1).
        _interfaces.Clear();
        Consume((int)blockLength);
    }

    private bool ReadInterfaceDescription(ReadOnlySpan<byte> body)
    {
        if (body.Length < 8)
        {
            throw Corrupt("interface description block shorter than 8 bytes");
        }

        var linkType = (LinkType)U16(body);
        int snapLength = (int)Math.Min(U32(body.Slice(4)), int.MaxValue);
        string? name = null;
        long unitsPerSecond = 1_000_000;
        long offsetSeconds = 0;
        ReadOnlySpan<byte> options = body.Slice(8);
        while (options.Length >= 4)
        {
            int code = U16(options);
            int length = U16(options.Slice(2));
            if (code == 0 || options.Length < 4 + length)
            {
                break;
            }

            ReadOnlySpan<byte> value = options.Slice(4, length);
            switch (code)
            {
                case 2:
                    name = ReadUtf8(value);
                    break;
                case 9 when length >= 1:
                    unitsPerSecond = UnitsPerSecond(value[0]);
                    break;
                case 14 when length >= 8:
                    offsetSeconds = _bigEndian ? BinaryPrimitives.ReadInt64BigEndian(value) : BinaryPrimitives.ReadInt64LittleEndian(value);
                    break;
            }

            int padded = (length + 3) & ~3;
            options = options.Slice(Math.Min(options.Length, 4 + padded));
        }

        _interfaces.Add(new PcapInterface(linkType, snapLength, name, unitsPerSecond, offsetSeconds));
        return false;
    }

    // if_tsresol: the high bit chooses a power of 2, otherwise a power of 10 (§4.2). Beyond 10^18 or 2^62 the
    // count does not fit; such a file is corrupt.
    private long UnitsPerSecond(byte resolution)
    {
        int exponent = resolution & 0x7F;
        if ((resolution & 0x80) != 0)
        {
            return exponent <= 62 ? 1L << exponent : throw Corrupt($"if_tsresol 2^-{exponent}");
        }

        if (exponent > 18)
        {
            throw Corrupt($"if_tsresol 10^-{exponent}");
        }

        long units = 1;
        for (int i = 0; i < exponent; i++)
        {
            units *= 10;
        }

        return units;
    }

    private PcapInterface InterfaceAt(uint id) =>
        id < (uint)_interfaces.Count ? _interfaces[(int)id] : throw Corrupt($"packet names interface {id}, but the section has {_interfaces.Count}");

    private bool TryEnhancedPacket(ReadOnlySpan<byte> body, out PcapRecord record)
    {
        if (body.Length < 20)
        {
            throw Corrupt("enhanced packet block shorter than 20 bytes");
        }

        uint id = U32(body);
        ulong units = ((ulong)U32(body.Slice(4)) << 32) | U32(body.Slice(8));
        uint capturedLength = U32(body.Slice(12));
        uint originalLength = U32(body.Slice(16));
        return MakeRecord(id, units, capturedLength, originalLength, 20, body.Length, out record);
    }

    private bool TryObsoletePacket(ReadOnlySpan<byte> body, out PcapRecord record)
    {
        if (body.Length < 20)
        {
            throw Corrupt("packet block shorter than 20 bytes");
        }

        uint id = U16(body);
        ulong units = ((ulong)U32(body.Slice(4)) << 32) | U32(body.Slice(8));
        return MakeRecord(id, units, U32(body.Slice(12)), U32(body.Slice(16)), 20, body.Length, out record);
    }

    private bool TrySimplePacket(ReadOnlySpan<byte> body, out PcapRecord record)
    {
        if (body.Length < 4)
        {
            throw Corrupt("simple packet block shorter than 4 bytes");
        }

        // §4.4: the captured length is the smaller of the original length, the block's room and the snap length.
        PcapInterface first = InterfaceAt(0);
        uint originalLength = U32(body);
        uint capturedLength = Math.Min(originalLength, (uint)(body.Length - 4));
        if (first.SnapLength > 0)
        {
            capturedLength = Math.Min(capturedLength, (uint)first.SnapLength);
        }

        return MakeRecord(0, 0, capturedLength, originalLength, 4, body.Length, out record);
    }

    private bool MakeRecord(uint id, ulong units, uint capturedLength, uint originalLength, int dataOffset, int bodyLength, out PcapRecord record)
    {
        if (capturedLength > (uint)(bodyLength - dataOffset))
        {
            throw Corrupt($"a packet claims {capturedLength} bytes in a block with room for {bodyLength - dataOffset}");
        }

        PcapInterface @interface = InterfaceAt(id);
        long nanos = @interface.ToUnixNanoseconds(units);
        record = new PcapRecord(nanos, (int)Math.Min(originalLength, int.MaxValue), @interface, _buffer.AsMemory(_start + 8 + dataOffset, (int)capturedLength));
        return true;
    }
}
