using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;
using Xunit;

namespace NetOpsPS.Devices.Tests.Snmp;

/// <summary>v1 and v2c against snmpd: gets, typed values, walks, IPv6.</summary>
public sealed class SnmpCommunityTests(SnmpdFixture agent) : IClassFixture<SnmpdFixture>
{
    private static readonly SnmpOid Private = SnmpOid.Parse("1.3.6.1.4.1.99999");

    [Theory]
    [InlineData(SnmpVersion.V1)]
    [InlineData(SnmpVersion.V2c)]
    public async Task Typed_values_of_the_fixed_objects(SnmpVersion version)
    {
        await using SnmpClient client = agent.Community("public", version);

        var result = await client.GetAsync(Enumerable.Range(1, 5).Select(i => Private.Append((uint)i, 0)));

        Assert.Equal([SnmpType.OctetString, SnmpType.Integer, SnmpType.Gauge32, SnmpType.Counter32, SnmpType.ObjectIdentifier], result.Select(v => v.Type));
        Assert.Equal("peers-test-string", result[0].Value.ToString());
        Assert.Equal(-42, result[1].Value.Value);
        Assert.Equal(4000000000u, result[2].Value.Value);
        Assert.Equal(123456u, result[3].Value.Value);
        Assert.Equal(SnmpOid.Parse(".1.3.6.1.4.1.99999.42"), result[4].Value.Value);
    }

    [Fact]
    public async Task V2c_missing_objects_are_states_not_errors()
    {
        await using SnmpClient client = agent.Community("public");

        var result = await client.GetAsync([Private.Append(77, 0), SnmpOid.Parse("1.3.6.1.2.1.1.5.1")]);

        Assert.Equal([SnmpType.NoSuchObject, SnmpType.NoSuchInstance], result.Select(v => v.Type));
        Assert.True(result.All(v => v.Value.IsException && v.Value.Value is null));
    }

    [Fact]
    public async Task V1_missing_object_is_a_noSuchName_agent_error()
    {
        await using SnmpClient client = agent.Community("public", SnmpVersion.V1);

        var ex = await Assert.ThrowsAsync<SnmpException>(() => client.GetAsync([SnmpOid.Parse("sysName.0"), Private.Append(77, 0)]));

        Assert.Equal(SnmpError.AgentError, ex.Error);
        Assert.Equal(SnmpErrorStatus.NoSuchName, ex.ErrorStatus);
        Assert.Equal(2, ex.ErrorIndex);
        Assert.Equal(Private.Append(77, 0), ex.Oid);
    }

    [Fact]
    public async Task Counter64_timeticks_and_ip_addresses_come_typed()
    {
        await using SnmpClient client = agent.Community("public");

        var upTime = Assert.Single(await client.GetAsync([SnmpOid.Parse("sysUpTime.0")]));
        var hcIn = await client.WalkAsync(SnmpOid.Parse("ifHCInOctets")).ToListAsync();
        var addresses = await client.WalkAsync(SnmpOid.Parse("1.3.6.1.2.1.4.20.1.1")).ToListAsync();

        Assert.IsType<TimeSpan>(upTime.Value.Value);
        Assert.NotEmpty(hcIn);
        Assert.All(hcIn, v => Assert.IsType<ulong>(v.Value.Value));
        Assert.StartsWith("ifHCInOctets.", hcIn[0].Name);
        Assert.Contains(addresses, v => IPAddress.Loopback.Equals(v.Value.Value));
    }

    [Fact]
    public async Task V2c_over_ipv6()
    {
        await using SnmpClient client = agent.Community("public", host: "::1");

        var result = await client.GetAsync([SnmpOid.Parse("sysLocation.0")]);

        Assert.Equal("PeersLab rack 1", Assert.Single(result).Value.ToString());
        Assert.Equal($"[::1]:{agent.Port}", client.Target.ToString());
    }

