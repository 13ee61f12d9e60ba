using System;
using System.Threading;

namespace NetOpsPS.Sockets.Internal;

/// <summary>
/// A few totals that many threads add to on every request (a server's bytes and frames). Each processor
/// adds to a stripe of its own, on its own cache lines, and a read sums the stripes: one shared total
/// moved its cache line between the cores on every add, four times per ping-pong request (issue 3).
/// </summary>
internal sealed class StripedCounters
{
    // 128 bytes per stripe: its own cache line and the adjacent one the hardware prefetches with it.
    private const int Stride = 16;

    private readonly long[] _cells;
    private readonly int _mask;

    /// <param name="counters">How many totals (at most 16).</param>
    public StripedCounters(int counters)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(counters, Stride);
        int stripes = (int)Math.Min(64, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount));
        _mask = stripes - 1;
        _cells = new long[stripes * Stride];
    }

    /// <summary>Adds <paramref name="value"/> to total number <paramref name="counter"/>.</summary>
    public void Add(int counter, long value) =>
        Interlocked.Add(ref _cells[((Thread.GetCurrentProcessorId() & _mask) * Stride) + counter], value);

    /// <summary>Total number <paramref name="counter"/> so far.</summary>
    public long Read(int counter)
    {
        long sum = 0;
        for (int at = counter; at < _cells.Length; at += Stride)
        {
            sum += Volatile.Read(ref _cells[at]);
        }

        return sum;
    }
}
