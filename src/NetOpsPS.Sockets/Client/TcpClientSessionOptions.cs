using System;
using System.Net;
using NetOpsPS.Sockets.Framing;

namespace NetOpsPS.Sockets.Client;

/// <summary>
/// Settings of a <see cref="TcpClientSession"/>. The session copies them when it is created, so changing an
/// options object later does not change a running session. A zero timeout is off.
/// </summary>
public sealed class TcpClientSessionOptions
{
    // Polly 8 rejects smaller values with a ValidationException; checking here gives the user our own message.
    private static readonly TimeSpan PollyMinimumBreakerDuration = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan PollyMinimumTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan PollyMaximumDuration = TimeSpan.FromDays(1);

    /// <summary>The server: an IPv4 or IPv6 literal (brackets allowed) or a host name, whose addresses are tried in turn.</summary>
    public string Host { get; set; } = "";

    /// <summary>The server's port.</summary>
    public int Port { get; set; }

    /// <summary>A friendly name, also the <c>session</c> tag of its metrics; the session makes one up when empty.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// How the byte stream is cut into frames and payloads are framed, a fresh codec per connection: lines (LF or CRLF,
    /// ending stripped, up to 64 KiB) unless told otherwise, the same framing the echo server speaks.
    /// </summary>
    public FramingOptions? Framing { get; set; } = new LineFramingOptions(64 * 1024);

    /// <summary>Makes the decoder of each new connection, instead of <see cref="Framing"/> (decoders keep state: never share one).</summary>
    public Func<IFrameDecoder>? DecoderFactory { get; set; }

    /// <summary>Makes the encoder of each new connection, instead of <see cref="Framing"/>.</summary>
    public Func<IFrameEncoder>? EncoderFactory { get; set; }

    /// <summary>How long one connect attempt may take before it counts as a <see cref="TcpClientErrorKind.ConnectTimeout"/>.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long <see cref="TcpClientSession.ReceiveFrameAsync(System.Threading.CancellationToken)"/> waits for a frame.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one send may take; a peer that does not read past it has its connection closed.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a failed connect attempt within one connect (0: a single attempt).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry's delay; each next one doubles (exponential backoff).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between retries, and the pause between background reconnect rounds.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Spreads the delays at random (decorrelated jitter), so clients cut off together do not come back together.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>Share of failed connect attempts within <see cref="BreakerSamplingDuration"/> that opens the breaker (0 to 1).</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Connect attempts needed within <see cref="BreakerSamplingDuration"/> before the ratio counts (2 or more).</summary>
    public int BreakerMinimumThroughput { get; set; } = 4;

    /// <summary>The window over which the failure ratio is measured (0.5 s or more).</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker fails connects fast before it lets one probe through (0.5 s or more).</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// When the connection drops, reconnect in the background (rounds of retries, waiting out an open breaker) rather than
    /// only on the next send or receive.
    /// </summary>
    public bool AutoReconnect { get; set; } = true;

    /// <summary>Rounds the background reconnect makes before it gives up and leaves the next send or receive to try.</summary>
    public int MaxReconnectRounds { get; set; } = 10;

    /// <summary>Answer a frame <c>PING &lt;n&gt;</c> from the server with <c>PONG &lt;n&gt;</c>, without handing it to the caller.</summary>
    public bool AnswerHeartbeats { get; set; } = true;

    /// <summary>Send <c>PING &lt;n&gt;</c> this often and time the <c>PONG &lt;n&gt;</c> replies (zero: no heartbeats of our own).</summary>
    public TimeSpan HeartbeatInterval { get; set; }

    /// <summary>Pings in a row without an answer after which the connection is judged dead and closed.</summary>
    public int MaxMissedHeartbeats { get; set; } = 3;

    /// <summary>Frames held for the caller; when full, the session stops reading, so TCP slows the server down.</summary>
    public int ReceiveQueueCapacity { get; set; } = 1024;

    /// <summary>The clock of every timeout, delay, breaker window and heartbeat (a test may drive it by hand).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal TcpClientSessionOptions Validated()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw Invalid("Host is required.");
        }

        if (Port is < 1 or > IPEndPoint.MaxPort)
        {
            throw Invalid($"Port {Port} is outside 1-65535.");
        }

        if (Framing is null && (DecoderFactory is null || EncoderFactory is null))
        {
            throw Invalid("Framing is required, unless both a decoder factory and an encoder factory are given.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        CheckTimeout(ConnectTimeout, nameof(ConnectTimeout));
        CheckTimeout(WriteTimeout, nameof(WriteTimeout));
        if (ReadTimeout < TimeSpan.Zero && ReadTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw Invalid("ReadTimeout cannot be negative.");
        }

        if (MaxRetryAttempts < 0 || MaxReconnectRounds < 0)
        {
            throw Invalid("MaxRetryAttempts and MaxReconnectRounds cannot be negative.");
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryBaseDelay > PollyMaximumDuration || RetryMaxDelay < RetryBaseDelay)
        {
            throw Invalid("RetryBaseDelay must be between 0 and one day, and RetryMaxDelay at least RetryBaseDelay.");
        }

        if (BreakerFailureRatio is <= 0 or > 1 || double.IsNaN(BreakerFailureRatio))
        {
            throw Invalid("BreakerFailureRatio must be above 0 and at most 1.");
        }

        if (BreakerMinimumThroughput < 2)
        {
            throw Invalid("BreakerMinimumThroughput must be at least 2.");
        }

        if (BreakerSamplingDuration < PollyMinimumBreakerDuration || BreakerBreakDuration < PollyMinimumBreakerDuration
            || BreakerSamplingDuration > PollyMaximumDuration || BreakerBreakDuration > PollyMaximumDuration)
        {
            throw Invalid("BreakerSamplingDuration and BreakerBreakDuration must be between 0.5 s and one day.");
        }

        if (HeartbeatInterval < TimeSpan.Zero || MaxMissedHeartbeats < 1)
        {
            throw Invalid("HeartbeatInterval cannot be negative and MaxMissedHeartbeats must be at least 1.");
        }

        if (ReceiveQueueCapacity < 1)
        {
            throw Invalid("ReceiveQueueCapacity must be at least 1.");
        }

        return (TcpClientSessionOptions)MemberwiseClone();
    }

    internal IFrameDecoder CreateDecoder() => DecoderFactory?.Invoke() ?? Framing!.CreateDecoder();

    internal IFrameEncoder CreateEncoder() => EncoderFactory?.Invoke() ?? Framing!.CreateEncoder();

    internal string DescribeFraming() => (DecoderFactory, EncoderFactory, Framing) switch
    {
        (null, null, { } framing) => framing.Describe(),
        (_, _, null) or (not null, not null, _) => "custom decoder and encoder",
        (null, _, { } framing) => $"{framing.Describe()}; custom encoder",
        (_, null, { } framing) => $"custom decoder; {framing.Describe()}",
    };

    private static void CheckTimeout(TimeSpan value, string name)
    {
        if (value != TimeSpan.Zero && (value < PollyMinimumTimeout || value > PollyMaximumDuration))
        {
            throw Invalid($"{name} must be zero (off) or between 10 ms and one day.");
        }
    }

    private static SocketsException Invalid(string message) => new(SocketsError.InvalidArgument, message);
}
