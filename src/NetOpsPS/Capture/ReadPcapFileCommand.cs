using System;
using System.IO;
using System.Management.Automation;
using NetOpsPS.Capture.Files;
using NetOpsPS.Internal;

namespace NetOpsPS.Capture.Cmdlets;

/// <summary>
/// Read-PcapFile: streams the packets of pcap and pcapng files as typed objects, decoded lazily (a filter on
/// addresses never pays for DNS or HTTP decoding). A corrupt or truncated file gives its whole packets, then a
/// non-terminating error naming the offset.
/// </summary>
[Cmdlet(VerbsCommunications.Read, "PcapFile", DefaultParameterSetName = PathSet)]
[OutputType(typeof(CapturedPacket))]
public sealed class ReadPcapFileCommand : NetOpsCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>Files to read; wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>Files to read, taken literally.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>Stop after this many packets of each file.</summary>
    [Parameter]
    [ValidateRange(1, long.MaxValue)]
    public long Count { get; set; } = long.MaxValue;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (string file in CaptureFilePaths.Resolve(this, ParameterSetName == LiteralPathSet ? LiteralPath : Path, ParameterSetName == LiteralPathSet))
        {
            ReadFile(file);
        }
    }

    private void ReadFile(string file)
    {
        WriteVerbose($"Reading {file}.");
        long number = 0;
        try
        {
            using FileStream stream = new(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            using var reader = new PcapFileReader(stream);
            var progress = new ProgressRecord(1, "Read-PcapFile", file);
            while (number < Count && reader.TryReadNext(out PcapRecord record))
            {
                Cancellation.ThrowIfCancellationRequested();
                WriteObject(CapturedPacket.FromRecord(record, ++number));
                if (number % 65536 == 0 && stream.Length > 0)
                {
                    progress.PercentComplete = (int)Math.Min(100, 100 * stream.Position / stream.Length);
                    progress.StatusDescription = $"{number} packets";
                    WriteProgress(progress);
                }
            }

            if (number >= 65536)
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception ex) when (ex is CaptureException or IOException or UnauthorizedAccessException)
        {
            WriteError(CaptureErrorRecords.From(ex, "PcapFileRead", file));
        }

        WriteVerbose($"{number} packets from {file}.");
    }
}
