using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;
using Xunit;

namespace NetOpsPS.Devices.Tests.Snmp;

/// <summary>SetRequest through snmpd's read-write user and community, and the agent's refusals.</summary>
public sealed class SnmpSetTests(SnmpdFixture agent) : IClassFixture<SnmpdFixture>
{
    private static readonly SnmpOid Writable = SnmpOid.Parse("1.3.6.1.4.1.99999.6.0");

    [Fact]
    public async Task A_v3_read_write_user_sets_a_string_and_reads_it_back()
    {
        await using SnmpClient client = agent.Client(SnmpUsers.Sha256Aes);

        var answer = await client.SetAsync([new SnmpVarBind(Writable, SnmpValue.OctetString("set-by-v3"))]);
        var readBack = await client.GetAsync([Writable]);

        Assert.Equal("set-by-v3", Assert.Single(answer).Value.ToString());
        Assert.Equal("set-by-v3", Assert.Single(readBack).Value.ToString());
    }

    [Fact]
    public async Task The_private_community_sets_sysContact()
    {
        await using SnmpClient client = agent.Community("private");

        await client.SetAsync([new SnmpVarBind(SnmpOid.Parse("sysContact.0"), SnmpValue.Parse(SnmpType.OctetString, "noc@example.test"))]);

        Assert.Equal("noc@example.test", Assert.Single(await client.GetAsync([SnmpOid.Parse("sysContact.0")])).Value.ToString());
    }

    [Fact]
    public async Task A_read_only_user_gets_noAccess()
    {
        await using SnmpClient client = agent.Client(SnmpUsers.Create("usr-sha-aes"));

        var ex = await Assert.ThrowsAsync<SnmpException>(() => client.SetAsync([new SnmpVarBind(Writable, SnmpValue.OctetString("nope"))]));

        Assert.Equal(SnmpError.AgentError, ex.Error);
        Assert.Equal(SnmpErrorStatus.NoAccess, ex.ErrorStatus);
        Assert.Equal(Writable, ex.Oid);
        Assert.Contains("noAccess", ex.Message);
    }

    [Fact]
    public async Task A_configured_object_is_notWritable()
    {
        await using SnmpClient client = agent.Client(SnmpUsers.Sha256Aes);
        SnmpOid location = SnmpOid.Parse("sysLocation.0");

        var ex = await Assert.ThrowsAsync<SnmpException>(() => client.SetAsync([new SnmpVarBind(location, SnmpValue.OctetString("elsewhere"))]));

        Assert.Equal(SnmpErrorStatus.NotWritable, ex.ErrorStatus);
        Assert.Equal(1, ex.ErrorIndex);
        Assert.Contains("sysLocation.0", ex.Message);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_wrongType()
    {
        await using SnmpClient client = agent.Client(SnmpUsers.Sha256Aes);

        var ex = await Assert.ThrowsAsync<SnmpException>(() => client.SetAsync([new SnmpVarBind(Writable, SnmpValue.Integer(5))]));

        Assert.Equal(SnmpErrorStatus.WrongType, ex.ErrorStatus);
    }
}
