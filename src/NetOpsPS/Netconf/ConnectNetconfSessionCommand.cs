using System;
using System.Management.Automation;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.Internal;
using NetOpsPS.Ssh;

namespace NetOpsPS.Netconf;

/// <summary>
/// Connect-NetconfSession: a NETCONF session (RFC 6241) over the SSH netconf subsystem (RFC 6242), host key checked
/// against known_hosts, hellos exchanged (base:1.1 chunked framing when the server offers it), kept in the runspace
/// for Get-NetconfConfig, Invoke-NetconfEdit, Invoke-NetconfRpc, Get- and Disconnect-NetconfSession.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "NetconfSession")]
[OutputType(typeof(NetconfSession))]
public sealed class ConnectNetconfSessionCommand : SshConnectCommandBase
{
    /// <summary>The SSH port of the netconf subsystem: 830 (RFC 6242 §3) unless given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public override int Port { get; set; } = 830;

    /// <summary>Seconds to wait for each rpc-reply.</summary>
    [Parameter]
    [ValidateRange(0.1, 86400.0)]
    public double RpcTimeoutSeconds { get; set; } = 60;

    /// <summary>Largest reply accepted, in MiB; a larger one closes the session with a framing error.</summary>
    [Parameter]
    [ValidateRange(1, 4096)]
    public int MaxReplySizeMiB { get; set; } = 64;

    /// <summary>Announce only base:1.0 (end-of-message framing), for servers whose chunked framing is broken.</summary>
    [Parameter]
    public SwitchParameter Base10Only { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        SshConnectionOptions? ssh = BuildSshOptions();
        if (ssh is null)
        {
            return;
        }

        NetconfSession session;
        try
        {
            session = Await(NetconfSession.ConnectAsync(
                new NetconfSessionOptions
                {
                    Ssh = ssh,
                    Name = Name,
                    RpcTimeout = TimeSpan.FromSeconds(RpcTimeoutSeconds),
                    MaxMessageSize = MaxReplySizeMiB * 1024L * 1024,
                    Base10Only = Base10Only,
                },
                Cancellation));
        }
        catch (Exception ex) when (ex is NetconfException or SshException)
        {
            WriteError(NetconfErrors.From(ex, Target));
            return;
        }

        Registries.NetconfSessions.Add(session);
        WriteVerbose($"{session.Name} (id {session.Id}): {ssh.UserName}@{Target}, host key {session.HostKey}, session-id {session.SessionId}, base:{session.BaseVersion}, {session.Capabilities.Server.Count} capabilities.");
        WriteObject(session);
    }
}
