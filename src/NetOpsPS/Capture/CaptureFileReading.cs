using System;
using System.IO;
using System.Management.Automation;
using System.Threading;
using NetOpsPS.Capture.Files;

namespace NetOpsPS.Capture.Cmdlets;

/// <summary>
/// The loop over one capture file that Read-PcapFile, Measure-PacketStatistic and the TLS cmdlets share: packets
/// numbered from 1, progress by file position, Ctrl+C as <see cref="PipelineStoppedException"/>, and a file that
/// fails as one non-terminating error after the packets before the fault (PcapFileNotFound, PcapFileAccessDenied,
/// PcapFileIOError, or Capture plus the engine's code: CaptureTruncatedFile, CaptureCorruptFile...).
/// </summary>
internal static class CaptureFileReading
{
    private const int ProgressActivityId = 61;
    private const int ProgressEveryPackets = 65_536;

    /// <summary>
    /// Hands each packet of <paramref name="file"/> to <paramref name="onPacket"/>, at most <paramref name="maxPackets"/>;
    /// <paramref name="status"/> adds to the progress line. Returns how many packets were read.
    /// </summary>
    public static long Read(
        PSCmdlet cmdlet,
        string file,
        CancellationToken cancellation,
        Action<CapturedPacket> onPacket,
        long maxPackets = long.MaxValue,
        Func<string>? status = null)
    {
        long number = 0;
        var progress = new ProgressRecord(ProgressActivityId, cmdlet.MyInvocation.MyCommand.Name, "Reading " + file);
        try
        {
            using PcapFileReader reader = PcapFileReader.Open(file);
            while (number < maxPackets && reader.TryReadNext(out PcapRecord record))
            {
                cancellation.ThrowIfCancellationRequested();
                onPacket(CapturedPacket.FromRecord(record, ++number));
                if (number % ProgressEveryPackets == 0)
                {
                    long length = reader.Length;
                    progress.PercentComplete = length > 0 ? (int)Math.Min(100, 100 * reader.Position / length) : -1;
                    progress.StatusDescription = $"{file}: {number} packets{status?.Invoke()}";
                    cmdlet.WriteProgress(progress);
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception ex) when (ex is CaptureException or IOException or UnauthorizedAccessException)
        {
            cmdlet.WriteError(CaptureErrorRecords.From(ex, "PcapFile", ErrorCategory.ReadError, file));
        }

        if (number >= ProgressEveryPackets)
        {
            progress.RecordType = ProgressRecordType.Completed;
            cmdlet.WriteProgress(progress);
        }

        return number;
    }
}
