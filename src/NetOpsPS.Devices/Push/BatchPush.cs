using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Push.Internal;

namespace NetOpsPS.Devices.Push;

/// <summary>
/// Pushes rendered configurations to many devices over NETCONF, at most ThrottleLimit at once,
/// through the candidate: lock, edit-config, validate, diff, commit, unlock. A failed device is
/// rolled back and the others go on (or none is started after it, with StopOnError). With a
/// confirm window the whole batch is one confirmed commit: confirmed on every device only when all
/// succeeded, else cancelled everywhere. A cancel starts no further device and rolls back every
/// device not yet committed; the returned task ends only when every touched device is committed
/// or rolled back.
/// </summary>
public static class BatchPush
{
    /// <summary>Runs the batch; one result per request, in request order.</summary>
    public static async Task<IReadOnlyList<NetDevicePushResult>> RunAsync(
        IReadOnlyList<PushRequest> requests, NetconfPushConnector connector, BatchPushOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(options);
        int finished = 0;
        void StepStarted(string device, PushStep step) =>
            options.Progress?.Report(new PushProgress(device, step, Volatile.Read(ref finished), requests.Count));

        DevicePush[] devices = requests.Select(r => new DevicePush(r, options, StepStarted)).ToArray();
        void Report(DevicePush device)
        {
            int done = Interlocked.Increment(ref finished);
            options.ResultReady?.Invoke(device.Result);
            options.Progress?.Report(new PushProgress(device.Result.Device, PushStep.Done, done, requests.Count));
        }

        if (options.RenderOnly)
        {
            foreach (DevicePush device in devices)
            {
                device.FinishRendered();
                Report(device);
            }

            return devices.Select(d => d.Result).ToArray();
        }

        bool confirmWindow = options.ConfirmTimeout is not null && !options.DryRun;
        options.Log?.Write(null, "batch", "started", detail: $"{requests.Count} devices, mode {options.Mode}" +
            (options.DryRun ? ", dry run" : string.Empty) + (confirmWindow ? $", confirm window {options.ConfirmTimeout!.Value.TotalSeconds:0.###} s" : string.Empty));
        try
        {
            using var stopStarting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            string? stopReason = null;
            await ForEachAsync(devices, options.ThrottleLimit, async device =>
            {
                if (stopStarting.IsCancellationRequested)
                {
                    device.Skip(cancellationToken.IsCancellationRequested ? "Cancelled before it started." : stopReason!);
                    Report(device);
                    return;
                }

                bool ok = await device.PrepareAsync(connector, cancellationToken).ConfigureAwait(false);
                if (ok && options.DryRun)
                {
                    await device.DiscardAsync().ConfigureAwait(false);
                }
                else if (ok)
                {
                    ok = await device.CommitAsync(cancellationToken).ConfigureAwait(false);
                }

                if (!ok && (options.StopOnError || confirmWindow))
                {
                    Interlocked.CompareExchange(ref stopReason, $"Not started: device '{device.Result.Device}' failed.", null);
                    await stopStarting.CancelAsync().ConfigureAwait(false);
                }

                // In a confirm window a committed device waits for the batch's verdict.
                if (!(ok && confirmWindow))
                {
                    Report(device);
                }
            }).ConfigureAwait(false);

            if (confirmWindow)
            {
                await SettleConfirmWindowAsync(devices, options, Report, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (DevicePush device in devices)
            {
                await device.DisposeAsync().ConfigureAwait(false);
            }

            options.Log?.Write(null, "batch", "finished", detail: string.Join(", ",
                devices.GroupBy(d => d.Result.Status).Select(g => $"{g.Count()} {g.Key}")));
        }

        return devices.Select(d => d.Result).ToArray();
    }

    // RFC 6241 §8.4: every device holds a confirmed commit; one confirming commit each when the
    // whole batch succeeded, cancel-commit each otherwise (or on a cancel).
    private static async Task SettleConfirmWindowAsync(
        DevicePush[] devices, BatchPushOptions options, Action<DevicePush> report, CancellationToken cancellationToken)
    {
        DevicePush[] pending = devices.Where(d => d.AwaitingConfirm).ToArray();
        string[] failed = devices.Where(d => d.Failed).Select(d => d.Result.Device).ToArray();
        // A device is skipped only after another failed or on a cancel: both are counted here.
        bool confirm = failed.Length == 0 && !cancellationToken.IsCancellationRequested;
        options.Log?.Write(null, "batch-" + (confirm ? "confirm" : "cancel-commit"), "started", detail: $"{pending.Length} devices");
        string reason = failed.Length > 0
            ? $"Batch rolled back: {string.Join(", ", failed)} failed."
            : "Batch rolled back: cancelled before every device was confirmed.";
        await ForEachAsync(pending, options.ThrottleLimit, async device =>
        {
            if (confirm)
            {
                await device.ConfirmAsync().ConfigureAwait(false);
            }
            else
            {
                await device.CancelBatchAsync(reason).ConfigureAwait(false);
            }

            report(device);
        }).ConfigureAwait(false);
    }

    // Starts every item (in order) as a slot frees up; items see cancellation themselves, so all run.
    private static async Task ForEachAsync(IReadOnlyList<DevicePush> items, int throttleLimit, Func<DevicePush, Task> body)
    {
        using var slots = new SemaphoreSlim(Math.Max(1, throttleLimit));
        var running = new List<Task>(items.Count);
        foreach (DevicePush item in items)
        {
            await slots.WaitAsync().ConfigureAwait(false);
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await body(item).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
            }));
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }
}
