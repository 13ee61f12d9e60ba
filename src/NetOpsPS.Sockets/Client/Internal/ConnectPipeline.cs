using System;
using System.Net.Sockets;
using System.Threading.Tasks;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace NetOpsPS.Sockets.Client.Internal;

/// <summary>
/// The Polly pipeline every connect of a session runs through, outermost first: retry with exponential backoff and
/// jitter, then the circuit breaker, then the per-attempt connect timeout. The breaker sits inside the retry so it
/// sees every attempt; the retry does not handle <see cref="BrokenCircuitException"/>, so an open breaker ends the
/// connect at once instead of burning the retries against it.
/// </summary>
internal static class ConnectPipeline
{
    public static ResiliencePipeline Build(TcpClientSessionOptions options, CircuitBreakerStateProvider stateProvider, BoundedEventLog events)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = AttemptFailed(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                OnRetry = args =>
                {
                    string reason = args.Outcome.Exception is { } ex ? ErrorClassifier.Reason(ex) : "failed";
                    events.Add(TcpClientSessionEventKind.ConnectFailed, $"attempt {args.AttemptNumber + 1}: {reason}; retrying in {args.RetryDelay.TotalMilliseconds:0} ms");
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = AttemptFailed(),
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerBreakDuration,
            StateProvider = stateProvider,
            OnOpened = args => Log(events, TcpClientSessionEventKind.BreakerOpened, $"open for {args.BreakDuration.TotalMilliseconds:0} ms"),
            OnHalfOpened = _ => Log(events, TcpClientSessionEventKind.BreakerHalfOpened, "probing"),
            OnClosed = _ => Log(events, TcpClientSessionEventKind.BreakerClosed, "closed"),
        });

        if (options.ConnectTimeout > TimeSpan.Zero)
        {
            builder.AddTimeout(options.ConnectTimeout);
        }

        return builder.Build();
    }

    // A caller's cancellation is not a failure of the server, and an open breaker is not a new one.
    private static PredicateBuilder<object> AttemptFailed() => new PredicateBuilder()
        .Handle<SocketException>()
        .Handle<TimeoutRejectedException>();

    private static ValueTask Log(BoundedEventLog events, TcpClientSessionEventKind kind, string message)
    {
        events.Add(kind, message);
        return default;
    }
}
