using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Reliable.Internal;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Sockets.Reliable;

/// <summary>
/// The receiving side of reliable UDP: acknowledges every data packet (cumulative plus SACK),
/// suppresses duplicates, and delivers each session's messages complete and in order to
/// <see cref="ReceiveAsync"/>. Malformed datagrams are counted and dropped, never answered.
/// <para>
/// Restart: each start draws a random epoch that every ACK carries. A sender that heard epoch A and
/// then gets an ACK with epoch B knows the listener restarted and lost the transfer's state, and
/// fails with <see cref="ReliableUdpErrorKind.PeerRestarted"/> saying how many messages were
/// acknowledged. A data packet stamped with another epoch opens no session here: it gets an ACK with
/// this epoch (so the sender learns at once) and is counted as stale. Messages delivered before the
/// restart stay delivered; a sender that never heard any ACK simply starts over with the new one.
/// </para>
/// </summary>
public sealed class ReliableUdpListener : UdpService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);
    private readonly ReliableUdpListenerOptions _options;
    private readonly Dictionary<(IPEndPoint Remote, uint Session), ReceiveSession> _sessions = new();
    private readonly Channel<ReliableUdpMessage> _inbox;
    private readonly ByteBudget _budget;
    private readonly byte[] _ackBuffer = new byte[ReliablePacket.AckHeaderSize + (ReliablePacket.MaxSackBlocks * 8)];
    private readonly Action<ReliableUdpMessage> _deliver;
    private readonly long _idleTicks;
    private long _lastSweep;
    private long _delivered;
    private long _accepted;
    private long _duplicates;
    private long _outOfWindow;
    private long _malformed;
    private long _stale;
    private long _rejected;
    private long _inboxDropped;
    private long _sessionsStarted;
    private int _activeSessions;

    private ReliableUdpListener(ReliableUdpListenerOptions options)
        : base("ReliableUdpListener", options.Name, options.LocalEndPoint, options.Buffers)
    {
        _options = options;
        Epoch = (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);
        _budget = new ByteBudget(options.MaxBufferedBytes);
        _idleTicks = (long)(options.SessionIdleTimeout.TotalSeconds * Stopwatch.Frequency);
        _inbox = Channel.CreateBounded<ReliableUdpMessage>(
            new BoundedChannelOptions(options.InboxCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true },
            _ => Interlocked.Increment(ref _inboxDropped));
        _deliver = Deliver;
    }

    /// <summary>This incarnation's random id, carried by every ACK.</summary>
    public uint Epoch { get; }

    /// <summary>Messages delivered complete and in order.</summary>
    public long MessagesDelivered => Interlocked.Read(ref _delivered);

    /// <summary>Messages waiting in the inbox.</summary>
    public int MessagesWaiting => _inbox.Reader.Count;

    /// <summary>Data packets accepted the first time.</summary>
    public long PacketsAccepted => Interlocked.Read(ref _accepted);

    /// <summary>Data packets already held or delivered (retransmissions, duplicates): suppressed, re-acknowledged.</summary>
    public long DuplicatePackets => Interlocked.Read(ref _duplicates);

    /// <summary>Data packets beyond the receive window or the byte budget: dropped.</summary>
    public long OutOfWindowPackets => Interlocked.Read(ref _outOfWindow);

    /// <summary>Datagrams that are not well-formed data packets, or break a message's fragment order: dropped.</summary>
    public long MalformedPackets => Interlocked.Read(ref _malformed);

    /// <summary>Data packets stamped with another epoch (a sender of a previous incarnation): answered with this epoch.</summary>
    public long StalePackets => Interlocked.Read(ref _stale);

    /// <summary>Packets of new sessions ignored because MaxSessions were open.</summary>
    public long RejectedPackets => Interlocked.Read(ref _rejected);

    /// <summary>Delivered messages discarded because nobody read the full inbox.</summary>
    public long InboxDropped => Interlocked.Read(ref _inboxDropped);

    /// <summary>Sessions opened since the start.</summary>
    public long SessionsStarted => Interlocked.Read(ref _sessionsStarted);

    /// <summary>Sessions open now.</summary>
    public int ActiveSessions => Volatile.Read(ref _activeSessions);

    /// <summary>Binds and starts; throws <see cref="SocketsException"/> when the bind fails.</summary>
    public static ReliableUdpListener Start(ReliableUdpListenerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var listener = new ReliableUdpListener(options);
        listener.StartLoop();
        return listener;
    }

    /// <summary>The next delivered message; waits until one arrives, the token is cancelled, or the listener stops (then ChannelClosedException).</summary>
    public ValueTask<ReliableUdpMessage> ReceiveAsync(CancellationToken cancellationToken = default) => _inbox.Reader.ReadAsync(cancellationToken);

    /// <summary>A delivered message if one is waiting.</summary>
    public bool TryReceive(out ReliableUdpMessage? message) => _inbox.Reader.TryRead(out message);

    /// <inheritdoc />
    protected override async ValueTask OnDatagramAsync(ReadOnlyMemory<byte> data, IPEndPoint remote, CancellationToken cancellationToken)
    {
        long now = Stopwatch.GetTimestamp();
        SweepIdle(now);
        if (!ReliablePacket.TryReadData(data.Span, out DataPacket packet, out _))
        {
            Count(ref _malformed, "malformed");
            return;
        }

        if (packet.Epoch != 0 && packet.Epoch != Epoch)
        {
            Count(ref _stale, "stale_epoch");
            await AckAsync(remote, packet.Session, 0, Array.Empty<SackBlock>(), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!_sessions.TryGetValue((remote, packet.Session), out ReceiveSession? session))
        {
            if (_sessions.Count >= _options.MaxSessions)
            {
                Count(ref _rejected, "rejected");
                return;
            }

            session = new ReceiveSession(remote, packet.Session, _options.ReceiveWindow, _options.MaxMessageSize, _budget);
            _sessions.Add((remote, packet.Session), session);
            Interlocked.Increment(ref _sessionsStarted);
            Interlocked.Increment(ref _activeSessions);
        }

        session.LastActivity = now;
        ReceiveOutcome outcome = session.Accept(packet, data.Span[ReliablePacket.DataHeaderSize..], _deliver);
        switch (outcome)
        {
            case ReceiveOutcome.New:
                Count(ref _accepted, "new");
                break;
            case ReceiveOutcome.Duplicate:
                Count(ref _duplicates, "duplicate");
                break;
            case ReceiveOutcome.Malformed:
                Count(ref _malformed, "malformed");
                break;
            default:
                Count(ref _outOfWindow, "out_of_window");
                break;
        }

        await AckAsync(remote, session.Id, session.Cumulative, session.SackBlocks(packet.Sequence), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override Task OnStoppedAsync()
    {
        foreach (ReceiveSession session in _sessions.Values)
        {
            session.Release();
        }

        _sessions.Clear();
        Volatile.Write(ref _activeSessions, 0);
        _inbox.Writer.TryComplete();
        return Task.CompletedTask;
    }

    private ValueTask<bool> AckAsync(IPEndPoint remote, uint session, uint cumulative, IReadOnlyList<SackBlock> blocks, CancellationToken cancellationToken)
    {
        int length = ReliablePacket.WriteAck(_ackBuffer, session, Epoch, cumulative, (ushort)Math.Min(_options.ReceiveWindow, ushort.MaxValue), blocks);
        return ReplyAsync(_ackBuffer.AsMemory(0, length), remote, cancellationToken);
    }

    private void Deliver(ReliableUdpMessage message)
    {
        _inbox.Writer.TryWrite(message);
        Interlocked.Increment(ref _delivered);
        ReliableMetrics.MessagesDelivered.Add(1, ReliableMetrics.Listener(Name));
    }

    private void Count(ref long counter, string outcome)
    {
        Interlocked.Increment(ref counter);
        ReliableMetrics.PacketsReceived.Add(1, ReliableMetrics.Listener(Name), ReliableMetrics.Outcome(outcome));
    }

    private void SweepIdle(long now)
    {
        if (now - _lastSweep < SweepInterval.TotalSeconds * Stopwatch.Frequency)
        {
            return;
        }

        _lastSweep = now;
        var idle = new List<(IPEndPoint, uint)>();
        foreach (KeyValuePair<(IPEndPoint Remote, uint Session), ReceiveSession> entry in _sessions)
        {
            if (now - entry.Value.LastActivity > _idleTicks)
            {
                entry.Value.Release();
                idle.Add(entry.Key);
            }
        }

        foreach ((IPEndPoint, uint) key in idle)
        {
            _sessions.Remove(key);
            Interlocked.Decrement(ref _activeSessions);
        }
    }
}
