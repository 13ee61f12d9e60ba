using System;
using System.IO;

namespace NetOpsPS.Capture.Files;

/// <summary>Creates capture file writers and writes <see cref="CapturedPacket"/>s to them.</summary>
public static class PcapFileWriter
{
    /// <summary>The format a file name asks for: .pcap (and .cap, .dmp) is pcap, anything else pcapng.</summary>
    public static PcapFileFormat FormatOf(string path) =>
        Path.GetExtension(path).ToUpperInvariant() is ".PCAP" or ".CAP" or ".DMP" ? PcapFileFormat.Pcap : PcapFileFormat.PcapNg;

    /// <summary>Creates (or overwrites) <paramref name="path"/>.</summary>
    public static IPacketFileWriter Create(string path, PcapFileFormat format, int snapLength = 262_144)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        return format == PcapFileFormat.Pcap ? new PcapWriter(stream, snapLength) : new PcapNgWriter(stream, snapLength);
    }

    /// <summary>Appends a packet with its original timestamp, length, link type and interface.</summary>
    public static void Write(this IPacketFileWriter writer, CapturedPacket packet)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(packet);
        writer.Write(packet.TimestampNanoseconds, packet.Length, packet.LinkType, packet.Interface, packet.Data.Span);
    }
}
