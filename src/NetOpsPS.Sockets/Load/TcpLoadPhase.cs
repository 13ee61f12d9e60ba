namespace NetOpsPS.Sockets.Load;

/// <summary>Where a load run is.</summary>
public enum TcpLoadPhase
{
    /// <summary>Opening the connections.</summary>
    Connecting = 0,

    /// <summary>Sending and verifying, but not counting yet.</summary>
    WarmUp,

    /// <summary>Counting requests, bytes and latency.</summary>
    Measuring,

    /// <summary>The measured time is over; the replies still owed are read and verified.</summary>
    Draining,

    /// <summary>Every connection is closed.</summary>
    Completed,
}
