using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.Server;

namespace NetOpsPS.Tcp;

/// <summary>Get-TcpServer: the servers this session started, by id or name (wildcards).</summary>
[Cmdlet(VerbsCommon.Get, "TcpServer", DefaultParameterSetName = ByName)]
[OutputType(typeof(TcpServer))]
public sealed class GetTcpServerCommand : NetOpsCmdlet
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
        foreach (TcpServer server in Registries.Servers.Select(this, Name, Id))
        {
            WriteObject(server);
        }
    }
}
