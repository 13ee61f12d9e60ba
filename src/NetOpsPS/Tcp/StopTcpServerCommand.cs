using System.Collections.Generic;
using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.Server;

namespace NetOpsPS.Tcp;

/// <summary>
/// Stop-TcpServer: stops accepting, sends every client the replies it is owed, half-closes each
/// connection so clients read a clean end of stream, and removes the server from the session.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "TcpServer", DefaultParameterSetName = ByInputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TcpServer))]
public sealed class StopTcpServerCommand : RegistryStopCommand<TcpServer>
{
    /// <summary>Servers from Start-TcpServer or Get-TcpServer.</summary>
    [Parameter(ParameterSetName = ByInputObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public TcpServer[]? InputObject { get; set; }

    /// <inheritdoc />
    private protected override RunspaceRegistry<TcpServer> Registry => Registries.Servers;

    /// <inheritdoc />
    protected override IEnumerable<TcpServer>? Input => InputObject;

    /// <inheritdoc />
    protected override string Action => "Stop TCP server";

    /// <inheritdoc />
    protected override string Target(TcpServer server) => $"{server.Name} ({server.LocalEndPoint})";

    /// <inheritdoc />
    protected override void Stop(TcpServer server)
    {
        WriteVerbose($"Stopping {server.Name}: {server.ActiveConnections} connection(s) open, drain timeout {server.DrainTimeout.TotalSeconds:0.###} s.");
        Await(server.StopAsync(Cancellation));
    }
}
