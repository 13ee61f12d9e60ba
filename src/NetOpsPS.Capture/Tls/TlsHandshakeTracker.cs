using System;
using System.Collections.Generic;
using System.Net;

namespace NetOpsPS.Capture.Tls;

/// <summary>
/// Follows TCP connections segment by segment, reassembles the start of each direction, and reports one
/// <see cref="TlsHandshake"/> per connection that opened with a ClientHello: as soon as the ServerHello is
/// in, when the connection closes, when it is pushed out by the flow bound, or at <see cref="Flush"/>.
/// Not thread-safe: one tracker per packet source.
/// </summary>
public sealed class TlsHandshakeTracker
{
    private readonly TlsTrackerOptions _options;
    private readonly Dictionary<FlowKey, TlsConnection> _flows = [];
    private readonly LinkedList<TlsConnection> _byActivity = new();

    // Connections that are done (reported, or not TLS): their later segments are skipped without a lookup of state.
    private readonly HashSet<FlowKey> _finished = [];
    private long _bufferedBytes;

    /// <summary>Creates a tracker with the given bounds (or the defaults).</summary>
    public TlsHandshakeTracker(TlsTrackerOptions? options = null)
    {
        _options = options ?? new TlsTrackerOptions();
    }

    /// <summary>Bytes the followed connections hold now (bounded by MaxBufferedBytes).</summary>
    public long BufferedBytes => _bufferedBytes;

    /// <summary>Connections pushed out by the MaxFlows or MaxBufferedBytes bound before they finished.</summary>
    public long EvictedFlows { get; private set; }

    /// <summary>Connections that ended without a ClientHello: not TLS, or the capture missed their start.</summary>
    public long FlowsWithoutClientHello { get; private set; }

    /// <summary>Connections being followed now.</summary>
    public int ActiveFlows => _flows.Count;

    /// <summary>Adds a captured packet; packets that are not TCP over IP are ignored.</summary>
    public IReadOnlyList<TlsHandshake> Add(CapturedPacket packet) =>
        TcpStreamSegment.FromPacket(packet) is { } segment ? Add(segment) : [];

    /// <summary>Adds one segment; returns the handshakes it finished (usually none).</summary>
    public IReadOnlyList<TlsHandshake> Add(in TcpStreamSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment.Source);
        ArgumentNullException.ThrowIfNull(segment.Destination);
        var key = FlowKey.Of(segment);
        if (_finished.Contains(key))
        {
            if ((segment.Flags & TcpFlags.Syn) != 0 && (segment.Flags & TcpFlags.Ack) == 0)
            {
                _finished.Remove(key); // the same 4-tuple reused for a new connection
            }
            else
            {
                return [];
            }
        }

        List<TlsHandshake>? done = null;
        if (!_flows.TryGetValue(key, out var connection))
        {
            if (segment.Payload.IsEmpty && (segment.Flags & TcpFlags.Syn) == 0)
            {
                return []; // a bare ACK/FIN of a connection we never saw start
            }

            connection = new TlsConnection(segment.Source, segment.SourcePort, _options.MaxHelloBytes);
            _flows.Add(key, connection);
            connection.Node = _byActivity.AddLast(connection);
            connection.Key = key;
            if (_flows.Count > _options.MaxFlows)
            {
                Evict(ref done);
            }
        }
        else
        {
            _byActivity.Remove(connection.Node!);
            _byActivity.AddLast(connection.Node!);
        }

        var outcome = connection.Add(segment);
        _bufferedBytes += connection.BufferedBytes - connection.AccountedBytes;
        connection.AccountedBytes = connection.BufferedBytes;
        if (outcome == TlsConnection.Outcome.NotTls)
        {
            FlowsWithoutClientHello++;
            Finish(connection, report: false, ref done);
        }
        else if (outcome == TlsConnection.Outcome.Done)
        {
            Finish(connection, report: true, ref done);
        }

        // The byte budget: many connections each holding part of a large hello push the oldest out.
        while (_bufferedBytes > _options.MaxBufferedBytes && _byActivity.First is { } oldest && oldest.Value != connection)
        {
            Evict(ref done);
        }

        return done ?? (IReadOnlyList<TlsHandshake>)[];
    }

    /// <summary>End of input: reports every connection still open that carried a ClientHello, and forgets them all.</summary>
    public IReadOnlyList<TlsHandshake> Flush()
    {
        List<TlsHandshake>? done = null;
        while (_byActivity.First is { } oldest)
        {
            Finish(oldest.Value, report: true, ref done);
        }

        _finished.Clear();
        return done ?? (IReadOnlyList<TlsHandshake>)[];
    }

    private void Evict(ref List<TlsHandshake>? done)
    {
        EvictedFlows++;
        Finish(_byActivity.First!.Value, report: true, ref done);
    }

    private void Finish(TlsConnection connection, bool report, ref List<TlsHandshake>? done)
    {
        _bufferedBytes -= connection.AccountedBytes;
        connection.AccountedBytes = 0;
        _flows.Remove(connection.Key);
        _byActivity.Remove(connection.Node!);
        if (_finished.Count >= _options.MaxFlows)
        {
            _finished.Clear(); // bounded too; a forgotten connection only costs a rescan of its next segment
        }

        _finished.Add(connection.Key);
        if (!report)
        {
            return;
        }

        if (connection.ToHandshake() is { } handshake)
        {
            (done ??= []).Add(handshake);
        }
        else
        {
            FlowsWithoutClientHello++;
        }
    }

    /// <summary>Both directions of a connection map to one key: the lower endpoint first.</summary>
    internal readonly record struct FlowKey(IPAddress LowAddress, int LowPort, IPAddress HighAddress, int HighPort)
    {
        public static FlowKey Of(in TcpStreamSegment segment)
        {
            int order = EndpointOrder.Compare(segment.Source, segment.SourcePort, segment.Destination, segment.DestinationPort);
            return order <= 0
                ? new FlowKey(segment.Source, segment.SourcePort, segment.Destination, segment.DestinationPort)
                : new FlowKey(segment.Destination, segment.DestinationPort, segment.Source, segment.SourcePort);
        }
    }
}
