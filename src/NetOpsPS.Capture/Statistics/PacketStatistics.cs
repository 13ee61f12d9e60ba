using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace NetOpsPS.Capture.Statistics;

/// <summary>
/// Accumulates protocol hierarchy, conversations, endpoints and per-second rates over a stream of packets in
/// one pass, with memory bounded by the number of distinct protocols, conversations, addresses and seconds.
/// Bytes are wire lengths (frame.len), as tshark counts them.
/// </summary>
public sealed class PacketStatistics
{
    private readonly Dictionary<string, (int Depth, long Packets, long Bytes)> _hierarchy = new(StringComparer.Ordinal);
    private readonly List<string> _hierarchyOrder = new();
    private readonly Dictionary<ConversationKey, ConversationCounts> _conversations = new();
    private readonly Dictionary<IPAddress, long[]> _endpoints = new();
    private readonly SortedDictionary<long, (long Packets, long Bytes)> _seconds = new();

    /// <summary>Packets added.</summary>
    public long Packets { get; private set; }

    /// <summary>Wire bytes added.</summary>
    public long Bytes { get; private set; }

    /// <summary>Counts one packet in every view.</summary>
    public void Add(CapturedPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        Packets++;
        Bytes += packet.Length;
        AddHierarchy(packet);
        AddSecond(packet);
        if (packet.SourceAddress is IPAddress source && packet.DestinationAddress is IPAddress destination)
        {
            AddEndpoint(source, packet.Length, sent: true);
            AddEndpoint(destination, packet.Length, sent: false);
            AddConversation(packet, source, destination);
        }
    }

