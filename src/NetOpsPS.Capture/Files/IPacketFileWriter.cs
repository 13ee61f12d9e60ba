using System;

namespace NetOpsPS.Capture.Files;

/// <summary>Writes packet records to capture files; disposing flushes and closes them, leaving every file complete.</summary>
public interface IPacketFileWriter : IDisposable
{
    /// <summary>Packets written so far.</summary>
    long PacketsWritten { get; }

    /// <summary>Appends one packet.</summary>
    /// <param name="timestampNanoseconds">Capture time, nanoseconds since the Unix epoch.</param>
    /// <param name="originalLength">Length on the wire.</param>
    /// <param name="linkType">Link type of <paramref name="data"/>.</param>
    /// <param name="interfaceName">Interface name, when known.</param>
    /// <param name="data">The captured bytes.</param>
    void Write(long timestampNanoseconds, int originalLength, LinkType linkType, string? interfaceName, ReadOnlySpan<byte> data);

    /// <summary>Pushes buffered records to the file system.</summary>
    void Flush();
}
