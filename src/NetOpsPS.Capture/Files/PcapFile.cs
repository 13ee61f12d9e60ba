using System.Collections.Generic;
using System.Threading;

namespace NetOpsPS.Capture.Files;

/// <summary>Reading a whole capture file as packets.</summary>
public static class PcapFile
{
    /// <summary>Every packet of the file at <paramref name="path"/>, in file order, numbered from 1.</summary>
    public static IEnumerable<CapturedPacket> ReadPackets(string path, CancellationToken cancellationToken = default)
    {
        using PcapFileReader reader = PcapFileReader.Open(path);
        long number = 0;
        while (reader.TryReadNext(out PcapRecord record))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return CapturedPacket.FromRecord(record, ++number);
        }
    }
}
