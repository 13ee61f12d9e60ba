using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Push;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.Internal;
using NetOpsPS.Ssh;

namespace NetOpsPS.Push;

/// <summary>The parallel phase: the engine pushes, the pipeline thread writes results, errors and progress.</summary>
public sealed partial class PublishNetDeviceConfigCommand
{
    private const int ProgressActivityId = 7;

    // After a Ctrl+C, touched devices are rolled back on bounded timeouts; wait that long, not forever.
    private static readonly TimeSpan SettleGrace = TimeSpan.FromSeconds(10);

    private void Push(IReadOnlyList<PushRequest> requests, bool dryRun)
    {
        using var bridge = new PipelineBridge(1, Cancellation);
        using var batchCancel = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        using PushLog? log = LogPath is null ? null : OpenLog();
        var timeout = TimeSpan.FromSeconds(TimeoutSeconds);
        var options = new BatchPushOptions
        {
            Mode = Mode,
            DryRun = dryRun,
            RenderOnly = RenderOnly,
            StopOnError = StopOnError,
            ThrottleLimit = ThrottleLimit,
            ConfirmTimeout = ConfirmTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            CleanupTimeout = timeout,
            Log = log,
            Progress = new Progress(bridge, requests.Count),
            ResultReady = result => bridge.Post(c => Emit(result)),
        };
        string? knownHosts = KnownHostsPath is null ? null : this.FileSystemPath(KnownHostsPath);
        var connector = new NetconfPushConnector(new NetconfPushConnectorOptions
        {
            KnownHostsPath = knownHosts,
            HostKeyPolicy = AcceptHostKey ? SshHostKeyPolicy.AcceptNew : SshHostKeyPolicy.Strict,
            PrivateKeyPassphrase = SshErrors.Plain(KeyPassphrase),
            Timeout = timeout,
        });

        WriteVerbose($"Pushing to {requests.Count} devices, {ThrottleLimit} at once{(dryRun ? " (dry run)" : string.Empty)}.");
        if (AcceptHostKey && !RenderOnly)
        {
            WriteVerbose($"Host keys that {knownHosts ?? "~/.ssh/known_hosts"} does not list are trusted and added to it; a changed key still fails its device.");
        }
        Task batch = Task.Run(() => BatchPush.RunAsync(requests, connector, options, batchCancel.Token));
        bridge.Start(this, _ => batch, ex => ErrorRecords.Unexpected(ex, "NetDevicePush", null));
        try
        {
            bridge.WriteUntilDone(this);
            WriteProgress(new ProgressRecord(ProgressActivityId, "Publish-NetDeviceConfig", "Done") { RecordType = ProgressRecordType.Completed });
        }
        finally
        {
            // Ctrl+C, or -ErrorAction Stop on a device's error: start nothing more, and return only once every
            // touched device is committed or rolled back.
            if (!batch.IsCompleted)
            {
                batchCancel.Cancel();
                try
                {
                    batch.Wait(timeout + SettleGrace);
                }
                catch (AggregateException)
                {
                    // The bridge has already reported the fault, if the pipeline was still there to take it.
                }
            }
        }
    }

    private PushLog OpenLog()
    {
        string path = this.FileSystemPath(LogPath!);
        try
        {
            return PushLog.Append(path);
        }
        catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "PushLogUnavailable", ErrorCategory.OpenError, path));
            throw;
        }
    }

    private void Emit(NetDevicePushResult result)
    {
        WriteVerbose($"{result.Device}: {result.Status} after {result.Duration.TotalMilliseconds:0} ms.");
        WriteObject(result);
        if (result.Status is PushStatus.Failed || (result.Status is PushStatus.RolledBack && result.Exception is not null))
        {
            var error = new InvalidOperationException($"Device '{result.Device}' was not committed: {result.Error}", result.Exception);
            ErrorRecord? sshRecord = result.Exception is SshException ssh ? SshErrors.From(ssh, result) : null;
            var record = new ErrorRecord(error, ErrorId(result), Category(result, sshRecord), result);
            if (sshRecord?.ErrorDetails?.RecommendedAction is { } advice)
            {
                // The SSH cmdlets' advice for a host key: compare the fingerprint out of band before trusting it.
                record.ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = advice };
            }

            WriteError(record);
        }
    }

    private static string ErrorId(NetDevicePushResult result) => result.Step switch
    {
        PushStep.Render when result.Exception is ItemNotFoundException => "PushCredentialNotFound",
        PushStep.Render when result.Exception is ArgumentException => "PushCredentialInvalid",
        PushStep.Render => "PushTemplateFailed",
        _ => "PushFailedAt" + result.Step,
    };

    private static ErrorCategory Category(NetDevicePushResult result, ErrorRecord? sshRecord) => result.Step switch
    {
        PushStep.Render when result.Exception is ItemNotFoundException => ErrorCategory.ObjectNotFound,
        PushStep.Render when result.Exception is ArgumentException => ErrorCategory.InvalidArgument,
        PushStep.Render or PushStep.Edit or PushStep.Validate => ErrorCategory.InvalidData,

        // As the SSH cmdlets report it: SecurityError for a host key, AuthenticationError for a refused login...
        PushStep.Connect when sshRecord is not null => sshRecord.CategoryInfo.Category,
        PushStep.Connect => ErrorCategory.ConnectionError,
        PushStep.Lock => ErrorCategory.ResourceBusy,
        _ when result.Exception is OperationCanceledException => ErrorCategory.OperationStopped,
        _ => ErrorCategory.InvalidOperation,
    };

    /// <summary>Engine progress to the pipeline thread's progress bar.</summary>
    private sealed class Progress(PipelineBridge bridge, int total) : IProgress<PushProgress>
    {
        public void Report(PushProgress value) => bridge.Post(c => c.WriteProgress(
            new ProgressRecord(ProgressActivityId, "Publish-NetDeviceConfig", $"{value.Finished} of {total} devices done; {value.Device}: {value.Step}")
            {
                PercentComplete = total == 0 ? 100 : Math.Min(100, value.Finished * 100 / total),
            }));
    }
}
