using System.Management.Automation;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Internal;

namespace NetOpsPS.Netconf;

/// <summary>Get-NetconfSession: the NETCONF sessions of this runspace, by name (wildcards) or id.</summary>
[Cmdlet(VerbsCommon.Get, "NetconfSession", DefaultParameterSetName = ByName)]
[OutputType(typeof(NetconfSession))]
public sealed class GetNetconfSessionCommand : RegistrySessionGetCommand<NetconfSession>
{
    /// <inheritdoc />
    private protected override RunspaceRegistry<NetconfSession> Registry => Registries.NetconfSessions;
}
