using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NetOpsPS.Devices.Snmp;

/// <summary>
/// A small built-in name table: the roots and columns of SNMPv2-MIB (RFC 3418), IF-MIB (RFC 2863),
/// HOST-RESOURCES-MIB (RFC 2790) and the USM statistics (RFC 3414 §5). No MIB files are read.
/// </summary>
public static class MibNames
{
    private static readonly (string Name, string Oid)[] Table =
    [
        ("iso", "1"), ("internet", "1.3.6.1"), ("mib-2", "1.3.6.1.2.1"), ("enterprises", "1.3.6.1.4.1"), ("snmpModules", "1.3.6.1.6.3"),
        // SNMPv2-MIB (RFC 3418 §2)
        ("system", "1.3.6.1.2.1.1"), ("sysDescr", "1.3.6.1.2.1.1.1"), ("sysObjectID", "1.3.6.1.2.1.1.2"), ("sysUpTime", "1.3.6.1.2.1.1.3"),
        ("sysContact", "1.3.6.1.2.1.1.4"), ("sysName", "1.3.6.1.2.1.1.5"), ("sysLocation", "1.3.6.1.2.1.1.6"), ("sysServices", "1.3.6.1.2.1.1.7"),
        ("sysORLastChange", "1.3.6.1.2.1.1.8"), ("sysORTable", "1.3.6.1.2.1.1.9"), ("sysOREntry", "1.3.6.1.2.1.1.9.1"), ("sysORIndex", "1.3.6.1.2.1.1.9.1.1"),
        ("sysORID", "1.3.6.1.2.1.1.9.1.2"), ("sysORDescr", "1.3.6.1.2.1.1.9.1.3"), ("sysORUpTime", "1.3.6.1.2.1.1.9.1.4"),
        ("snmp", "1.3.6.1.2.1.11"), ("snmpInPkts", "1.3.6.1.2.1.11.1"), ("snmpInBadVersions", "1.3.6.1.2.1.11.3"),
        ("snmpInBadCommunityNames", "1.3.6.1.2.1.11.4"), ("snmpInBadCommunityUses", "1.3.6.1.2.1.11.5"), ("snmpInASNParseErrs", "1.3.6.1.2.1.11.6"),
        ("snmpEnableAuthenTraps", "1.3.6.1.2.1.11.30"), ("snmpSilentDrops", "1.3.6.1.2.1.11.31"), ("snmpProxyDrops", "1.3.6.1.2.1.11.32"),
        ("snmpTrapOID", "1.3.6.1.6.3.1.1.4.1"), ("snmpSetSerialNo", "1.3.6.1.6.3.1.1.6.1"),
        // IF-MIB (RFC 2863 §6)
        ("interfaces", "1.3.6.1.2.1.2"), ("ifNumber", "1.3.6.1.2.1.2.1"), ("ifTable", "1.3.6.1.2.1.2.2"), ("ifEntry", "1.3.6.1.2.1.2.2.1"),
        ("ifMIB", "1.3.6.1.2.1.31"), ("ifXTable", "1.3.6.1.2.1.31.1.1"), ("ifXEntry", "1.3.6.1.2.1.31.1.1.1"),
        ("ifStackTable", "1.3.6.1.2.1.31.1.2"), ("ifTableLastChange", "1.3.6.1.2.1.31.1.5"), ("ifStackLastChange", "1.3.6.1.2.1.31.1.6"),
        // HOST-RESOURCES-MIB (RFC 2790)
        ("host", "1.3.6.1.2.1.25"), ("hrSystem", "1.3.6.1.2.1.25.1"), ("hrSystemUptime", "1.3.6.1.2.1.25.1.1"), ("hrSystemDate", "1.3.6.1.2.1.25.1.2"),
        ("hrSystemInitialLoadDevice", "1.3.6.1.2.1.25.1.3"), ("hrSystemInitialLoadParameters", "1.3.6.1.2.1.25.1.4"),
        ("hrSystemNumUsers", "1.3.6.1.2.1.25.1.5"), ("hrSystemProcesses", "1.3.6.1.2.1.25.1.6"), ("hrSystemMaxProcesses", "1.3.6.1.2.1.25.1.7"),
        ("hrStorage", "1.3.6.1.2.1.25.2"), ("hrStorageTypes", "1.3.6.1.2.1.25.2.1"), ("hrMemorySize", "1.3.6.1.2.1.25.2.2"),
        ("hrStorageTable", "1.3.6.1.2.1.25.2.3"), ("hrStorageEntry", "1.3.6.1.2.1.25.2.3.1"),
        ("hrDevice", "1.3.6.1.2.1.25.3"), ("hrDeviceTable", "1.3.6.1.2.1.25.3.2"), ("hrDeviceEntry", "1.3.6.1.2.1.25.3.2.1"),
        ("hrProcessorTable", "1.3.6.1.2.1.25.3.3"), ("hrProcessorEntry", "1.3.6.1.2.1.25.3.3.1"),
        ("hrProcessorFrwID", "1.3.6.1.2.1.25.3.3.1.1"), ("hrProcessorLoad", "1.3.6.1.2.1.25.3.3.1.2"),
        ("hrNetworkTable", "1.3.6.1.2.1.25.3.4"), ("hrPrinterTable", "1.3.6.1.2.1.25.3.5"), ("hrDiskStorageTable", "1.3.6.1.2.1.25.3.6"),
        ("hrPartitionTable", "1.3.6.1.2.1.25.3.7"), ("hrFSTable", "1.3.6.1.2.1.25.3.8"),
        ("hrSWRun", "1.3.6.1.2.1.25.4"), ("hrSWOSIndex", "1.3.6.1.2.1.25.4.1"), ("hrSWRunTable", "1.3.6.1.2.1.25.4.2"), ("hrSWRunEntry", "1.3.6.1.2.1.25.4.2.1"),
        ("hrSWRunPerf", "1.3.6.1.2.1.25.5"), ("hrSWRunPerfTable", "1.3.6.1.2.1.25.5.1"), ("hrSWRunPerfEntry", "1.3.6.1.2.1.25.5.1.1"),
        ("hrSWRunPerfCPU", "1.3.6.1.2.1.25.5.1.1.1"), ("hrSWRunPerfMem", "1.3.6.1.2.1.25.5.1.1.2"),
        ("hrSWInstalled", "1.3.6.1.2.1.25.6"), ("hrSWInstalledLastChange", "1.3.6.1.2.1.25.6.1"), ("hrSWInstalledLastUpdateTime", "1.3.6.1.2.1.25.6.2"),
        ("hrSWInstalledTable", "1.3.6.1.2.1.25.6.3"), ("hrSWInstalledEntry", "1.3.6.1.2.1.25.6.3.1"),
        // SNMP-USER-BASED-SM-MIB (RFC 3414 §5)
        ("usmStats", "1.3.6.1.6.3.15.1.1"), ("usmStatsUnsupportedSecLevels", "1.3.6.1.6.3.15.1.1.1"), ("usmStatsNotInTimeWindows", "1.3.6.1.6.3.15.1.1.2"),
        ("usmStatsUnknownUserNames", "1.3.6.1.6.3.15.1.1.3"), ("usmStatsUnknownEngineIDs", "1.3.6.1.6.3.15.1.1.4"),
        ("usmStatsWrongDigests", "1.3.6.1.6.3.15.1.1.5"), ("usmStatsDecryptionErrors", "1.3.6.1.6.3.15.1.1.6"),
    ];

