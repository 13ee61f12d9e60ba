using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.Impairment;
using NetOpsPS.Sockets.Reliable;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Udp;

/// <summary>
/// Get-UdpServer: the UDP servers this session started (echo servers, reliable listeners,
/// impairment relays), by id or name (wildcards). One noun for all three, as they share the
/// life cycle; the Kind property tells them apart.
/// </summary>
[Cmdlet(VerbsCommon.Get, "UdpServer", DefaultParameterSetName = ByName)]
[OutputType(typeof(UdpEchoServer), typeof(ReliableUdpListener), typeof(UdpImpairmentRelay))]
public sealed class GetUdpServerCommand : RegistryGetCommand<UdpService>
{
    /// <inheritdoc />
    private protected override RunspaceRegistry<UdpService> Registry => Registries.UdpServers;
}
