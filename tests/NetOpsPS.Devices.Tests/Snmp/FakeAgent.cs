using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Devices.Tests.Snmp;

/// <summary>
/// A stand-in agent on a loopback UDP socket that answers each request with what the test scripts.
/// A mock, on purpose: net-snmp never sends malformed BER, notInTimeWindow twice, or decryptionError reports.
/// </summary>
internal sealed class FakeAgent : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    public FakeAgent(Func<byte[], byte[]?> answer)
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _loop = Task.Run(() => ServeAsync(answer));
    }

    public int Port { get; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The client ports requests came from.</summary>
    public ConcurrentDictionary<int, int> SourcePorts { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the socket; how it ended does not matter here.
        }

        _stop.Dispose();
    }

    private async Task ServeAsync(Func<byte[], byte[]?> answer)
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            Interlocked.Increment(ref _requests);
            SourcePorts.AddOrUpdate(((IPEndPoint)received.RemoteEndPoint).Port, 1, (_, n) => n + 1);
            byte[]? reply = answer(buffer.AsSpan(0, received.ReceivedBytes).ToArray());
            if (reply is not null)
            {
                await _socket.SendToAsync(reply, SocketFlags.None, received.RemoteEndPoint, _stop.Token);
            }
        }
    }
}
