using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using NetOpsPS.Devices.Ssh;

namespace NetOpsPS.Devices.Netconf;

/// <summary>The safe change workflow (RFC 6241 Appendix E.1) on one session.</summary>
public sealed partial class NetconfSession
{
    /// <summary>
    /// Applies a configuration change safely. With :candidate: lock candidate, edit-config, validate (dry runs), diff candidate
    /// against running, then commit (confirmed when asked), or discard-changes on a dry run, a refused confirmation,
    /// no difference, or any failure; unlock at the end. Without :candidate: lock running, edit it, and diff before
    /// against after (a dry run there is edit-config test-only, and has no diff).
    /// </summary>
    public Task<NetconfApplyResult> ApplyConfigAsync(NetconfApplyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Capabilities.Candidate
            ? ApplyToCandidateAsync(options, cancellationToken)
            : ApplyToRunningAsync(options, cancellationToken);
    }

    /// <summary>The confirming commit of a confirmed commit (RFC 6241 §8.4.5.1); with a persist id, from any session.</summary>
    public Task<NetconfReply> ConfirmCommitAsync(string? persistId = null, CancellationToken cancellationToken = default) =>
        CommitAsync(new NetconfCommitOptions { PersistId = persistId }, cancellationToken);

    private async Task<NetconfApplyResult> ApplyToCandidateAsync(NetconfApplyOptions options, CancellationToken cancellationToken)
    {
        var run = new ApplyRun(this, options);
        bool locked = false;
        bool edited = false;
        bool committed = false;
        try
        {
            if (options.Lock)
            {
                await run.Step("lock", LockAsync(NetconfDatastore.Candidate, cancellationToken)).ConfigureAwait(false);
                locked = true;
            }

            edited = true;
            await run.Step("edit-config", EditConfigAsync(run.Edit(NetconfDatastore.Candidate), cancellationToken)).ConfigureAwait(false);
            // An explicit validate only on dry runs: a commit validates the whole candidate itself and changes nothing
            // when it fails (RFC 6241 §8.3.4.1, RFC 7950 §8.3.3), and yuma123 netconfd loses a validated candidate
            // at the next commit (seen on 2.13 even with other rpcs in between; a discard-changes clears it).
            bool validated = false;
            if (options.DryRun && options.Validate && Capabilities.Validate)
            {
                await run.Step("validate", ValidateAsync(NetconfDatastore.Candidate, cancellationToken)).ConfigureAwait(false);
                validated = true;
            }

            XElement running = await run.Step("get-config running", GetConfigAsync(NetconfDatastore.Running, options.DiffFilter, cancellationToken)).ConfigureAwait(false);
            XElement candidate = await run.Step("get-config candidate", GetConfigAsync(NetconfDatastore.Candidate, options.DiffFilter, cancellationToken)).ConfigureAwait(false);
            NetconfConfigDiff diff = NetconfConfigDiff.Compare(running, candidate, "running", "candidate");

            NetconfApplyOutcome outcome;
            if (options.DryRun)
            {
                outcome = NetconfApplyOutcome.DryRun;
            }
            else if (!diff.HasChanges)
            {
                outcome = NetconfApplyOutcome.NoChanges;
            }
            else if (options.ConfirmCommit is { } confirm && !confirm(diff))
            {
                outcome = NetconfApplyOutcome.Declined;
            }
            else
            {
                var commit = new NetconfCommitOptions
                {
                    Confirmed = options.ConfirmTimeout is not null,
                    ConfirmTimeout = options.ConfirmTimeout,
                    Persist = options.ConfirmTimeout is not null ? options.Persist : null,
                };
                await run.Step(commit.Confirmed ? "commit confirmed" : "commit", CommitAsync(commit, cancellationToken)).ConfigureAwait(false);
                committed = true;
                validated = true;
                outcome = commit.Confirmed ? NetconfApplyOutcome.PendingConfirmation : NetconfApplyOutcome.Committed;
            }

            if (!committed)
            {
                await run.Step("discard-changes", DiscardChangesAsync(cancellationToken)).ConfigureAwait(false);
            }

            edited = false;
            return run.Result(NetconfDatastore.Candidate, outcome, diff, validated);
        }
        catch (Exception) when (edited && !committed)
        {
            await run.Quietly("discard-changes", () => DiscardChangesAsync(CancellationToken.None)).ConfigureAwait(false);
            throw;
        }
        finally
        {
            if (locked)
            {
                await run.Quietly("unlock", () => UnlockAsync(NetconfDatastore.Candidate, CancellationToken.None)).ConfigureAwait(false);
            }
        }
    }

