using System.Management.Automation;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Internal;

namespace NetOpsPS.Netconf;

/// <summary>Get-NetconfSession: the NETCONF sessions of this runspace, by name (wildcards) or id.</summary>
[Cmdlet(VerbsCommon.Get, "NetconfSession", DefaultParameterSetName = ByName)]
[OutputType(typeof(NetconfSession))]
public sealed class GetNetconfSessionCommand : NetOpsCmdlet
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
        foreach (NetconfSession session in Registries.NetconfSessions.Select(this, Name, Id))
        {
            WriteObject(session);
        }
    }
}
