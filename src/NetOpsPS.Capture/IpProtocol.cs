namespace NetOpsPS.Capture;

/// <summary>IANA protocol numbers of the transports commonly seen; any other number prints as its value.</summary>
public enum IpProtocol
{
    /// <summary>No IP layer.</summary>
    None = -1,

    /// <summary>ICMP for IPv4.</summary>
    Icmp = 1,

    /// <summary>IGMP.</summary>
    Igmp = 2,

    /// <summary>TCP.</summary>
    Tcp = 6,

    /// <summary>UDP.</summary>
    Udp = 17,

    /// <summary>Generic Routing Encapsulation.</summary>
    Gre = 47,

    /// <summary>IPsec ESP.</summary>
    Esp = 50,

    /// <summary>IPsec AH.</summary>
    Ah = 51,

    /// <summary>ICMP for IPv6.</summary>
    IcmpV6 = 58,

    /// <summary>OSPF.</summary>
    Ospf = 89,

    /// <summary>SCTP.</summary>
    Sctp = 132,
}
