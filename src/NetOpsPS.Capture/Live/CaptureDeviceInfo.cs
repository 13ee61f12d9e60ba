using System.Collections.Generic;
using System.Net;

namespace NetOpsPS.Capture.Live;

/// <summary>One address of a capture device, as pcap_findalldevs reports it.</summary>
public sealed record CaptureDeviceAddress(IPAddress Address, IPAddress? Netmask, IPAddress? Broadcast)
{
    /// <inheritdoc />
    public override string ToString() => Address.ToString();
}

/// <summary>Whether the link is up, from PCAP_IF_CONNECTION_STATUS (pcap_findalldevs(3PCAP)).</summary>
public enum CaptureDeviceConnection
{
    /// <summary>libpcap cannot tell.</summary>
    Unknown = 0,

    /// <summary>Connected (cable plugged, associated).</summary>
    Connected = 1,

    /// <summary>Disconnected.</summary>
    Disconnected = 2,

    /// <summary>Does not apply (loopback, any).</summary>
    NotApplicable = 3,
}

/// <summary>A device libpcap can capture on.</summary>
public sealed class CaptureDeviceInfo
{
    internal CaptureDeviceInfo(string name, string? description, uint flags, IReadOnlyList<CaptureDeviceAddress> addresses, string? macAddress, LinkType? linkType)
    {
        Name = name;
        Description = description;
        Flags = flags;
        Addresses = addresses;
        MacAddress = macAddress;
        LinkType = linkType;
    }

    /// <summary>The libpcap device name.</summary>
    public string Name { get; }

    /// <summary>libpcap's description, when it has one.</summary>
    public string? Description { get; }

    /// <summary>The PCAP_IF_* flags as libpcap reports them.</summary>
    public uint Flags { get; }

    /// <summary>PCAP_IF_LOOPBACK.</summary>
    public bool IsLoopback => (Flags & 0x1) != 0;

    /// <summary>PCAP_IF_UP.</summary>
    public bool IsUp => (Flags & 0x2) != 0;

    /// <summary>PCAP_IF_RUNNING.</summary>
    public bool IsRunning => (Flags & 0x4) != 0;

    /// <summary>PCAP_IF_WIRELESS.</summary>
    public bool IsWireless => (Flags & 0x8) != 0;

    /// <summary>PCAP_IF_CONNECTION_STATUS.</summary>
    public CaptureDeviceConnection Connection => (CaptureDeviceConnection)((Flags >> 4) & 0x3);

    /// <summary>IPv4 and IPv6 addresses.</summary>
    public IReadOnlyList<CaptureDeviceAddress> Addresses { get; }

    /// <summary>The hardware address as aa:bb:cc:dd:ee:ff, when it has one.</summary>
    public string? MacAddress { get; }

    /// <summary>The link type it delivers (pcap_datalink after activation); null when it could not be opened.</summary>
    public LinkType? LinkType { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
