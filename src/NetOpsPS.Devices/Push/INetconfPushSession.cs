using System;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Ssh;

namespace NetOpsPS.Devices.Push;

/// <summary>
/// What a batch push needs from one NETCONF session, all on the candidate datastore. Failures are
/// exceptions (an rpc-error, a dropped session); the batch records them per device.
/// </summary>
public interface INetconfPushSession : IAsyncDisposable
{
    /// <summary>True when the device announced :validate.</summary>
    bool SupportsValidate { get; }

    /// <summary>The SSH host key the device presented and known_hosts (or -AcceptHostKey) trusted; null when not SSH.</summary>
    SshHostKey? HostKey => null;

    /// <summary>&lt;lock&gt; the candidate.</summary>
    Task LockCandidateAsync(CancellationToken cancellationToken);

    /// <summary>&lt;unlock&gt; the candidate.</summary>
    Task UnlockCandidateAsync(CancellationToken cancellationToken);

    /// <summary>&lt;edit-config&gt; of the candidate with the mode as default-operation.</summary>
    Task EditCandidateAsync(XElement config, PushMode mode, CancellationToken cancellationToken);

    /// <summary>&lt;validate&gt; the candidate; throws when the device rejects it.</summary>
    Task ValidateCandidateAsync(CancellationToken cancellationToken);

    /// <summary>What a commit would change: candidate against running.</summary>
    Task<NetconfConfigDiff> DiffCandidateAsync(CancellationToken cancellationToken);

    /// <summary>&lt;commit&gt;; with a timeout, a confirmed commit (RFC 6241 §8.4) that needs <see cref="ConfirmAsync"/>.</summary>
    Task CommitAsync(TimeSpan? confirmTimeout, CancellationToken cancellationToken);

    /// <summary>The confirming &lt;commit&gt; of an earlier confirmed commit.</summary>
    Task ConfirmAsync(CancellationToken cancellationToken);

    /// <summary>&lt;cancel-commit&gt;: the running configuration returns to what it was before the confirmed commit.</summary>
    Task CancelCommitAsync(CancellationToken cancellationToken);

    /// <summary>&lt;discard-changes&gt;: the candidate returns to running.</summary>
    Task DiscardChangesAsync(CancellationToken cancellationToken);
}
