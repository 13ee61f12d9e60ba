using System;
using System.Globalization;
using System.Text;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Devices.Tests.Snmp;

/// <summary>Prints a varbind the way net-snmp does with -On -Oe (snmp_api print_variable), to compare walks line by line.</summary>
internal static class NetSnmpFormat
{
    public static string Line(SnmpVarBind varBind) => $"{varBind.Oid} = {Value(varBind.Value)}";

    private static string Value(SnmpValue value)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        return value.Type switch
        {
            SnmpType.OctetString when SnmpValue.IsPrintable(value.GetBytes()) => $"STRING: \"{value}\"",
            SnmpType.OctetString => "Hex-STRING: " + Hex(value.GetBytes()),
            SnmpType.Integer => $"INTEGER: {value}",
            SnmpType.Gauge32 => $"Gauge32: {value}",
            SnmpType.Counter32 => $"Counter32: {value}",
            SnmpType.Counter64 => $"Counter64: {value}",
            SnmpType.ObjectIdentifier => $"OID: {value}",
            SnmpType.IpAddress => $"IpAddress: {value}",
            SnmpType.TimeTicks => Ticks((TimeSpan)value.Value!, value.ToUInt64()!.Value, c),
            _ => $"{value.Type}: {value}",
        };
    }

    private static string Ticks(TimeSpan t, ulong ticks, CultureInfo c)
    {
        string days = t.Days == 0 ? string.Empty : t.Days == 1 ? "1 day, " : $"{t.Days} days, ";
        return $"Timeticks: ({ticks.ToString(c)}) {days}{t.Hours}:{t.Minutes:00}:{t.Seconds:00}.{t.Milliseconds / 10:00}";
    }

    private static string Hex(byte[] bytes)
    {
        var builder = new StringBuilder();
        foreach (byte b in bytes)
        {
            builder.Append(b.ToString("X2", CultureInfo.InvariantCulture)).Append(' ');
        }

        return builder.ToString();
    }
}
