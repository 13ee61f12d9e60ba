using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Devices.Discovery;

/// <summary>
/// Probes hosts for SNMP agents: one GetRequest for the system group (RFC 3418 sysDescr, sysObjectID, sysUpTime,
/// sysName, sysLocation) per credential, in order, until one answers. A silent host costs Timeout x (Retries + 1)
/// per credential, which is why sweeps run many hosts at once.
/// </summary>
public static class SnmpDiscovery
{
    private static readonly SnmpOid SysDescr = SnmpOid.Parse("1.3.6.1.2.1.1.1.0");
    private static readonly SnmpOid SysObjectId = SnmpOid.Parse("1.3.6.1.2.1.1.2.0");
    private static readonly SnmpOid SysUpTime = SnmpOid.Parse("1.3.6.1.2.1.1.3.0");
    private static readonly SnmpOid SysName = SnmpOid.Parse("1.3.6.1.2.1.1.5.0");
    private static readonly SnmpOid SysLocation = SnmpOid.Parse("1.3.6.1.2.1.1.6.0");
    private static readonly SnmpOid[] SystemOids = [SysDescr, SysObjectId, SysUpTime, SysName, SysLocation];

    /// <summary>Probes one host with each credential in turn. Never throws for the host's own failures.</summary>
    public static async Task<SnmpProbeResult> ProbeAsync(string address, SnmpDiscoveryOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (int i = 0; i < options.Credentials.Count; i++)
        {
            SnmpCredential credential = options.Credentials[i];
            var target = new SnmpTarget(address, credential, options.Port) { Timeout = options.Timeout, Retries = options.Retries };
            try
            {
                var client = new SnmpClient(target);
                await using var disposeClient = client.ConfigureAwait(false);
                long started = Stopwatch.GetTimestamp();
                IReadOnlyList<SnmpVarBind> answer = await client.GetAsync(SystemOids, cancellationToken).ConfigureAwait(false);
                TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
                return new SnmpProbeResult(address, new SnmpDevice(address, target, i, elapsed, Read(answer)), failures);
            }
            catch (SnmpException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"credential {i} ({credential}): {ex.Error}"));
            }
        }

        return new SnmpProbeResult(address, null, failures);
    }

    private static SystemGroup Read(IReadOnlyList<SnmpVarBind> answer)
    {
        string Text(SnmpOid oid) => Find(answer, oid) is { IsException: false, Type: not SnmpType.Null } value ? value.ToString() : string.Empty;
        SnmpValue? upTime = Find(answer, SysUpTime);
        return new SystemGroup(
            Text(SysDescr),
            Text(SysObjectId),
            upTime?.Value is TimeSpan ticks ? ticks : TimeSpan.Zero,
            Text(SysName),
            Text(SysLocation));
    }

    private static SnmpValue? Find(IReadOnlyList<SnmpVarBind> answer, SnmpOid oid)
    {
        foreach (SnmpVarBind varBind in answer)
        {
            if (varBind.Oid == oid)
            {
                return varBind.Value;
            }
        }

        return null;
    }
}
