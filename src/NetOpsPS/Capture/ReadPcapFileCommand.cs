using System;
using System.Management.Automation;
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
        long number = CaptureFileReading.Read(this, file, Cancellation, packet => WriteObject(packet), Count);
        WriteVerbose($"{number} packets from {file}.");
    }
}
