using System;
using System.Collections.Generic;
using NetOpsPS.Capture.Tls;
using PacketDotNet;
using SharpPcap;
using SharpPcap.LibPcap;

namespace NetOpsPS.Capture.Tests.Tls;

/// <summary>
/// Reads a pcap with SharpPcap and PacketDotNet straight into tracker segments, so the TLS engine is tested
/// on real captures independently of the module's own packet reader.
/// </summary>
internal static class PcapSegments
{
    public static List<(int Frame, TcpStreamSegment Segment)> Read(string path)
    {
        var segments = new List<(int, TcpStreamSegment)>();
        using var device = new CaptureFileReaderDevice(path);
        device.Open();
        int frame = 0;
        while (device.GetNextPacket(out PacketCapture capture) == GetPacketStatus.PacketRead)
        {
            frame++;
            RawCapture raw = capture.GetPacket();
            var packet = Packet.ParsePacket(raw.LinkLayerType, raw.Data);
            if (packet.Extract<TcpPacket>() is not { } tcp || tcp.ParentPacket is not IPPacket ip)
            {
                continue;
            }

            var flags = (TcpStreamFlags)(tcp.Flags & 0x1F);
            var timestamp = new DateTimeOffset(raw.Timeval.Date, TimeSpan.Zero);
            segments.Add((frame, new TcpStreamSegment(
                timestamp, ip.SourceAddress, tcp.SourcePort, ip.DestinationAddress, tcp.DestinationPort,
                tcp.SequenceNumber, flags, tcp.PayloadData ?? [])));
        }

        return segments;
    }

    public static List<TlsHandshake> Track(string path, TlsTrackerOptions? options = null)
    {
        var tracker = new TlsHandshakeTracker(options);
        var handshakes = new List<TlsHandshake>();
        foreach (var (_, segment) in Read(path))
        {
            handshakes.AddRange(tracker.Add(segment));
        }

        handshakes.AddRange(tracker.Flush());
        return handshakes;
    }
}
