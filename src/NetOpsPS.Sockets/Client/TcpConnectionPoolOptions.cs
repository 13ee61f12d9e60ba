using System;

namespace NetOpsPS.Sockets.Client;

/// <summary>Settings of a <see cref="TcpConnectionPool"/>. The pool copies them when it is created.</summary>
public sealed class TcpConnectionPoolOptions
{
    /// <summary>A friendly name, also the <c>pool</c> tag of its metrics; the pool makes one up when empty.</summary>
    public string? Name { get; set; }

    /// <summary>Most sessions per endpoint, leased and idle together.</summary>
    public int MaxPerEndpoint { get; set; } = 8;

    /// <summary>An idle session unused for this long is closed by the next sweep.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the sweep for idle sessions runs.</summary>
    public TimeSpan EvictionInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a rent waits for a free slot when the endpoint is at <see cref="MaxPerEndpoint"/>.</summary>
    public TimeSpan RentTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Fills in the options of each new session after the pool has set its host, port, name and clock (framing, timeouts,
    /// retries). Pooled sessions do not reconnect in the background unless this turns it on: a dropped one is replaced.
    /// </summary>
    public Action<TcpClientSessionOptions>? ConfigureSession { get; set; }

    /// <summary>The clock of the sweep, the idle times and the rent timeout.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal TcpConnectionPoolOptions Validated()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (MaxPerEndpoint < 1)
        {
            throw new SocketsException(SocketsError.InvalidArgument, "MaxPerEndpoint must be at least 1.");
        }

        if (IdleTimeout <= TimeSpan.Zero || EvictionInterval <= TimeSpan.Zero || RentTimeout < TimeSpan.Zero)
        {
            throw new SocketsException(SocketsError.InvalidArgument, "IdleTimeout and EvictionInterval must be positive, RentTimeout not negative.");
        }

        return (TcpConnectionPoolOptions)MemberwiseClone();
    }
}
