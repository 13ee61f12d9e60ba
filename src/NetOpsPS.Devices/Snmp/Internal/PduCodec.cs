using System;
using System.Collections.Generic;
using System.Formats.Asn1;
using System.Net;

namespace NetOpsPS.Devices.Snmp.Internal;

/// <summary>Encodes and decodes PDUs and varbinds (RFC 3416 §3; SMI application types, RFC 2578 §7.1).</summary>
internal static class PduCodec
{
    private static readonly Asn1Tag IpAddressTag = new(TagClass.Application, 0);
    private static readonly Asn1Tag Counter32Tag = new(TagClass.Application, 1);
    private static readonly Asn1Tag Gauge32Tag = new(TagClass.Application, 2);
    private static readonly Asn1Tag TimeTicksTag = new(TagClass.Application, 3);
    private static readonly Asn1Tag OpaqueTag = new(TagClass.Application, 4);
    private static readonly Asn1Tag Counter64Tag = new(TagClass.Application, 6);
    private static readonly Asn1Tag NoSuchObjectTag = new(TagClass.ContextSpecific, 0);
    private static readonly Asn1Tag NoSuchInstanceTag = new(TagClass.ContextSpecific, 1);
    private static readonly Asn1Tag EndOfMibViewTag = new(TagClass.ContextSpecific, 2);

    public static Asn1Tag TagOf(PduType type) => new(TagClass.ContextSpecific, (int)type, isConstructed: true);

    public static void Write(AsnWriter writer, SnmpPdu pdu)
    {
        using (writer.PushSequence(TagOf(pdu.Type)))
        {
            writer.WriteInteger(pdu.RequestId);
            writer.WriteInteger(pdu.ErrorStatus);
            writer.WriteInteger(pdu.ErrorIndex);
            using (writer.PushSequence())
            {
                foreach (SnmpVarBind varBind in pdu.VarBinds)
                {
                    using (writer.PushSequence())
                    {
                        WriteOid(writer, varBind.Oid);
                        WriteValue(writer, varBind.Value);
                    }
                }
            }
        }
    }

    public static SnmpPdu Read(ref BerReader reader)
    {
        Asn1Tag tag = reader.PeekTag();
        if (tag.TagClass != TagClass.ContextSpecific || !tag.IsConstructed || tag.TagValue > (int)PduType.Report)
        {
            throw BerReader.Malformed($"a PDU with tag {tag}");
        }

        BerReader pdu = reader.ReadSequence(tag, "the PDU");
        int requestId = pdu.ReadInt32("request-id");
        int errorStatus = pdu.ReadInt32("error-status");
        int errorIndex = pdu.ReadInt32("error-index");
        BerReader list = pdu.ReadSequence("the variable-bindings");
        var varBinds = new List<SnmpVarBind>();
        while (list.HasData)
        {
            BerReader varBind = list.ReadSequence("a VarBind");
            SnmpOid oid = BerReader.ReadOid(varBind.Read(new Asn1Tag(UniversalTagNumber.ObjectIdentifier), "a VarBind name"), "a VarBind name");
            SnmpValue value = ReadValue(ref varBind, oid);
            varBind.ExpectEnd("a VarBind");
            varBinds.Add(new SnmpVarBind(oid, value));
        }

        return new SnmpPdu((PduType)tag.TagValue, requestId, errorStatus, errorIndex, varBinds);
    }

