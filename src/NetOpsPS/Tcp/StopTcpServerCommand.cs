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
public sealed class StopTcpServerCommand : NetOpsCmdlet
{
    private const string ByInputObject = "ByInputObject";
    private const string ByName = "ByName";
    private const string ById = "ById";

    /// <summary>Servers from Start-TcpServer or Get-TcpServer.</summary>
    [Parameter(ParameterSetName = ByInputObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public TcpServer[]? InputObject { get; set; }

    /// <summary>Names of servers to stop; wildcards allowed.</summary>
    [Parameter(ParameterSetName = ByName, Mandatory = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Ids of servers to stop.</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true)]
    public int[]? Id { get; set; }

    /// <summary>Write each stopped server to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        IEnumerable<TcpServer> servers = InputObject ?? Registries.Servers.Select(this, Name, Id);
        foreach (TcpServer server in servers)
        {
            if (!ShouldProcess($"{server.Name} ({server.LocalEndPoint})", "Stop TCP server"))
            {
                continue;
            }

            WriteVerbose($"Stopping {server.Name}: {server.ActiveConnections} connection(s) open, drain timeout {server.DrainTimeout.TotalSeconds:0.###} s.");
            Await(server.StopAsync(Cancellation));
            Registries.Servers.Remove(server);
            if (PassThru)
            {
                WriteObject(server);
            }
        }
    }
}
