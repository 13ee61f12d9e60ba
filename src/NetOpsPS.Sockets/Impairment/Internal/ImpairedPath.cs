using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Udp;
using NetOpsPS.Sockets.Udp.Internal;

namespace NetOpsPS.Sockets.Impairment.Internal;

/// <summary>
/// One direction of the relay. Every datagram draws the same four numbers in the same order
/// (loss, duplicate, reorder, delay) whatever the outcome, so a seed replays the same decisions.
/// Sends happen under the lock, which keeps "the held datagram goes right after the next one" exact.
/// </summary>
internal sealed class ImpairedPath
{
    private readonly object _lock = new();
    private readonly Random _random;
    private readonly UdpImpairmentOptions _options;
    private readonly RelayCounters _counters;
    private readonly string _direction;
    private readonly string _relay;
    private Held? _held;
    private long _generation;

    public ImpairedPath(int seed, UdpImpairmentOptions options, RelayCounters counters, string relay, string direction)
    {
        _random = new Random(seed);
        _options = options;
        _counters = counters;
        _relay = relay;
        _direction = direction;
    }

    public void Forward(ReadOnlySpan<byte> data, Socket socket, IPEndPoint target, bool linkDown)
    {
        lock (_lock)
        {
            double loss = _random.NextDouble();
            double duplicate = _random.NextDouble();
            double reorder = _random.NextDouble();
            double delay = _random.NextDouble();
            if (linkDown || loss < _options.LossProbability)
            {
                Count(ref _counters.Dropped, "dropped");
                return;
            }

            int copies = duplicate < _options.DuplicateProbability ? 2 : 1;
            if (copies == 2)
            {
                Count(ref _counters.Duplicated, "duplicated");
            }

            if (delay < _options.DelayProbability && _options.Delay > TimeSpan.Zero)
            {
                Count(ref _counters.Delayed, "delayed");
                var late = new Held(data.ToArray(), copies, socket, target);
                _ = Task.Delay(_options.Delay).ContinueWith(_ => SendLate(late), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                return;
            }

            if (reorder < _options.ReorderProbability && _held is null)
            {
                Count(ref _counters.Reordered, "reordered");
                _held = new Held(data.ToArray(), copies, socket, target);
                long generation = ++_generation;
                _ = Task.Delay(_options.ReorderHold).ContinueWith(_ => Flush(generation), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                return;
            }

            Send(data, copies, socket, target);
            if (_held is { } held)
            {
                _held = null;
                Send(held.Data, held.Copies, held.Socket, held.Target);
            }
        }
    }

    private void Flush(long generation)
    {
        lock (_lock)
        {
            if (_held is { } held && generation == _generation)
            {
                _held = null;
                Send(held.Data, held.Copies, held.Socket, held.Target);
            }
        }
    }

    private void SendLate(Held late)
    {
        lock (_lock)
        {
            Send(late.Data, late.Copies, late.Socket, late.Target);
        }
    }

    private void Send(ReadOnlySpan<byte> data, int copies, Socket socket, IPEndPoint target)
    {
        for (int i = 0; i < copies; i++)
        {
            try
            {
                socket.SendTo(data, SocketFlags.None, UdpSockets.Target(socket, target));
                Count(ref _counters.Forwarded, "forwarded");
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // The relay is stopping, or the kernel refused: the datagram is lost, as on a real link.
                Count(ref _counters.SendFailures, "send_failed");
            }
        }
    }

    private void Count(ref long counter, string action)
    {
        Interlocked.Increment(ref counter);
        UdpMetrics.Relayed.Add(1, UdpMetrics.Owner(_relay), new("direction", _direction), new("action", action));
    }

    private sealed record Held(byte[] Data, int Copies, Socket Socket, IPEndPoint Target);
}
