using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NetOpsPS.Capture.Files;

/// <summary>
/// Reads pcap (micro- and nanosecond, both byte orders) and pcapng (every section, IDB options
/// if_name/if_tsresol/if_tsoffset, EPB, SPB and the obsolete PB) from a stream, record by record,
/// out of one reusable buffer: no allocation per packet. Our own rather than SharpPcap's offline
/// device because libpcap copies every packet through a callback and a PacketDotNet decode costs
/// objects per layer; this reader plus <see cref="Decoding.PacketDecoder"/> stay allocation-free.
/// A length that cannot be right is a <see cref="CaptureError.CorruptFile"/>, never a huge allocation.
/// </summary>
public sealed partial class PcapFileReader : IDisposable
{
    // Wireshark's limit for one record (WTAP_MAX_PACKET_SIZE_STANDARD) with room for pcapng block overhead.
    private const int MaxRecordBytes = 262_144 + 1024;
    private const int MaxBlockBytes = 16 * 1024 * 1024;
    private const uint PcapNgSectionHeader = 0x0A0D0D0A;
    private const uint ByteOrderMagic = 0x1A2B3C4D;

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly List<PcapInterface> _interfaces = new();
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private long _bufferFileOffset;
    private bool _eof;
    private bool _bigEndian;
    private PcapInterface? _pcapInterface;

    /// <summary>Reads from <paramref name="stream"/>; the reader disposes it when <paramref name="ownsStream"/>.</summary>
    public PcapFileReader(Stream stream, bool ownsStream = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _ownsStream = ownsStream;
        ReadFileHeader();
    }

    /// <summary>Which format the file is.</summary>
    public PcapFileFormat Format { get; private set; }

    /// <summary>The file offset of the next unread byte: how far the reader has got, for progress.</summary>
    public long Position => _bufferFileOffset + _start;

    /// <summary>The length of the stream in bytes, or -1 when it cannot tell (a pipe).</summary>
    public long Length => _stream.CanSeek ? _stream.Length : -1;

    /// <summary>Opens a file for sequential reading.</summary>
    public static PcapFileReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        try
        {
            return new PcapFileReader(stream, ownsStream: true);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next packet record; false at the end of the file.</summary>
    public bool TryReadNext(out PcapRecord record) =>
        Format == PcapFileFormat.Pcap ? TryReadPcapRecord(out record) : TryReadPcapNgRecord(out record);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    private void ReadFileHeader()
    {
        if (!Fill(4))
        {
            throw new CaptureException(CaptureError.UnknownFileFormat, "The file is empty or shorter than a file header.");
        }

        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_start));
        if (magic == PcapNgSectionHeader)
        {
            Format = PcapFileFormat.PcapNg;
            return;
        }

        long unitsPerSecond;
        switch (magic)
        {
            case 0xA1B2C3D4:
                unitsPerSecond = 1_000_000;
                break;
            case 0xD4C3B2A1:
                unitsPerSecond = 1_000_000;
                _bigEndian = true;
                break;
            case 0xA1B23C4D:
                unitsPerSecond = 1_000_000_000;
                break;
            case 0x4D3CB2A1:
                unitsPerSecond = 1_000_000_000;
                _bigEndian = true;
                break;
            default:
                throw new CaptureException(CaptureError.UnknownFileFormat, $"The file starts with 0x{magic:X8}, which is neither a pcap nor a pcapng magic number.");
        }

        if (!Fill(24))
        {
            throw new CaptureException(CaptureError.TruncatedFile, "The file ends inside its 24-byte pcap header.");
        }

        ReadOnlySpan<byte> header = _buffer.AsSpan(_start, 24);
        int snapLength = (int)Math.Min(U32(header.Slice(16)), int.MaxValue);
        // The upper bits of the link-type field carry FCS information (pcap format, "LinkType and additional information").
        var linkType = (LinkType)(U32(header.Slice(20)) & 0x0FFFFFFF);
        _pcapInterface = new PcapInterface(linkType, snapLength, null, unitsPerSecond, 0);
        Format = PcapFileFormat.Pcap;
        Consume(24);
    }

    private bool TryReadPcapRecord(out PcapRecord record)
    {
        record = default;
        if (!Fill(16))
        {
            ThrowIfPartial("a pcap record header");
            return false;
        }

        ReadOnlySpan<byte> header = _buffer.AsSpan(_start, 16);
        uint seconds = U32(header);
        uint fraction = U32(header.Slice(4));
        uint capturedLength = U32(header.Slice(8));
        uint originalLength = U32(header.Slice(12));
        if (capturedLength > MaxRecordBytes)
        {
            throw Corrupt($"a record claims {capturedLength} captured bytes");
        }

        if (!Fill(16 + (int)capturedLength))
        {
            throw new CaptureException(CaptureError.TruncatedFile, $"The file ends inside a {capturedLength}-byte packet at offset {_bufferFileOffset + _start}.");
        }

        PcapInterface pcap = _pcapInterface!;
        long nanos = (seconds * 1_000_000_000L) + (pcap.UnitsPerSecond == 1_000_000 ? fraction * 1000L : fraction);
        record = new PcapRecord(nanos, (int)Math.Min(originalLength, int.MaxValue), pcap, _buffer.AsMemory(_start + 16, (int)capturedLength));
        Consume(16 + (int)capturedLength);
        return true;
    }

    private uint U32(ReadOnlySpan<byte> bytes) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    private ushort U16(ReadOnlySpan<byte> bytes) =>
        _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);

    private CaptureException Corrupt(string what) =>
        new(CaptureError.CorruptFile, $"The capture file is corrupt at offset {_bufferFileOffset + _start}: {what}.");

    private void ThrowIfPartial(string what)
    {
        if (_end > _start)
        {
            throw new CaptureException(CaptureError.TruncatedFile, $"The file ends inside {what} at offset {_bufferFileOffset + _start}.");
        }
    }

    private void Consume(int count) => _start += count;

    // Makes at least `count` bytes available at _start; false when the stream ends first.
    private bool Fill(int count)
    {
        if (_end - _start >= count)
        {
            return true;
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _bufferFileOffset += _start;
            _end -= _start;
            _start = 0;
        }

        if (count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(count, _buffer.Length * 2));
        }

        while (_end < count && !_eof)
        {
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
        }

        return _end - _start >= count;
    }

    private static string? ReadUtf8(ReadOnlySpan<byte> value)
    {
        int nul = value.IndexOf((byte)0);
        return Encoding.UTF8.GetString(nul >= 0 ? value.Slice(0, nul) : value);
    }
}
