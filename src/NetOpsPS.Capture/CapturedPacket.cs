using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using NetOpsPS.Capture.Decoding;
using NetOpsPS.Capture.Files;

namespace NetOpsPS.Capture;

/// <summary>
/// One captured packet: its own copy of the bytes plus the header offsets found in one decode pass.
/// Every other view (addresses, VLAN tags, DNS, HTTP; TLS in Tls/) is computed from the bytes on first
/// access and cached, so a filter on addresses never pays for an application-layer decode.
/// Partial: other concerns (the TLS layer) add their members in their own files.
/// </summary>
public sealed partial class CapturedPacket
{
    private readonly byte[] _data;
    private readonly PacketHeaders _headers;
    private IPAddress? _sourceAddress;
    private IPAddress? _destinationAddress;

    private CapturedPacket(byte[] data, in PacketHeaders headers, long timestampNanoseconds, int length, string? interfaceName, long number)
    {
        _data = data;
        _headers = headers;
        TimestampNanoseconds = timestampNanoseconds;
        Length = length;
        Interface = interfaceName;
        Number = number;
    }

    /// <summary>Decodes a copy of <paramref name="data"/>, captured from a link of <paramref name="linkType"/>.</summary>
    /// <param name="data">The captured bytes, from the link-layer header on.</param>
    /// <param name="linkType">How the bytes begin.</param>
    /// <param name="timestampNanoseconds">Capture time, nanoseconds since the Unix epoch.</param>
    /// <param name="length">The length on the wire; at least the captured length.</param>
    /// <param name="interfaceName">The interface it was captured on, when known.</param>
    /// <param name="number">Its 1-based number in its capture.</param>
    public static CapturedPacket Create(ReadOnlySpan<byte> data, LinkType linkType, long timestampNanoseconds, int length, string? interfaceName = null, long number = 0)
    {
        byte[] copy = data.ToArray();
        int wireLength = Math.Max(length, copy.Length);
        PacketDecoder.Decode(copy, linkType, wireLength, out PacketHeaders headers);
        return new CapturedPacket(copy, headers, timestampNanoseconds, wireLength, interfaceName, number);
    }

    /// <summary>Copies a file record into a packet.</summary>
    public static CapturedPacket FromRecord(in PcapRecord record, long number) =>
        Create(record.Data.Span, record.Interface.LinkType, record.TimestampNanoseconds, record.OriginalLength, record.Interface.Name, number);

    /// <summary>Its 1-based number in the file or capture it came from.</summary>
    public long Number { get; }

    /// <summary>Capture time in UTC (100 ns precision; <see cref="TimestampNanoseconds"/> keeps all digits).</summary>
    public DateTime Timestamp => DateTime.UnixEpoch.AddTicks(TimestampNanoseconds / 100);

    /// <summary>Capture time, nanoseconds since the Unix epoch.</summary>
    public long TimestampNanoseconds { get; }

    /// <summary>The interface it was captured on, when the capture names it.</summary>
    public string? Interface { get; }

    /// <summary>The link type of <see cref="Data"/>.</summary>
    public LinkType LinkType => _headers.LinkType;

    /// <summary>Length on the wire.</summary>
    public int Length { get; }

    /// <summary>How many bytes were captured.</summary>
    public int CapturedLength => _data.Length;

    /// <summary>What could not be decoded (truncated by the snap length, a cut or impossible header).</summary>
    public PacketProblem Problem => _headers.Problem;

    /// <summary>The raw captured bytes, link-layer header first.</summary>
    public ReadOnlyMemory<byte> Data => _data;

    /// <summary>The decode result: header offsets and fixed fields.</summary>
    public PacketHeaders Headers => _headers;

    /// <summary>Destination MAC address as aa:bb:cc:dd:ee:ff, when the link has one.</summary>
    public string? DestinationMac => Mac(_headers.DestinationMacOffset);

    /// <summary>Source MAC address as aa:bb:cc:dd:ee:ff, when the link has one.</summary>
    public string? SourceMac => Mac(_headers.SourceMacOffset);

    /// <summary>VLAN tags, outer first (two for QinQ); empty when untagged.</summary>
    public IReadOnlyList<VlanTag> VlanTags
    {
        get
        {
            if (_headers.VlanCount == 0)
            {
                return Array.Empty<VlanTag>();
            }

            var tags = new VlanTag[_headers.VlanCount];
            for (int i = 0; i < tags.Length; i++)
            {
                int at = _headers.VlanOffset + (4 * i);
                tags[i] = VlanTag.FromTci((ushort)((_data[at] << 8) | _data[at + 1]), (ushort)((_data[at + 2] << 8) | _data[at + 3]));
            }

            return tags;
        }
    }

    /// <summary>The outer VLAN id, when tagged.</summary>
    public int? VlanId => _headers.VlanCount == 0 ? null : ((_data[_headers.VlanOffset + 2] << 8) | _data[_headers.VlanOffset + 3]) & 0x0FFF;

