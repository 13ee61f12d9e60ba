using System.Management.Automation;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.Internal;

namespace NetOpsPS.Ssh;

/// <summary>Get-NetDeviceSession: the SSH device sessions of this runspace, by name (wildcards) or id.</summary>
[Cmdlet(VerbsCommon.Get, "NetDeviceSession", DefaultParameterSetName = ByName)]
[OutputType(typeof(SshDeviceSession))]
public sealed class GetNetDeviceSessionCommand : NetOpsCmdlet
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
        foreach (SshDeviceSession session in Registries.DeviceSessions.Select(this, Name, Id))
        {
            WriteObject(session);
        }
    }
}
