using System;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.Client;

/// <summary>
/// A session rented from a <see cref="TcpConnectionPool"/>; disposing it gives the session back (once). A session that
/// is no longer connected, or was marked broken, is closed instead of kept.
/// </summary>
public sealed class TcpConnectionLease : IAsyncDisposable
{
    private readonly TcpConnectionPool _pool;
    private int _returned;

    internal TcpConnectionLease(TcpConnectionPool pool, string endpoint, TcpClientSession session, bool reused)
    {
        _pool = pool;
        Endpoint = endpoint;
        Session = session;
        Reused = reused;
    }

    /// <summary>The rented session; do not use it after the lease is disposed.</summary>
    public TcpClientSession Session { get; }

    /// <summary>Whether the session was idle in the pool (true) or connected for this rent.</summary>
    public bool Reused { get; }

    /// <summary>Whether <see cref="MarkBroken"/> was called.</summary>
    public bool IsBroken { get; private set; }

    internal string Endpoint { get; }

    /// <summary>
    /// Says the session must not be reused: the caller left the conversation half-way (a request sent, its reply never
    /// read), so the next renter would read someone else's answer.
    /// </summary>
    public void MarkBroken() => IsBroken = true;

    /// <summary>Gives the session back to the pool.</summary>
    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _returned, 1) == 0 ? _pool.ReturnAsync(this) : ValueTask.CompletedTask;
}
