using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.Udp;

/// <summary>
/// A long-lived UDP server (echo server, reliable listener, impairment relay): one bound socket, one
/// receive loop, counters, and a stop. The module lists them all with Get-UdpServer.
/// </summary>
public abstract class UdpService : IAsyncDisposable
{
    private static int s_lastId;
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _buffer = new byte[UdpChannelOptions.MaxPayload + 1];
    private Task _loop = Task.CompletedTask;
    private int _state = (int)UdpServiceState.Running;
    private long _datagramsReceived;
    private long _bytesReceived;

    /// <summary>Binds the socket; the derived class calls <see cref="StartLoop"/> when it is ready.</summary>
    protected UdpService(string kind, string? name, IPEndPoint localEndPoint, UdpBufferOptions buffers)
    {
        Id = Interlocked.Increment(ref s_lastId);
        Kind = kind;
        Name = string.IsNullOrEmpty(name) ? $"{kind}{Id}" : name;
        Socket = UdpSockets.Bind(localEndPoint, buffers, out IReadOnlyList<UdpBufferGrant> grants);
        BufferGrants = grants;
        LocalEndPoint = (IPEndPoint)Socket.LocalEndPoint!;
        StartTime = DateTimeOffset.UtcNow;
    }

    /// <summary>Session-unique id, for Get-/Stop-UdpServer -Id.</summary>
    public int Id { get; }

    /// <summary>The name given or made up.</summary>
    public string Name { get; }

    /// <summary>What the server does: UdpEcho, ReliableUdpListener, UdpImpairmentRelay.</summary>
    public string Kind { get; }

    /// <summary>The bound address and port.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The bound address.</summary>
    public IPAddress Address => LocalEndPoint.Address;

    /// <summary>The bound port.</summary>
    public int Port => LocalEndPoint.Port;

    /// <summary>Running, Stopping, Stopped or Faulted.</summary>
    public UdpServiceState State => (UdpServiceState)Volatile.Read(ref _state);

    /// <summary>When it started (UTC).</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>What the kernel granted for the receive and send buffers.</summary>
    public IReadOnlyList<UdpBufferGrant> BufferGrants { get; }

    /// <summary>Receive buffer the kernel granted, in bytes.</summary>
    public int ReceiveBufferSize => BufferGrants[0].Granted;

    /// <summary>Datagrams taken off the socket.</summary>
    public long DatagramsReceived => Interlocked.Read(ref _datagramsReceived);

    /// <summary>Payload bytes taken off the socket.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Why the loop ended when <see cref="State"/> is Faulted.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>The bound socket, for replies.</summary>
    protected Socket Socket { get; }

    /// <summary>Cancelled when the service stops.</summary>
    protected CancellationToken Stopping => _stop.Token;

    /// <summary>Stops the loops and closes the sockets; safe to call more than once.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, (int)UdpServiceState.Stopping, (int)UdpServiceState.Running) == (int)UdpServiceState.Running)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        await OnStoppedAsync().ConfigureAwait(false);
        Socket.Dispose();
        Interlocked.CompareExchange(ref _state, (int)UdpServiceState.Stopped, (int)UdpServiceState.Stopping);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Kind}) on {LocalEndPoint}";

    /// <summary>Handles one datagram; the buffer is reused after the returned task completes.</summary>
    protected abstract ValueTask OnDatagramAsync(ReadOnlyMemory<byte> data, IPEndPoint remote, CancellationToken cancellationToken);

    /// <summary>Runs after the receive loop ended, before the socket closes.</summary>
    protected virtual Task OnStoppedAsync() => Task.CompletedTask;

    /// <summary>Starts the receive loop.</summary>
    protected void StartLoop() => _loop = Task.Run(ReceiveLoopAsync);

    private async Task ReceiveLoopAsync()
    {
        EndPoint any = UdpSockets.AnyOf(Socket);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                SocketReceiveFromResult result;
                try
                {
                    result = await Socket.ReceiveFromAsync(_buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
                }
                catch (SocketException ex) when (UdpSockets.IsIcmpEcho(ex))
                {
                    continue;
                }

                Interlocked.Increment(ref _datagramsReceived);
                Interlocked.Add(ref _bytesReceived, result.ReceivedBytes);
                Internal.UdpMetrics.Datagram(result.ReceivedBytes, received: true, Name);
                await OnDatagramAsync(_buffer.AsMemory(0, result.ReceivedBytes), UdpSockets.Normalize((IPEndPoint)result.RemoteEndPoint), _stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            Fault = ex;
            Volatile.Write(ref _state, (int)UdpServiceState.Faulted);
        }
    }

    /// <summary>Sends a reply from the bound socket; a failed send is counted, never thrown (UDP has no one to tell).</summary>
    protected async ValueTask<bool> ReplyAsync(ReadOnlyMemory<byte> data, IPEndPoint remote, CancellationToken cancellationToken)
    {
        try
        {
            int sent = await Socket.SendToAsync(data, SocketFlags.None, UdpSockets.Target(Socket, remote), cancellationToken).ConfigureAwait(false);
            Internal.UdpMetrics.Datagram(sent, received: false, Name);
            return true;
        }
        catch (SocketException ex)
        {
            Internal.UdpMetrics.Dropped.Add(1, Internal.UdpMetrics.Owner(Name), new("reason", ex.SocketErrorCode.ToString()));
            return false;
        }
    }
}
