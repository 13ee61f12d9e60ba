using System.Management.Automation;
using NetOpsPS.Sockets.Client;

using NetOpsPS.Internal;

namespace NetOpsPS.Tcp;

/// <summary>Get-TcpSession: the client sessions of this runspace, by name (wildcards) or id.</summary>
[Cmdlet(VerbsCommon.Get, "TcpSession", DefaultParameterSetName = ByName)]
[OutputType(typeof(TcpClientSession))]
public sealed class GetTcpSessionCommand : Internal.NetOpsCmdlet
{
    private const string ByName = "ByName";
    private const string ById = "ById";

    /// <summary>Names to match; wildcards allowed. All sessions when omitted.</summary>
    [Parameter(ParameterSetName = ByName, Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Session ids.</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true)]
    public int[]? Id { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (TcpClientSession session in Registries.Sessions.Select(this, Name, Id))
        {
            WriteObject(session);
        }
    }
}
