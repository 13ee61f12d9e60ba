using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Threading;

namespace NetOpsPS.Sockets.DnsTools.Internal;

/// <summary>
/// The proxy's answer cache: whole response messages keyed by question and EDNS flags, aged in place
/// on the way out (every TTL minus the seconds held, RFC 1035 §7.4), with negative answers kept per
/// RFC 2308. Bounded: when full, expired entries are swept and, if it is still full, new answers are
/// not kept until room appears.
/// </summary>
internal sealed class DnsCache
{
    private readonly ConcurrentDictionary<string, CacheEntry> _entries = new(StringComparer.Ordinal);
    private readonly int _maxEntries;
    private readonly uint _maxTtl;
    private readonly uint _maxNegativeTtl;
    private long _lastSweep;

    public DnsCache(int maxEntries, TimeSpan maxTtl, TimeSpan maxNegativeTtl)
    {
        _maxEntries = maxEntries;
        _maxTtl = (uint)Math.Min(int.MaxValue, maxTtl.TotalSeconds);
        _maxNegativeTtl = (uint)Math.Min(int.MaxValue, maxNegativeTtl.TotalSeconds);
    }

    public int Count => _entries.Count;

    /// <summary>
    /// The cache key of a query: its question with the name in lower case (RFC 4343), plus the bits that
    /// change the answer's shape: EDNS present, DO (RFC 3225) and CD (RFC 4035 §3.2.2).
    /// </summary>
    public static string Key(ReadOnlySpan<byte> query, int questionEnd, MessageLayout layout)
    {
        ReadOnlySpan<byte> question = query[DnsWire.HeaderLength..questionEnd];
        char flags = (char)('0' + (layout.HasOpt ? 1 : 0) + (layout.DnssecOk ? 2 : 0) + (DnsWire.CheckingDisabled(query) ? 4 : 0));
        Span<char> key = question.Length <= 300 ? stackalloc char[question.Length + 1] : new char[question.Length + 1];
        for (int i = 0; i < question.Length; i++)
        {
            key[i] = (char)DnsWire.Lower(question[i]);
        }

        key[^1] = flags;
        return new string(key);
    }

    /// <summary>
    /// Writes the cached answer for <paramref name="query"/> into <paramref name="destination"/>, aged and
    /// with the query's id, question spelling and RD bit; 0 when there is none or it has expired.
    /// </summary>
    public int TryRender(string key, ReadOnlySpan<byte> query, int questionEnd, Span<byte> destination, long nowMs)
    {
        if (!_entries.TryGetValue(key, out CacheEntry? entry))
        {
            return 0;
        }

        if (nowMs >= entry.ExpiresAtMs)
        {
            _entries.TryRemove(new(key, entry));
            return 0;
        }

        byte[] message = entry.Message;
        if (message.Length > destination.Length)
        {
            return 0;
        }

        message.CopyTo(destination);
        // The same question bytes as asked: clients may check the 0x20 case pattern (draft-vixie-dnsext-dns0x20).
        query[..2].CopyTo(destination);
        query[DnsWire.HeaderLength..questionEnd].CopyTo(destination[DnsWire.HeaderLength..]);
        destination[2] = (byte)((message[2] & 0xFE) | (query[2] & 0x01));
        uint held = (uint)((nowMs - entry.StoredAtMs) / 1000);
        int[] offsets = entry.TtlOffsets;
        uint[] ttls = entry.Ttls;
        for (int i = 0; i < offsets.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offsets[i]..], ttls[i] > held ? ttls[i] - held : 0);
        }

        return message.Length;
    }

    /// <summary>Keeps an upstream answer (the array is kept, not copied) when RFC 2308 and the limits allow; the TTL kept, 0 when not kept.</summary>
    public uint Store(string key, byte[] response, MessageLayout layout, long nowMs)
    {
        uint ttl = CacheTtl(response, layout);
        if (ttl == 0 || !MakeRoom(nowMs))
        {
            return 0;
        }

        uint[] ttls = new uint[layout.TtlOffsets.Length];
        for (int i = 0; i < ttls.Length; i++)
        {
            ttls[i] = BinaryPrimitives.ReadUInt32BigEndian(response.AsSpan(layout.TtlOffsets[i])) & 0x7FFFFFFF;
        }

        _entries[key] = new CacheEntry(response, layout.TtlOffsets, ttls, nowMs, nowMs + (ttl * 1000L));
        return ttl;
    }

    public void Clear() => _entries.Clear();

    private uint CacheTtl(ReadOnlySpan<byte> response, MessageLayout layout)
    {
        if (DnsWire.IsTruncated(response))
        {
            return 0;
        }

        int rcode = DnsWire.Rcode(response);
        bool answered = DnsWire.Count(response, 1) > 0;
        if (rcode == 0 && answered)
        {
            return Math.Min(layout.MinTtl, _maxTtl);
        }

        // RFC 2308 §5: NXDOMAIN and NODATA are kept for min(SOA TTL, SOA MINIMUM); without an SOA, not at all.
        bool negative = rcode == 3 || (rcode == 0 && !answered);
        return negative && layout.SoaNegativeTtl is uint negativeTtl ? Math.Min(negativeTtl, _maxNegativeTtl) : 0;
    }

    private bool MakeRoom(long nowMs)
    {
        if (_entries.Count < _maxEntries)
        {
            return true;
        }

        long last = Interlocked.Read(ref _lastSweep);
        if (nowMs - last >= 1000 && Interlocked.CompareExchange(ref _lastSweep, nowMs, last) == last)
        {
            foreach (var pair in _entries)
            {
                if (nowMs >= pair.Value.ExpiresAtMs)
                {
                    _entries.TryRemove(pair);
                }
            }
        }

        return _entries.Count < _maxEntries;
    }

    private sealed record CacheEntry(byte[] Message, int[] TtlOffsets, uint[] Ttls, long StoredAtMs, long ExpiresAtMs);
}
