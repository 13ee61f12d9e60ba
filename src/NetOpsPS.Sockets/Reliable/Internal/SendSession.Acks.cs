using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Sockets.Reliable.Internal;

/// <summary>ACK processing, loss detection and the retransmission timer.</summary>
internal sealed partial class SendSession
{
    private void Apply(AckPacket ack, long now)
    {
        if (_epoch == 0)
        {
            _epoch = ack.Epoch;
        }
        else if (ack.Epoch != _epoch)
        {
            throw new ReliableUdpException(
                ReliableUdpErrorKind.PeerRestarted,
                $"The listener at {_remote} restarted mid-transfer (epoch {_epoch:x8} became {ack.Epoch:x8}) and lost this transfer's state; "
                + $"{MessagesAcknowledged()} of {_result.Messages} messages were acknowledged before. Send the rest as a new transfer.",
                Snapshot());
        }

        if (ack.Cumulative > (uint)_next)
        {
            // Acknowledges packets never sent: not of this transfer.
            Interlocked.Increment(ref _invalidAcks);
            return;
        }

        _result.AcksReceived++;
        _peerWindow = Math.Max(1, (int)ack.Window);
        long newest = -1;
        int newestSequence = -1;
        int cumulative = (int)ack.Cumulative;
        for (int s = _base; s < cumulative; s++)
        {
            MarkAcked(s, ref newest, ref newestSequence);
        }

        bool advanced = cumulative > _base;
        _base = Math.Max(_base, cumulative);
        foreach (SackBlock block in ack.Blocks)
        {
            int end = (int)Math.Min(block.End, (uint)_next);
            for (int s = Math.Max(_base, (int)block.Start); s < end; s++)
            {
                MarkAcked(s, ref newest, ref newestSequence);
            }
        }

        if (!advanced)
        {
            _result.DuplicateAcks++;
        }

        if (newestSequence >= 0)
        {
            _largestAckedTx = Math.Max(_largestAckedTx, newest);
            // Karn's rule (RFC 6298 section 3): only a packet sent once gives an unambiguous sample;
            // the most recently sent packet of the ACK, so a hole's wait is not counted as RTT.
            if (_transmissions[newestSequence] == 1)
            {
                TimeSpan rtt = Stopwatch.GetElapsedTime(_firstSent[newestSequence], now);
                _rto.Sample(rtt);
                ReliableMetrics.Rtt.Record(rtt.TotalMilliseconds);
            }
        }
    }

    private void MarkAcked(int sequence, ref long newest, ref int newestSequence)
    {
        if (_acked[sequence])
        {
            return;
        }

        _acked[sequence] = true;
        if (_txOrder[sequence] > newest)
        {
            newest = _txOrder[sequence];
            newestSequence = sequence;
        }
    }

    /// <summary>
    /// Fast retransmit: a hole is lost once DuplicateAckThreshold packets sent after its last
    /// transmission were acknowledged (the duplicate ACKs of RFC 5681 3.2, counted per hole as in
    /// RFC 6675 IsLost and RFC 9002 6.1.1, so a lost retransmission is caught the same way).
    /// </summary>
    private void RetransmitLost()
    {
        for (int s = _base; s < _next; s++)
        {
            if (!_acked[s] && _largestAckedTx - _txOrder[s] >= _options.DuplicateAckThreshold)
            {
                CheckRetries(s, "duplicate ACKs");
                Transmit(s, "fast_retransmit");
                _result.Retransmissions++;
                _result.FastRetransmits++;
            }
        }
    }

    /// <summary>The RTO (RFC 6298 5.4-5.6): retransmit what waited a full RTO, then back the timer off once.</summary>
    private void RetransmitExpired(long now)
    {
        long rto = (long)(_rto.Rto.TotalSeconds * Stopwatch.Frequency);
        bool expired = false;
        for (int s = _base; s < _next; s++)
        {
            if (!_acked[s] && now - _lastSent[s] >= rto)
            {
                CheckRetries(s, "timeouts");
                Transmit(s, "timeout");
                _result.Retransmissions++;
                _result.Timeouts++;
                expired = true;
            }
        }

        if (expired)
        {
            _rto.Backoff();
        }
    }

    private void CheckRetries(int sequence, string cause)
    {
        int retries = _transmissions[sequence] - 1;
        if (retries >= _options.MaxRetries)
        {
            long now = Stopwatch.GetTimestamp();
            throw new ReliableUdpException(
                ReliableUdpErrorKind.RetriesExhausted,
                $"Packet {sequence} was not acknowledged by {_remote} after {retries} retransmissions ({Stopwatch.GetElapsedTime(_firstSent[sequence], now).TotalSeconds:0.###} s, last cause {cause}, RTO now {_rto.Rto.TotalMilliseconds:0} ms): "
                + $"the listener is down, silent or unreachable. {MessagesAcknowledged()} of {_result.Messages} messages were acknowledged.",
                Snapshot());
        }
    }

    private async Task ReceiveAcksAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[UdpChannelOptions.MaxPayload + 1];
        EndPoint any = UdpSockets.AnyOf(_socket);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex) when (UdpSockets.IsIcmpEcho(ex))
            {
                continue;
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (!UdpSockets.Normalize((IPEndPoint)received.RemoteEndPoint).Equals(_remote)
                || !ReliablePacket.TryReadAck(buffer.AsSpan(0, received.ReceivedBytes), out AckPacket ack, out _)
                || ack.Session != _session
                || ack.Epoch == 0)
            {
                Interlocked.Increment(ref _invalidAcks);
                continue;
            }

            _acks.Writer.TryWrite(ack);
        }
    }
}
