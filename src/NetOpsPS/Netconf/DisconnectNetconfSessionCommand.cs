using System.Collections.Generic;
using System.Management.Automation;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Internal;

namespace NetOpsPS.Netconf;

/// <summary>Disconnect-NetconfSession: close-session, then the SSH connection; removes the sessions from the runspace.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "NetconfSession", DefaultParameterSetName = BySession)]
[OutputType(typeof(NetconfSession))]
public sealed class DisconnectNetconfSessionCommand : NetOpsCmdlet
{
    private const string BySession = "BySession";
    private const string ByName = "ByName";
    private const string ById = "ById";

    /// <summary>Sessions from Connect-NetconfSession or Get-NetconfSession.</summary>
    [Parameter(ParameterSetName = BySession, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public NetconfSession[]? Session { get; set; }

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
        IEnumerable<NetconfSession> sessions = Session ?? Registries.NetconfSessions.Select(this, Name, Id);
        foreach (NetconfSession session in sessions)
        {
            Await(session.DisposeAsync().AsTask());
            Registries.NetconfSessions.Remove(session);
            if (PassThru)
            {
                WriteObject(session);
            }
        }
    }
}
