using System.Collections.Generic;
using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.Impairment;
using NetOpsPS.Sockets.Reliable;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Udp;

/// <summary>Stop-UdpServer: ends a UDP server's loops, closes its sockets and removes it from the session.</summary>
[Cmdlet(VerbsLifecycle.Stop, "UdpServer", DefaultParameterSetName = ByInputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(UdpEchoServer), typeof(ReliableUdpListener), typeof(UdpImpairmentRelay))]
public sealed class StopUdpServerCommand : NetOpsCmdlet
{
    private const string ByInputObject = "ByInputObject";
    private const string ByName = "ByName";
    private const string ById = "ById";

    /// <summary>Servers from a Start- cmdlet or Get-UdpServer.</summary>
    [Parameter(ParameterSetName = ByInputObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public UdpService[]? InputObject { get; set; }

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
        IEnumerable<UdpService> servers = InputObject ?? Registries.UdpServers.Select(this, Name, Id);
        foreach (UdpService server in servers)
        {
            if (!ShouldProcess($"{server.Name} ({server.LocalEndPoint})", "Stop UDP server"))
            {
                continue;
            }

            WriteVerbose($"Stopping {server.Name} ({server.Kind}): {server.DatagramsReceived} datagram(s) received.");
            Await(server.StopAsync(Cancellation));
            Registries.UdpServers.Remove(server);
            if (PassThru)
            {
                WriteObject(server);
            }
        }
    }
}
