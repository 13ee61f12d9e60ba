using System.Management.Automation;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Udp;

/// <summary>
/// Start-UdpEchoServer: a UDP echo server (RFC 862): every datagram goes back to its sender byte for
/// byte. Returns the server at once; it runs until Stop-UdpServer, the runspace's end, or module removal.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "UdpEchoServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(UdpEchoServer))]
public sealed class StartUdpEchoServerCommand : UdpServerCommandBase
{
    /// <inheritdoc />
    protected override void ProcessRecord() =>
        StartServer("Start UDP echo server", () => UdpEchoServer.Start(new UdpEchoServerOptions { LocalEndPoint = LocalEndPoint, Name = Name, Buffers = BufferOptions() }));
}
