using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using NetOpsPS.Sockets.Server;

using NetOpsPS.Internal;

namespace NetOpsPS.Tcp;

/// <summary>
/// Get-TcpConnection: the live connections of this session's servers, with state, endpoints, bytes
/// and frames each way, last activity and heartbeat RTT; -IncludeClosed adds the recently closed
/// ones with their close reasons.
/// </summary>
[Cmdlet(VerbsCommon.Get, "TcpConnection", DefaultParameterSetName = ByName)]
[OutputType(typeof(TcpConnectionInfo))]
public sealed class GetTcpConnectionCommand : Internal.NetOpsCmdlet
{
    private const string ByName = "ByName";
    private const string ByServer = "ByServer";

    /// <summary>Servers (from Start-/Get-TcpServer) whose connections to list.</summary>
    [Parameter(ParameterSetName = ByServer, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public TcpServer[]? Server { get; set; }

    /// <summary>Names of servers whose connections to list; wildcards allowed. Every server's when omitted.</summary>
    [Parameter(ParameterSetName = ByName, Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? ServerName { get; set; }

    /// <summary>Only connections in these states.</summary>
    [Parameter]
    public TcpConnectionState[]? State { get; set; }

    /// <summary>Also the last 64 closed connections of each server, with their close reasons.</summary>
    [Parameter]
    public SwitchParameter IncludeClosed { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        IEnumerable<TcpServer> servers = Server ?? Registries.Servers.Select(this, ServerName, null);
        foreach (TcpServer server in servers)
        {
            IEnumerable<TcpConnectionInfo> connections = server.GetConnections();
            if (IncludeClosed)
            {
                connections = server.RecentlyClosed.Concat(connections);
            }

            foreach (TcpConnectionInfo connection in connections)
            {
                if (State is null || State.Contains(connection.State))
                {
                    WriteObject(connection);
                }
            }
        }
    }
}
