using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Client.Internal;
using Polly.CircuitBreaker;

namespace NetOpsPS.Sockets.Client;

/// <summary>Connects, disconnects and reconnects.</summary>
public sealed partial class TcpClientSession
{
    /// <summary>
    /// Connects through the pipeline (retries, breaker, connect timeout). Returns at once when already connected, and
    /// joins a connect already under way. Throws <see cref="TcpClientSessionException"/> with the kind of the last failure.
    /// </summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            _wantConnected = true;
        }

        await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes the connection on purpose (FIN, then the server's remaining bytes are drained) and stops any reconnect.
    /// Sends and receives then fail with <see cref="TcpClientErrorKind.NotConnected"/> until <see cref="ConnectAsync"/>.
    /// </summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
        }

        await StopAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    internal void OnConnectionEnded(ClientConnection connection, TcpClientErrorKind kind, string reason)
    {
        lock (_gate)
        {
            if (_connection != connection)
            {
                return;
            }

            _connection = null;
            _dropped = true;
            _counters.Error(kind, reason);
            _events.Add(TcpClientSessionEventKind.Dropped, reason);
            if (_options.AutoReconnect && _wantConnected && !_closed && _reconnectLoop is null)
            {
                CancellationToken lifetime = _lifetime.Token;
                _reconnectLoop = Task.Run(() => ReconnectLoopAsync(lifetime));
            }
        }
    }

    private async Task StopAsync()
    {
        ClientConnection? connection;
        Task? reconnectLoop;
        Task? connecting;
        CancellationTokenSource lifetime;
        lock (_gate)
        {
            _wantConnected = false;
            connection = _connection;
            _connection = null;
            reconnectLoop = _reconnectLoop;
            connecting = _connecting;
            lifetime = _lifetime;
            _lifetime = new CancellationTokenSource();
        }

        // Cancelled outside the lock: its callbacks resume connects that take the lock themselves.
        await lifetime.CancelAsync().ConfigureAwait(false);
        if (connection is not null)
        {
            await connection.CloseAsync().ConfigureAwait(false);
            _events.Add(TcpClientSessionEventKind.Disconnected, $"closed {connection.LocalEndPoint} -> {connection.RemoteEndPoint}");
        }

        // Both end promptly once the lifetime is cancelled; their failures were counted where they happened.
        await Task.WhenAll(reconnectLoop ?? Task.CompletedTask, connecting ?? Task.CompletedTask)
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>The live connection, or the outcome of one connect shared by every caller that needs it now.</summary>
    private ValueTask<ClientConnection> EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        Task<ClientConnection> connecting;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (!_wantConnected)
            {
                throw new TcpClientSessionException(TcpClientErrorKind.NotConnected, $"{Name} is not connected to {Target}; connect it first.");
            }

            if (_connection is { IsOpen: true } live)
            {
                return ValueTask.FromResult(live);
            }

            if (_connecting is null || _connecting.IsCompleted)
            {
                // Started off the lock: the pipeline's first steps run synchronously and may finish the task at once.
                CancellationToken lifetime = _lifetime.Token;
                _connecting = Task.Run(() => ConnectOnceAsync(lifetime), CancellationToken.None);
            }

            connecting = _connecting;
        }

        // The caller's token ends the caller's wait; the shared connect goes on for the others.
        return new ValueTask<ClientConnection>(connecting.WaitAsync(cancellationToken));
    }

    private async Task<ClientConnection> ConnectOnceAsync(CancellationToken lifetime)
    {
        ClientConnection connection;
        try
        {
            connection = await _pipeline.ExecuteAsync(
                static (state, token) => state.Session.AttemptAsync(state.Lifetime, token),
                (Session: this, Lifetime: lifetime),
                lifetime).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            string when = ex.RetryAfter is { } after ? $" it lets a connect through again in {after.TotalMilliseconds:0} ms" : " it is held open";
            string reason = $"not connecting to {Target}: the circuit breaker is open after repeated failures;{when}";
            _counters.Error(TcpClientErrorKind.BreakerOpen, reason);
            throw new TcpClientSessionException(TcpClientErrorKind.BreakerOpen, char.ToUpperInvariant(reason[0]) + reason[1..] + ".", ex);
        }
        catch (OperationCanceledException ex) when (lifetime.IsCancellationRequested)
        {
            throw new TcpClientSessionException(TcpClientErrorKind.NotConnected, $"{Name} was disconnected while connecting to {Target}.", ex);
        }
        catch (Exception ex) when (ex is not TcpClientSessionException)
        {
            // Each attempt counted its own failure; this is the last one, as the caller's answer.
            TcpClientErrorKind kind = ErrorClassifier.Classify(ex);
            string reason = ErrorClassifier.Reason(ex);
            int attempts = _options.MaxRetryAttempts + 1;
            _events.Add(TcpClientSessionEventKind.ConnectFailed, $"gave up after {attempts} attempt(s): {reason}");
            throw new TcpClientSessionException(kind, $"Cannot connect to {Target}: {reason}.", ex);
        }

        bool keep;
        bool reconnect = false;
        lock (_gate)
        {
            keep = !_closed && !lifetime.IsCancellationRequested;
            if (keep)
            {
                reconnect = _dropped;
                _dropped = false;
                _connection = connection;
            }
        }

        if (!keep)
        {
            await connection.CloseAsync().ConfigureAwait(false);
            throw new TcpClientSessionException(TcpClientErrorKind.NotConnected, $"{Name} was disconnected while connecting to {Target}.");
        }

        connection.Start();
        _counters.Connected(reconnect);
        _events.Add(reconnect ? TcpClientSessionEventKind.Reconnected : TcpClientSessionEventKind.Connected,
            $"{connection.LocalEndPoint} -> {connection.RemoteEndPoint}");
        return connection;
    }

    /// <summary>One connect attempt: resolve, then each address in turn with a fresh socket.</summary>
    private async ValueTask<ClientConnection> AttemptAsync(CancellationToken lifetime, CancellationToken attemptToken)
    {
        _counters.Attempt();
        try
        {
            string host = _options.Host.Trim().TrimStart('[').TrimEnd(']');
            IPAddress[] addresses = IPAddress.TryParse(host, out IPAddress? literal)
                ? new[] { literal }
                : await Dns.GetHostAddressesAsync(host, attemptToken).ConfigureAwait(false);
            if (addresses.Length == 0)
            {
                throw new SocketException((int)SocketError.HostNotFound);
            }

            // Linux does not let a socket connect again after a failed connect, so every address gets its own.
            SocketException? last = null;
            foreach (IPAddress address in addresses)
            {
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(address, _options.Port), attemptToken).ConfigureAwait(false);
                    return new ClientConnection(this, socket, _options.CreateDecoder(), _options.CreateEncoder(), _options, _counters);
                }
                catch (SocketException ex)
                {
                    socket.Dispose();
                    last = ex;
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            }

            throw last!;
        }
        catch (OperationCanceledException) when (!lifetime.IsCancellationRequested)
        {
            // Only the pipeline's per-attempt timeout cancels this token without the lifetime; Polly reports it as a timeout.
            _counters.Error(TcpClientErrorKind.ConnectTimeout, $"no answer from {Target} within {_options.ConnectTimeout.TotalMilliseconds:0} ms");
            throw;
        }
        catch (SocketException ex)
        {
            _counters.Error(ErrorClassifier.Classify(ex), ex.Message);
            throw;
        }
    }

    /// <summary>
    /// Background reconnect after a drop: rounds of the pipeline, each its own retries with backoff; between rounds it
    /// waits out an open breaker, or the backoff's ceiling. Bounded by <see cref="TcpClientSessionOptions.MaxReconnectRounds"/>.
    /// </summary>
    private async Task ReconnectLoopAsync(CancellationToken lifetime)
    {
        for (int round = 1; round <= _options.MaxReconnectRounds; round++)
        {
            TimeSpan pause;
            try
            {
                await EnsureConnectedAsync(lifetime).ConfigureAwait(false);
                if (TryEndReconnectLoop(force: false))
                {
                    return;
                }

                // Dropped again between the connect and this check: the next round goes at once.
                continue;
            }
            catch (TcpClientSessionException ex) when (ex.Kind == TcpClientErrorKind.BreakerOpen)
            {
                pause = (ex.InnerException as BrokenCircuitException)?.RetryAfter ?? _options.BreakerBreakDuration;
            }
            catch (TcpClientSessionException ex) when (ex.Kind != TcpClientErrorKind.NotConnected)
            {
                pause = _options.RetryMaxDelay;
            }
            catch (Exception ex) when (ex is TcpClientSessionException or OperationCanceledException or ObjectDisposedException)
            {
                TryEndReconnectLoop(force: true);
                return;
            }

            try
            {
                await Task.Delay(pause, _options.TimeProvider, lifetime).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                TryEndReconnectLoop(force: true);
                return;
            }
        }

        TryEndReconnectLoop(force: true);
        _events.Add(TcpClientSessionEventKind.ReconnectGaveUp, $"no connection after {_options.MaxReconnectRounds} round(s); the next send or receive tries again");
    }

    /// <summary>
    /// Ends the loop unless the session is still owed a connection. Decided and recorded under one lock, so a drop
    /// either sees the loop running (and the loop sees the drop) or sees none (and starts one).
    /// </summary>
    private bool TryEndReconnectLoop(bool force)
    {
        lock (_gate)
        {
            if (!force && _connection is not { IsOpen: true } && _wantConnected && !_closed)
            {
                return false;
            }

            _reconnectLoop = null;
            return true;
        }
    }
}
