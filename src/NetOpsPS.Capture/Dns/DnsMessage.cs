using System.Collections.Generic;

namespace NetOpsPS.Capture.Dns;

/// <summary>One question of a DNS message (RFC 1035 §4.1.2).</summary>
public sealed record DnsQuestion(string Name, DnsRecordType Type, int Class);

/// <summary>One resource record of a DNS message (RFC 1035 §4.1.3); <see cref="Data"/> in the presentation format.</summary>
public sealed record DnsResourceRecord(string Name, DnsRecordType Type, int Class, uint TimeToLive, string Data);

/// <summary>A DNS message decoded from a packet's payload (RFC 1035 §4.1).</summary>
public sealed class DnsMessage
{
    internal DnsMessage(int id, ushort flags)
    {
        Id = id;
        Flags = flags;
    }

    /// <summary>Message id.</summary>
    public int Id { get; }

    /// <summary>The 16 flag bits as sent.</summary>
    public ushort Flags { get; }

    /// <summary>QR: a response.</summary>
    public bool IsResponse => (Flags & 0x8000) != 0;

    /// <summary>OPCODE (0 query).</summary>
    public int Opcode => (Flags >> 11) & 0xF;

    /// <summary>AA.</summary>
    public bool Authoritative => (Flags & 0x0400) != 0;

    /// <summary>TC: the answer did not fit.</summary>
    public bool Truncated => (Flags & 0x0200) != 0;

    /// <summary>RD.</summary>
    public bool RecursionDesired => (Flags & 0x0100) != 0;

    /// <summary>RA.</summary>
    public bool RecursionAvailable => (Flags & 0x0080) != 0;

    /// <summary>RCODE (0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN...).</summary>
    public int ResponseCode => Flags & 0xF;

    /// <summary>Question section.</summary>
    public IReadOnlyList<DnsQuestion> Questions { get; internal set; } = [];

    /// <summary>Answer section.</summary>
    public IReadOnlyList<DnsResourceRecord> Answers { get; internal set; } = [];

    /// <summary>Authority section.</summary>
    public IReadOnlyList<DnsResourceRecord> Authorities { get; internal set; } = [];

    /// <summary>Additional section (EDNS OPT included).</summary>
    public IReadOnlyList<DnsResourceRecord> Additionals { get; internal set; } = [];

    /// <summary>Why decoding stopped early, or null when the whole message decoded; the sections hold what came before.</summary>
    public string? Error { get; internal set; }

    /// <inheritdoc />
    public override string ToString()
    {
        string name = Questions.Count > 0 ? $" {Questions[0].Type} {Questions[0].Name}" : string.Empty;
        return IsResponse ? $"response 0x{Id:x4}{name} ({Answers.Count} answers)" : $"query 0x{Id:x4}{name}";
    }
}
