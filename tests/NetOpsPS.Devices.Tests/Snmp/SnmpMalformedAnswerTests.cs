using System;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;
using NetOpsPS.Devices.Snmp.Internal;
using Xunit;

namespace NetOpsPS.Devices.Tests.Snmp;

/// <summary>Malformed and truncated BER from a fake agent: a clear MalformedResponse error, never a crash or a hang.</summary>
public sealed class SnmpMalformedAnswerTests
{
    private static readonly SnmpOid SysName = SnmpOid.Parse("sysName.0");

    public static TheoryData<string, Func<byte[], byte[]>> Corruptions => new()
    {
        { "truncated to half", good => good[..(good.Length / 2)] },
        { "cut one byte short", good => good[..^1] },
        { "not BER at all", _ => "hello agent"u8.ToArray() },
        { "an empty datagram", _ => [] },
        { "an outer length beyond the datagram", good => Patch(good, 1, 0x7F) },
        { "a length of length 0x84 with no bytes", _ => [0x30, 0x84, 0x00] },
        { "trailing garbage after the PDU", good => [0x30, (byte)(good[1] + 2), .. good[2..], 0x05, 0x00] },
        { "an INTEGER request-id of 12 bytes", good => ReplaceRequestId(good) },
        { "an OID sub-identifier above 2^32", _ => WithValue([0x06, 0x07, 0x2B, 0x06, 0x9F, 0xFF, 0xFF, 0xFF, 0x7F]) },
        { "a Counter64 of 10 bytes", _ => WithValue([0x46, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) },
        { "an IpAddress of 3 bytes", _ => WithValue([0x40, 0x03, 127, 0, 0]) },
        { "an unknown application type", _ => WithValue([0x45, 0x01, 0x00]) },
        { "a version-3 answer to a v2c request", good => Patch(good, 4, 3) },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task A_malformed_answer_is_a_MalformedResponse_error(string what, Func<byte[], byte[]> corrupt)
    {
        using var fake = new FakeAgent(request => corrupt(GoodAnswer(request)));
        var target = new SnmpTarget("127.0.0.1", SnmpCredential.Community("public"), fake.Port) { Timeout = TimeSpan.FromSeconds(5), Retries = 0 };
        await using var client = new SnmpClient(target);

        var ex = await Assert.ThrowsAsync<SnmpException>(() => client.GetAsync([SysName]));

        Assert.True(ex.Error == SnmpError.MalformedResponse, $"{what}: {ex.Error}: {ex.Message}");
        Assert.StartsWith("The agent's answer is not a valid SNMP message", ex.Message);
    }

    private static byte[] GoodAnswer(byte[] request)
    {
        SnmpPdu pdu = CommunityMessage.Decode(request, SnmpVersion.V2c);
        return CommunityMessage.Encode(SnmpVersion.V2c, "public"u8, new SnmpPdu(PduType.Response, pdu.RequestId, 0, 0, [new SnmpVarBind(SysName, SnmpValue.OctetString("x"))]));
    }

    private static byte[] Patch(byte[] bytes, int index, byte value)
    {
        byte[] copy = (byte[])bytes.Clone();
        copy[index] = value;
        return copy;
    }

    // SEQUENCE { 1, "public", Response { id 1, 0, 0, { { sysName.0, value } } } } with a raw value TLV.
    private static byte[] WithValue(byte[] value)
    {
        byte[] oid = [0x06, 0x08, 0x2B, 6, 1, 2, 1, 1, 5, 0];
        byte[] varBind = [0x30, (byte)(oid.Length + value.Length), .. oid, .. value];
        byte[] list = [0x30, (byte)varBind.Length, .. varBind];
        byte[] pdu = [0x02, 0x01, 0x01, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00, .. list];
        byte[] response = [0xA2, (byte)pdu.Length, .. pdu];
        byte[] body = [0x02, 0x01, 0x01, 0x04, 0x06, .. "public"u8, .. response];
        return [0x30, (byte)body.Length, .. body];
    }

    private static byte[] ReplaceRequestId(byte[] good)
    {
        byte[] pdu = [0x02, 0x0C, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00, 0x30, 0x00];
        byte[] response = [0xA2, (byte)pdu.Length, .. pdu];
        byte[] body = [0x02, 0x01, 0x01, 0x04, 0x06, .. "public"u8, .. response];
        _ = good;
        return [0x30, (byte)body.Length, .. body];
    }
}
