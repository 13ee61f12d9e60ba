using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Ssh;

namespace NetOpsPS.Devices.Push.Internal;

/// <summary>
/// One device's push through its steps. Every step before the commit honours the batch's cancel;
/// the rollback steps (discard, cancel-commit, unlock) run on their own bounded token so a cancelled
/// batch still leaves the device as it was. Each step is logged and reported.
/// </summary>
internal sealed class DevicePush : IAsyncDisposable
{
    private readonly PushRequest _request;
    private readonly BatchPushOptions _options;
    private readonly Stopwatch _clock = new();
    private readonly Action<string, PushStep>? _stepStarted;
    private NetconfSession? _session;

    // The rendered configuration parsed once, before the device is contacted (a template that renders broken XML
    // fails the device without touching it); each edit-config sends this element.
    private XElement? _config;
    private bool _locked;
    private bool _candidateDirty;
    private bool _confirmPending;

    public DevicePush(PushRequest request, BatchPushOptions options, Action<string, PushStep>? stepStarted)
    {
        _request = request;
        _options = options;
        _stepStarted = stepStarted;
        Result = new NetDevicePushResult(request);
    }

    public NetDevicePushResult Result { get; }

    /// <summary>Confirmed-committed and waiting for the batch's confirm or cancel.</summary>
    public bool AwaitingConfirm => _confirmPending;

    public bool Failed => Result.Status is PushStatus.Failed or PushStatus.RolledBack;

    /// <summary>Connect, lock, edit, validate and diff. False when the device failed (and was rolled back).</summary>
    public async Task<bool> PrepareAsync(NetconfPushConnector connector, CancellationToken cancel)
    {
        _clock.Start();
        if (!CheckRendered())
        {
            return false;
        }

        try
        {
            _session = await Step(PushStep.Connect, () => connector.ConnectAsync(_request, cancel)).ConfigureAwait(false);
            Result.HostKey = _session.HostKey;
            await Step(PushStep.Lock, () => _session.LockAsync(NetconfDatastore.Candidate, cancel)).ConfigureAwait(false);
            _locked = true;
            _candidateDirty = true;
            await Step(PushStep.Edit, () => EditCandidateAsync(cancel)).ConfigureAwait(false);
            await ValidateAsync(cancel).ConfigureAwait(false);
            Result.Diff = await Step(PushStep.Diff, () => _session.CompareAsync(NetconfDatastore.Running, NetconfDatastore.Candidate, cancellationToken: cancel)).ConfigureAwait(false);
            if (Result.Validation == PushValidation.Passed && !_options.DryRun)
            {
                // yuma123 netconfd 2.13 commits running unchanged after any <validate> of the candidate in the
                // session (even after further edits); discarding and editing again clears that. On other servers
                // it only costs two round trips, under the same lock.
                await Step(PushStep.Discard, () => _session.DiscardChangesAsync(cancel)).ConfigureAwait(false);
                await Step(PushStep.Edit, () => EditCandidateAsync(cancel)).ConfigureAwait(false);
            }

            return true;
        }
#pragma warning disable CA1031 // Any failure of one device is that device's result; the batch goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await RollBackAsync(ex).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>Render only: the configuration is checked as XML and nothing is sent.</summary>
    public void FinishRendered()
    {
        _clock.Start();
        if (CheckRendered())
        {
            Finish(PushStatus.Rendered);
        }
    }

    /// <summary>Dry run: discard what was edited, unlock.</summary>
    public async Task DiscardAsync()
    {
        await CleanupAsync().ConfigureAwait(false);
        Finish(PushStatus.DryRun);
    }

    /// <summary>Commit (confirmed when the batch has a window). Not cancellable once sent: the reply decides.</summary>
    public async Task<bool> CommitAsync(CancellationToken cancel)
    {
        try
        {
            cancel.ThrowIfCancellationRequested();
            using var bounded = new CancellationTokenSource(_options.CleanupTimeout);
            await Step(PushStep.Commit, () => _session!.CommitAsync(CommitOptions(), bounded.Token)).ConfigureAwait(false);
            _candidateDirty = false;
            if (_options.ConfirmTimeout is not null)
            {
                _confirmPending = true;
                return true;
            }

            await UnlockAsync().ConfigureAwait(false);
            Finish(PushStatus.Committed);
            return true;
        }
#pragma warning disable CA1031 // As in PrepareAsync.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await RollBackAsync(ex).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>The confirming commit of a batch whose devices all succeeded.</summary>
    public async Task ConfirmAsync()
    {
        try
        {
            using var bounded = new CancellationTokenSource(_options.CleanupTimeout);
            await Step(PushStep.Confirm, () => _session!.ConfirmCommitAsync(cancellationToken: bounded.Token)).ConfigureAwait(false);
            _confirmPending = false;
            await UnlockAsync().ConfigureAwait(false);
            Finish(PushStatus.Committed);
        }
#pragma warning disable CA1031 // As in PrepareAsync.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // The device rolls back by itself when the confirm timeout expires (RFC 6241 §8.4.1).
            await RollBackAsync(new InvalidOperationException(
                $"The confirming commit failed; the device reverts when its confirm timeout expires: {ex.Message}", ex)).ConfigureAwait(false);
        }
    }

    /// <summary>Puts back a device that was confirmed-committed in a batch that did not succeed everywhere.</summary>
    public async Task CancelBatchAsync(string reason)
    {
        string? cleanupError = await CleanupAsync().ConfigureAwait(false);
        Result.Error = cleanupError is null ? reason : $"{reason} Rollback: {cleanupError}";
        Result.Step = PushStep.CancelCommit;
        Finish(PushStatus.RolledBack);
    }

    /// <summary>Never reached its first step: StopOnError, a failed batch, or a cancel.</summary>
    public void Skip(string reason)
    {
        Log(PushStep.None, "skipped", TimeSpan.Zero, reason);
        Result.Step = PushStep.None;
        Result.Error = reason;
        Finish(PushStatus.Skipped);
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync().ConfigureAwait(false);
            _session = null;
        }
    }

