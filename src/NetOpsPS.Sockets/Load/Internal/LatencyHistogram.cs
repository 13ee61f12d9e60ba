using System;
using System.Numerics;

namespace NetOpsPS.Sockets.Load.Internal;

/// <summary>
/// A log-linear histogram of latencies in microseconds, after HdrHistogram's layout: values below
/// 256 µs have a bucket each; above, every power of two is cut into 128 equal buckets, so a bucket
/// is at most 1/128 (0.8 %) of its value wide. Buckets come in blocks allocated on first use, at most
/// 30 KiB per histogram whatever is recorded. Not thread-safe: one per connection, merged at the end.
/// </summary>
internal sealed class LatencyHistogram
{
    /// <summary>Recorded values are capped here (2^36 µs, about 19 hours); <see cref="Max"/> keeps the real one.</summary>
    public const long HighestTrackable = (1L << 36) - 1;

    private const int SubBucketBits = 7;
    private const int SubBucketCount = 1 << SubBucketBits;
    private const int ExactLimit = SubBucketCount * 2;
    private const int BlockCount = 36 - SubBucketBits;

    // Block 0 holds the exact values 0..255; block b >= 1 the values [2^(b+7), 2^(b+8)) in steps of 2^b.
    private readonly long[]?[] _blocks = new long[]?[BlockCount];
    private long _count;
    private long _sum;
    private long _max;
    private long _min = long.MaxValue;

    /// <summary>Values recorded.</summary>
    public long Count => _count;

    /// <summary>Highest value recorded, exact; 0 when empty.</summary>
    public long Max => _max;

    /// <summary>Lowest value recorded, exact; 0 when empty.</summary>
    public long Min => _count == 0 ? 0 : _min;

    /// <summary>Mean of the values recorded (after the cap); 0 when empty.</summary>
    public double Mean => _count == 0 ? 0 : (double)_sum / _count;

    /// <summary>Counts one value; negative values count as 0.</summary>
    public void Record(long micros)
    {
        if (micros < 0)
        {
            micros = 0;
        }

        if (micros > _max)
        {
            _max = micros;
        }

        if (micros < _min)
        {
            _min = micros;
        }

        long capped = Math.Min(micros, HighestTrackable);
        _count++;
        _sum += capped;
        int block = BlockOf(capped);
        long[] counts = _blocks[block] ??= new long[block == 0 ? ExactLimit : SubBucketCount];
        counts[SlotOf(capped, block)]++;
    }

    /// <summary>Adds every value of <paramref name="other"/> to this one.</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._count == 0)
        {
            return;
        }

        for (int block = 0; block < BlockCount; block++)
        {
            long[]? source = other._blocks[block];
            if (source is null)
            {
                continue;
            }

            long[] target = _blocks[block] ??= new long[source.Length];
            for (int slot = 0; slot < source.Length; slot++)
            {
                target[slot] += source[slot];
            }
        }

        _count += other._count;
        _sum += other._sum;
        _max = Math.Max(_max, other._max);
        _min = Math.Min(_min, other._min);
    }

    /// <summary>
    /// The smallest value that at least <paramref name="percentile"/> % of the values do not exceed,
    /// within one bucket (the bucket's middle, kept inside the real minimum and maximum); 0 when empty.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        if (double.IsNaN(percentile) || percentile < 0 || percentile > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A percentile is between 0 and 100.");
        }

        if (_count == 0)
        {
            return 0;
        }

        long rank = Math.Clamp((long)Math.Ceiling(percentile / 100 * _count), 1, _count);
        long seen = 0;
        for (int block = 0; block < BlockCount; block++)
        {
            long[]? counts = _blocks[block];
            if (counts is null)
            {
                continue;
            }

            for (int slot = 0; slot < counts.Length; slot++)
            {
                seen += counts[slot];
                if (seen >= rank)
                {
                    return Math.Clamp(MiddleOf(block, slot), Min, _max);
                }
            }
        }

        return _max;
    }

    private static int BlockOf(long value) =>
        value < ExactLimit ? 0 : BitOperations.Log2((ulong)value) - SubBucketBits;

    private static int SlotOf(long value, int block) =>
        block == 0 ? (int)value : (int)(value >> block) - SubBucketCount;

    private static long MiddleOf(int block, int slot)
    {
        if (block == 0)
        {
            return slot;
        }

        long lowest = (long)(SubBucketCount + slot) << block;
        long width = 1L << block;
        return lowest + ((width - 1) / 2);
    }
}