    // Columns, in order from sub-identifier 1 (RFC 2863 ifEntry/ifXEntry, RFC 2790 entries).
    private static readonly (string Entry, string[] Columns)[] Columns =
    [
        ("1.3.6.1.2.1.2.2.1", ["ifIndex", "ifDescr", "ifType", "ifMtu", "ifSpeed", "ifPhysAddress", "ifAdminStatus", "ifOperStatus", "ifLastChange",
            "ifInOctets", "ifInUcastPkts", "ifInNUcastPkts", "ifInDiscards", "ifInErrors", "ifInUnknownProtos", "ifOutOctets", "ifOutUcastPkts",
            "ifOutNUcastPkts", "ifOutDiscards", "ifOutErrors", "ifOutQLen", "ifSpecific"]),
        ("1.3.6.1.2.1.31.1.1.1", ["ifName", "ifInMulticastPkts", "ifInBroadcastPkts", "ifOutMulticastPkts", "ifOutBroadcastPkts", "ifHCInOctets",
            "ifHCInUcastPkts", "ifHCInMulticastPkts", "ifHCInBroadcastPkts", "ifHCOutOctets", "ifHCOutUcastPkts", "ifHCOutMulticastPkts",
            "ifHCOutBroadcastPkts", "ifLinkUpDownTrapEnable", "ifHighSpeed", "ifPromiscuousMode", "ifConnectorPresent", "ifAlias",
            "ifCounterDiscontinuityTime"]),
        ("1.3.6.1.2.1.25.2.3.1", ["hrStorageIndex", "hrStorageType", "hrStorageDescr", "hrStorageAllocationUnits", "hrStorageSize", "hrStorageUsed",
            "hrStorageAllocationFailures"]),
        ("1.3.6.1.2.1.25.3.2.1", ["hrDeviceIndex", "hrDeviceType", "hrDeviceDescr", "hrDeviceID", "hrDeviceStatus", "hrDeviceErrors"]),
        ("1.3.6.1.2.1.25.4.2.1", ["hrSWRunIndex", "hrSWRunName", "hrSWRunID", "hrSWRunPath", "hrSWRunParameters", "hrSWRunType", "hrSWRunStatus"]),
        ("1.3.6.1.2.1.25.6.3.1", ["hrSWInstalledIndex", "hrSWInstalledName", "hrSWInstalledID", "hrSWInstalledType", "hrSWInstalledDate"]),
    ];