    private bool CheckRendered()
    {
        Exception? error = _request.RenderError;
        if (error is null)
        {
            try
            {
                _config = NetconfXml.ToConfig(_request.Config!, "the rendered configuration");
            }
            catch (NetconfException ex)
            {
                error = ex;
            }
        }

        if (error is null)
        {
            return true;
        }

        Log(PushStep.Render, "failed", TimeSpan.Zero, error.Message);
        Fail(PushStatus.Failed, PushStep.Render, error);
        return false;
    }

    // <edit-config> of the candidate with the batch's mode as default-operation (RFC 6241 §7.2).
    private Task EditCandidateAsync(CancellationToken cancel) =>
        _session!.EditConfigAsync(
            new NetconfEditOptions
            {
                Target = NetconfDatastore.Candidate,
                Config = _config!,
                DefaultOperation = _options.Mode == PushMode.Replace ? NetconfDefaultOperation.Replace : NetconfDefaultOperation.Merge,
                ErrorOption = NetconfErrorOption.RollbackOnError,
            },
            cancel);

    // With a confirm window, a confirmed commit (RFC 6241 §8.4) that the batch confirms or cancels.
    private NetconfCommitOptions? CommitOptions() =>
        _options.ConfirmTimeout is { } timeout ? new NetconfCommitOptions { Confirmed = true, ConfirmTimeout = timeout } : null;

    private async Task ValidateAsync(CancellationToken cancel)
    {
        if (!_session!.Capabilities.Validate)
        {
            Result.Validation = PushValidation.NotSupported;
            return;
        }

        try
        {
            await Step(PushStep.Validate, () => _session.ValidateAsync(NetconfDatastore.Candidate, cancel)).ConfigureAwait(false);
            Result.Validation = PushValidation.Passed;
        }
        catch (Exception) when (!cancel.IsCancellationRequested)
        {
            Result.Validation = PushValidation.Failed;
            throw;
        }
    }

