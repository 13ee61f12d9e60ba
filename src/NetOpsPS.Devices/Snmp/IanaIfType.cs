using System.Globalization;

namespace NetOpsPS.Devices.Snmp;

/// <summary>Names of common IANAifType values (IANAifType-MIB).</summary>
public static class IanaIfType
{
    /// <summary>The name of <paramref name="type"/>, or its number as text.</summary>
    public static string Name(int type) => type switch
    {
        1 => "other",
        6 => "ethernetCsmacd",
        23 => "ppp",
        24 => "softwareLoopback",
        53 => "propVirtual",
        71 => "ieee80211",
        131 => "tunnel",
        135 => "l2vlan",
        136 => "l3ipvlan",
        161 => "ieee8023adLag",
        209 => "bridge",
        _ => type.ToString(CultureInfo.InvariantCulture),
    };
}
