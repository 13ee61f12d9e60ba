using System;
using System.Formats.Asn1;

namespace NetOpsPS.Devices.Snmp.Internal;

/// <summary>SNMPv1 and v2c messages: SEQUENCE { version, community, PDU } (RFC 1157 §4, RFC 1901 §3).</summary>
internal static class CommunityMessage
{
    public static byte[] Encode(SnmpVersion version, ReadOnlySpan<byte> community, SnmpPdu pdu)
    {
        var writer = new AsnWriter(AsnEncodingRules.BER);
        using (writer.PushSequence())
        {
            writer.WriteInteger((int)version);
            writer.WriteOctetString(community);
            PduCodec.Write(writer, pdu);
        }

        return writer.Encode();
    }

    public static SnmpPdu Decode(ReadOnlySpan<byte> message, SnmpVersion expected)
    {
        var outer = new BerReader(message);
        BerReader body = outer.ReadSequence("the message");
        long version = body.ReadInteger("msgVersion");
        if (version != (int)expected)
        {
            throw BerReader.Malformed($"a version {version} message in answer to a {expected} request");
        }

        _ = body.ReadOctetString("the community");
        SnmpPdu pdu = PduCodec.Read(ref body);
        body.ExpectEnd("the PDU");
        return pdu;
    }
}
