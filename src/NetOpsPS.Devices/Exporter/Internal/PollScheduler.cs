using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Prometheus;

namespace NetOpsPS.Devices.Exporter.Internal;

/// <summary>
/// Polls every target concurrently (at most MaxConcurrentPolls at once), either when a scrape asks (results
/// younger than CacheDuration are reused) or on a background interval (scrapes never wait on a device).
/// </summary>
internal sealed class PollScheduler : IAsyncDisposable
{
    private readonly MetricsExporterOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public PollScheduler(MetricsExporterOptions options, IMetricFactory factory)
    {
        _options = options;
        _slots = new SemaphoreSlim(options.MaxConcurrentPolls);
        var health = new TargetFamilies(factory);
        var interfaces = new InterfaceFamilies(factory);
        Targets = options.Targets.Select(t => new TargetPoll(t, health, interfaces, options.PollTimeout)).ToArray();
    }

    /// <summary>Interval mode: starts the background loop (the first round at once).</summary>
    public void Start()
    {
        if (_options.PollInterval > TimeSpan.Zero)
        {
            _loop = Task.Run(IntervalLoopAsync);
        }
    }

    public IReadOnlyList<TargetPoll> Targets { get; }

    public bool PollsOnScrape => _options.PollInterval == TimeSpan.Zero;

    /// <summary>Scrape-driven mode: brings every target up to date (within the cache age) before the registry is read.</summary>
    public Task BeforeScrapeAsync(CancellationToken cancellationToken) =>
        PollsOnScrape ? RefreshAllAsync(_options.CacheDuration).WaitAsync(cancellationToken) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }

        // Polls in flight were told to stop (their WaitAsync ends at once); wait for them before the token goes.
        await Task.WhenAll(Targets.Select(t => t.InFlight.ContinueWith(static _ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        _stopping.Dispose();
        _slots.Dispose();
        foreach (TargetPoll target in Targets)
        {
            if (target.Target.Poller is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private Task RefreshAllAsync(TimeSpan maxAge) =>
        Task.WhenAll(Targets.Select(t => t.RefreshAsync(maxAge, _slots, _stopping.Token)));

    private async Task IntervalLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.PollInterval);
        do
        {
            try
            {
                await RefreshAllAsync(TimeSpan.Zero).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
        }
        while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false));
    }
}
