using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using DnsClient;
using DnsClient.Protocol;

namespace NetOpsPS.Sockets.DnsTools.Internal;

/// <summary>DnsClient's response and records as the engine's typed result.</summary>
internal static class DnsResponseMapper
{
    public static DnsQueryResult ToResult(
        DnsQuestion question, DnsRecordType type, IPEndPoint server, DnsTransport transport, bool truncatedOverUdp, TimeSpan rtt, IDnsQueryResponse response)
    {
        DnsResponseHeader header = response.Header;
        return new DnsQueryResult
        {
            Name = question.QueryName.Value,
            Type = type,
            Status = (DnsResponseStatus)(int)header.ResponseCode,
            Server = server,
            Transport = transport,
            TruncatedOverUdp = truncatedOverUdp,
            RoundTripTime = rtt,
            Id = header.Id,
            Flags = Flags(header),
            Authoritative = header.HasAuthorityAnswer,
            RecursionAvailable = header.RecursionAvailable,
            MessageSize = response.MessageSize,
            Answers = Map(response.Answers, DnsSection.Answer),
            Authorities = Map(response.Authorities, DnsSection.Authority),
            Additionals = Map(response.Additionals, DnsSection.Additional),
        };
    }

    // dig's order and spelling; qr is always set on a response.
    private static string Flags(DnsResponseHeader h)
    {
        var flags = new List<string> { "qr" };
        Add(h.HasAuthorityAnswer, "aa");
        Add(h.ResultTruncated, "tc");
        Add(h.RecursionDesired, "rd");
        Add(h.RecursionAvailable, "ra");
        Add(h.IsAuthenticData, "ad");
        Add(h.IsCheckingDisabled, "cd");
        return string.Join(' ', flags);

        void Add(bool set, string flag)
        {
            if (set)
            {
                flags.Add(flag);
            }
        }
    }

    private static DnsRecord[] Map(IReadOnlyList<DnsResourceRecord> records, DnsSection section) =>
        records.Where(r => r.RecordType != ResourceRecordType.OPT).Select(r => Map(r, section)).ToArray();

    private static DnsRecord Map(DnsResourceRecord r, DnsSection section)
    {
        int code = (int)r.RecordType;
        string type = Enum.IsDefined((DnsRecordType)code) ? ((DnsRecordType)code).ToString() : TypeName(r.RecordType, code);
        string name = r.DomainName.Value;
        int ttl = r.InitialTimeToLive;
        return r switch
        {
            ARecord a => Address(a.Address),
            AaaaRecord a => Address(a.Address),
            CNameRecord c => Target(c.CanonicalName.Value),
            NsRecord n => Target(n.NSDName.Value),
            PtrRecord p => Target(p.PtrDomainName.Value),
            MxRecord m => new DnsRecord
            {
                Name = name, Type = type, TypeCode = code, TimeToLive = ttl, Section = section,
                Data = $"{m.Preference} {m.Exchange.Value}", Target = m.Exchange.Value, Preference = m.Preference,
            },
            SrvRecord s => new DnsRecord
            {
                Name = name, Type = type, TypeCode = code, TimeToLive = ttl, Section = section,
                Data = $"{s.Priority} {s.Weight} {s.Port} {s.Target.Value}",
                Target = s.Target.Value, Priority = s.Priority, Weight = s.Weight, Port = s.Port,
            },
            TxtRecord t => new DnsRecord
            {
                Name = name, Type = type, TypeCode = code, TimeToLive = ttl, Section = section,
                Data = string.Join(' ', t.EscapedText.Select(Quote)), Text = t.Text.ToArray(),
            },
            SoaRecord s => new DnsRecord
            {
                Name = name, Type = type, TypeCode = code, TimeToLive = ttl, Section = section,
                Data = string.Create(CultureInfo.InvariantCulture, $"{s.MName.Value} {s.RName.Value} {s.Serial} {s.Refresh} {s.Retry} {s.Expire} {s.Minimum}"),
                PrimaryServer = s.MName.Value, ResponsibleMailbox = s.RName.Value, Serial = s.Serial,
                Refresh = TimeSpan.FromSeconds(s.Refresh), Retry = TimeSpan.FromSeconds(s.Retry),
                Expire = TimeSpan.FromSeconds(s.Expire), MinimumTimeToLive = TimeSpan.FromSeconds(s.Minimum),
            },
            CaaRecord c => new DnsRecord
            {
                Name = name, Type = type, TypeCode = code, TimeToLive = ttl, Section = section,
                Data = $"{c.Flags} {c.Tag} {Quote(c.Value)}", Flags = c.Flags, Tag = c.Tag, Value = c.Value,
            },
            _ => new DnsRecord { Name = name, Type = type, TypeCode = code, TimeToLive = ttl, Section = section, Data = OtherData(r) },
        };

        DnsRecord Address(IPAddress address) => new()
        {
            Name = name, Type = type, TypeCode = code, TimeToLive = ttl, Section = section, Data = address.ToString(), Address = address,
        };

        DnsRecord Target(string target) => new()
        {
            Name = name, Type = type, TypeCode = code, TimeToLive = ttl, Section = section, Data = target, Target = target,
        };
    }

    // RFC 3597 §5 names a type without a mnemonic TYPEnnn.
    private static string TypeName(ResourceRecordType type, int code) =>
        Enum.IsDefined(type) ? type.ToString() : string.Create(CultureInfo.InvariantCulture, $"TYPE{code}");

    private static string Quote(string text) => "\"" + text.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    // DnsClient prints "<name> <ttl> <class> <type> <data>"; keep the data.
    private static string OtherData(DnsResourceRecord r)
    {
        string[] parts = r.ToString().Split(' ', 5, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 5 ? parts[4] : new StringBuilder().Append(r).ToString();
    }
}
