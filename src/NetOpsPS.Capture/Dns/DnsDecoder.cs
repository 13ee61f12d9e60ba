using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;

namespace NetOpsPS.Capture.Dns;

/// <summary>
/// Decodes a DNS message from bytes that came off the wire and may be anything: every length and
/// pointer is checked, compression loops end, and the number of records is bounded by the bytes present.
/// </summary>
public static class DnsDecoder
{
    private const int MaxNameLength = 255;
    private const int MaxPointerJumps = 64;

    /// <summary>Decodes <paramref name="message"/>; null when it is shorter than the 12-byte header.</summary>
    public static DnsMessage? Decode(ReadOnlySpan<byte> message)
    {
        if (message.Length < 12)
        {
            return null;
        }

        var result = new DnsMessage(BinaryPrimitives.ReadUInt16BigEndian(message), BinaryPrimitives.ReadUInt16BigEndian(message.Slice(2)));
        int questionCount = BinaryPrimitives.ReadUInt16BigEndian(message.Slice(4));
        int[] counts =
        [
            BinaryPrimitives.ReadUInt16BigEndian(message.Slice(6)),
            BinaryPrimitives.ReadUInt16BigEndian(message.Slice(8)),
            BinaryPrimitives.ReadUInt16BigEndian(message.Slice(10)),
        ];
        int at = 12;
        var questions = new List<DnsQuestion>(Math.Min(questionCount, 16));
        result.Questions = questions;
        try
        {
            for (int i = 0; i < questionCount; i++)
            {
                string name = ReadName(message, ref at);
                Need(message, at, 4);
                questions.Add(new DnsQuestion(name, (DnsRecordType)BinaryPrimitives.ReadUInt16BigEndian(message.Slice(at)), BinaryPrimitives.ReadUInt16BigEndian(message.Slice(at + 2))));
                at += 4;
            }

            var sections = new List<DnsResourceRecord>[3];
            for (int s = 0; s < 3; s++)
            {
                sections[s] = new List<DnsResourceRecord>(Math.Min(counts[s], 16));
            }

            result.Answers = sections[0];
            result.Authorities = sections[1];
            result.Additionals = sections[2];
            for (int s = 0; s < 3; s++)
            {
                for (int i = 0; i < counts[s]; i++)
                {
                    sections[s].Add(ReadRecord(message, ref at));
                }
            }
        }
        catch (FormatException ex)
        {
            result.Error = ex.Message;
        }

        return result;
    }

    private static DnsResourceRecord ReadRecord(ReadOnlySpan<byte> message, ref int at)
    {
        string name = ReadName(message, ref at);
        Need(message, at, 10);
        var type = (DnsRecordType)BinaryPrimitives.ReadUInt16BigEndian(message.Slice(at));
        int @class = BinaryPrimitives.ReadUInt16BigEndian(message.Slice(at + 2));
        uint ttl = BinaryPrimitives.ReadUInt32BigEndian(message.Slice(at + 4));
        int length = BinaryPrimitives.ReadUInt16BigEndian(message.Slice(at + 8));
        at += 10;
        Need(message, at, length);
        string data = ReadData(message, type, at, length);
        at += length;
        return new DnsResourceRecord(name, type, @class, ttl, data);
    }

    // RFC 1035 §3.3 (and RFC 2782 for SRV, RFC 3596 for AAAA): the presentation formats dig and tshark print.
    private static string ReadData(ReadOnlySpan<byte> message, DnsRecordType type, int at, int length)
    {
        ReadOnlySpan<byte> data = message.Slice(at, length);
        int cursor = at;
        switch (type)
        {
            case DnsRecordType.A when length == 4:
            case DnsRecordType.AAAA when length == 16:
                return new IPAddress(data).ToString();
            case DnsRecordType.NS or DnsRecordType.CNAME or DnsRecordType.PTR or DnsRecordType.DNAME:
                return ReadName(message, ref cursor);
            case DnsRecordType.MX when length >= 3:
                cursor += 2;
                return string.Create(CultureInfo.InvariantCulture, $"{BinaryPrimitives.ReadUInt16BigEndian(data)} {ReadName(message, ref cursor)}");
            case DnsRecordType.SRV when length >= 7:
                cursor += 6;
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{BinaryPrimitives.ReadUInt16BigEndian(data)} {BinaryPrimitives.ReadUInt16BigEndian(data.Slice(2))} {BinaryPrimitives.ReadUInt16BigEndian(data.Slice(4))} {ReadName(message, ref cursor)}");
            case DnsRecordType.SOA:
                string primary = ReadName(message, ref cursor);
                string mailbox = ReadName(message, ref cursor);
                Need(message, cursor, 20);
                return string.Create(CultureInfo.InvariantCulture, $"{primary} {mailbox} {BinaryPrimitives.ReadUInt32BigEndian(message.Slice(cursor))}");
            case DnsRecordType.TXT:
                return ReadText(data);
            default:
                return Convert.ToHexString(data).ToLowerInvariant();
        }
    }

    private static string ReadText(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder();
        while (!data.IsEmpty)
        {
            int length = data[0];
            if (length + 1 > data.Length)
            {
                throw new FormatException("A TXT string runs past its record.");
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(Encoding.UTF8.GetString(data.Slice(1, length)));
            data = data.Slice(length + 1);
        }

        return text.ToString();
    }

    // RFC 1035 §4.1.4: labels, ending in a zero byte or a pointer to an earlier name.
    private static string ReadName(ReadOnlySpan<byte> message, ref int at)
    {
        var name = new StringBuilder();
        int cursor = at;
        int jumps = 0;
        bool jumped = false;
        while (true)
        {
            Need(message, cursor, 1);
            int length = message[cursor];
            if (length == 0)
            {
                cursor++;
                break;
            }

            if ((length & 0xC0) == 0xC0)
            {
                Need(message, cursor, 2);
                if (++jumps > MaxPointerJumps)
                {
                    throw new FormatException("A compressed name loops.");
                }

                if (!jumped)
                {
                    at = cursor + 2;
                    jumped = true;
                }

                cursor = BinaryPrimitives.ReadUInt16BigEndian(message.Slice(cursor)) & 0x3FFF;
                continue;
            }

            if ((length & 0xC0) != 0)
            {
                throw new FormatException($"Label type 0x{length:x2} is not supported.");
            }

            Need(message, cursor + 1, length);
            if (name.Length + length + 1 > MaxNameLength)
            {
                throw new FormatException("A name is longer than 255 bytes.");
            }

            if (name.Length > 0)
            {
                name.Append('.');
            }

            AppendLabel(name, message.Slice(cursor + 1, length));
            cursor += length + 1;
        }

        if (!jumped)
        {
            at = cursor;
        }

        return name.Length == 0 ? "<Root>" : name.ToString();
    }

    private static void AppendLabel(StringBuilder name, ReadOnlySpan<byte> label)
    {
        foreach (byte b in label)
        {
            if (b is > 0x20 and < 0x7F)
            {
                name.Append((char)b);
            }
            else
            {
                name.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
            }
        }
    }

    private static void Need(ReadOnlySpan<byte> message, int at, int count)
    {
        if (at < 0 || count < 0 || at + count > message.Length)
        {
            throw new FormatException($"The message ends at byte {message.Length}, inside a field at {at}.");
        }
    }
}
