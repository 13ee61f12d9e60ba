namespace NetOpsPS.Capture.Files;

/// <summary>One interface of a capture file: a pcap file has one, a pcapng section one per Interface Description Block.</summary>
public sealed class PcapInterface
{
    internal PcapInterface(LinkType linkType, int snapLength, string? name, long unitsPerSecond, long offsetSeconds)
    {
        LinkType = linkType;
        SnapLength = snapLength;
        Name = name;
        UnitsPerSecond = unitsPerSecond;
        OffsetSeconds = offsetSeconds;
    }

    /// <summary>The link type of its packets.</summary>
    public LinkType LinkType { get; }

    /// <summary>The snap length it was captured with (0: unlimited).</summary>
    public int SnapLength { get; }

    /// <summary>if_name, when the file names it.</summary>
    public string? Name { get; }

    /// <summary>Timestamp units per second (if_tsresol; 1,000,000 by default).</summary>
    public long UnitsPerSecond { get; }

    /// <summary>if_tsoffset: seconds added to every timestamp.</summary>
    public long OffsetSeconds { get; }

    internal long ToUnixNanoseconds(ulong units)
    {
        long seconds = (long)(units / (ulong)UnitsPerSecond);
        long fraction = (long)(units % (ulong)UnitsPerSecond);
        long nanos = UnitsPerSecond == 1_000_000_000 ? fraction : (long)((System.Int128)fraction * 1_000_000_000 / UnitsPerSecond);
        return ((seconds + OffsetSeconds) * 1_000_000_000) + nanos;
    }
}
