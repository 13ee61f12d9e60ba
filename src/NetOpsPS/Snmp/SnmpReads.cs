using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Snmp;

/// <summary>The Get/GetNext that Get-Snmp and Get-SnmpV3 share.</summary>
internal static class SnmpReads
{
    public static async Task GetAsync(SnmpClient client, string computerName, SnmpOid[] oids, bool next, Action<object> emit, CancellationToken cancellationToken)
    {
        IReadOnlyList<SnmpVarBind> varBinds = next
            ? await client.GetNextAsync(oids, cancellationToken).ConfigureAwait(false)
            : await client.GetAsync(oids, cancellationToken).ConfigureAwait(false);
        foreach (SnmpVarBind varBind in varBinds)
        {
            emit(Variable(client, computerName, varBind));
        }
    }

    public static SnmpVariable Variable(SnmpClient client, string computerName, SnmpVarBind varBind) =>
        new(computerName, client.Target.Port, client.Target.ToString(), client.Version, varBind);
}