    [Theory]
    [InlineData(SnmpVersion.V1, 10, 1)]
    [InlineData(SnmpVersion.V2c, 1, 1)]
    [InlineData(SnmpVersion.V2c, 7, 1)]
    [InlineData(SnmpVersion.V2c, 50, 1)]
    [InlineData(SnmpVersion.V2c, 3, 4)]
    [InlineData(SnmpVersion.V2c, 1, 8)]
    public async Task A_full_walk_equals_snmpbulkwalk_On_Oe(SnmpVersion version, int maxRepetitions, int parallelism)
    {
        string reference = await NetSnmpCli.RunAsync(
            NetSnmpCli.BulkWalk, "-v2c", "-c", "stable", "-On", "-Oe", $"-Cr{maxRepetitions}", $"127.0.0.1:{agent.Port}", ".1");
        await using SnmpClient client = agent.Community("stable", version);

        var options = new SnmpWalkOptions { MaxRepetitions = maxRepetitions, Parallelism = parallelism };
        List<SnmpVarBind> walk = await client.WalkAsync(SnmpOid.Parse(".1"), options).ToListAsync();

        // snmpbulkwalk prints the endOfMibView that ends the view as a last line; the walk ends there without it.
        List<string> expected = NetSnmpCli.Lines(reference).Where(l => !l.Contains("No more variables", StringComparison.Ordinal)).ToList();
        Assert.Equal(43, walk.Count);
        Assert.Equal(expected.Count, walk.Count);
        for (int i = 0; i < walk.Count; i++)
        {
            string ours = NetSnmpFormat.Line(walk[i]);
            if (walk[i].Oid == SnmpOid.Parse("sysUpTime.0"))
            {
                // The agent's clock moves between the two walks: compare OID and type only.
                ours = ours[..ours.IndexOf('(', StringComparison.Ordinal)];
                Assert.StartsWith(ours, expected[i]);
                continue;
            }

            Assert.Equal(expected[i], ours);
        }
    }

    [Fact]
    public async Task A_walk_stops_at_the_end_of_the_subtree()
    {
        await using SnmpClient client = agent.Community("public");

        var walk = await client.WalkAsync(SnmpOid.Parse("sysORTable")).ToListAsync();

        Assert.NotEmpty(walk);
        Assert.All(walk, v => Assert.True(v.Oid.StartsWith(SnmpOid.Parse("sysORTable")), v.ToString()));
        Assert.Equal(walk.OrderBy(v => v.Oid).Select(v => v.Oid), walk.Select(v => v.Oid));
    }

    [Fact]
    public async Task A_walk_of_a_leaf_gets_the_leaf()
    {
        await using SnmpClient client = agent.Community("public");

        var walk = await client.WalkAsync(SnmpOid.Parse("sysName.0")).ToListAsync();

        Assert.Equal("peers-snmpd", Assert.Single(walk).Value.ToString());
    }

    [Fact]
    public async Task GetBulk_honours_non_repeaters_and_max_repetitions()
    {
        await using SnmpClient client = agent.Community("stable");

        var result = await client.GetBulkAsync(1, 3, [SnmpOid.Parse("sysDescr"), SnmpOid.Parse("sysORID")]);

        Assert.Equal(4, result.Count);
        Assert.Equal("sysDescr.0", result[0].Name);
        Assert.Equal(["sysORID.1", "sysORID.2", "sysORID.3"], result.Skip(1).Select(v => v.Name));
    }

    [Theory]
    [InlineData(SnmpVersion.V1)]
    [InlineData(SnmpVersion.V2c)]
    public async Task A_walk_of_nothing_is_empty(SnmpVersion version)
    {
        await using SnmpClient client = agent.Community("stable", version);

        var walk = await client.WalkAsync(SnmpOid.Parse("ifTable")).ToListAsync();

        Assert.Empty(walk);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public async Task A_parallel_walk_gives_what_a_sequential_walk_gives(int parallelism)
    {
        // hrSWInstalledTable: thousands of rows that do not change while the test runs (one per installed package).
        SnmpOid installed = SnmpOid.Parse("hrSWInstalledTable");
        await using SnmpClient client = agent.Client(SnmpCredential.User("usr-sha-aes", SnmpAuthProtocol.Sha1, "authpass-sha1", SnmpPrivProtocol.Aes128, "privpass-aes128"));

        var sequential = await client.WalkAsync(installed).ToListAsync();
        var parallel = await client.WalkAsync(installed, new SnmpWalkOptions { Parallelism = parallelism }).ToListAsync();

        Assert.True(sequential.Count > 100, $"only {sequential.Count} varbinds");
        Assert.Equal(sequential.Select(v => v.ToString()), parallel.Select(v => v.ToString()));
    }
}
