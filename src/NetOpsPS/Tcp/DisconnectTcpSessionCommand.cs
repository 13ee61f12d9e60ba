using System.Collections.Generic;
using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.Client;

namespace NetOpsPS.Tcp;

/// <summary>Disconnect-TcpSession: closes sessions cleanly and removes them from the runspace.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "TcpSession", DefaultParameterSetName = BySession)]
[OutputType(typeof(TcpClientSession))]
public sealed class DisconnectTcpSessionCommand : RegistryStopCommand<TcpClientSession>
{
    /// <summary>Sessions from Connect-TcpSession or Get-TcpSession.</summary>
    [Parameter(ParameterSetName = BySession, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public TcpClientSession[]? Session { get; set; }

    /// <inheritdoc />
    private protected override RunspaceRegistry<TcpClientSession> Registry => Registries.Sessions;

    /// <inheritdoc />
    protected override IEnumerable<TcpClientSession>? Input => Session;

    /// <inheritdoc />
    protected override void Stop(TcpClientSession session)
    {
        Await(session.DisconnectAsync(Cancellation));
        Await(session.DisposeAsync().AsTask());
    }
}
