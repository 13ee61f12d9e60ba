using System;
using System.Buffers.Binary;
using System.IO;

namespace NetOpsPS.Capture.Files;

/// <summary>
/// Classic pcap with nanosecond timestamps (magic 0xA1B23C4D), little-endian. The file holds one link
/// type: the first packet's. The header is written with the first packet (or at close, for an empty file).
/// </summary>
internal sealed class PcapWriter : IPacketFileWriter
{
    private readonly Stream _stream;
    private readonly int _snapLength;
    private readonly byte[] _header = new byte[24];
    private LinkType? _linkType;

    public PcapWriter(Stream stream, int snapLength)
    {
        _stream = stream;
        _snapLength = snapLength;
    }

    public long PacketsWritten { get; private set; }

    public void Write(long timestampNanoseconds, int originalLength, LinkType linkType, string? interfaceName, ReadOnlySpan<byte> data)
    {
        if (_linkType is null)
        {
            WriteFileHeader(linkType);
        }
        else if (_linkType != linkType)
        {
            throw new CaptureException(
                CaptureError.UnsupportedLinkType,
                $"A pcap file holds one link type ({_linkType}); this packet is {linkType}. Write pcapng to mix link types.");
        }

        Span<byte> record = _header.AsSpan(0, 16);
        long seconds = Math.DivRem(timestampNanoseconds, 1_000_000_000L, out long nanos);
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)seconds);
        BinaryPrimitives.WriteUInt32LittleEndian(record.Slice(4), (uint)nanos);
        BinaryPrimitives.WriteUInt32LittleEndian(record.Slice(8), (uint)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record.Slice(12), (uint)Math.Max(originalLength, data.Length));
        _stream.Write(record);
        _stream.Write(data);
        PacketsWritten++;
    }

    public void Flush() => _stream.Flush();

    public void Dispose()
    {
        if (_linkType is null)
        {
            WriteFileHeader(LinkType.Ethernet);
        }

        _stream.Dispose();
    }

    private void WriteFileHeader(LinkType linkType)
    {
        Span<byte> header = _header;
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B23C4D);
        BinaryPrimitives.WriteUInt16LittleEndian(header.Slice(4), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.Slice(6), 4);
        BinaryPrimitives.WriteUInt64LittleEndian(header.Slice(8), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header.Slice(16), (uint)_snapLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header.Slice(20), (uint)linkType);
        _stream.Write(header);
        _linkType = linkType;
    }
}
