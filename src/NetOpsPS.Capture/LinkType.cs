namespace NetOpsPS.Capture;

/// <summary>The LINKTYPE_ values of pcap and pcapng files (tcpdump.org/linktypes.html) this engine decodes.</summary>
public enum LinkType
{
    /// <summary>BSD loopback: a 4-byte protocol family in host byte order.</summary>
    Null = 0,

    /// <summary>Ethernet II and 802.3.</summary>
    Ethernet = 1,

    /// <summary>Raw IPv4 or IPv6, the version nibble tells which.</summary>
    Raw = 101,

    /// <summary>OpenBSD loopback: a 4-byte protocol family in network byte order.</summary>
    Loop = 108,

    /// <summary>Linux cooked capture v1 (SLL), as from "any".</summary>
    LinuxSll = 113,

    /// <summary>Raw IPv4.</summary>
    IPv4 = 228,

    /// <summary>Raw IPv6.</summary>
    IPv6 = 229,

    /// <summary>Linux cooked capture v2 (SLL2), which also carries the interface index.</summary>
    LinuxSll2 = 276,
}
