using System.Management.Automation;
using System.Threading.Tasks;
using NetOpsPS.Devices.Netconf;

namespace NetOpsPS.Netconf;

/// <summary>
/// Undo-NetconfCommit: cancel-commit (RFC 6241 §8.4.4.1), rolling running back now from a pending confirmed commit
/// instead of waiting for its timeout. With -PersistId it cancels a persistent one from any session.
/// </summary>
[Cmdlet(VerbsCommon.Undo, "NetconfCommit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(NetconfRpcResult))]
public sealed class UndoNetconfCommitCommand : NetconfCommitCommandBase
{
    /// <inheritdoc />
    protected override string Action => "Cancel the pending confirmed commit and roll running back";

    /// <inheritdoc />
    protected override string Operation => "cancel-commit";

    /// <inheritdoc />
    protected override Task<NetconfReply> SendAsync(NetconfSession session) => session.CancelCommitAsync(PersistId, Cancellation);
}
