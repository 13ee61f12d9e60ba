using System;

namespace NetOpsPS.Sockets.Impairment;

/// <summary>
/// What an impairment relay does to each datagram, decided independently per datagram from a
/// seeded generator: the same seed and the same datagrams give the same decisions.
/// </summary>
public sealed class UdpImpairmentOptions
{
    /// <summary>Probability (0-1) that a datagram is dropped.</summary>
    public double LossProbability { get; set; }

    /// <summary>Probability (0-1) that a datagram is sent twice.</summary>
    public double DuplicateProbability { get; set; }

    /// <summary>Probability (0-1) that a datagram is held back and sent after the next one (or after <see cref="ReorderHold"/>).</summary>
    public double ReorderProbability { get; set; }

    /// <summary>Probability (0-1) that a datagram is delayed by <see cref="Delay"/>.</summary>
    public double DelayProbability { get; set; }

    /// <summary>The delay of a delayed datagram.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Longest a reordered datagram waits for a successor before it goes anyway.</summary>
    public TimeSpan ReorderHold { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Seed of the decisions; null draws one (the relay reports it, so the run can be repeated).</summary>
    public int? Seed { get; set; }

    internal void Validate()
    {
        foreach ((string name, double p) in new[] { ("LossProbability", LossProbability), ("DuplicateProbability", DuplicateProbability), ("ReorderProbability", ReorderProbability), ("DelayProbability", DelayProbability) })
        {
            if (p is < 0 or > 1 || double.IsNaN(p))
            {
                throw new SocketsException(SocketsError.InvalidArgument, $"{name} {p} is outside 0-1.");
            }
        }

        if (Delay < TimeSpan.Zero || Delay > TimeSpan.FromMinutes(1) || ReorderHold <= TimeSpan.Zero || ReorderHold > TimeSpan.FromMinutes(1))
        {
            throw new SocketsException(SocketsError.InvalidArgument, "Delay must be 0-60 s and ReorderHold above 0 and at most 60 s.");
        }
    }
}
