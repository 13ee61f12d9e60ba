using System.Collections.Generic;
using NetOpsPS.Capture.Files;
using NetOpsPS.Capture.Tls;

namespace NetOpsPS.Capture.Tests.Tls;

/// <summary>Runs a capture file through the module's pcap reader and the TLS tracker.</summary>
internal static class PcapSegments
{
    public static List<(long Frame, TcpStreamSegment Segment)> Read(string path)
    {
        var segments = new List<(long, TcpStreamSegment)>();
        foreach (CapturedPacket packet in PcapFile.ReadPackets(path))
        {
            if (TcpStreamSegment.FromPacket(packet) is { } segment)
            {
                segments.Add((packet.Number, segment));
            }
        }

        return segments;
    }

    public static List<TlsHandshake> Track(string path, TlsTrackerOptions? options = null)
    {
        var tracker = new TlsHandshakeTracker(options);
        var handshakes = new List<TlsHandshake>();
        foreach (CapturedPacket packet in PcapFile.ReadPackets(path))
        {
            handshakes.AddRange(tracker.Add(packet));
        }

        handshakes.AddRange(tracker.Flush());
        return handshakes;
    }
}
