using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using NetOpsPS.Devices.Discovery;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Metrics;

/// <summary>
/// Turns what users pipe into Start-NetMetricsExporter into SNMP targets: Find-SnmpDevice results keep the
/// credential that worked; SnmpTarget objects are taken as they are; inventory-shaped objects (Hostname or
/// Address, and an SNMP port in SnmpPort or Data.snmp_port) and "host[:port]" strings use -Community or -Credential.
/// </summary>
internal static class MetricsTargetInput
{
    public static SnmpTarget ToSnmpTarget(object item, SnmpCredential credential, TimeSpan requestTimeout)
    {
        object value = item is PSObject ps ? ps.BaseObject : item;
        switch (value)
        {
            case SnmpDevice device:
                return new SnmpTarget(device.Address, device.Credential, device.Port) { Timeout = requestTimeout, Retries = 1 };
            case SnmpTarget target:
                return target;
            case string text:
                (string host, int port) = HostAndPort(text);
                return new SnmpTarget(host, credential, port) { Timeout = requestTimeout, Retries = 1 };
        }

        PSObject shaped = PSObject.AsPSObject(item);
        string hostname = Property(shaped, "Hostname") ?? Property(shaped, "Address") ?? Property(shaped, "ComputerName")
            ?? throw new ArgumentException($"'{item}' has no Hostname, Address or ComputerName property to poll.", nameof(item));
        int snmpPort = Port(Property(shaped, "SnmpPort") ?? DataPort(shaped)) ?? SnmpTarget.DefaultPort;
        return new SnmpTarget(hostname, credential, snmpPort) { Timeout = requestTimeout, Retries = 1 };
    }

    /// <summary>"host", "host:port", "a.b.c.d:port", "[v6]:port" or a bare IPv6 address.</summary>
    public static (string Host, int Port) HostAndPort(string text)
    {
        string item = text.Trim();
        int colon = item.LastIndexOf(':');
        bool bracketed = item.StartsWith('[');
        bool hasPort = colon > 0 && (bracketed ? item[colon - 1] == ']' : item.IndexOf(':') == colon);
        if (!hasPort)
        {
            return (item.Trim('[', ']'), SnmpTarget.DefaultPort);
        }

        return Port(item[(colon + 1)..]) is int port
            ? (item[..colon].Trim('[', ']'), port)
            : throw new ArgumentException($"'{text}': the port is not a number from 1 to 65535.", nameof(text));
    }

    private static string? Property(PSObject item, string name) =>
        item.BaseObject is IDictionary dictionary
            ? dictionary.Contains(name) ? Convert.ToString(dictionary[name], CultureInfo.InvariantCulture) : null
            : item.Properties[name]?.Value is { } value ? Convert.ToString(value is PSObject p ? p.BaseObject : value, CultureInfo.InvariantCulture) : null;

    private static string? DataPort(PSObject item)
    {
        object? data = item.BaseObject is IDictionary d ? (d.Contains("Data") ? d["Data"] : null) : item.Properties["Data"]?.Value;
        data = data is PSObject p ? p.BaseObject : data;
        return data switch
        {
            IDictionary map when map.Contains("snmp_port") => Convert.ToString(map["snmp_port"], CultureInfo.InvariantCulture),
            System.Collections.Generic.IReadOnlyDictionary<string, object?> map when map.TryGetValue("snmp_port", out object? port) => Convert.ToString(port, CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static int? Port(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is >= 1 and <= 65535 ? port : null;
}