    private static SnmpValue ReadValue(ref BerReader reader, SnmpOid oid)
    {
        ReadOnlySpan<byte> content = reader.ReadAny(out Asn1Tag tag, out _);
        string what = $"the value of {oid}";
        if (tag.IsConstructed)
        {
            throw BerReader.Malformed($"{what} with constructed tag {tag}");
        }

        switch (tag.TagClass)
        {
            case TagClass.Universal:
                return (UniversalTagNumber)tag.TagValue switch
                {
                    UniversalTagNumber.Integer => SnmpValue.Integer(checked((int)Clamp32(BerReader.ReadSigned(content, what), what))),
                    UniversalTagNumber.OctetString => SnmpValue.OctetString(content),
                    UniversalTagNumber.Null => SnmpValue.Null,
                    UniversalTagNumber.ObjectIdentifier => SnmpValue.ObjectIdentifier(BerReader.ReadOid(content, what)),
                    _ => throw BerReader.Malformed($"{what} of universal type {tag.TagValue}, which SNMP does not use"),
                };
            case TagClass.Application:
                return tag.TagValue switch
                {
                    0 when content.Length == 4 => SnmpValue.IpAddress(new IPAddress(content)),
                    0 => throw BerReader.Malformed($"{what}: an IpAddress of {content.Length} bytes"),
                    1 => SnmpValue.Counter32((uint)BerReader.ReadUnsigned(content, 4, what)),
                    2 => SnmpValue.Gauge32((uint)BerReader.ReadUnsigned(content, 4, what)),
                    3 => SnmpValue.TimeTicks((uint)BerReader.ReadUnsigned(content, 4, what)),
                    4 => SnmpValue.Opaque(content),
                    6 => SnmpValue.Counter64(BerReader.ReadUnsigned(content, 8, what)),
                    _ => throw BerReader.Malformed($"{what} of application type {tag.TagValue}"),
                };
            case TagClass.ContextSpecific when content.IsEmpty:
                return tag.TagValue switch
                {
                    0 => SnmpValue.NoSuchObject,
                    1 => SnmpValue.NoSuchInstance,
                    2 => SnmpValue.EndOfMibView,
                    _ => throw BerReader.Malformed($"{what}: exception [{tag.TagValue}]"),
                };
            default:
                throw BerReader.Malformed($"{what} with tag {tag}");
        }
    }

    private static long Clamp32(long value, string what) =>
        value is >= int.MinValue and <= int.MaxValue ? value : throw BerReader.Malformed($"{what}: INTEGER {value} outside Integer32");

    private static void WriteOid(AsnWriter writer, SnmpOid oid)
    {
        // The OID without its leading dot: AsnWriter takes dotted text. X.690 §8.19.4 needs two arcs:
        // a one-arc OID (a walk of ".1") goes out as "1.0", which sorts right before everything under it, as net-snmp does.
        writer.WriteObjectIdentifier(oid.Length == 1 ? oid.ToString()[1..] + ".0" : oid.ToString().AsSpan(1));
    }

    private static void WriteValue(AsnWriter writer, SnmpValue value)
    {
        object? raw = value.Raw;
        switch (value.Type)
        {
            case SnmpType.Integer: writer.WriteInteger((int)raw!); break;
            case SnmpType.OctetString: writer.WriteOctetString((byte[])raw!); break;
            case SnmpType.Null: writer.WriteNull(); break;
            case SnmpType.ObjectIdentifier: WriteOid(writer, (SnmpOid)raw!); break;
            case SnmpType.IpAddress: writer.WriteOctetString(((IPAddress)raw!).GetAddressBytes(), IpAddressTag); break;
            case SnmpType.Counter32: writer.WriteInteger((long)(uint)raw!, Counter32Tag); break;
            case SnmpType.Gauge32: writer.WriteInteger((long)(uint)raw!, Gauge32Tag); break;
            case SnmpType.TimeTicks: writer.WriteInteger((long)value.ToUInt64()!.Value, TimeTicksTag); break;
            case SnmpType.Opaque: writer.WriteOctetString((byte[])raw!, OpaqueTag); break;
            case SnmpType.Counter64: writer.WriteInteger((ulong)raw!, Counter64Tag); break;
            case SnmpType.NoSuchObject: writer.WriteNull(NoSuchObjectTag); break;
            case SnmpType.NoSuchInstance: writer.WriteNull(NoSuchInstanceTag); break;
            case SnmpType.EndOfMibView: writer.WriteNull(EndOfMibViewTag); break;
            default: throw new ArgumentOutOfRangeException(nameof(value), value.Type, "Unknown SNMP type.");
        }
    }
}
