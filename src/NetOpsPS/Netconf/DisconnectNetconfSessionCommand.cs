using System.Collections.Generic;
using System.Management.Automation;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Internal;

namespace NetOpsPS.Netconf;

/// <summary>Disconnect-NetconfSession: close-session, then the SSH connection; removes the sessions from the runspace.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "NetconfSession", DefaultParameterSetName = BySession)]
[OutputType(typeof(NetconfSession))]
public sealed class DisconnectNetconfSessionCommand : RegistryStopCommand<NetconfSession>
{
    /// <summary>Sessions from Connect-NetconfSession or Get-NetconfSession.</summary>
    [Parameter(ParameterSetName = BySession, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public NetconfSession[]? Session { get; set; }

    /// <inheritdoc />
    private protected override RunspaceRegistry<NetconfSession> Registry => Registries.NetconfSessions;

    /// <inheritdoc />
    protected override IEnumerable<NetconfSession>? Input => Session;
}
