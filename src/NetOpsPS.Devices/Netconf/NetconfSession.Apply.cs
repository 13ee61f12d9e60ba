using System;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Devices.Netconf;

/// <summary>The safe change workflow (RFC 6241 Appendix E.1) on one session.</summary>
public sealed partial class NetconfSession
{
    /// <summary>
    /// Applies a configuration change safely: <see cref="PrepareChangeAsync"/>, then commit, or discard on a dry run,
    /// no difference, or a refusal from <see cref="NetconfApplyOptions.ConfirmCommit"/>. Any failure discards and
    /// unlocks before the exception leaves.
    /// </summary>
    public async Task<NetconfApplyResult> ApplyConfigAsync(NetconfApplyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        NetconfPendingChange change = await PrepareChangeAsync(options, cancellationToken).ConfigureAwait(false);
        await using var disposeChange = change.ConfigureAwait(false);
        if (options.DryRun)
        {
            return await change.DiscardAsync(NetconfApplyOutcome.DryRun, cancellationToken).ConfigureAwait(false);
        }

        if (change.Target == NetconfDatastore.Candidate && !change.Diff.HasChanges)
        {
            return await change.DiscardAsync(NetconfApplyOutcome.NoChanges, cancellationToken).ConfigureAwait(false);
        }

        if (options.ConfirmCommit is { } confirm && !confirm(change.Diff))
        {
            return await change.DiscardAsync(NetconfApplyOutcome.Declined, cancellationToken).ConfigureAwait(false);
        }

        return await change.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The first half of a safe change, for callers that decide between the halves (the cmdlets' -Confirm, a batch
    /// that commits only when every device prepared well). With :candidate: lock candidate, edit-config, validate
    /// (dry runs only), and the diff of candidate against running. Without :candidate: lock running and read it; the
    /// edit happens at commit. The change holds the lock until it is committed, discarded or disposed.
    /// </summary>
    public async Task<NetconfPendingChange> PrepareChangeAsync(NetconfApplyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        NetconfDatastore target = options.Target ?? (Capabilities.Candidate ? NetconfDatastore.Candidate : NetconfDatastore.Running);
        if (target == NetconfDatastore.Startup)
        {
            throw new NetconfException(NetconfError.InvalidArgument, "A change targets the candidate or running, not startup.");
        }

        var change = new NetconfPendingChange(this, options, target);
        try
        {
            await change.PrepareAsync(cancellationToken).ConfigureAwait(false);
            return change;
        }
        catch
        {
            await change.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The confirming commit of a confirmed commit (RFC 6241 §8.4.5.1); with a persist id, from any session.</summary>
    public Task<NetconfReply> ConfirmCommitAsync(string? persistId = null, CancellationToken cancellationToken = default) =>
        CommitAsync(new NetconfCommitOptions { PersistId = persistId }, cancellationToken);
}
