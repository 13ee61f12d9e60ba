using System.Management.Automation;
using System.Threading.Tasks;
using NetOpsPS.Devices.Netconf;

namespace NetOpsPS.Netconf;

/// <summary>
/// Complete-NetconfCommit: the confirming commit (RFC 6241 §8.4.5.1) that makes a confirmed commit from
/// Invoke-NetconfEdit -ConfirmTimeoutSeconds permanent. With -PersistId it confirms a persistent one from any session.
/// </summary>
[Cmdlet(VerbsLifecycle.Complete, "NetconfCommit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(NetconfRpcResult))]
public sealed class CompleteNetconfCommitCommand : NetconfCommitCommandBase
{
    /// <inheritdoc />
    protected override string Action => "Confirm the pending confirmed commit";

    /// <inheritdoc />
    protected override string Operation => "commit";

    /// <inheritdoc />
    protected override Task<NetconfReply> SendAsync(NetconfSession session) => session.ConfirmCommitAsync(PersistId, Cancellation);
}
