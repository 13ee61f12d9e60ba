using System;
using System.Linq;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;
using Xunit;

namespace NetOpsPS.Devices.Tests.Snmp;

public sealed class SnmpInterfaceReaderTests(SnmpdFixture agent) : IClassFixture<SnmpdFixture>
{
    [Fact]
    public async Task The_loopback_interface_comes_typed_with_64_bit_counters_over_v3()
    {
        await using SnmpClient client = agent.Client(SnmpUsers.Sha256Aes);

        SnmpInterfaceTable table = await SnmpInterfaceReader.ReadAsync(client);
        SnmpInterfaceRow lo = Assert.Single(table.Rows, r => r.Name == "lo");
        var later = await client.GetAsync([SnmpOid.Parse($"ifHCInOctets.{lo.Index}"), SnmpOid.Parse($"ifDescr.{lo.Index}")]);

        Assert.True(table.SysUpTime > TimeSpan.Zero);
        Assert.Equal($"127.0.0.1:{agent.Port}", table.Target);
        Assert.Equal(24, lo.Type);
        Assert.Equal("softwareLoopback", lo.TypeName);
        Assert.Equal(SnmpInterfaceStatus.Up, lo.AdminStatus);
        Assert.Equal(SnmpInterfaceStatus.Up, lo.OperStatus);
        Assert.True(lo.HighCapacityCounters);
        Assert.True(lo.InOctets > 0 && lo.OutOctets > 0);
        Assert.True((ulong)later[0].Value.Value! >= lo.InOctets, "ifHCInOctets went backwards");
        Assert.Equal(later[1].Value.ToString(), lo.Description);
        Assert.Equal(table.Rows.OrderBy(r => r.Index).Select(r => r.Index), table.Rows.Select(r => r.Index));
    }

    [Fact]
    public async Task V1_reads_the_same_interfaces_without_counter64()
    {
        await using SnmpClient v1 = agent.Community("public", SnmpVersion.V1);
        await using SnmpClient v2 = agent.Community("public");

        SnmpInterfaceTable old = await SnmpInterfaceReader.ReadAsync(v1);
        SnmpInterfaceTable current = await SnmpInterfaceReader.ReadAsync(v2);

        Assert.Equal(current.Rows.Select(r => (r.Index, r.Name)), old.Rows.Select(r => (r.Index, r.Name)));
        Assert.All(old.Rows, r => Assert.False(r.HighCapacityCounters));
        Assert.All(current.Rows, r => Assert.True(r.HighCapacityCounters));
    }
}
