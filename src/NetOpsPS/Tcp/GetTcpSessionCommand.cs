using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.Client;

namespace NetOpsPS.Tcp;

/// <summary>Get-TcpSession: the client sessions of this runspace, by name (wildcards) or id.</summary>
[Cmdlet(VerbsCommon.Get, "TcpSession", DefaultParameterSetName = ByName)]
[OutputType(typeof(TcpClientSession))]
public sealed class GetTcpSessionCommand : RegistrySessionGetCommand<TcpClientSession>
{
    /// <inheritdoc />
    private protected override RunspaceRegistry<TcpClientSession> Registry => Registries.Sessions;
}
