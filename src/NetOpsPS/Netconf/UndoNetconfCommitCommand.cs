using System;
using System.Management.Automation;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.Internal;

namespace NetOpsPS.Netconf;

/// <summary>
/// Undo-NetconfCommit: cancel-commit (RFC 6241 §8.4.4.1), rolling running back now from a pending confirmed commit
/// instead of waiting for its timeout. With -PersistId it cancels a persistent one from any session.
/// </summary>
[Cmdlet(VerbsCommon.Undo, "NetconfCommit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(NetconfRpcResult))]
public sealed class UndoNetconfCommitCommand : NetOpsCmdlet
{
    /// <summary>Sessions from Connect-NetconfSession or Get-NetconfSession.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public NetconfSession[]? Session { get; set; }

    /// <summary>The persist id given to Invoke-NetconfEdit -Persist.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? PersistId { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (NetconfSession session in Session!)
        {
            if (!ShouldProcess($"{session.Name} ({session.HostName}:{session.Port})", "Cancel the pending confirmed commit and roll running back"))
            {
                continue;
            }

            try
            {
                WriteObject(new NetconfRpcResult(session, "cancel-commit", Await(session.CancelCommitAsync(PersistId, Cancellation))));
            }
            catch (Exception ex) when (ex is NetconfException or SshException)
            {
                WriteError(NetconfErrors.From(ex, session.Name));
            }
        }
    }
}