    private async Task<NetconfApplyResult> ApplyToRunningAsync(NetconfApplyOptions options, CancellationToken cancellationToken)
    {
        var run = new ApplyRun(this, options);
        bool locked = false;
        try
        {
            if (options.Lock)
            {
                await run.Step("lock", LockAsync(NetconfDatastore.Running, cancellationToken)).ConfigureAwait(false);
                locked = true;
            }

            XElement before = await run.Step("get-config running", GetConfigAsync(NetconfDatastore.Running, options.DiffFilter, cancellationToken)).ConfigureAwait(false);
            if (options.DryRun)
            {
                Require(Capabilities.Has(NetconfNamespaces.CapabilityPrefix + "validate:1.1"), ":validate:1.1 (test-only)");
                var test = new NetconfApplyOptions { Config = options.Config, DefaultOperation = options.DefaultOperation, TestOption = NetconfTestOption.TestOnly, ErrorOption = options.ErrorOption };
                await run.Step("edit-config test-only", EditConfigAsync(new ApplyRun(this, test).Edit(NetconfDatastore.Running), cancellationToken)).ConfigureAwait(false);
                return run.Result(NetconfDatastore.Running, NetconfApplyOutcome.DryRun, NetconfConfigDiff.Compare(before, before, "running", "running"), validated: true);
            }

            if (options.ConfirmCommit is { } confirm && !confirm(NetconfConfigDiff.Compare(before, before, "running", "running")))
            {
                return run.Result(NetconfDatastore.Running, NetconfApplyOutcome.Declined, NetconfConfigDiff.Compare(before, before, "running", "running"), validated: false);
            }

            await run.Step("edit-config", EditConfigAsync(run.Edit(NetconfDatastore.Running), cancellationToken)).ConfigureAwait(false);
            XElement after = await run.Step("get-config running", GetConfigAsync(NetconfDatastore.Running, options.DiffFilter, cancellationToken)).ConfigureAwait(false);
            NetconfConfigDiff diff = NetconfConfigDiff.Compare(before, after, "running before", "running after");
            return run.Result(NetconfDatastore.Running, diff.HasChanges ? NetconfApplyOutcome.Committed : NetconfApplyOutcome.NoChanges, diff, validated: false);
        }
        finally
        {
            if (locked)
            {
                await run.Quietly("unlock", () => UnlockAsync(NetconfDatastore.Running, CancellationToken.None)).ConfigureAwait(false);
            }
        }
    }

    private sealed class ApplyRun(NetconfSession session, NetconfApplyOptions options)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<NetconfStep> _steps = [];
        private readonly List<NetconfRpcError> _warnings = [];

        public NetconfEditOptions Edit(NetconfDatastore target) => new()
        {
            Target = target,
            Config = options.Config,
            DefaultOperation = options.DefaultOperation,
            TestOption = options.TestOption,
            ErrorOption = options.ErrorOption,
        };

        public async Task<T> Step<T>(string operation, Task<T> rpc)
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
        public async Task Quietly(string operation, Func<Task<NetconfReply>> rpc)
        {
            if (!session.IsConnected)
            {
                return;
            }

            try
            {
                await Step(operation, rpc()).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NetconfException or SshException or OperationCanceledException or ObjectDisposedException)
            {
                // Recorded as a failed step; a lost session releases its locks and its candidate changes anyway (RFC 6241 §7.5).
            }
        }

        public NetconfApplyResult Result(NetconfDatastore target, NetconfApplyOutcome outcome, NetconfConfigDiff diff, bool validated) => new()
        {
            Device = session.Name,
            HostName = session.HostName,
            Target = target,
            Outcome = outcome,
            Diff = diff,
            Validated = validated,
            PersistId = outcome == NetconfApplyOutcome.PendingConfirmation ? options.Persist : null,
            ConfirmBy = outcome == NetconfApplyOutcome.PendingConfirmation ? DateTimeOffset.Now + (options.ConfirmTimeout ?? TimeSpan.FromSeconds(600)) : null,
            Warnings = _warnings,
            Steps = _steps,
            Duration = _clock.Elapsed,
        };

        private void Record(string operation, TimeSpan duration, string? error)
        {
            var step = new NetconfStep { Device = session.Name, Operation = operation, Duration = duration, Succeeded = error is null, Error = error };
            _steps.Add(step);
            options.OnStep?.Invoke(step);
        }
    }
}
