using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.Client.Internal;

/// <summary>
/// Our own heartbeat: a <c>PING &lt;n&gt;</c> every interval; the <c>PONG &lt;n&gt;</c> that answers the latest one gives
/// the round trip. A ping still unanswered at the next tick is a missed beat; enough of them in a row and the
/// connection is judged dead (a server that hangs without closing would otherwise hold the session forever).
/// </summary>
internal sealed partial class ClientConnection
{
    private long _pingSequence;
    private long _pingOutstanding;
    private long _pingSentAt;
    private int _missedHeartbeats;

    public int MissedHeartbeats => Volatile.Read(ref _missedHeartbeats);

    private async Task HeartbeatLoopAsync()
    {
        CancellationToken token = _abort.Token;
        using var timer = new PeriodicTimer(_options.HeartbeatInterval, _options.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                if (Volatile.Read(ref _pingOutstanding) != 0)
                {
                    int missed = Interlocked.Increment(ref _missedHeartbeats);
                    if (missed >= _options.MaxMissedHeartbeats)
                    {
                        End(TcpClientErrorKind.HeartbeatMissed, $"{missed} heartbeats in a row went unanswered");
                        return;
                    }
                }

                long sequence = Interlocked.Increment(ref _pingSequence);
                Volatile.Write(ref _pingSentAt, _options.TimeProvider.GetTimestamp());
                Volatile.Write(ref _pingOutstanding, sequence);
                await SendAsync(HeartbeatFrame.Ping(sequence), token).ConfigureAwait(false);
                _counters.HeartbeatSent();
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended.
        }
        catch (TcpClientSessionException)
        {
            // The send path has ended the connection and said why.
        }
    }

    /// <summary>A PONG answering one of our pings is ours (late ones too); any other frame is the caller's.</summary>
    private bool IsPongOfOurs(in ReadOnlySequence<byte> frame)
    {
        long sent = Volatile.Read(ref _pingSequence);
        if (sent == 0 || !HeartbeatFrame.TryParsePong(frame, out long sequence) || sequence < 1 || sequence > sent)
        {
            return false;
        }

        if (Interlocked.CompareExchange(ref _pingOutstanding, 0, sequence) == sequence)
        {
            _counters.Rtt(_options.TimeProvider.GetElapsedTime(Volatile.Read(ref _pingSentAt)));
            Volatile.Write(ref _missedHeartbeats, 0);
        }

        return true;
    }
}
