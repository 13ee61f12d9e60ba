namespace NetOpsPS.Sockets.Client;

/// <summary>
/// The circuit breaker's state, as Polly's <c>CircuitState</c> reports it. The session's own enum, so the cmdlet
/// assembly (in the default load context) never needs a Polly type: Polly lives behind the module's own load context.
/// </summary>
public enum TcpCircuitState
{
    /// <summary>Connects go through; failures are sampled.</summary>
    Closed,
    /// <summary>Too many connects failed: connects fail fast until the break duration has passed.</summary>
    Open,
    /// <summary>The break duration has passed and one probing connect is running; its outcome closes or reopens the circuit.</summary>
    HalfOpen,
    /// <summary>Held open by hand.</summary>
    Isolated,
}