    /// <summary>4 or 6; 0 without an IP layer.</summary>
    public int IpVersion => _headers.IpVersion;

    /// <summary>The transport protocol; <see cref="IpProtocol.None"/> without an IP layer.</summary>
    public IpProtocol Protocol => (IpProtocol)_headers.Protocol;

    /// <summary>Part of a fragmented IP datagram (ports are known only in the first fragment).</summary>
    public bool IsFragment => _headers.IsFragment;

    /// <summary>IPv4 TTL or IPv6 hop limit.</summary>
    public int? HopLimit => _headers.IpVersion == 0 ? null : _headers.HopLimit;

    /// <summary>Source IP address.</summary>
    public IPAddress? SourceAddress => _sourceAddress ??= Address(source: true);

    /// <summary>Destination IP address.</summary>
    public IPAddress? DestinationAddress => _destinationAddress ??= Address(source: false);

    /// <summary>TCP or UDP source port.</summary>
    public int? SourcePort => HasPorts ? _headers.SourcePort : null;

    /// <summary>TCP or UDP destination port.</summary>
    public int? DestinationPort => HasPorts ? _headers.DestinationPort : null;

    /// <summary>TCP flags (None for other protocols).</summary>
    public TcpFlags TcpFlags => _headers.TcpFlags;

    /// <summary>TCP sequence number.</summary>
    public uint? SequenceNumber => IsTcp ? _headers.SequenceNumber : null;

    /// <summary>TCP acknowledgment number.</summary>
    public uint? AcknowledgmentNumber => IsTcp ? _headers.AcknowledgmentNumber : null;

    /// <summary>TCP window (before scaling).</summary>
    public int? Window => IsTcp ? _headers.Window : null;

    /// <summary>ICMP/ICMPv6 type.</summary>
    public int? IcmpType => _headers.IcmpTypeCode < 0 ? null : _headers.IcmpTypeCode >> 8;

    /// <summary>ICMP/ICMPv6 code.</summary>
    public int? IcmpCode => _headers.IcmpTypeCode < 0 ? null : _headers.IcmpTypeCode & 0xFF;

    /// <summary>Transport payload length on the wire (from the IP, UDP and TCP length fields).</summary>
    public int PayloadLength => _headers.PayloadOffset < 0 ? 0 : _headers.PayloadLength;

    /// <summary>The captured transport payload (shorter than <see cref="PayloadLength"/> when truncated).</summary>
    public ReadOnlyMemory<byte> Payload =>
        _headers.PayloadOffset < 0 ? ReadOnlyMemory<byte>.Empty : _data.AsMemory(_headers.PayloadOffset, _headers.CapturedPayloadLength);

    /// <summary>The captured TCP payload; empty for other protocols. The TLS layer reads this.</summary>
    public ReadOnlyMemory<byte> TcpPayload => IsTcp ? Payload : ReadOnlyMemory<byte>.Empty;

    /// <summary>True when the packet is a TCP segment with a decoded header.</summary>
    public bool IsTcp => _headers.Protocol == 6 && _headers.TransportOffset >= 0;

    /// <summary>True when the packet is a UDP datagram with a decoded header.</summary>
    public bool IsUdp => _headers.Protocol == 17 && _headers.TransportOffset >= 0;

    private bool HasPorts => (IsTcp || IsUdp);

    /// <summary>A copy of the raw bytes.</summary>
    public byte[] GetBytes() => (byte[])_data.Clone();

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Number} {Endpoint(SourceAddress, SourcePort)} > {Endpoint(DestinationAddress, DestinationPort)} {Protocol} {Length}");

    internal static string Endpoint(IPAddress? address, int? port) =>
        address is null ? "-" : port is null ? address.ToString()
        : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]:{port}" : $"{address}:{port}";

    /// <summary>The six bytes at <paramref name="offset"/> as aa:bb:cc:dd:ee:ff (tshark's form), also for capture devices.</summary>
    internal static string FormatMac(byte[] data, int offset) =>
        string.Create(17, (data, offset), static (chars, state) =>
        {
            const string Hex = "0123456789abcdef";
            for (int i = 0; i < 6; i++)
            {
                byte b = state.data[state.offset + i];
                chars[i * 3] = Hex[b >> 4];
                chars[(i * 3) + 1] = Hex[b & 0xF];
                if (i < 5)
                {
                    chars[(i * 3) + 2] = ':';
                }
            }
        });

    private string? Mac(int offset) => offset < 0 ? null : FormatMac(_data, offset);

    private IPAddress? Address(bool source)
    {
        return _headers.IpVersion switch
        {
            4 => new IPAddress(_data.AsSpan(_headers.IpOffset + (source ? 12 : 16), 4)),
            6 => new IPAddress(_data.AsSpan(_headers.IpOffset + (source ? 8 : 24), 16)),
            _ => null,
        };
    }
}
