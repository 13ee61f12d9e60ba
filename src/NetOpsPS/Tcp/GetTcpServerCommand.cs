using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.Server;

namespace NetOpsPS.Tcp;

/// <summary>Get-TcpServer: the servers this session started, by id or name (wildcards).</summary>
[Cmdlet(VerbsCommon.Get, "TcpServer", DefaultParameterSetName = ByName)]
[OutputType(typeof(TcpServer))]
public sealed class GetTcpServerCommand : RegistryGetCommand<TcpServer>
{
    /// <inheritdoc />
    private protected override RunspaceRegistry<TcpServer> Registry => Registries.Servers;
}
