using System;
using System.IO;
using System.Management.Automation;
using NetOpsPS.Capture.Files;
using NetOpsPS.Internal;

namespace NetOpsPS.Capture.Cmdlets;

/// <summary>
/// Export-PcapFile: writes packets from the pipeline to a pcapng (or pcap) file with their original
/// timestamps, lengths, link types and interfaces, so tshark and tcpdump read the result.
/// </summary>
[Cmdlet(VerbsData.Export, "PcapFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(PcapExportResult))]
public sealed class ExportPcapFileCommand : NetOpsCmdlet
{
    private IPacketFileWriter? _writer;
    private string? _fullPath;
    private PcapFileFormat _format;
    private long _bytes;

    /// <summary>The file to write.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>Packets to write, from Read-PcapFile or Watch-Packet.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public CapturedPacket? InputObject { get; set; }

    /// <summary>Pcap or PcapNg; by default .pcap, .cap and .dmp names get pcap and any other name pcapng.</summary>
    [Parameter]
    public PcapFileFormat? Format { get; set; }

    /// <summary>Overwrite an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _fullPath = this.FileSystemPath(Path);
        _format = Format ?? PcapFileWriter.FormatOf(_fullPath);
        if (File.Exists(_fullPath) && !Force)
        {
            ThrowTerminatingError(new ErrorRecord(
                new IOException($"The file '{_fullPath}' exists. Use -Force to overwrite it."), "PcapFileExists", ErrorCategory.ResourceExists, _fullPath));
        }

        if (!ShouldProcess(_fullPath, $"Write a {_format} capture file"))
        {
            return;
        }

        try
        {
            _writer = PcapFileWriter.Create(_fullPath, _format);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(CaptureErrorRecords.From(ex, "PcapFileWrite", ErrorCategory.WriteError, _fullPath));
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (_writer is null)
        {
            return;
        }

        CapturedPacket packet = InputObject!;
        try
        {
            _writer.Write(packet);
            _bytes += packet.CapturedLength;
        }
        catch (CaptureException ex)
        {
            WriteError(CaptureErrorRecords.From(ex, packet));
        }
        catch (IOException ex)
        {
            ThrowTerminatingError(CaptureErrorRecords.From(ex, "PcapFileWrite", ErrorCategory.WriteError, _fullPath));
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_writer is null)
        {
            return;
        }

        long packets = _writer.PacketsWritten;
        _writer.Dispose();
        _writer = null;
        WriteVerbose($"Wrote {packets} packets to {_fullPath}.");
        WriteObject(new PcapExportResult(_fullPath!, _format, packets, _bytes));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        // Ctrl+C or an error upstream: what was written stays a complete, readable file.
        if (disposing)
        {
            _writer?.Dispose();
        }

        base.Dispose(disposing);
    }
}
