using System;
using System.Collections.Generic;
using System.Management.Automation;
using NetOpsPS.Capture.Cmdlets;
using NetOpsPS.Capture.Tls;
using NetOpsPS.Internal;

namespace NetOpsPS.Tls;

/// <summary>
/// What Get-TlsHandshake and Test-TlsAnomaly share: reading capture files (-Path/-LiteralPath) into
/// handshakes, one tracker per file, through the loop Read-PcapFile uses (progress, Ctrl+C, per-file errors).
/// </summary>
public abstract class TlsCaptureCommandBase : NetOpsCmdlet
{
    /// <summary>Parameter set: capture files by path with wildcards.</summary>
    protected const string PathSet = "Path";

    /// <summary>Parameter set: capture files by literal path.</summary>
    protected const string LiteralPathSet = "LiteralPath";

    /// <summary>pcap or pcapng files to read; wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>pcap or pcapng files to read, taken as written.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>Connections followed at once; past this the least recently active one is reported or dropped.</summary>
    [Parameter]
    [ValidateRange(1, 1_000_000)]
    public int MaxFlows { get; set; } = new TlsTrackerOptions().MaxFlows;

    /// <summary>A new tracker with the cmdlet's bounds.</summary>
    protected TlsHandshakeTracker NewTracker() => new(new TlsTrackerOptions { MaxFlows = MaxFlows });

    /// <summary>Handles one handshake found in a file or the pipeline.</summary>
    protected abstract void OnHandshake(TlsHandshake handshake);

    /// <summary>Reads every file named by -Path or -LiteralPath; a missing or unreadable file is a non-terminating error.</summary>
    protected void ReadFiles()
    {
        bool literal = ParameterSetName == LiteralPathSet;
        // The same path resolution and error ids as Read-PcapFile (PcapFileNotFound, CaptureCorruptFile...).
        foreach (string file in CaptureFilePaths.Resolve(this, literal ? LiteralPath : Path, literal))
        {
            ReadFile(file);
        }
    }

    /// <summary>Hands the tracker's finished handshakes on.</summary>
    protected void Emit(IReadOnlyList<TlsHandshake> handshakes)
    {
        foreach (var handshake in handshakes)
        {
            OnHandshake(handshake);
        }
    }

    private void ReadFile(string file)
    {
        WriteVerbose($"Reading TLS handshakes from {file}.");
        var tracker = NewTracker();
        long packets = CaptureFileReading.Read(
            this,
            file,
            Cancellation,
            packet => Emit(tracker.Add(packet)),
            status: () => $", {tracker.ActiveFlows} open connections");

        // Handshakes still open when the file ends (or breaks) are reported with what they hold.
        Emit(tracker.Flush());
        WriteVerbose($"{file}: {packets} packets; {tracker.EvictedFlows} connections past -MaxFlows; {tracker.FlowsWithoutClientHello} connections without a ClientHello.");
    }
}
