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
public sealed class StopUdpServerCommand : RegistryStopCommand<UdpService>
{
    /// <summary>Servers from a Start- cmdlet or Get-UdpServer.</summary>
    [Parameter(ParameterSetName = ByInputObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public UdpService[]? InputObject { get; set; }

    /// <inheritdoc />
    private protected override RunspaceRegistry<UdpService> Registry => Registries.UdpServers;

    /// <inheritdoc />
    protected override IEnumerable<UdpService>? Input => InputObject;

    /// <inheritdoc />
    protected override string Action => "Stop UDP server";

    /// <inheritdoc />
    protected override string Target(UdpService server) => $"{server.Name} ({server.LocalEndPoint})";

    /// <inheritdoc />
    protected override void Stop(UdpService server)
    {
        WriteVerbose($"Stopping {server.Name} ({server.Kind}): {server.DatagramsReceived} datagram(s) received.");
        Await(server.StopAsync(Cancellation));
    }
}
