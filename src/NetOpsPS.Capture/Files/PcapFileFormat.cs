namespace NetOpsPS.Capture.Files;

/// <summary>The two capture file formats.</summary>
public enum PcapFileFormat
{
    /// <summary>Classic libpcap format (one link type per file).</summary>
    Pcap,

    /// <summary>pcapng (draft-ietf-opsawg-pcapng): sections, several interfaces, per-interface resolution.</summary>
    PcapNg,
}
