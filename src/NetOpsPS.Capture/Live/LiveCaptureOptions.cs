using System;
using NetOpsPS.Capture.Files;

namespace NetOpsPS.Capture.Live;

/// <summary>How to open a live capture: libpcap's pcap_set_* settings plus the limits and the output file.</summary>
public sealed class LiveCaptureOptions
{
    /// <summary>The libpcap device name (eth0, lo, any).</summary>
    public string Interface { get; set; } = "any";

    /// <summary>A BPF filter in pcap-filter(7) syntax; null captures everything.</summary>
    public string? Filter { get; set; }

    /// <summary>Bytes kept of each packet.</summary>
    public int SnapLength { get; set; } = 262_144;

    /// <summary>Put the interface in promiscuous mode.</summary>
    public bool Promiscuous { get; set; }

    /// <summary>Deliver each packet as it arrives instead of when the kernel buffer block fills (pcap_set_immediate_mode).</summary>
    public bool Immediate { get; set; } = true;

    /// <summary>Kernel buffer size in bytes (pcap_set_buffer_size); null: libpcap's default (2 MiB).</summary>
    public int? BufferSize { get; set; }

    /// <summary>Stop after this many packets; null: no limit.</summary>
    public long? Count { get; set; }

    /// <summary>Stop after this long; null: no limit.</summary>
    public TimeSpan? Duration { get; set; }

    /// <summary>Write the packets to this file (pcapng unless the name ends in .pcap); null: no file.</summary>
    public string? OutFile { get; set; }

    /// <summary>File rotation for <see cref="OutFile"/>.</summary>
    public RingBufferOptions? Ring { get; set; }

    /// <summary>How often, at most, the loop checks for cancellation when no packet comes (pcap_set_timeout).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
