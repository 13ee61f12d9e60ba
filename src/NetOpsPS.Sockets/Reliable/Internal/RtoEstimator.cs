using System;

namespace NetOpsPS.Sockets.Reliable.Internal;

/// <summary>
/// Retransmission timeout per RFC 6298: SRTT and RTTVAR from samples (2.2, 2.3, alpha 1/8, beta 1/4,
/// K 4), clamped to [min, max] (2.4, 2.5), doubled on each expiry (5.5). Karn's rule (samples only from
/// packets sent once, section 3) is the caller's: it never passes a retransmitted packet's time.
/// </summary>
internal sealed class RtoEstimator
{
    private static readonly TimeSpan ClockGranularity = TimeSpan.FromMilliseconds(1);
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;

    public RtoEstimator(TimeSpan initial, TimeSpan min, TimeSpan max)
    {
        _min = min;
        _max = max;
        Rto = Clamp(initial);
    }

    public TimeSpan Rto { get; private set; }

    public TimeSpan SmoothedRtt { get; private set; }

    public TimeSpan RttVariance { get; private set; }

    public bool HasSample { get; private set; }

    public void Sample(TimeSpan rtt)
    {
        if (!HasSample)
        {
            // 2.2: the first measurement.
            SmoothedRtt = rtt;
            RttVariance = rtt / 2;
            HasSample = true;
        }
        else
        {
            // 2.3: RTTVAR first, with the old SRTT.
            RttVariance = (RttVariance * 0.75) + ((SmoothedRtt - rtt).Duration() * 0.25);
            SmoothedRtt = (SmoothedRtt * 0.875) + (rtt * 0.125);
        }

        Rto = Clamp(SmoothedRtt + Max(ClockGranularity, RttVariance * 4));
    }

    /// <summary>5.5: back the timer off after an expiry.</summary>
    public void Backoff() => Rto = Clamp(Rto * 2);

    private TimeSpan Clamp(TimeSpan value) => value < _min ? _min : value > _max ? _max : value;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
