using System;

namespace NetOpsPS.Sockets.Load;

/// <summary>A snapshot of a load run in progress, reported through <see cref="IProgress{T}"/>.</summary>
public sealed class TcpLoadProgress
{
    /// <summary>Where the run is.</summary>
    public required TcpLoadPhase Phase { get; init; }

    /// <summary>Time spent in the measured phase so far (zero before it).</summary>
    public required TimeSpan Measured { get; init; }

    /// <summary>The measured time asked for.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Connections open now.</summary>
    public required int ActiveConnections { get; init; }

    /// <summary>Replies verified and counted so far.</summary>
    public required long RequestsCompleted { get; init; }

    /// <summary>Errors of every kind so far.</summary>
    public required long Errors { get; init; }

    /// <summary>How far the measured time is, 0 to 100.</summary>
    public int PercentComplete => Phase == TcpLoadPhase.Completed
        ? 100
        : (int)Math.Clamp(Measured.TotalMilliseconds * 100 / Math.Max(1, Duration.TotalMilliseconds), 0, 100);
}
