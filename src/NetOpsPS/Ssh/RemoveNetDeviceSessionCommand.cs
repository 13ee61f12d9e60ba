using System.Collections.Generic;
using System.Management.Automation;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.Internal;

namespace NetOpsPS.Ssh;

/// <summary>Remove-NetDeviceSession: closes SSH device sessions and removes them from the runspace.</summary>
[Cmdlet(VerbsCommon.Remove, "NetDeviceSession", DefaultParameterSetName = BySession)]
[OutputType(typeof(SshDeviceSession))]
public sealed class RemoveNetDeviceSessionCommand : NetOpsCmdlet
{
    private const string BySession = "BySession";
    private const string ByName = "ByName";
    private const string ById = "ById";

    /// <summary>Sessions from New-NetDeviceSession or Get-NetDeviceSession.</summary>
    [Parameter(ParameterSetName = BySession, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public SshDeviceSession[]? Session { get; set; }

    /// <summary>Names of sessions; wildcards allowed.</summary>
    [Parameter(ParameterSetName = ByName, Mandatory = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Ids of sessions.</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true)]
    public int[]? Id { get; set; }

    /// <summary>Write each closed session to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        IEnumerable<SshDeviceSession> sessions = Session ?? Registries.DeviceSessions.Select(this, Name, Id);
        foreach (SshDeviceSession session in sessions)
        {
            Await(session.DisposeAsync().AsTask());
            Registries.DeviceSessions.Remove(session);
            if (PassThru)
            {
                WriteObject(session);
            }
        }
    }
}