    /// <summary>The hierarchy, parents before children, in order of first appearance.</summary>
    public IReadOnlyList<ProtocolHierarchyEntry> ProtocolHierarchy() =>
        _hierarchyOrder
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path =>
            {
                var (depth, packets, bytes) = _hierarchy[path];
                return new ProtocolHierarchyEntry(path[(path.LastIndexOf(':') + 1)..], path, depth, packets, bytes, Packets == 0 ? 0 : Math.Round(100.0 * packets / Packets, 2));
            })
            .ToList();

    /// <summary>Conversations, most bytes first.</summary>
    public IReadOnlyList<ConversationStatistic> Conversations() =>
        _conversations
            .Select(c => new ConversationStatistic(
                c.Key.Protocol, c.Key.A, c.Key.PortA, c.Key.B, c.Key.PortB,
                c.Value.PacketsAToB, c.Value.BytesAToB, c.Value.PacketsBToA, c.Value.BytesBToA,
                DateTime.UnixEpoch.AddTicks(c.Value.FirstNanos / 100), TimeSpan.FromTicks((c.Value.LastNanos - c.Value.FirstNanos) / 100)))
            .OrderByDescending(c => c.Bytes).ThenByDescending(c => c.Packets)
            .ToList();

    /// <summary>Endpoints (top talkers), most bytes first.</summary>
    public IReadOnlyList<EndpointStatistic> Endpoints() =>
        _endpoints
            .Select(e => new EndpointStatistic(e.Key, e.Value[0], e.Value[1], e.Value[2], e.Value[3]))
            .OrderByDescending(e => e.Bytes).ThenByDescending(e => e.Packets)
            .ToList();

    /// <summary>One sample per second that saw traffic, in time order.</summary>
    public IReadOnlyList<PacketRateSample> Rates() =>
        _seconds.Select(s => new PacketRateSample(DateTime.UnixEpoch.AddSeconds(s.Key), s.Value.Packets, s.Value.Bytes)).ToList();

    private void AddHierarchy(CapturedPacket packet)
    {
        string path = packet.LinkType switch
        {
            LinkType.Ethernet => "eth",
            LinkType.LinuxSll => "sll",
            LinkType.LinuxSll2 => "sll2",
            LinkType.Null or LinkType.Loop => "null",
            _ => "raw",
        };
        Count(path, 0, packet.Length);
        int depth = 1;
        foreach (string layer in Layers(packet))
        {
            path += ":" + layer;
            Count(path, depth++, packet.Length);
        }
    }

    private static IEnumerable<string> Layers(CapturedPacket packet)
    {
        for (int i = 0; i < packet.Headers.VlanCount; i++)
        {
            yield return "vlan";
        }

        if (packet.IpVersion == 0)
        {
            if (packet.Headers.EtherType != 0)
            {
                yield return "ethertype-0x" + packet.Headers.EtherType.ToString("x4", System.Globalization.CultureInfo.InvariantCulture);
            }

            yield break;
        }

        yield return packet.IpVersion == 4 ? "ip" : "ipv6";
        yield return packet.Protocol switch
        {
            IpProtocol.Tcp => "tcp",
            IpProtocol.Udp => "udp",
            IpProtocol.Icmp => "icmp",
            IpProtocol.IcmpV6 => "icmpv6",
            _ => packet.Protocol.ToString().ToLowerInvariant(),
        };
        if (packet.PayloadLength > 0 && (packet.IsTcp || packet.IsUdp))
        {
            if (packet.Dns is not null)
            {
                yield return "dns";
            }
            else if (packet.Http is not null)
            {
                yield return "http";
            }
            else
            {
                yield return "data";
            }
        }
    }

    private void Count(string path, int depth, int bytes)
    {
        if (_hierarchy.TryGetValue(path, out var counts))
        {
            _hierarchy[path] = (depth, counts.Packets + 1, counts.Bytes + bytes);
        }
        else
        {
            _hierarchy[path] = (depth, 1, bytes);
            _hierarchyOrder.Add(path);
        }
    }

    private void AddSecond(CapturedPacket packet)
    {
        long second = Math.DivRem(packet.TimestampNanoseconds, 1_000_000_000L, out long rest) - (rest < 0 ? 1 : 0);
        _seconds.TryGetValue(second, out var counts);
        _seconds[second] = (counts.Packets + 1, counts.Bytes + packet.Length);
    }

    private void AddEndpoint(IPAddress address, int bytes, bool sent)
    {
        if (!_endpoints.TryGetValue(address, out long[]? counts))
        {
            counts = new long[4];
            _endpoints.Add(address, counts);
        }

        int at = sent ? 0 : 2;
        counts[at]++;
        counts[at + 1] += bytes;
    }

    private void AddConversation(CapturedPacket packet, IPAddress source, IPAddress destination)
    {
        // Ports of a malformed transport header are not trusted: such a packet joins its IP-level conversation.
        bool trusted = !packet.Problem.HasFlag(PacketProblem.Malformed);
        int? sourcePort = trusted ? packet.SourcePort : null;
        int? destinationPort = trusted ? packet.DestinationPort : null;
        IpProtocol protocol = packet.Protocol;
        bool forward = EndpointOrder.Compare(source, sourcePort ?? 0, destination, destinationPort ?? 0) <= 0;
        ConversationKey key = forward
            ? new ConversationKey(protocol, source, sourcePort, destination, destinationPort)
            : new ConversationKey(protocol, destination, destinationPort, source, sourcePort);
        if (!_conversations.TryGetValue(key, out ConversationCounts? counts))
        {
            counts = new ConversationCounts { FirstNanos = packet.TimestampNanoseconds };
            _conversations.Add(key, counts);
        }

        counts.LastNanos = Math.Max(counts.LastNanos, packet.TimestampNanoseconds);
        counts.FirstNanos = Math.Min(counts.FirstNanos, packet.TimestampNanoseconds);
        if (forward)
        {
            counts.PacketsAToB++;
            counts.BytesAToB += packet.Length;
        }
        else
        {
            counts.PacketsBToA++;
            counts.BytesBToA += packet.Length;
        }
    }

    private sealed record ConversationKey(IpProtocol Protocol, IPAddress A, int? PortA, IPAddress B, int? PortB);

    private sealed class ConversationCounts
    {
        public long PacketsAToB { get; set; }

        public long BytesAToB { get; set; }

        public long PacketsBToA { get; set; }

        public long BytesBToA { get; set; }

        public long FirstNanos { get; set; }

        public long LastNanos { get; set; }
    }
}
