using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Devices.Tests.Snmp;

/// <summary>An agent that dies in the middle of a walk.</summary>
public sealed class SnmpAgentLossTests
{
    [Fact]
    public async Task A_killed_agent_mid_walk_is_a_timeout_naming_the_last_oid_reached()
    {
        using Peer peer = Peer.StartSnmpd();
        var target = new SnmpTarget("127.0.0.1", SnmpCredential.Community("public"), peer.Port) { Timeout = TimeSpan.FromSeconds(2), Retries = 1 };
        await using var client = new SnmpClient(target);
        var seen = new List<SnmpVarBind>();

        var ex = await Assert.ThrowsAsync<SnmpException>(async () =>
        {
            await foreach (SnmpVarBind varBind in client.WalkAsync(SnmpOid.Parse(".1"), new SnmpWalkOptions { MaxRepetitions = 5 }))
            {
                seen.Add(varBind);
                if (seen.Count == 12)
                {
                    // Stops snmpd (SIGTERM, then SIGKILL) and waits until it is gone.
                    peer.Dispose();
                }
            }
        });

        Assert.Equal(SnmpError.Timeout, ex.Error);
        Assert.Equal(15, seen.Count);
        Assert.Equal(seen[^1].Oid, ex.Oid);
        Assert.Contains($"the last OID reached was {seen[^1].Oid}", ex.Message);
        Assert.Contains("after 15 varbinds", ex.Message);
    }
}
