using System.Management.Automation;
using NetOpsPS.Capture;
using NetOpsPS.Capture.Tls;

namespace NetOpsPS.Tls;

/// <summary>
/// Get-TlsHandshake: one object per TLS handshake in captured packets (from the pipeline) or capture files:
/// SNI, ALPN, versions, cipher suites, extensions in order, the server's choices, handshake time, JA3 and JA4.
/// ClientHellos spread over TCP segments are reassembled.
/// </summary>
[Cmdlet(VerbsCommon.Get, "TlsHandshake", DefaultParameterSetName = PathSet)]
[OutputType(typeof(TlsHandshake))]
public sealed class GetTlsHandshakeCommand : TlsCaptureCommandBase
{
    private const string PacketSet = "Packet";
    private TlsHandshakeTracker? _tracker;

    /// <summary>Captured packets, such as those of Read-PcapFile or Watch-Packet.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PacketSet)]
    public CapturedPacket? InputObject { get; set; }

    /// <summary>Only handshakes whose server name matches this wildcard pattern.</summary>
    [Parameter]
    [SupportsWildcards]
    public string? ServerName { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName != PacketSet)
        {
            ReadFiles();
        }
        else if (InputObject is { } packet)
        {
            _tracker ??= NewTracker();
            Emit(_tracker.Add(packet));
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_tracker is not null)
        {
            Emit(_tracker.Flush());
        }
    }

    /// <inheritdoc />
    protected override void OnHandshake(TlsHandshake handshake)
    {
        if (ServerName is null || (handshake.ServerName is { } name
            && WildcardPattern.Get(ServerName, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant).IsMatch(name)))
        {
            WriteObject(handshake);
        }
    }
}
