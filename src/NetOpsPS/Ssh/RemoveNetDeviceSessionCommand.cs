using System.Collections.Generic;
using System.Management.Automation;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.Internal;

namespace NetOpsPS.Ssh;

/// <summary>Remove-NetDeviceSession: closes SSH device sessions and removes them from the runspace.</summary>
[Cmdlet(VerbsCommon.Remove, "NetDeviceSession", DefaultParameterSetName = BySession)]
[OutputType(typeof(SshDeviceSession))]
public sealed class RemoveNetDeviceSessionCommand : RegistryStopCommand<SshDeviceSession>
{
    /// <summary>Sessions from New-NetDeviceSession or Get-NetDeviceSession.</summary>
    [Parameter(ParameterSetName = BySession, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public SshDeviceSession[]? Session { get; set; }

    /// <inheritdoc />
    private protected override RunspaceRegistry<SshDeviceSession> Registry => Registries.DeviceSessions;

    /// <inheritdoc />
    protected override IEnumerable<SshDeviceSession>? Input => Session;
}
