using System;
using System.Management.Automation;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.Internal;

namespace NetOpsPS.Netconf;

/// <summary>
/// Complete-NetconfCommit: the confirming commit (RFC 6241 §8.4.5.1) that makes a confirmed commit from
/// Invoke-NetconfEdit -ConfirmTimeoutSeconds permanent. With -PersistId it confirms a persistent one from any session.
/// </summary>
[Cmdlet(VerbsLifecycle.Complete, "NetconfCommit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(NetconfRpcResult))]
public sealed class CompleteNetconfCommitCommand : NetOpsCmdlet
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
            if (!ShouldProcess($"{session.Name} ({session.HostName}:{session.Port})", "Confirm the pending confirmed commit"))
            {
                continue;
            }

            try
            {
                WriteObject(new NetconfRpcResult(session, "commit", Await(session.ConfirmCommitAsync(PersistId, Cancellation))));
            }
            catch (Exception ex) when (ex is NetconfException or SshException)
            {
                WriteError(NetconfErrors.From(ex, session.Name));
            }
        }
    }
}
