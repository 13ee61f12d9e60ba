using System;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;
using Xunit;

namespace NetOpsPS.Devices.Tests.Snmp;

/// <summary>Every USM user of the peer agent, each algorithm pair, against net-snmp's snmpd.</summary>
public sealed class SnmpV3UserTests(SnmpdFixture agent) : IClassFixture<SnmpdFixture>
{
    private static readonly SnmpOid SysName = SnmpOid.Parse("1.3.6.1.2.1.1.5.0");

    [Theory]
    [MemberData(nameof(SnmpUsers.All), MemberType = typeof(SnmpUsers))]
    public async Task Every_user_reads_sysName_and_learns_the_engine_id(string user, SnmpAuthProtocol auth, string authPassword, SnmpPrivProtocol priv, string privPassword)
    {
        var credential = SnmpCredential.User(user, auth, authPassword, priv, privPassword);
        await using SnmpClient client = agent.Client(credential);

        var result = await client.GetAsync([SysName]);

        SnmpVarBind varBind = Assert.Single(result);
        Assert.Equal(SysName, varBind.Oid);
        Assert.Equal("sysName.0", varBind.Name);
        Assert.Equal(SnmpType.OctetString, varBind.Type);
        Assert.Equal("peers-snmpd", varBind.Value.ToString());
        Assert.Equal(SnmpdFixture.EngineIdHex, Convert.ToHexString(client.EngineId.Span));
    }

    [Theory]
    [MemberData(nameof(SnmpUsers.All), MemberType = typeof(SnmpUsers))]
    public async Task Every_user_reads_over_ipv6(string user, SnmpAuthProtocol auth, string authPassword, SnmpPrivProtocol priv, string privPassword)
    {
        var credential = SnmpCredential.User(user, auth, authPassword, priv, privPassword);
        await using SnmpClient client = agent.Client(credential, host: "::1");

        var result = await client.GetAsync([SnmpOid.Parse("1.3.6.1.4.1.99999.2.0")]);

        Assert.Equal(-42, Assert.Single(result).Value.Value);
    }

    [Fact]
    public async Task A_known_engine_id_skips_discovery_and_resynchronises_time_from_the_report()
    {
        // Boots and time start at 0: the agent answers notInTimeWindow with its clock (RFC 3414 §4), we resync once.
        var target = new SnmpTarget("127.0.0.1", SnmpUsers.Sha256Aes, agent.Port)
        {
            EngineId = Convert.FromHexString(SnmpdFixture.EngineIdHex),
            Timeout = TimeSpan.FromSeconds(5),
        };
        await using var client = new SnmpClient(target);

        var result = await client.GetAsync([SysName]);

        Assert.Equal("peers-snmpd", Assert.Single(result).Value.ToString());
        Assert.True(client.EngineBoots >= 1, $"boots {client.EngineBoots}");
    }

    [Fact]
    public async Task A_wrong_engine_id_is_replaced_by_discovery()
    {
        var target = new SnmpTarget("127.0.0.1", SnmpUsers.Sha256Aes, agent.Port)
        {
            EngineId = Convert.FromHexString("80001F88040102030405"),
            Timeout = TimeSpan.FromSeconds(5),
        };
        await using var client = new SnmpClient(target);

        var result = await client.GetAsync([SysName]);

        Assert.Equal("peers-snmpd", Assert.Single(result).Value.ToString());
        Assert.Equal(SnmpdFixture.EngineIdHex, Convert.ToHexString(client.EngineId.Span));
    }
}
