using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.Impairment;
using NetOpsPS.Sockets.Reliable;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Udp;

/// <summary>
/// Get-UdpServer: the UDP servers this session started (echo servers, reliable listeners,
/// impairment relays), by id or name (wildcards). One noun for all three, as they share the
/// life cycle; the Kind property tells them apart.
/// </summary>
[Cmdlet(VerbsCommon.Get, "UdpServer", DefaultParameterSetName = ByName)]
[OutputType(typeof(UdpEchoServer), typeof(ReliableUdpListener), typeof(UdpImpairmentRelay))]
public sealed class GetUdpServerCommand : NetOpsCmdlet
{
    private const string ByName = "ByName";
    private const string ById = "ById";

    /// <summary>Names to match; wildcards allowed. All servers when omitted.</summary>
    [Parameter(ParameterSetName = ByName, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Server ids.</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public int[]? Id { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (UdpService server in Registries.UdpServers.Select(this, Name, Id))
        {
            WriteObject(server);
        }
    }
}
