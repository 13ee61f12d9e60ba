using System.Collections.Generic;
using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.Client;

namespace NetOpsPS.Tcp;

/// <summary>Disconnect-TcpSession: closes sessions cleanly and removes them from the runspace.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "TcpSession", DefaultParameterSetName = BySession)]
[OutputType(typeof(TcpClientSession))]
public sealed class DisconnectTcpSessionCommand : NetOpsCmdlet
{
    private const string BySession = "BySession";
    private const string ByName = "ByName";
    private const string ById = "ById";

    /// <summary>Sessions from Connect-TcpSession or Get-TcpSession.</summary>
    [Parameter(ParameterSetName = BySession, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public TcpClientSession[]? Session { get; set; }

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
        IEnumerable<TcpClientSession> sessions = Session ?? Registries.Sessions.Select(this, Name, Id);
        foreach (TcpClientSession session in sessions)
        {
            Await(session.DisconnectAsync(Cancellation));
            Await(session.DisposeAsync().AsTask());
            Registries.Sessions.Remove(session);
            if (PassThru)
            {
                WriteObject(session);
            }
        }
    }
}
