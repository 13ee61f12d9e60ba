using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;
using NetOpsPS.Devices.Snmp.Internal;
using Xunit;

namespace NetOpsPS.Devices.Tests.Snmp;

/// <summary>
/// The parallel walk against a fake agent serving a synthetic table of 3 columns × 2,000 rows, where each request's
/// source port shows how many sockets the walk used. (Against snmpd, SnmpCommunityTests compares it with snmpbulkwalk.)
/// The other walkers join once their tasks run; the table is big enough (3,000 requests) that a CI machine busy
/// with other tests still lets them join before the first walker has finished alone (300 requests did not, once).
/// </summary>
public sealed class SnmpParallelWalkTests
{
    private const int Rows = 2000;

    private static readonly SnmpOid Table = SnmpOid.Parse("1.3.6.1.4.1.99999.7.1");
    private static readonly SnmpOid[] Mib = Enumerable.Range(1, 3)
        .SelectMany(column => Enumerable.Range(1, Rows).Select(row => Table.Append((uint)column, (uint)row)))
        .Append(SnmpOid.Parse("1.3.6.1.4.1.99999.8.0"))
        .ToArray();

    [Fact]
    public async Task Ranges_are_walked_on_several_sockets_and_come_out_whole_and_in_order()
    {
        using var fake = new FakeAgent(Answer);
        var target = new SnmpTarget("127.0.0.1", SnmpCredential.Community("public"), fake.Port) { Timeout = TimeSpan.FromSeconds(5), Retries = 0 };
        await using var client = new SnmpClient(target);

        List<SnmpVarBind> walk = await client.WalkAsync(Table, new SnmpWalkOptions { MaxRepetitions = 2, Parallelism = 4 }).ToListAsync();

        Assert.Equal(Mib.Take(3 * Rows), walk.Select(v => v.Oid));
        Assert.True(fake.SourcePorts.Count > 1, $"one socket only: {fake.Requests} requests");
    }

    // GetBulk / GetNext over the synthetic MIB; the value is the row number.
    private static byte[] Answer(byte[] request)
    {
        SnmpPdu pdu = CommunityMessage.Decode(request, SnmpVersion.V2c);
        int count = pdu.Type == PduType.GetBulkRequest ? pdu.ErrorIndex : 1;
        SnmpOid from = pdu.VarBinds[0].Oid;
        int at = Array.BinarySearch(Mib, from);
        var answer = Mib.Skip(at >= 0 ? at + 1 : ~at).Take(count)
            .Select(o => new SnmpVarBind(o, SnmpValue.Integer((int)o.Arcs[^1]))).ToList();
        if (answer.Count < count)
        {
            answer.Add(new SnmpVarBind(answer.Count > 0 ? answer[^1].Oid : from, SnmpValue.EndOfMibView));
        }

        return CommunityMessage.Encode(SnmpVersion.V2c, "public"u8, new SnmpPdu(PduType.Response, pdu.RequestId, 0, 0, answer));
    }
}