    private static readonly Dictionary<string, string> NameByOid = Build(out ByName);
    private static readonly Dictionary<string, string> ByName;

    /// <summary>How many names the table holds.</summary>
    public static int Count => NameByOid.Count;

    /// <summary>"sysName.0" for .1.3.6.1.2.1.1.5.0: the longest known prefix and the rest in numbers; null when none is known.</summary>
    public static string? Describe(SnmpOid oid)
    {
        ArgumentNullException.ThrowIfNull(oid);
        ReadOnlySpan<uint> arcs = oid.Arcs;
        var prefixes = new string[arcs.Length];
        var key = new StringBuilder(arcs.Length * 3);
        for (int i = 0; i < arcs.Length; i++)
        {
            key.Append(i == 0 ? string.Empty : ".").Append(arcs[i].ToString(CultureInfo.InvariantCulture));
            prefixes[i] = key.ToString();
        }

        for (int i = arcs.Length - 1; i >= 1; i--)
        {
            if (NameByOid.TryGetValue(prefixes[i], out string? name))
            {
                return i == arcs.Length - 1 ? name : name + prefixes[^1][prefixes[i].Length..];
            }
        }

        return null;
    }

    /// <summary>Resolves "sysName.0" or "ifHCInOctets" to an OID.</summary>
    public static bool TryResolve(ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SnmpOid? oid)
    {
        oid = null;
        int dot = text.IndexOf('.');
        string name = (dot < 0 ? text : text[..dot]).ToString();
        if (!ByName.TryGetValue(name, out string? numbers))
        {
            return false;
        }

        string full = dot < 0 ? numbers : numbers + text[dot..].ToString();
        return SnmpOid.TryParse(full, out oid) && char.IsAsciiDigit(full[0]);
    }

    private static Dictionary<string, string> Build(out Dictionary<string, string> byName)
    {
        var byOid = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, string oid) in Table)
        {
            byOid[oid] = name;
        }

        foreach ((string entry, string[] columns) in Columns)
        {
            for (int i = 0; i < columns.Length; i++)
            {
                byOid[entry + "." + (i + 1).ToString(CultureInfo.InvariantCulture)] = columns[i];
            }
        }

        byName = byOid.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        return byOid;
    }
}
