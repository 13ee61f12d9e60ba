using System;
using System.Management.Automation;
using System.Net;
using NetOpsPS.Internal;
using NetOpsPS.Sockets;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Udp;

/// <summary>The bind parameters of every UDP server cmdlet, and the start itself (ShouldProcess, registry, grants).</summary>
public abstract class UdpServerCommandBase : UdpCmdlet
{
    /// <summary>Local port; 0 (the default) lets the system choose a free one.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    /// <summary>Local address to bind: 127.0.0.1 by default; ::1 for IPv6 loopback, 0.0.0.0 or :: for every interface.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ListenAddress", "LocalAddress")]
    [ValidateNotNull]
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>A name for Get-/Stop-UdpServer; made up when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The end point to bind.</summary>
    protected IPEndPoint LocalEndPoint => new(Address, Port);

    /// <summary>Asks ShouldProcess, starts, registers and writes the server; a failed start is this item's error.</summary>
    protected void StartServer(string action, Func<UdpService> start)
    {
        if (!ShouldProcess(LocalEndPoint.ToString(), action))
        {
            return;
        }

        UdpService server;
        try
        {
            server = start();
        }
        catch (SocketsException ex)
        {
            WriteError(ErrorRecords.From(ex, "UdpServer", LocalEndPoint));
            return;
        }

        Registries.UdpServers.Add(server);
        ReportGrants(server.BufferGrants, server.Name);
        WriteVerbose($"{server.Name} (id {server.Id}, {server.Kind}) listening on {server.LocalEndPoint}.");
        WriteObject(server);
    }
}
