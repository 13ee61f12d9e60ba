using System;

namespace NetOpsPS.Capture.Files;

/// <summary>When a capture moves to its next file, and how many files it keeps (dumpcap's -b filesize/duration/files).</summary>
public sealed class RingBufferOptions
{
    /// <summary>Start a new file once the current one holds this many bytes; null: no size limit.</summary>
    public long? MaxFileBytes { get; set; }

    /// <summary>Start a new file once a packet is this much later than the current file's first packet; null: no time limit.</summary>
    public TimeSpan? MaxFileDuration { get; set; }

    /// <summary>Keep at most this many files, deleting the oldest; null: keep all.</summary>
    public int? MaxFiles { get; set; }

    internal bool Rotates => MaxFileBytes is not null || MaxFileDuration is not null;
}
