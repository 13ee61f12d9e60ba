namespace NetOpsPS.Capture;

/// <summary>What went wrong in the capture engine; the cmdlet layer turns it into a stable error id.</summary>
public enum CaptureError
{
    /// <summary>Not classified.</summary>
    Unknown,

    /// <summary>libpcap (Debian package libpcap0.8) could not be loaded.</summary>
    LibpcapMissing,

    /// <summary>The process lacks CAP_NET_RAW/CAP_NET_ADMIN (or root) to open the interface.</summary>
    PermissionDenied,

    /// <summary>No capture device has the given name.</summary>
    DeviceNotFound,

    /// <summary>The BPF filter does not compile.</summary>
    InvalidFilter,

    /// <summary>libpcap refused to open or activate the device.</summary>
    DeviceOpenFailed,

    /// <summary>libpcap reported an error while reading packets from an open device.</summary>
    ReadFailed,

    /// <summary>The file is neither pcap nor pcapng.</summary>
    UnknownFileFormat,

    /// <summary>A record or block length in the file is impossible.</summary>
    CorruptFile,

    /// <summary>The file ends in the middle of a record.</summary>
    TruncatedFile,

    /// <summary>The packet cannot be written to the chosen format (a pcap file holds one link type).</summary>
    UnsupportedLinkType,
}
