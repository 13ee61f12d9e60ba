using System.Management.Automation;
using System.Threading.Tasks;
using NetOpsPS.Devices.Netconf;

namespace NetOpsPS.Netconf;

/// <summary>
/// The body of Complete-NetconfCommit and Undo-NetconfCommit, which end a pending confirmed commit
/// (RFC 6241 §8.4) one way or the other: per session, ShouldProcess, the one RPC, its result or a
/// non-terminating error.
/// </summary>
public abstract class NetconfCommitCommandBase : NetconfSessionCommandBase
{
    /// <summary>The persist id given to Invoke-NetconfEdit -Persist.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? PersistId { get; set; }

    /// <summary>The ShouldProcess action.</summary>
    protected abstract string Action { get; }

    /// <summary>The RPC's name in the result ("commit", "cancel-commit").</summary>
    protected abstract string Operation { get; }

    /// <summary>Sends the RPC on one session.</summary>
    protected abstract Task<NetconfReply> SendAsync(NetconfSession session);

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachSession(session =>
    {
        if (ShouldProcess(ShouldProcessTarget(session), Action))
        {
            WriteObject(new NetconfRpcResult(session, Operation, Await(SendAsync(session))));
        }
    });
}
