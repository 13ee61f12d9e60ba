using System;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Ssh;

namespace NetOpsPS.Devices.Push.Internal;

/// <summary>The batch push's steps on the engine's <see cref="NetconfSession"/>, all on the candidate.</summary>
internal sealed class NetconfPushSession : INetconfPushSession
{
    private readonly NetconfSession _session;

    public NetconfPushSession(NetconfSession session) => _session = session;

    public bool SupportsValidate => _session.Capabilities.Validate;

    public SshHostKey HostKey => _session.HostKey;

    public Task LockCandidateAsync(CancellationToken cancellationToken) => _session.LockAsync(NetconfDatastore.Candidate, cancellationToken);

    public Task UnlockCandidateAsync(CancellationToken cancellationToken) => _session.UnlockAsync(NetconfDatastore.Candidate, cancellationToken);

    public Task EditCandidateAsync(XElement config, PushMode mode, CancellationToken cancellationToken) =>
        _session.EditConfigAsync(
            new NetconfEditOptions
            {
                Target = NetconfDatastore.Candidate,
                Config = config,
                DefaultOperation = mode == PushMode.Replace ? NetconfDefaultOperation.Replace : NetconfDefaultOperation.Merge,
                ErrorOption = NetconfErrorOption.RollbackOnError,
            },
            cancellationToken);

    public Task ValidateCandidateAsync(CancellationToken cancellationToken) => _session.ValidateAsync(NetconfDatastore.Candidate, cancellationToken);

    public Task<NetconfConfigDiff> DiffCandidateAsync(CancellationToken cancellationToken) =>
        _session.CompareAsync(NetconfDatastore.Running, NetconfDatastore.Candidate, cancellationToken: cancellationToken);

    public Task CommitAsync(TimeSpan? confirmTimeout, CancellationToken cancellationToken) =>
        _session.CommitAsync(
            confirmTimeout is { } timeout ? new NetconfCommitOptions { Confirmed = true, ConfirmTimeout = timeout } : null,
            cancellationToken);

    public Task ConfirmAsync(CancellationToken cancellationToken) => _session.ConfirmCommitAsync(cancellationToken: cancellationToken);

    public Task CancelCommitAsync(CancellationToken cancellationToken) => _session.CancelCommitAsync(cancellationToken: cancellationToken);

    public Task DiscardChangesAsync(CancellationToken cancellationToken) => _session.DiscardChangesAsync(cancellationToken);

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
