using System;
using System.Collections.Generic;
using System.Globalization;

namespace NetOpsPS.Devices.Discovery;

/// <summary>A platform name from the IANA enterprise number in sysObjectID (1.3.6.1.4.1.N...).</summary>
internal static class Platforms
{
    private const string EnterprisesPrefix = "1.3.6.1.4.1.";

    // IANA Private Enterprise Numbers of common network vendors; names as inventories usually spell platforms.
    private static readonly Dictionary<int, string> ByEnterprise = new()
    {
        [9] = "cisco",
        [2636] = "junos",
        [30065] = "eos",
        [2011] = "huawei",
        [14988] = "routeros",
        [12356] = "fortios",
        [25461] = "panos",
        [6486] = "nokia",
        [11] = "hp",
        [47196] = "hp",
        [674] = "dell",
        [8072] = "net-snmp",
    };

    public static string? FromSysObjectId(string sysObjectId)
    {
        string oid = sysObjectId.TrimStart('.');
        if (!oid.StartsWith(EnterprisesPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        string rest = oid[EnterprisesPrefix.Length..];
        int dot = rest.IndexOf('.', StringComparison.Ordinal);
        string number = dot < 0 ? rest : rest[..dot];
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int enterprise)
            && ByEnterprise.TryGetValue(enterprise, out string? platform) ? platform : null;
    }
}
