using System;
using System.Linq;
using System.Management.Automation;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Snmp;

/// <summary>Parses the -Oid arguments of the SNMP cmdlets; a bad one ends the invocation.</summary>
internal static class SnmpOids
{
    public static SnmpOid[] Parse(Cmdlet cmdlet, string[] oids)
    {
        try
        {
            return oids.Select(SnmpOid.Parse).ToArray();
        }
        catch (FormatException ex)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(ex, "SnmpInvalidOid", ErrorCategory.InvalidArgument, oids));
            throw;
        }
    }
}
