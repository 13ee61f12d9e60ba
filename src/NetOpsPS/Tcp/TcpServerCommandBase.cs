using System;
using System.Management.Automation;
using System.Net;
using NetOpsPS.Internal;
using NetOpsPS.Sockets;
using NetOpsPS.Sockets.Server;

namespace NetOpsPS.Tcp;

/// <summary>The parameters every server cmdlet shares (bind, limits, timeouts, heartbeat), and the start itself.</summary>
public abstract class TcpServerCommandBase : NetOpsCmdlet
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

    /// <summary>A name for Get-/Stop-TcpServer; made up when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Most connections served at once.</summary>
    [Parameter]
    [ValidateRange(1, 1_000_000)]
    public int MaxConnections { get; set; } = 10_000;

    /// <summary>Queue (back-pressure in the kernel's accept queue) or Reject connections over MaxConnections.</summary>
    [Parameter]
    public TcpServerFullMode WhenFull { get; set; } = TcpServerFullMode.Queue;

    /// <summary>Text sent to a rejected client before the close (Reject mode).</summary>
    [Parameter]
    public string? RejectMessage { get; set; }

    /// <summary>Length of the kernel's accept queue.</summary>
    [Parameter]
    [ValidateRange(1, 65535)]
    public int Backlog { get; set; } = 512;

    /// <summary>Seconds a frame may take to arrive whole after its first byte; 0 for no limit.</summary>
    [Parameter]
    [ValidateRange(0.0, 86400.0)]
    public double ReadTimeoutSeconds { get; set; }

    /// <summary>Seconds a send may block; 0 for no limit.</summary>
    [Parameter]
    [ValidateRange(0.0, 86400.0)]
    public double WriteTimeoutSeconds { get; set; }

    /// <summary>Seconds without traffic before a connection is closed; 0 for no limit.</summary>
    [Parameter]
    [ValidateRange(0.0, 86400.0)]
    public double IdleTimeoutSeconds { get; set; }

    /// <summary>Seconds between heartbeat PINGs; 0 for no heartbeat.</summary>
    [Parameter]
    [ValidateRange(0.0, 86400.0)]
    public double HeartbeatIntervalSeconds { get; set; }

    /// <summary>Unanswered PINGs in a row that close a connection.</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int HeartbeatMissedLimit { get; set; } = 3;

    /// <summary>On stop, how long to wait for clients to close their side before closing anyway.</summary>
    [Parameter]
    [ValidateRange(0.0, 3600.0)]
    public double DrainTimeoutSeconds { get; set; } = 5;

    /// <summary>Fills the shared settings; the derived cmdlet sets handler and framing.</summary>
    protected TcpServerOptions SharedOptions() => new()
    {
        Address = Address,
        Port = Port,
        Name = Name,
        MaxConnections = MaxConnections,
        WhenFull = WhenFull,
        RejectMessage = RejectMessage,
        Backlog = Backlog,
        ReadTimeout = TimeSpan.FromSeconds(ReadTimeoutSeconds),
        WriteTimeout = TimeSpan.FromSeconds(WriteTimeoutSeconds),
        IdleTimeout = TimeSpan.FromSeconds(IdleTimeoutSeconds),
        Heartbeat = HeartbeatIntervalSeconds > 0
            ? new TcpHeartbeatOptions { Interval = TimeSpan.FromSeconds(HeartbeatIntervalSeconds), MissedLimit = HeartbeatMissedLimit }
            : null,
        DrainTimeout = TimeSpan.FromSeconds(DrainTimeoutSeconds),
    };

    /// <summary>Asks ShouldProcess, starts, registers and writes the server; a bind failure is this item's error.</summary>
    protected void StartServer(TcpServerOptions options, string action)
    {
        var endPoint = new IPEndPoint(options.Address, options.Port);
        if (!ShouldProcess(endPoint.ToString(), action))
        {
            return;
        }

        TcpServer server;
        try
        {
            server = TcpServer.Start(options);
        }
        catch (SocketsException ex)
        {
            WriteError(ErrorRecords.From(ex, "TcpServer", endPoint));
            return;
        }

        Registries.Servers.Add(server);
        WriteVerbose($"{server.Name} (id {server.Id}, {server.Kind}, {server.Framing}) listening on {server.LocalEndPoint}.");
        WriteObject(server);
    }
}
