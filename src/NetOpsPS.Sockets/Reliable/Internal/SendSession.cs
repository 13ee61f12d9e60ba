using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Sockets.Reliable.Internal;

/// <summary>
/// One transfer's sending side. A single loop owns all state: it fills the window, waits for an ACK
/// or the earliest retransmission deadline, applies ACKs, and retransmits. A second task only reads
/// the socket and queues parsed ACKs of this session.
/// </summary>
internal sealed partial class SendSession : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly IPEndPoint _remote;
    private readonly IPEndPoint _target;
    private readonly FragmentTable _table;
    private readonly ReliableUdpOptions _options;
    private readonly IProgress<ReliableUdpProgress>? _progress;
    private readonly RtoEstimator _rto;
    private readonly Channel<AckPacket> _acks = Channel.CreateUnbounded<AckPacket>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _receiveStop = new();
    private readonly byte[] _sendBuffer;
    private readonly long[] _firstSent;
    private readonly long[] _lastSent;
    private readonly long[] _txOrder;
    private readonly int[] _transmissions;
    private readonly bool[] _acked;
    private readonly ReliableUdpTransferResult _result;
    private readonly uint _session;
    private Task _receiver = Task.CompletedTask;
    private uint _epoch;
    private int _base;
    private int _next;
    private int _peerWindow;
    private long _txCounter;
    private long _largestAckedTx = -1;
    private long _invalidAcks;
    private long _lastProgress;
    private long _started;

    public SendSession(IPEndPoint remote, FragmentTable table, ReliableUdpOptions options, IProgress<ReliableUdpProgress>? progress)
    {
        _remote = UdpSockets.Normalize(remote);
        _table = table;
        _options = options;
        _progress = progress;
        _rto = new RtoEstimator(options.InitialRto, options.MinRto, options.MaxRto);
        _socket = UdpSockets.Bind(UdpSockets.AnyFor(remote), options.Buffers, out IReadOnlyList<UdpBufferGrant> grants);
        _target = UdpSockets.Target(_socket, remote);
        _sendBuffer = new byte[options.MaxDatagramSize];
        int packets = table.Packets;
        _firstSent = new long[packets];
        _lastSent = new long[packets];
        _txOrder = new long[packets];
        _transmissions = new int[packets];
        _acked = new bool[packets];
        _peerWindow = options.Window;
        _session = (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);
        _result = new ReliableUdpTransferResult
        {
            RemoteEndPoint = _remote,
            LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!,
            SessionId = _session,
            Bytes = table.Bytes,
            DataPackets = packets,
            Window = options.Window,
            BufferGrants = grants,
        };
    }

    public async Task<ReliableUdpTransferResult> RunAsync(int messages, CancellationToken cancellationToken)
    {
        _result.Messages = messages;
        _started = Stopwatch.GetTimestamp();
        _receiver = Task.Run(() => ReceiveAcksAsync(_receiveStop.Token), CancellationToken.None);
        try
        {
            while (true)
            {
                FillWindow();
                if (_base == _table.Packets)
                {
                    break;
                }

                await WaitForAckAsync(cancellationToken).ConfigureAwait(false);
                while (_acks.Reader.TryRead(out AckPacket ack))
                {
                    Apply(ack, Stopwatch.GetTimestamp());
                }

                RetransmitLost();
                RetransmitExpired(Stopwatch.GetTimestamp());
                ReportProgress(force: false);
            }

            ReportProgress(force: true);
            ReliableMetrics.Transfers.Add(1, ReliableMetrics.Outcome("completed"));
            return Snapshot();
        }
        catch (ReliableUdpException ex)
        {
            ReliableMetrics.Transfers.Add(1, ReliableMetrics.Outcome(ex.Kind.ToString()));
            Snapshot();
            throw;
        }
        catch (OperationCanceledException)
        {
            ReliableMetrics.Transfers.Add(1, ReliableMetrics.Outcome("cancelled"));
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _receiveStop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _receiver.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _receiveStop.Dispose();
    }

    private void FillWindow()
    {
        int window = Math.Min(_options.Window, _peerWindow);
        while (_next < _table.Packets && _next - _base < window)
        {
            Transmit(_next++, "new");
        }

        _result.PeakInFlight = Math.Max(_result.PeakInFlight, _next - _base);
    }

    private async Task WaitForAckAsync(CancellationToken cancellationToken)
    {
        if (_acks.Reader.TryPeek(out _))
        {
            return;
        }

        TimeSpan wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), EarliestDeadline());
        if (wait <= TimeSpan.Zero)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(wait);
        try
        {
            await _acks.Reader.WaitToReadAsync(timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The retransmission deadline came first.
        }
    }

    private long EarliestDeadline()
    {
        long earliest = long.MaxValue;
        for (int s = _base; s < _next; s++)
        {
            if (!_acked[s] && _lastSent[s] < earliest)
            {
                earliest = _lastSent[s];
            }
        }

        return earliest == long.MaxValue ? Stopwatch.GetTimestamp() : earliest + (long)(_rto.Rto.TotalSeconds * Stopwatch.Frequency);
    }

    private void Transmit(int sequence, string kind)
    {
        int length = ReliablePacket.WriteData(_sendBuffer, _session, _epoch, (uint)sequence, _table.Index[sequence], _table.Count[sequence], _table.Payload[sequence].Span);
        long now = Stopwatch.GetTimestamp();
        try
        {
            _socket.SendTo(_sendBuffer.AsSpan(0, length), SocketFlags.None, _target);
        }
        catch (SocketException ex) when (UdpSockets.IsIcmpEcho(ex))
        {
            // An earlier datagram's ICMP error: this one counts as sent and lost.
        }
        catch (SocketException ex)
        {
            throw new ReliableUdpException(ReliableUdpErrorKind.Socket, $"Sending to {_remote} failed: {ex.Message}", _result, ex);
        }

        if (_transmissions[sequence] == 0)
        {
            _firstSent[sequence] = now;
        }

        _transmissions[sequence]++;
        _lastSent[sequence] = now;
        _txOrder[sequence] = _txCounter++;
        _result.PacketsSent++;
        ReliableMetrics.PacketsSent.Add(1, ReliableMetrics.Kind(kind));
    }

    private void ReportProgress(bool force)
    {
        long now = Stopwatch.GetTimestamp();
        if (_progress is null || (!force && Stopwatch.GetElapsedTime(_lastProgress, now) < TimeSpan.FromMilliseconds(100)))
        {
            return;
        }

        _lastProgress = now;
        _progress.Report(new ReliableUdpProgress(MessagesAcknowledged(), _result.Messages, _result.Retransmissions));
    }

    private int MessagesAcknowledged()
    {
        // MessageEnd ascends strictly (a message takes at least one packet): count the ends at or below the cumulative point.
        int index = Array.BinarySearch(_table.MessageEnd, _base);
        return index >= 0 ? index + 1 : ~index;
    }

    private ReliableUdpTransferResult Snapshot()
    {
        _result.Duration = Stopwatch.GetElapsedTime(_started);
        _result.Epoch = _epoch;
        _result.MessagesAcknowledged = MessagesAcknowledged();
        _result.AcknowledgedBytes = AcknowledgedBytes();
        _result.SmoothedRtt = _rto.SmoothedRtt;
        _result.RttVariation = _rto.RttVariance;
        _result.Rto = _rto.Rto;
        _result.PeerWindow = _peerWindow;
        _result.InvalidAcks = Interlocked.Read(ref _invalidAcks);
        return _result;
    }

    private long AcknowledgedBytes()
    {
        long bytes = 0;
        for (int s = 0; s < _base; s++)
        {
            bytes += _table.Payload[s].Length;
        }

        return bytes;
    }
}
