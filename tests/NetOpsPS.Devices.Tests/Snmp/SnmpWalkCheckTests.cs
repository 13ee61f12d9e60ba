using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;
using NetOpsPS.Devices.Snmp.Internal;
using Xunit;

namespace NetOpsPS.Devices.Tests.Snmp;

/// <summary>An agent whose GetBulk answers go backwards (a broken MIB): the walk fails like net-snmp's, or goes on with -Cc.</summary>
public sealed class SnmpWalkCheckTests
{
    private static readonly SnmpOid Root = SnmpOid.Parse("1.3.6.1.4.1.99999");

    [Fact]
    public async Task A_non_increasing_oid_fails_the_walk()
    {
        using var fake = new FakeAgent(Looping);
        await using var client = Client(fake);

        var ex = await Assert.ThrowsAsync<SnmpException>(async () => await client.WalkAsync(Root).ToListAsync());

        Assert.Equal(SnmpError.OidNotIncreasing, ex.Error);
        Assert.Equal(Root.Append(1), ex.Oid);
        Assert.Contains("-Cc", ex.Message);
    }

    [Fact]
    public async Task Without_the_check_the_walk_goes_on_up_to_its_bound()
    {
        using var fake = new FakeAgent(Looping);
        await using var client = Client(fake);

        List<SnmpVarBind> walk = await client.WalkAsync(Root, new SnmpWalkOptions { CheckIncreasing = false, MaxVarBinds = 9 }).ToListAsync();

        Assert.Equal(9, walk.Count);
    }

    private static SnmpClient Client(FakeAgent fake) =>
        new(new SnmpTarget("127.0.0.1", SnmpCredential.Community("public"), fake.Port) { Timeout = TimeSpan.FromSeconds(5), Retries = 0 });

    // Always .2 then .1 under the root, whatever was asked.
    private static byte[] Looping(byte[] request)
    {
        SnmpPdu pdu = CommunityMessage.Decode(request, SnmpVersion.V2c);
        SnmpVarBind[] answer = [new(Root.Append(2), SnmpValue.Integer(2)), new(Root.Append(1), SnmpValue.Integer(1))];
        return CommunityMessage.Encode(SnmpVersion.V2c, "public"u8, new SnmpPdu(PduType.Response, pdu.RequestId, 0, 0, answer));
    }
}
