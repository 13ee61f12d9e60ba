using System;
using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Text;
using System.Threading;

namespace NetOpsPS.Sockets.Server.Internal;

/// <summary>Timeouts and the application heartbeat of a server connection, checked on the server's tick.</summary>
internal sealed partial class ServerConnection
{
    private static readonly byte[] PingPrefix = "PING "u8.ToArray();
    private static readonly byte[] PongPrefix = "PONG "u8.ToArray();

    private long _lastActivity;
    private long _partialFrameSince;
    private long _sendingSince;
    private long _lastPingSent;
    private long _outstandingPing;
    private int _missedHeartbeats;
    private long _lastRttTicks = -1;

    private TimeSpan? LastRtt
    {
        get
        {
            long ticks = Interlocked.Read(ref _lastRttTicks);
            return ticks < 0 ? null : TimeSpan.FromTicks(ticks);
        }
    }

    /// <summary>Checks the deadlines of this connection at <paramref name="now"/> (Environment.TickCount64).</summary>
    public void OnTick(long now)
    {
        if (_state.State is not (TcpConnectionState.Handshaking or TcpConnectionState.Active))
        {
            return;
        }

        TcpServerOptions options = _server.Options;
        if (Expired(options.IdleTimeout, Volatile.Read(ref _lastActivity), now))
        {
            Abort(CloseKind.IdleTimeout, $"idle: no traffic for {options.IdleTimeout.TotalSeconds:0.###} s");
            return;
        }

        if (Expired(options.ReadTimeout, Volatile.Read(ref _partialFrameSince), now))
        {
            Abort(CloseKind.ReadTimeout, $"read timeout: a frame was not complete {options.ReadTimeout.TotalSeconds:0.###} s after its first byte (slow sender)");
            return;
        }

        if (Expired(options.WriteTimeout, Volatile.Read(ref _sendingSince), now))
        {
            Abort(CloseKind.WriteTimeout, $"write timeout: a send blocked for {options.WriteTimeout.TotalSeconds:0.###} s (the client is not reading)");
            return;
        }

        if (options.Heartbeat is { } heartbeat && _state.State == TcpConnectionState.Active
            && now - Volatile.Read(ref _lastPingSent) >= (long)heartbeat.Interval.TotalMilliseconds)
        {
            Beat(heartbeat, now);
        }
    }

    private static bool Expired(TimeSpan limit, long since, long now) =>
        limit > TimeSpan.Zero && since != 0 && now - since > (long)limit.TotalMilliseconds;

    private void Beat(TcpHeartbeatOptions heartbeat, long now)
    {
        if (Interlocked.Read(ref _outstandingPing) != 0 && Interlocked.Increment(ref _missedHeartbeats) >= heartbeat.MissedLimit)
        {
            Abort(CloseKind.Heartbeat, $"heartbeat: {heartbeat.MissedLimit} pings in a row without a PONG");
            return;
        }

        long stamp = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref _outstandingPing, stamp);
        Volatile.Write(ref _lastPingSent, now);
        if (!SendControl(PingPrefix, stamp))
        {
            Abort(CloseKind.Error, "connection lost: the heartbeat could not be sent");
        }
    }

    /// <summary>PONG answers our ping (RTT); PING from the client is answered. Neither reaches the handler.</summary>
    private bool TryHandleHeartbeat(in ReadOnlySequence<byte> frame)
    {
        if (frame.Length is < 6 or > 64)
        {
            return false;
        }

        Span<byte> text = stackalloc byte[(int)frame.Length];
        frame.CopyTo(text);
        text = text.TrimEnd("\r\n"u8);
        bool isPong = text.StartsWith(PongPrefix);
        if (!(isPong || text.StartsWith(PingPrefix)) || !Utf8Parser.TryParse(text[5..], out long number, out int used) || used != text.Length - 5)
        {
            return false;
        }

        if (!isPong)
        {
            // Answered in order with the replies of the same read.
            _encoder.Encode(ControlFrame(PongPrefix, number), _replies!);
            return true;
        }

        // Any PONG for a ping we sent proves the peer alive, even one that arrives after the next PING
        // went out on a slow link: stamps only grow, so "not newer than the outstanding one" means ours.
        long outstanding = Interlocked.Read(ref _outstandingPing);
        if (number > 0 && outstanding > 0 && number <= outstanding)
        {
            Interlocked.CompareExchange(ref _outstandingPing, 0, number);
            TimeSpan rtt = Stopwatch.GetElapsedTime(number);
            Interlocked.Exchange(ref _lastRttTicks, rtt.Ticks);
            Interlocked.Exchange(ref _missedHeartbeats, 0);
            ServerMetrics.HeartbeatRtt.Record(rtt.TotalMilliseconds, ServerMetrics.Server(_server.Name));
        }

        return true;
    }

    /// <summary>Sends a heartbeat frame from the tick, behind any bytes still waiting to go.</summary>
    private bool SendControl(byte[] prefix, long number)
    {
        var frame = new ArrayBufferWriter<byte>(32);
        _encoder.Encode(ControlFrame(prefix, number), frame);
        return Send(frame.WrittenSpan);
    }

    private static byte[] ControlFrame(byte[] prefix, long number) =>
        Encoding.ASCII.GetBytes($"{Encoding.ASCII.GetString(prefix)}{number}");

    private void Touch() => Volatile.Write(ref _lastActivity, Environment.TickCount64);

    private void MarkPartialFrame(bool partial)
    {
        if (!partial)
        {
            Volatile.Write(ref _partialFrameSince, 0);
        }
        else if (Volatile.Read(ref _partialFrameSince) == 0)
        {
            Volatile.Write(ref _partialFrameSince, Environment.TickCount64);
        }
    }

    private void MarkSending(bool sending) => Volatile.Write(ref _sendingSince, sending ? Environment.TickCount64 : 0);
}
