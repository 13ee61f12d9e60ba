using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Devices.Exporter.Internal;

/// <summary>
/// One target's polling: at most one poll in flight (scrapes that arrive meanwhile join it), a hard per-target
/// timeout so a dead device is marked down quickly, and the series updates. A poll never throws.
/// </summary>
internal sealed class TargetPoll
{
    private readonly MetricsTarget _target;
    private readonly TargetFamilies _health;
    private readonly InterfaceSeries _series;
    private readonly TimeSpan _timeout;
    private readonly object _gate = new();
    private Task? _inFlight;
    private long _lastFinished = long.MinValue;

    public TargetPoll(MetricsTarget target, TargetFamilies health, InterfaceFamilies interfaces, TimeSpan timeout)
    {
        _target = target;
        _health = health;
        _timeout = timeout;
        _series = new InterfaceSeries(interfaces, target.Name);
        _health.Up.WithLabels(target.Name).Set(0);
        _health.Polls.WithLabels(target.Name);
        _health.Restarts.WithLabels(target.Name);
        _health.Discontinuities.WithLabels(target.Name);
    }

    public MetricsTarget Target => _target;

    /// <summary>The last poll started (completed when none is running).</summary>
    public Task InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight ?? Task.CompletedTask;
            }
        }
    }

    public bool IsUp { get; private set; }

    public DateTimeOffset? LastPoll { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Polls unless a poll finished less than <paramref name="maxAge"/> ago; joins a poll in flight.</summary>
    public Task RefreshAsync(TimeSpan maxAge, SemaphoreSlim slots, CancellationToken stopping)
    {
        lock (_gate)
        {
            if (_inFlight is { IsCompleted: false })
            {
                return _inFlight;
            }

            if (_lastFinished != long.MinValue && Stopwatch.GetElapsedTime(_lastFinished) < maxAge)
            {
                return Task.CompletedTask;
            }

            _inFlight = PollAsync(slots, stopping);
            return _inFlight;
        }
    }

    private async Task PollAsync(SemaphoreSlim slots, CancellationToken stopping)
    {
        await slots.WaitAsync(stopping).ConfigureAwait(false);
        long started = Stopwatch.GetTimestamp();
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            deadline.CancelAfter(_timeout);
            SnmpInterfaceTable table;
            try
            {
                // WaitAsync as well as the token: a poller that ignores its token still cannot hold the scrape.
                table = await _target.Poller.PollAsync(deadline.Token).WaitAsync(_timeout, stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                bool timedOut = ex is TimeoutException || (ex is OperationCanceledException && deadline.IsCancellationRequested);
                Fail(timedOut ? "timeout" : "error", timedOut ? $"no answer within {_timeout.TotalSeconds:0.###} s" : ex.Message);
                return;
            }

            Succeed(table);
        }
        finally
        {
            _health.Polls.WithLabels(_target.Name).Inc();
            _health.PollDuration.WithLabels(_target.Name).Set(Stopwatch.GetElapsedTime(started).TotalSeconds);
            LastPoll = DateTimeOffset.UtcNow;
            _lastFinished = Stopwatch.GetTimestamp();
            slots.Release();
        }
    }

    private void Succeed(SnmpInterfaceTable table)
    {
        (bool restarted, int discontinuities) = _series.Apply(table);
        if (restarted)
        {
            _health.Restarts.WithLabels(_target.Name).Inc();
        }

        if (discontinuities > 0)
        {
            _health.Discontinuities.WithLabels(_target.Name).Inc(discontinuities);
        }

        _health.AgentUptime.WithLabels(_target.Name).Set(table.SysUpTime.TotalSeconds);
        _health.Up.WithLabels(_target.Name).Set(1);
        IsUp = true;
        LastError = null;
    }

    private void Fail(string reason, string message)
    {
        // Like snmp_exporter: a failed target has up 0 and no interface series, rather than stale numbers.
        _series.Clear();
        _health.Up.WithLabels(_target.Name).Set(0);
        _health.Failures.WithLabels(_target.Name, reason).Inc();
        IsUp = false;
        LastError = message;
    }
}
