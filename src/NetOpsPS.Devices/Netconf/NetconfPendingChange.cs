using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using NetOpsPS.Devices.Ssh;

namespace NetOpsPS.Devices.Netconf;

/// <summary>
/// A prepared change (from <see cref="NetconfSession.PrepareChangeAsync"/>): the target is locked and, with
/// :candidate, the candidate holds the edit and <see cref="Diff"/> says what a commit would change. End it with
/// <see cref="CommitAsync"/> or <see cref="DiscardAsync"/>; disposing an unfinished change discards it.
/// </summary>
public sealed class NetconfPendingChange : IAsyncDisposable
{
    private readonly NetconfSession _session;
    private readonly NetconfApplyOptions _options;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<NetconfStep> _steps = [];
    private readonly List<NetconfRpcError> _warnings = [];
    private bool _locked;
    private bool _edited;
    private bool _finished;
    private XElement? _before;

    internal NetconfPendingChange(NetconfSession session, NetconfApplyOptions options, NetconfDatastore target)
    {
        _session = session;
        _options = options;
        Target = target;
        Diff = NetconfConfigDiff.Empty();
    }

    /// <summary>The datastore edited: candidate, or running on servers without :candidate.</summary>
    public NetconfDatastore Target { get; }

    /// <summary>Candidate against running (empty until commit when the target is running).</summary>
    public NetconfConfigDiff Diff { get; private set; }

    /// <summary>True when an explicit validate passed.</summary>
    public bool Validated { get; private set; }

    /// <summary>The session's name.</summary>
    public string Device => _session.Name;

    /// <summary>Every rpc so far.</summary>
    public IReadOnlyList<NetconfStep> Steps => _steps;

