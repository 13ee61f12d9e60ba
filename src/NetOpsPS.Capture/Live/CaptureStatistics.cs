using System;
using System.Collections.Generic;

namespace NetOpsPS.Capture.Live;

/// <summary>What a live capture saw, from libpcap's pcap_stats at the end plus the engine's own counts.</summary>
public sealed class CaptureStatistics
{
    internal CaptureStatistics(string @interface, long captured, long received, long droppedByKernel, long droppedByInterface, TimeSpan elapsed, IReadOnlyList<string> files)
    {
        Interface = @interface;
        Captured = captured;
        Received = received;
        DroppedByKernel = droppedByKernel;
        DroppedByInterface = droppedByInterface;
        Elapsed = elapsed;
        Files = files;
    }

    /// <summary>The device captured on.</summary>
    public string Interface { get; }

    /// <summary>Packets the capture delivered (and wrote, with an output file).</summary>
    public long Captured { get; }

    /// <summary>ps_recv: packets that passed the filter (Linux counts them whether or not they were read).</summary>
    public long Received { get; }

    /// <summary>ps_drop: packets dropped because the kernel buffer was full.</summary>
    public long DroppedByKernel { get; }

    /// <summary>ps_ifdrop: packets the interface or its driver dropped.</summary>
    public long DroppedByInterface { get; }

    /// <summary>How long the capture ran.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The output files that still exist, oldest first; empty without an output file.</summary>
    public IReadOnlyList<string> Files { get; }
}