    private async Task RollBackAsync(Exception cause)
    {
        PushStep failedAt = Result.Step;
        bool touched = _candidateDirty || _confirmPending;
        string? cleanupError = await CleanupAsync().ConfigureAwait(false);
        Fail(touched ? PushStatus.RolledBack : PushStatus.Failed, failedAt, cause);
        if (cleanupError is not null)
        {
            Result.Error += " Rollback: " + cleanupError;
        }
    }

    // Cancel-commit or discard, then unlock; best effort on a bounded token. The server discards a
    // locked candidate's changes when the session ends anyway (RFC 6241 §7.5), so a failure here is
    // reported, not retried. Returns the first failure.
    private async Task<string?> CleanupAsync()
    {
        if (_session is null)
        {
            return null;
        }

        string? error = null;
        using var bounded = new CancellationTokenSource(_options.CleanupTimeout);
        if (_confirmPending)
        {
            error ??= await TryStep(PushStep.CancelCommit, () => _session.CancelCommitAsync(cancellationToken: bounded.Token)).ConfigureAwait(false);
            _confirmPending = false;
        }

        if (_candidateDirty)
        {
            error ??= await TryStep(PushStep.Discard, () => _session.DiscardChangesAsync(bounded.Token)).ConfigureAwait(false);
            _candidateDirty = false;
        }

        if (_locked)
        {
            error ??= await TryStep(PushStep.Unlock, () => _session.UnlockAsync(NetconfDatastore.Candidate, bounded.Token)).ConfigureAwait(false);
            _locked = false;
        }

        return error;
    }

    private async Task UnlockAsync()
    {
        using var bounded = new CancellationTokenSource(_options.CleanupTimeout);
        string? error = await TryStep(PushStep.Unlock, () => _session!.UnlockAsync(NetconfDatastore.Candidate, bounded.Token)).ConfigureAwait(false);
        _locked = false;
        if (error is not null)
        {
            Result.Error = "Committed, but the unlock failed: " + error;
        }
    }

    private async Task<string?> TryStep(PushStep step, Func<Task> action)
    {
        try
        {
            await Step(step, async () =>
            {
                await action().ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
            return null;
        }
#pragma warning disable CA1031 // A cleanup step's failure is reported in the result, not thrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return $"{PushLog.StepName(step)}: {ex.Message}";
        }
    }

    private Task Step(PushStep step, Func<Task> action) => Step(step, async () =>
    {
        await action().ConfigureAwait(false);
        return true;
    });

    private async Task<T> Step<T>(PushStep step, Func<Task<T>> action)
    {
        Result.Step = step;
        _stepStarted?.Invoke(_request.Name, step);
        long started = Stopwatch.GetTimestamp();
        try
        {
            T value = await action().ConfigureAwait(false);
            Log(step, "ok", Stopwatch.GetElapsedTime(started));
            return value;
        }
        catch (Exception ex)
        {
            Log(step, ex is OperationCanceledException ? "cancelled" : "failed", Stopwatch.GetElapsedTime(started), ex.Message);
            throw;
        }
    }

    private void Fail(PushStatus status, PushStep step, Exception cause)
    {
        Result.Step = step;
        Result.Error = cause is OperationCanceledException ? "Cancelled before the commit." : cause.Message;
        Result.Exception = cause;
        if (cause is SshException { HostKey: { } refused })
        {
            Result.HostKey = refused;
        }

        Finish(status);
    }

    private void Finish(PushStatus status)
    {
        Result.Status = status;
        if (status is PushStatus.Committed or PushStatus.DryRun)
        {
            Result.Step = PushStep.Done;
        }

        Result.Duration = _clock.Elapsed;
        Log(PushStep.Done, status.ToString(), _clock.Elapsed, Result.Error);
    }

    private void Log(PushStep step, string outcome, TimeSpan elapsed, string? error = null) =>
        _options.Log?.Write(_request.Name, PushLog.StepName(step), outcome, elapsed, error);
}
