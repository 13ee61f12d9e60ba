using System;
using System.Diagnostics;
using System.Threading;

namespace NetOpsPS.Capture.Live;

/// <summary>
/// Calls back once, when at least the given time has passed on a <see cref="Stopwatch"/>: the clock a capture's
/// <see cref="CaptureStatistics.Elapsed"/> is read from. A bare <see cref="Timer"/> is not enough. .NET counts
/// timers in whole milliseconds and checks them whenever the timer thread wakes for any timer, so one fires up
/// to about 2 ms early (measured here: 1-2 % of 3 ms timers while a 1 ms timer ran beside them), and a 300 ms
/// capture could report 299 ms. An early tick re-arms the timer for what is left.
/// </summary>
internal sealed class CaptureDeadline : IDisposable
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    private readonly Stopwatch _clock;
    private readonly TimeSpan _due;
    private readonly Action _onDue;
    private readonly Timer _timer;
    // Guards re-arming against Dispose: Timer.Change throws once the timer is disposed.
    private readonly object _gate = new();
    private bool _disposed;

    /// <summary>Starts counting toward <paramref name="due"/> on <paramref name="clock"/>; null never calls back.</summary>
    public CaptureDeadline(Stopwatch clock, TimeSpan? due, Action onDue)
    {
        _clock = clock;
        _due = due ?? Timeout.InfiniteTimeSpan;
        _onDue = onDue;
        _timer = new Timer(static state => ((CaptureDeadline)state!).OnTick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (due is not null)
        {
            Arm(_due - clock.Elapsed);
        }
    }

    /// <summary>Stops the timer; no callback runs after this returns.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer.Dispose();
        }
    }

    private void OnTick()
    {
        TimeSpan left = _due - _clock.Elapsed;
        if (left > TimeSpan.Zero)
        {
            Arm(left);
            return;
        }

        // Under the lock, so that once Dispose has returned the capture cannot be stopped by a late tick.
        lock (_gate)
        {
            if (!_disposed)
            {
                _onDue();
            }
        }
    }

    private void Arm(TimeSpan left)
    {
        // Whole milliseconds, rounded up: a timer given 0 ms for a fraction left would fire at once, again and again.
        // At most a day at a time: a Timer cannot wait 2^32 - 1 ms (49.7 days) or more, and a tick re-arms anyway.
        var wait = TimeSpan.FromMilliseconds(Math.Clamp(Math.Ceiling(left.TotalMilliseconds), 1, MaxWait.TotalMilliseconds));
        lock (_gate)
        {
            if (!_disposed)
            {
                _timer.Change(wait, Timeout.InfiniteTimeSpan);
            }
        }
    }
}
