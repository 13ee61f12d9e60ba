using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace NetOpsPS.Sockets.Reliable.Internal;

/// <summary>
/// The wire format, big-endian. Common header (16 bytes): "RU", version 1, type (1 data, 2 ack),
/// session id (u32, the sender's random id of the transfer), epoch (u32: in an ack the listener's
/// random incarnation id; in data the epoch the sender last heard, 0 before any ack), then the
/// packet sequence number (data) or the cumulative ack, the next sequence expected (ack).
/// Data adds fragment index, fragment count and payload length (u16 each), then the payload.
/// Ack adds the receive window (u16, free packet slots), the SACK block count (u8), a reserved byte,
/// and the blocks as [start, end) pairs of u32 (RFC 2018, the block holding the packet that
/// triggered the ack first).
/// </summary>
internal static class ReliablePacket
{
    public const int HeaderSize = 16;
    public const int DataHeaderSize = HeaderSize + 6;
    public const int AckHeaderSize = HeaderSize + 4;
    public const int MaxSackBlocks = 32;
    public const byte TypeData = 1;
    public const byte TypeAck = 2;
    private const byte Magic0 = (byte)'R';
    private const byte Magic1 = (byte)'U';
    private const byte Version = 1;

    public static int WriteData(Span<byte> buffer, uint session, uint epoch, uint sequence, ushort fragmentIndex, ushort fragmentCount, ReadOnlySpan<byte> payload)
    {
        WriteHeader(buffer, TypeData, session, epoch, sequence);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[16..], fragmentIndex);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[18..], fragmentCount);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[20..], (ushort)payload.Length);
        payload.CopyTo(buffer[DataHeaderSize..]);
        return DataHeaderSize + payload.Length;
    }

    public static int WriteAck(Span<byte> buffer, uint session, uint epoch, uint cumulative, ushort window, IReadOnlyList<SackBlock> blocks)
    {
        int count = Math.Min(blocks.Count, MaxSackBlocks);
        WriteHeader(buffer, TypeAck, session, epoch, cumulative);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[16..], window);
        buffer[18] = (byte)count;
        buffer[19] = 0;
        for (int i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(buffer[(AckHeaderSize + (i * 8))..], blocks[i].Start);
            BinaryPrimitives.WriteUInt32BigEndian(buffer[(AckHeaderSize + (i * 8) + 4)..], blocks[i].End);
        }

        return AckHeaderSize + (count * 8);
    }

    /// <summary>Parses a data packet; false (and a reason) for anything that is not a well-formed one.</summary>
    public static bool TryReadData(ReadOnlySpan<byte> datagram, out DataPacket packet, out string? reason)
    {
        packet = default;
        if (!TryReadHeader(datagram, TypeData, DataHeaderSize, out reason))
        {
            return false;
        }

        ushort index = BinaryPrimitives.ReadUInt16BigEndian(datagram[16..]);
        ushort count = BinaryPrimitives.ReadUInt16BigEndian(datagram[18..]);
        ushort length = BinaryPrimitives.ReadUInt16BigEndian(datagram[20..]);
        if (count == 0 || index >= count)
        {
            reason = $"fragment {index} of {count}";
            return false;
        }

        if (length != datagram.Length - DataHeaderSize)
        {
            reason = $"payload length {length} but {datagram.Length - DataHeaderSize} bytes follow";
            return false;
        }

        packet = new DataPacket(Session(datagram), Epoch(datagram), Number(datagram), index, count);
        return true;
    }

    /// <summary>Parses an ack; false for anything malformed, including blocks that are empty or below the cumulative point.</summary>
    public static bool TryReadAck(ReadOnlySpan<byte> datagram, out AckPacket packet, out string? reason)
    {
        packet = default;
        if (!TryReadHeader(datagram, TypeAck, AckHeaderSize, out reason))
        {
            return false;
        }

        int count = datagram[18];
        if (count > MaxSackBlocks || datagram.Length != AckHeaderSize + (count * 8))
        {
            reason = $"{count} SACK blocks in {datagram.Length} bytes";
            return false;
        }

        uint cumulative = Number(datagram);
        var blocks = new SackBlock[count];
        for (int i = 0; i < count; i++)
        {
            uint start = BinaryPrimitives.ReadUInt32BigEndian(datagram[(AckHeaderSize + (i * 8))..]);
            uint end = BinaryPrimitives.ReadUInt32BigEndian(datagram[(AckHeaderSize + (i * 8) + 4)..]);
            if (start >= end || start <= cumulative)
            {
                reason = $"SACK block [{start}, {end}) with cumulative ack {cumulative}";
                return false;
            }

            blocks[i] = new SackBlock(start, end);
        }

        packet = new AckPacket(Session(datagram), Epoch(datagram), cumulative, BinaryPrimitives.ReadUInt16BigEndian(datagram[16..]), blocks);
        return true;
    }

    private static void WriteHeader(Span<byte> buffer, byte type, uint session, uint epoch, uint number)
    {
        buffer[0] = Magic0;
        buffer[1] = Magic1;
        buffer[2] = Version;
        buffer[3] = type;
        BinaryPrimitives.WriteUInt32BigEndian(buffer[4..], session);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[8..], epoch);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[12..], number);
    }

    private static bool TryReadHeader(ReadOnlySpan<byte> datagram, byte type, int minimum, out string? reason)
    {
        reason = null;
        if (datagram.Length < minimum)
        {
            reason = $"{datagram.Length} bytes, shorter than a header";
        }
        else if (datagram[0] != Magic0 || datagram[1] != Magic1)
        {
            reason = "not a reliable UDP packet (bad magic)";
        }
        else if (datagram[2] != Version)
        {
            reason = $"version {datagram[2]}";
        }
        else if (datagram[3] != type)
        {
            reason = $"packet type {datagram[3]}";
        }

        return reason is null;
    }

    private static uint Session(ReadOnlySpan<byte> datagram) => BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]);

    private static uint Epoch(ReadOnlySpan<byte> datagram) => BinaryPrimitives.ReadUInt32BigEndian(datagram[8..]);

    private static uint Number(ReadOnlySpan<byte> datagram) => BinaryPrimitives.ReadUInt32BigEndian(datagram[12..]);
}

/// <summary>A parsed data header; the payload follows at <see cref="ReliablePacket.DataHeaderSize"/>.</summary>
internal readonly record struct DataPacket(uint Session, uint Epoch, uint Sequence, ushort FragmentIndex, ushort FragmentCount);

/// <summary>A parsed ack.</summary>
internal readonly record struct AckPacket(uint Session, uint Epoch, uint Cumulative, ushort Window, SackBlock[] Blocks);

/// <summary>Packets [Start, End) held above the cumulative point.</summary>
internal readonly record struct SackBlock(uint Start, uint End);
