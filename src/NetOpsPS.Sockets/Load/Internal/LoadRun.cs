using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Internal.Linux;

namespace NetOpsPS.Sockets.Load.Internal;

/// <summary>
/// One load run: what its connections share (read-mostly flags, the start gate, the connect slots)
/// and the controller that moves it through its phases. The controller also is the watchdog: a
/// connection owed replies that receives nothing for the reply timeout is aborted from here, so the
/// connections' hot path carries no timers and no cancellation registrations.
/// </summary>
internal sealed partial class LoadRun : IDisposable
{
    // Phase changes and timeouts are checked this often; it bounds how far a run overshoots its duration.
    private static readonly TimeSpan s_tick = TimeSpan.FromMilliseconds(10);

    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LoadConnection[] _connections;
    private volatile bool _measuring;
    private volatile bool _stopping;
    private volatile TcpLoadPhase _phase = TcpLoadPhase.Connecting;
    private long _measureStart;
    private long _measureEnd;

    public LoadRun(TcpLoadOptions options, string target, IPEndPoint? endPoint, string? resolveError, CancellationToken cancellationToken)
    {
        Options = options;
        Target = target;
        EndPoint = endPoint;
        ResolveError = resolveError;
        Cancellation = cancellationToken;
        PrefixBytes = Encoding.UTF8.GetBytes(options.ReplyPrefix);
        Depth = options.EffectiveDepth;
        LineLength = options.PayloadSize + 1;
        ReplyLength = PrefixBytes.Length + LineLength;
        ReplyTimeoutTicks = ToTicks(options.ReplyTimeout);
        ConnectSlots = new SemaphoreSlim(options.ConnectConcurrency, options.ConnectConcurrency);
        Poller = options.PortableIo ? null : EpollPoller.Shared;
        _connections = new LoadConnection[options.Connections];
        for (int i = 0; i < _connections.Length; i++)
        {
            long quota = options.Requests == 0
                ? long.MaxValue
                : (options.Requests / _connections.Length) + (i < options.Requests % _connections.Length ? 1 : 0);
            _connections[i] = new LoadConnection(this, i, quota);
        }
    }

    public TcpLoadOptions Options { get; }

    public string Target { get; }

    /// <summary>The poller that connects and drives the connections; null where they use .NET's async sockets.</summary>
    public EpollPoller? Poller { get; }

    /// <summary>Where the connections go; null when the name did not resolve.</summary>
    public IPEndPoint? EndPoint { get; }

    /// <summary>Why <see cref="EndPoint"/> is null.</summary>
    public string? ResolveError { get; }

    public CancellationToken Cancellation { get; }

    public byte[] PrefixBytes { get; }

    public int Depth { get; }

    /// <summary>Bytes of one request: payload and line feed.</summary>
    public int LineLength { get; }

    /// <summary>Bytes of one reply: prefix, payload and line feed.</summary>
    public int ReplyLength { get; }

    public long ReplyTimeoutTicks { get; }

    public SemaphoreSlim ConnectSlots { get; }

    /// <summary>Completes when every connection has connected or failed; they start together.</summary>
    public Task StartGate => _gate.Task;

    /// <summary>True while replies count.</summary>
    public bool Measuring => _measuring;

    /// <summary>True once no new request may be sent.</summary>
    public bool Stopping => _stopping;

    public static long ToTicks(TimeSpan time) => (long)(time.TotalSeconds * Stopwatch.Frequency);

