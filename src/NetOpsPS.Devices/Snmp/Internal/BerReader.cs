using System;
using System.Formats.Asn1;

namespace NetOpsPS.Devices.Snmp.Internal;

/// <summary>
/// Reads SNMP's BER (X.690 §8, as RFC 3416 §2 and RFC 3412 §6 use it) from a span: System.Formats.Asn1
/// parses every tag and length; INTEGER and OID contents are decoded here because SNMP needs what
/// AsnReader does not give: unsigned 32/64-bit values as agents send them (net-snmp accepts a
/// missing leading zero) and OID arcs as numbers without a string round trip.
/// Every malformed input ends in <see cref="SnmpException"/> with <see cref="SnmpError.MalformedResponse"/>.
/// </summary>
internal ref struct BerReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _base;
    private int _position;

    public BerReader(ReadOnlySpan<byte> data, int baseOffset = 0)
    {
        _data = data;
        _base = baseOffset;
        _position = 0;
    }

    public readonly bool HasData => _position < _data.Length;

    public readonly Asn1Tag PeekTag()
    {
        if (!Asn1Tag.TryDecode(_data[_position..], out Asn1Tag tag, out _))
        {
            throw Malformed("a tag that is not valid BER");
        }

        return tag;
    }

    /// <summary>Reads one TLV; <paramref name="contentOffset"/> is relative to the outermost message.</summary>
    public ReadOnlySpan<byte> ReadAny(out Asn1Tag tag, out int contentOffset)
    {
        ReadOnlySpan<byte> rest = _data[_position..];
        try
        {
            tag = Asn1Tag.Decode(rest, out _);
            AsnDecoder.ReadEncodedValue(rest, AsnEncodingRules.BER, out int offset, out int length, out int consumed);
            contentOffset = _base + _position + offset;
            _position += consumed;
            return rest.Slice(offset, length);
        }
        catch (AsnContentException ex)
        {
            throw Malformed($"BER that does not parse at byte {_base + _position}: {ex.Message}", ex);
        }
    }

    /// <summary>Reads one whole TLV, tag and length included.</summary>
    public ReadOnlySpan<byte> ReadEncoded(string what)
    {
        int start = _position;
        _ = ReadAny(out Asn1Tag tag, out _);
        if (tag.TagClass != TagClass.Universal || tag.TagValue != (int)UniversalTagNumber.Sequence)
        {
            throw Malformed($"{what} with tag {tag} where a SEQUENCE belongs");
        }

        return _data[start.._position];
    }

    public ReadOnlySpan<byte> Read(Asn1Tag expected, string what, out int contentOffset)
    {
        ReadOnlySpan<byte> content = ReadAny(out Asn1Tag tag, out contentOffset);
        if (!tag.HasSameClassAndValue(expected))
        {
            throw Malformed($"{what} with tag {tag} where {expected} belongs");
        }

        return content;
    }

    public ReadOnlySpan<byte> Read(Asn1Tag expected, string what) => Read(expected, what, out _);

    public BerReader ReadSequence(Asn1Tag expected, string what)
    {
        ReadOnlySpan<byte> content = Read(expected, what, out int offset);
        return new BerReader(content, offset);
    }

    public BerReader ReadSequence(string what) => ReadSequence(Asn1Tag.Sequence, what);

    public long ReadInteger(string what) => ReadSigned(Read(Asn1Tag.Integer, what), what);

    public int ReadInt32(string what)
    {
        long value = ReadInteger(what);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Malformed($"{what} {value} outside 32 bits");
    }

    public ReadOnlySpan<byte> ReadOctetString(string what) => Read(Asn1Tag.PrimitiveOctetString, what);

    public readonly void ExpectEnd(string what)
    {
        if (HasData)
        {
            throw Malformed($"{_data.Length - _position} unexpected bytes after {what}");
        }
    }

    public static long ReadSigned(ReadOnlySpan<byte> content, string what)
    {
        if (content.Length is 0 or > 8)
        {
            throw Malformed($"{what} as an INTEGER of {content.Length} bytes");
        }

        long value = (sbyte)content[0];
        for (int i = 1; i < content.Length; i++)
        {
            value = (value << 8) | content[i];
        }

        return value;
    }

    /// <summary>Counter32/Gauge32/TimeTicks/Counter64 (RFC 2578 §7.1.6-10): up to 8 value bytes after an optional leading zero.</summary>
    public static ulong ReadUnsigned(ReadOnlySpan<byte> content, int maxBytes, string what)
    {
        if (content.Length > 1 && content[0] == 0)
        {
            content = content[1..];
        }

        if (content.Length == 0 || content.Length > maxBytes)
        {
            throw Malformed($"{what} as an unsigned value of {content.Length} bytes (at most {maxBytes})");
        }

        ulong value = 0;
        foreach (byte b in content)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>X.690 §8.19: base-128 sub-identifiers, the first one holding the first two arcs.</summary>
    public static SnmpOid ReadOid(ReadOnlySpan<byte> content, string what)
    {
        if (content.IsEmpty)
        {
            throw Malformed($"{what}: an empty OBJECT IDENTIFIER");
        }

        Span<uint> arcs = stackalloc uint[SnmpOid.MaxLength];
        int count = 0;
        ulong current = 0;
        int digits = 0;
        foreach (byte b in content)
        {
            if (digits == 0 && b == 0x80)
            {
                throw Malformed($"{what}: a sub-identifier with a leading 0x80 byte");
            }

            current = (current << 7) | (uint)(b & 0x7F);
            digits++;
            if (current > uint.MaxValue || digits > 5)
            {
                throw Malformed($"{what}: a sub-identifier above 2^32-1");
            }

            if ((b & 0x80) != 0)
            {
                continue;
            }

            if (count == 0)
            {
                uint first = current < 40 ? 0u : current < 80 ? 1u : 2u;
                arcs[count++] = first;
                current -= first * 40;
            }

            if (count >= SnmpOid.MaxLength)
            {
                throw Malformed($"{what}: more than {SnmpOid.MaxLength} sub-identifiers (RFC 2578 §3.5)");
            }

            arcs[count++] = (uint)current;
            current = 0;
            digits = 0;
        }

        if (digits != 0)
        {
            throw Malformed($"{what}: the last sub-identifier is cut off");
        }

        return new SnmpOid(arcs[..count]);
    }

    public static SnmpException Malformed(string detail, Exception? inner = null) =>
        new(SnmpError.MalformedResponse, $"The agent's answer is not a valid SNMP message: {detail}.", inner);
}