    /// <summary>Commits (confirmed when the options ask), unlocks, and reports. A failed commit discards and unlocks, then throws.</summary>
    public async Task<NetconfApplyResult> CommitAsync(CancellationToken cancellationToken = default)
    {
        Finish();
        try
        {
            if (Target == NetconfDatastore.Candidate)
            {
                var commit = new NetconfCommitOptions
                {
                    Confirmed = _options.ConfirmTimeout is not null,
                    ConfirmTimeout = _options.ConfirmTimeout,
                    Persist = _options.ConfirmTimeout is not null ? _options.Persist : null,
                };
                await Step(commit.Confirmed ? "commit confirmed" : "commit", _session.CommitAsync(commit, cancellationToken)).ConfigureAwait(false);
                _edited = false;
                return Result(commit.Confirmed ? NetconfApplyOutcome.PendingConfirmation : NetconfApplyOutcome.Committed, validated: true);
            }

            await Step("edit-config", _session.EditConfigAsync(Edit(_options.TestOption), cancellationToken)).ConfigureAwait(false);
            XElement after = await Step("get-config running", _session.GetConfigAsync(NetconfDatastore.Running, _options.DiffFilter, cancellationToken)).ConfigureAwait(false);
            Diff = NetconfConfigDiff.Compare(_before!, after, "running before", "running after");
            return Result(Diff.HasChanges ? NetconfApplyOutcome.Committed : NetconfApplyOutcome.NoChanges, validated: false);
        }
        catch (Exception) when (_edited)
        {
            await Quietly("discard-changes", () => _session.DiscardChangesAsync(CancellationToken.None)).ConfigureAwait(false);
            _edited = false;
            throw;
        }
        finally
        {
            await UnlockAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Discards the edit (a dry run, a refusal, nothing to change), unlocks, and reports with <paramref name="outcome"/>.</summary>
    public async Task<NetconfApplyResult> DiscardAsync(NetconfApplyOutcome outcome = NetconfApplyOutcome.Declined, CancellationToken cancellationToken = default)
    {
        Finish();
        try
        {
            if (_edited)
            {
                await Step("discard-changes", _session.DiscardChangesAsync(cancellationToken)).ConfigureAwait(false);
                _edited = false;
            }

            return Result(outcome, Validated);
        }
        finally
        {
            await UnlockAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Discards and unlocks an unfinished change, quietly.</summary>
    public async ValueTask DisposeAsync()
    {
        _finished = true;
        if (_edited)
        {
            await Quietly("discard-changes", () => _session.DiscardChangesAsync(CancellationToken.None)).ConfigureAwait(false);
            _edited = false;
        }

        await UnlockAsync().ConfigureAwait(false);
    }

    internal async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_options.Lock)
        {
            await Step("lock", _session.LockAsync(Target, cancellationToken)).ConfigureAwait(false);
            _locked = true;
        }

        if (Target == NetconfDatastore.Running)
        {
            _before = await Step("get-config running", _session.GetConfigAsync(NetconfDatastore.Running, _options.DiffFilter, cancellationToken)).ConfigureAwait(false);
            Diff = NetconfConfigDiff.Empty("running", "running");
            if (_options.DryRun)
            {
                // No candidate to try the edit on: the server's test-only checks it without applying (:validate:1.1).
                await Step("edit-config test-only", _session.EditConfigAsync(Edit(NetconfTestOption.TestOnly), cancellationToken)).ConfigureAwait(false);
                Validated = true;
            }

            return;
        }

        _edited = true;
        await Step("edit-config", _session.EditConfigAsync(Edit(_options.TestOption), cancellationToken)).ConfigureAwait(false);

        // An explicit validate only on dry runs: a commit validates the whole candidate itself and changes nothing
        // when it fails (RFC 6241 §8.3.4.1, RFC 7950 §8.3.3), and yuma123 netconfd 2.13 loses a validated candidate
        // at the next commit (even with other rpcs in between; only a discard-changes clears it).
        if (_options.DryRun && _options.Validate && _session.Capabilities.Validate)
        {
            await Step("validate", _session.ValidateAsync(NetconfDatastore.Candidate, cancellationToken)).ConfigureAwait(false);
            Validated = true;
        }

        XElement running = await Step("get-config running", _session.GetConfigAsync(NetconfDatastore.Running, _options.DiffFilter, cancellationToken)).ConfigureAwait(false);
        XElement candidate = await Step("get-config candidate", _session.GetConfigAsync(NetconfDatastore.Candidate, _options.DiffFilter, cancellationToken)).ConfigureAwait(false);
        Diff = NetconfConfigDiff.Compare(running, candidate, "running", "candidate");
    }

    private NetconfEditOptions Edit(NetconfTestOption? testOption) => new()
    {
        Target = Target,
        Config = _options.Config,
        DefaultOperation = _options.DefaultOperation,
        TestOption = testOption,
        ErrorOption = _options.ErrorOption,
    };

    private void Finish()
    {
        if (_finished)
        {
            throw new InvalidOperationException("This change was already committed or discarded.");
        }

        _finished = true;
    }

    private async Task UnlockAsync()
    {
        if (_locked)
        {
            _locked = false;
            await Quietly("unlock", () => _session.UnlockAsync(Target, CancellationToken.None)).ConfigureAwait(false);
        }
    }

    private async Task<T> Step<T>(string operation, Task<T> rpc)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            T result = await rpc.ConfigureAwait(false);
            if (result is NetconfReply reply)
            {
                _warnings.AddRange(reply.Warnings);
            }

            Record(operation, clock.Elapsed, null);
            return result;
        }
        catch (Exception ex)
        {
            Record(operation, clock.Elapsed, ex.Message);
            throw;
        }
    }

    // Cleanup after a failure or at the end: its own failure must not hide the first one.
    private async Task Quietly(string operation, Func<Task<NetconfReply>> rpc)
    {
        if (!_session.IsConnected)
        {
            return;
        }

        try
        {
            await Step(operation, rpc()).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NetconfException or SshException or OperationCanceledException or ObjectDisposedException)
        {
            // Recorded as a failed step; a lost session releases its locks and drops its candidate changes (RFC 6241 §7.5).
        }
    }

    private NetconfApplyResult Result(NetconfApplyOutcome outcome, bool validated) => new()
    {
        Device = _session.Name,
        HostName = _session.HostName,
        Target = Target,
        Outcome = outcome,
        Diff = Diff,
        Validated = validated,
        PersistId = outcome == NetconfApplyOutcome.PendingConfirmation ? _options.Persist : null,
        ConfirmBy = outcome == NetconfApplyOutcome.PendingConfirmation ? DateTimeOffset.Now + (_options.ConfirmTimeout ?? TimeSpan.FromSeconds(600)) : null,
        Warnings = _warnings,
        Steps = _steps,
        Duration = _clock.Elapsed,
    };

    private void Record(string operation, TimeSpan duration, string? error)
    {
        var step = new NetconfStep { Device = _session.Name, Operation = operation, Duration = duration, Succeeded = error is null, Error = error };
        _steps.Add(step);
        _options.OnStep?.Invoke(step);
    }
}
