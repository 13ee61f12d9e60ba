using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace NetOpsPS.Sockets.DnsTools.Internal;

/// <summary>
/// A token bucket per client address: <c>rate</c> tokens a second up to <c>burst</c>; a query without a
/// token is dropped (answering would let a spoofed flood use the proxy as an amplifier). The table is
/// bounded: past its size, buckets full again (idle clients) are forgotten.
/// </summary>
internal sealed class ClientRateLimiter
{
    private const int MaxClients = 65_536;
    private readonly ConcurrentDictionary<UInt128, Bucket> _buckets = new();
    private readonly double _ratePerMs;
    private readonly double _burst;
    private long _lastSweepMs = long.MinValue / 2;

    public ClientRateLimiter(double ratePerSecond, int burst)
    {
        _ratePerMs = ratePerSecond / 1000.0;
        _burst = burst > 0 ? burst : Math.Max(1, ratePerSecond);
    }

    /// <summary>Takes a token for the client at <paramref name="address"/> (a raw sockaddr); false when it has none.</summary>
    public bool TryAcquire(SocketAddress address, long nowMs) => TryAcquire(Key(address), nowMs);

    /// <summary>Takes a token for a TCP client.</summary>
    public bool TryAcquire(IPAddress address, long nowMs)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.MapToIPv6().TryWriteBytes(bytes, out _);
        return TryAcquire(new UInt128(BitConverter.ToUInt64(bytes), BitConverter.ToUInt64(bytes[8..])), nowMs);
    }

    private bool TryAcquire(UInt128 key, long nowMs)
    {
        if (!_buckets.TryGetValue(key, out Bucket? bucket))
        {
            if (_buckets.Count >= MaxClients && !Forget(nowMs))
            {
                // A flood from more addresses than the table holds: new clients wait until old ones go idle.
                return false;
            }

            bucket = _buckets.GetOrAdd(key, static (_, state) => new Bucket(state.Burst, state.Now), (Burst: _burst, Now: nowMs));
        }

        lock (bucket)
        {
            bucket.Tokens = Math.Min(_burst, bucket.Tokens + ((nowMs - bucket.UpdatedMs) * _ratePerMs));
            bucket.UpdatedMs = nowMs;
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens -= 1;
            return true;
        }
    }

    // The address bytes of a sockaddr_in (offset 4, 4 bytes) or sockaddr_in6 (offset 8, 16 bytes), as one key;
    // IPv4 is keyed as its IPv4-mapped IPv6 form, the same key TCP clients get.
    private static UInt128 Key(SocketAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        ReadOnlySpan<byte> raw = address.Buffer.Span;
        if (address.Family == AddressFamily.InterNetworkV6)
        {
            raw.Slice(8, 16).CopyTo(bytes);
        }
        else
        {
            bytes[10] = 0xFF;
            bytes[11] = 0xFF;
            raw.Slice(4, 4).CopyTo(bytes[12..]);
        }

        return new UInt128(BitConverter.ToUInt64(bytes), BitConverter.ToUInt64(bytes[8..]));
    }

    // At most one sweep a second, so a full table does not cost a scan per query.
    private bool Forget(long nowMs)
    {
        long last = Interlocked.Read(ref _lastSweepMs);
        if (nowMs - last < 1000 || Interlocked.CompareExchange(ref _lastSweepMs, nowMs, last) != last)
        {
            return _buckets.Count < MaxClients;
        }

        foreach (var pair in _buckets)
        {
            if (pair.Value.Tokens + ((nowMs - pair.Value.UpdatedMs) * _ratePerMs) >= _burst)
            {
                _buckets.TryRemove(pair);
            }
        }

        return _buckets.Count < MaxClients;
    }

    private sealed class Bucket(double tokens, long updatedMs)
    {
        public double Tokens { get; set; } = tokens;

        public long UpdatedMs { get; set; } = updatedMs;
    }
}
