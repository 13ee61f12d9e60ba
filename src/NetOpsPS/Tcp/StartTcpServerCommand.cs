using System.Management.Automation;
using NetOpsPS.Sockets.Framing;
using NetOpsPS.Sockets.Server;

namespace NetOpsPS.Tcp;

/// <summary>
/// Start-TcpServer: a general server: any framing (New-TcpFraming), an echo or discard handler, a
/// banner, bounded concurrency, timeouts and a heartbeat. Returns the server object at once.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "TcpServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(TcpServer))]
public sealed class StartTcpServerCommand : TcpServerCommandBase
{
    /// <summary>What the server does with each frame.</summary>
    [Parameter]
    public TcpServerHandler Handler { get; set; } = TcpServerHandler.Echo;

    /// <summary>With the Echo handler, text put before every reply.</summary>
    [Parameter]
    [AllowEmptyString]
    [ValidateNotNull]
    public string Prefix { get; set; } = "";

    /// <summary>Text sent when a connection opens, before any frame.</summary>
    [Parameter]
    public string? Banner { get; set; }

    /// <summary>How the stream is cut into frames and replies framed: an object from New-TcpFraming. Lines (LF or CRLF, 64 KiB) by default.</summary>
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public FramingOptions Framing { get; set; } = new LineFramingOptions(64 * 1024);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        TcpServerOptions options = SharedOptions();
        options.Framing = Framing;
        options.Handler = Handler == TcpServerHandler.Echo
            ? new EchoFrameHandler(Prefix, Banner)
            : new DiscardFrameHandler(Banner);
        StartServer(options, $"Start TCP {Handler.ToString().ToLowerInvariant()} server ({Framing.Describe()})");
    }
}