    public async Task<TcpLoadResult> RunAsync(IProgress<TcpLoadProgress>? progress)
    {
        DateTimeOffset started = DateTimeOffset.UtcNow;
        var running = new Task[_connections.Length];
        for (int i = 0; i < running.Length; i++)
        {
            running[i] = _connections[i].RunAsync();
        }

        Task all = Task.WhenAll(running);
        Task connected = Task.WhenAll(_connections.Select(c => c.Connected));
        long progressTicks = ToTicks(Options.ProgressInterval);
        long nextProgress = Stopwatch.GetTimestamp() + progressTicks;
        while (!connected.IsCompleted)
        {
            await Task.WhenAny(connected, Task.Delay(s_tick, Cancellation)).ConfigureAwait(false);
            await StopIfCancelledAsync(all).ConfigureAwait(false);
            Report(progress, ref nextProgress, progressTicks);
        }

        long gateOpened = Stopwatch.GetTimestamp();
        long warmUpTicks = ToTicks(Options.WarmUp);
        long durationTicks = ToTicks(Options.Duration);
        if (warmUpTicks == 0)
        {
            BeginMeasuring(gateOpened);
        }
        else
        {
            _phase = TcpLoadPhase.WarmUp;
        }

        // Every phase change is reported at once, so a sink can take its own readings at the edges of the measured time.
        nextProgress = 0;
        Report(progress, ref nextProgress, progressTicks);
        _gate.TrySetResult();
        while (!all.IsCompleted)
        {
            await Task.WhenAny(all, Task.Delay(s_tick, Cancellation)).ConfigureAwait(false);
            await StopIfCancelledAsync(all).ConfigureAwait(false);
            long now = Stopwatch.GetTimestamp();
            foreach (LoadConnection connection in _connections)
            {
                connection.CheckReplyTimeout(now);
            }

            if (_phase == TcpLoadPhase.WarmUp && now - gateOpened >= warmUpTicks)
            {
                BeginMeasuring(now);
                nextProgress = 0;
            }
            else if (_phase == TcpLoadPhase.Measuring && now - _measureStart >= durationTicks)
            {
                // The replies still owed are read and verified, but no longer counted.
                _measureEnd = now;
                _measuring = false;
                _stopping = true;
                _phase = TcpLoadPhase.Draining;
                nextProgress = 0;
            }

            Report(progress, ref nextProgress, progressTicks);
        }

        await all.ConfigureAwait(false);
        long finished = Stopwatch.GetTimestamp();
        if (_phase == TcpLoadPhase.WarmUp)
        {
            // Every connection ended before the warm-up did: nothing was measured.
            _measureStart = _measureEnd = finished;
        }
        else if (_phase == TcpLoadPhase.Measuring)
        {
            // Ended on its own (request bound reached, or every connection failed): the last counted reply ends it.
            _measureEnd = Math.Clamp(_connections.Max(c => c.FinishedAt), _measureStart, finished);
        }

        _measuring = false;
        _stopping = true;
        _phase = TcpLoadPhase.Completed;
        nextProgress = 0;
        Report(progress, ref nextProgress, progressTicks);
        return BuildResult(started);
    }

    public void Dispose() => ConnectSlots.Dispose();

    private void BeginMeasuring(long now)
    {
        _measureStart = now;
        _measuring = true;
        _phase = TcpLoadPhase.Measuring;
    }

    private async Task StopIfCancelledAsync(Task all)
    {
        if (!Cancellation.IsCancellationRequested)
        {
            return;
        }

        _measuring = false;
        _stopping = true;
        _gate.TrySetResult();
        foreach (LoadConnection connection in _connections)
        {
            connection.Abort(LoadConnection.AbortReason.Cancelled);
        }

        // Aborted sockets fail their pending operations at once, so this wait is short.
        await all.ConfigureAwait(false);
        Cancellation.ThrowIfCancellationRequested();
    }

    private void Report(IProgress<TcpLoadProgress>? progress, ref long nextProgress, long progressTicks)
    {
        long now = Stopwatch.GetTimestamp();
        if (progress is null || now < nextProgress)
        {
            return;
        }

        nextProgress = now + progressTicks;
        TcpLoadPhase phase = _phase;
        long measured = phase switch
        {
            TcpLoadPhase.Measuring => now - _measureStart,
            TcpLoadPhase.Draining or TcpLoadPhase.Completed => _measureEnd - _measureStart,
            _ => 0,
        };
        progress.Report(new TcpLoadProgress
        {
            Phase = phase,
            Measured = Stopwatch.GetElapsedTime(0, measured),
            Duration = Options.Duration,
            ActiveConnections = _connections.Count(c => c.IsOpen),
            RequestsCompleted = _connections.Sum(c => c.Completed),
            Errors = _connections.Sum(c => c.ErrorTotal),
        });
    }
}
