using NetOpsPS.Capture.Files;

namespace NetOpsPS.Capture.Cmdlets;

/// <summary>What Export-PcapFile wrote.</summary>
public sealed class PcapExportResult
{
    internal PcapExportResult(string path, PcapFileFormat format, long packets, long bytes)
    {
        Path = path;
        Format = format;
        Packets = packets;
        Bytes = bytes;
    }

    /// <summary>The file written.</summary>
    public string Path { get; }

    /// <summary>pcap or pcapng.</summary>
    public PcapFileFormat Format { get; }

    /// <summary>Packets written.</summary>
    public long Packets { get; }

    /// <summary>Captured bytes written (packet data, without file headers).</summary>
    public long Bytes { get; }
}
