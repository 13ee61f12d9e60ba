using System;
using System.Net;

namespace NetOpsPS.Sockets.DnsTools;

/// <summary>One upstream as the proxy sees it now.</summary>
public sealed class DnsUpstreamStatus
{
    /// <summary>The upstream's address and port.</summary>
    public required IPEndPoint EndPoint { get; init; }

    /// <summary>False while it is marked failing (it is then tried only after the healthy ones).</summary>
    public required bool Healthy { get; init; }

    /// <summary>Queries sent to it (UDP and TCP).</summary>
    public required long Queries { get; init; }

    /// <summary>Queries it did not answer usefully (timeout, port closed, bad answer).</summary>
    public required long Failures { get; init; }

    /// <summary>Failures since its last good answer.</summary>
    public required int ConsecutiveFailures { get; init; }

    /// <summary>Answers from it dropped because id or question did not match the query (spoofing defence).</summary>
    public required long Mismatches { get; init; }

    /// <summary>Round trip of its last good answer.</summary>
    public required TimeSpan LastRoundTripTime { get; init; }

    /// <summary>What went wrong last, or null.</summary>
    public string? LastError { get; init; }
}
