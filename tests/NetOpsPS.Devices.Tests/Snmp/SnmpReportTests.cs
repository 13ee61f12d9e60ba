using System;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;
using NetOpsPS.Devices.Snmp.Internal;
using Xunit;

namespace NetOpsPS.Devices.Tests.Snmp;

/// <summary>
/// Reports net-snmp's agent does not send on demand (notInTimeWindow after a resynchronisation, decryptionError),
/// from a fake agent that answers discovery and then reports.
/// </summary>
public sealed class SnmpReportTests
{
    private static readonly byte[] EngineId = Convert.FromHexString("80001F8804666173652D6167656E74");

    [Theory]
    [InlineData(2u, SnmpError.NotInTimeWindow, "time window")]
    [InlineData(6u, SnmpError.DecryptionError, "could not decrypt")]
    [InlineData(3u, SnmpError.UnknownUserName, "does not know the user")]
    public async Task A_report_becomes_its_typed_error(uint usmStat, SnmpError expected, string text)
    {
        using var fake = new FakeAgent(request => Report(request, usmStat));
        var credential = SnmpCredential.User("usr-fake", SnmpAuthProtocol.Sha256, "authpass-fake", SnmpPrivProtocol.Aes128, "privpass-fake");
        var target = new SnmpTarget("127.0.0.1", credential, fake.Port) { Timeout = TimeSpan.FromSeconds(5), Retries = 0 };
        await using var client = new SnmpClient(target);

        var ex = await Assert.ThrowsAsync<SnmpException>(() => client.GetAsync([SnmpOid.Parse("sysName.0")]));

        Assert.Equal(expected, ex.Error);
        Assert.Contains(text, ex.Message);
        // Discovery, the request, and for notInTimeWindow exactly one resynchronised retry (RFC 3414 §4).
        Assert.Equal(expected == SnmpError.NotInTimeWindow ? 3 : 2, fake.Requests);
    }

    private static byte[] Report(byte[] request, uint usmStat)
    {
        UsmMessage incoming = UsmMessage.Decode(request);
        var engine = new UsmEngineState();
        engine.Discovered(EngineId, 7, 1000);
        uint stat = incoming.EngineId.Length == 0 ? 4u : usmStat;
        var report = new SnmpPdu(PduType.Report, 0, 0, 0, [new SnmpVarBind(SnmpOid.Parse($"1.3.6.1.6.3.15.1.1.{stat}.0"), SnmpValue.Counter32(1))]);
        return UsmMessage.Encode(incoming.MessageId, MessageFlags.None, engine, [], null, null, null, EngineId, [], report);
    }
}
