using System;

namespace NetOpsPS.Capture.Files;

/// <summary>
/// One packet record as the reader found it. <see cref="Data"/> points into the reader's buffer and
/// stays valid only until the next read: copy it (as <see cref="CapturedPacket"/> does) to keep it.
/// </summary>
public readonly struct PcapRecord
{
    internal PcapRecord(long timestampNanoseconds, int originalLength, PcapInterface @interface, ReadOnlyMemory<byte> data)
    {
        TimestampNanoseconds = timestampNanoseconds;
        OriginalLength = originalLength;
        Interface = @interface;
        Data = data;
    }

    /// <summary>Nanoseconds since the Unix epoch.</summary>
    public long TimestampNanoseconds { get; }

    /// <summary>The packet's length on the wire.</summary>
    public int OriginalLength { get; }

    /// <summary>The interface it was captured on.</summary>
    public PcapInterface Interface { get; }

    /// <summary>The captured bytes.</summary>
    public ReadOnlyMemory<byte> Data { get; }
}
