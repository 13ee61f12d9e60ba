using System;

namespace NetOpsPS.TestSupport.Peers;

/// <summary>
/// A peer could not be provided: a package or the test user is missing, or the peer did not start.
/// Tests let it propagate so that they fail with the reason; they never skip.
/// </summary>
public sealed class PeerUnavailableException : Exception
{
    public PeerUnavailableException()
    {
    }

    public PeerUnavailableException(string message)
        : base(message)
    {
    }

    public PeerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
