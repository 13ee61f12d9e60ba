using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Bench.Exporter;

/// <summary>
/// A UDP relay on 127.0.0.1 in front of one agent that holds every datagram for half the round trip each way,
/// so loopback agents answer like devices across a WAN (the bench's --rtt-ms). The last client to send gets the replies.
/// </summary>
internal sealed class DelayRelay : IDisposable
{
    private readonly Socket _front = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Socket _back = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly TimeSpan _halfTrip;
    private readonly CancellationTokenSource _stop = new();
    private EndPoint _client = new IPEndPoint(IPAddress.Loopback, 0);

    public DelayRelay(int agentPort, TimeSpan roundTrip)
    {
        _halfTrip = roundTrip / 2;
        _front.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _back.Connect(new IPEndPoint(IPAddress.Loopback, agentPort));
        _ = Task.Run(ForwardAsync);
        _ = Task.Run(ReturnAsync);
    }

    public int Port => ((IPEndPoint)_front.LocalEndPoint!).Port;

    public void Dispose()
    {
        _stop.Cancel();
        _front.Dispose();
        _back.Dispose();
        _stop.Dispose();
    }

    private async Task ForwardAsync()
    {
        byte[] buffer = new byte[65536];
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult got;
            try
            {
                got = await _front.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _client = got.RemoteEndPoint;
            byte[] datagram = buffer.AsSpan(0, got.ReceivedBytes).ToArray();
            _ = Later(() => _back.SendAsync(datagram, SocketFlags.None));
        }
    }

    private async Task ReturnAsync()
    {
        byte[] buffer = new byte[65536];
        while (!_stop.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _back.ReceiveAsync(buffer, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            byte[] datagram = buffer.AsSpan(0, length).ToArray();
            EndPoint client = _client;
            _ = Later(() => _front.SendToAsync(datagram, SocketFlags.None, client));
        }
    }

    private async Task Later(Func<Task<int>> send)
    {
        try
        {
            await Task.Delay(_halfTrip, _stop.Token);
            await send();
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped, or the agent went away: a dropped datagram, as on a real network.
        }
    }
}
