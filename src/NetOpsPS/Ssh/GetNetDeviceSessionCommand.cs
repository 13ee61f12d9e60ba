using System.Management.Automation;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.Internal;

namespace NetOpsPS.Ssh;

/// <summary>Get-NetDeviceSession: the SSH device sessions of this runspace, by name (wildcards) or id.</summary>
[Cmdlet(VerbsCommon.Get, "NetDeviceSession", DefaultParameterSetName = ByName)]
[OutputType(typeof(SshDeviceSession))]
public sealed class GetNetDeviceSessionCommand : RegistrySessionGetCommand<SshDeviceSession>
{
    /// <inheritdoc />
    private protected override RunspaceRegistry<SshDeviceSession> Registry => Registries.DeviceSessions;
}
