using System;
using System.Management.Automation;
using System.Net;
using NetOpsPS.Internal;
using NetOpsPS.Sockets;

namespace NetOpsPS.Tcp;

/// <summary>
/// Start-TcpEchoServer: binds a line echo server and returns its server object at once; the
/// server runs in the background until Stop-TcpServer or module removal.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "TcpEchoServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(TcpEchoServer))]
public sealed class StartTcpEchoServerCommand : NetOpsCmdlet
{
    /// <summary>Local port; 0 (the default) lets the system choose a free one.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    /// <summary>Local address to bind: 127.0.0.1 by default; 0.0.0.0 or :: for every interface.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ListenAddress", "LocalAddress")]
    [ValidateNotNull]
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>Text put before every echoed line.</summary>
    [Parameter]
    [AllowEmptyString]
    [ValidateNotNull]
    public string Prefix { get; set; } = "Echo: ";

    /// <summary>A name for Get-/Stop-TcpServer; made up when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Longest line accepted in bytes, terminator included; a longer one closes that connection.</summary>
    [Parameter]
    [ValidateRange(1, 16 * 1024 * 1024)]
    public int MaxLineLength { get; set; } = 64 * 1024;

    /// <summary>Length of the kernel's accept queue.</summary>
    [Parameter]
    [ValidateRange(1, 65535)]
    public int Backlog { get; set; } = 512;

    /// <summary>On stop, how long to wait for clients to close their side before closing anyway.</summary>
    [Parameter]
    [ValidateRange(0.0, 3600.0)]
    public double DrainTimeoutSeconds { get; set; } = 5;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var endPoint = new IPEndPoint(Address, Port);
        if (!ShouldProcess(endPoint.ToString(), "Start TCP echo server"))
        {
            return;
        }

        var options = new TcpEchoServerOptions
        {
            Address = Address,
            Port = Port,
            Prefix = Prefix,
            Name = Name,
            MaxLineLength = MaxLineLength,
            Backlog = Backlog,
            DrainTimeout = TimeSpan.FromSeconds(DrainTimeoutSeconds),
        };
        TcpEchoServer server;
        try
        {
            server = TcpEchoServer.Start(options);
        }
        catch (SocketsException ex)
        {
            WriteError(ErrorRecords.From(ex, "TcpServer", endPoint));
            return;
        }

        ServerRegistry.Add(server);
        WriteVerbose($"{server.Name} (id {server.Id}) listening on {server.LocalEndPoint}.");
        WriteObject(server);
    }
}
