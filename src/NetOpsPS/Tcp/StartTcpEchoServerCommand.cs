using System.Management.Automation;
using NetOpsPS.Sockets;
using NetOpsPS.Sockets.Server;

namespace NetOpsPS.Tcp;

/// <summary>
/// Start-TcpEchoServer: a line echo server (the seed's chapter 1). Every line comes back byte for
/// byte, terminator included, behind a prefix. Returns the server object at once; it runs in the
/// background until Stop-TcpServer, the runspace's end, or module removal.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "TcpEchoServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(TcpServer))]
public sealed class StartTcpEchoServerCommand : TcpServerCommandBase
{
    /// <summary>Text put before every echoed line.</summary>
    [Parameter]
    [AllowEmptyString]
    [ValidateNotNull]
    public string Prefix { get; set; } = "Echo: ";

    /// <summary>Longest line accepted in bytes, not counting its LF or CRLF; a longer one closes that connection.</summary>
    [Parameter]
    [ValidateRange(1, 16 * 1024 * 1024)]
    public int MaxLineLength { get; set; } = 64 * 1024;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        TcpServerOptions options = TcpEchoServer.Configure(SharedOptions(), Prefix, MaxLineLength);
        StartServer(options, "Start TCP echo server");
    }
}
