namespace NetOpsPS.Devices.Exporter.Internal;

/// <summary>
/// Turns one raw agent counter into the value exported for its series. RFC 2863 §3.1.6: a 32-bit counter that
/// is smaller than last time has wrapped, so 2^32 is added to an offset and the series keeps rising. A 64-bit
/// counter that goes down has not wrapped (that takes centuries): it is a discontinuity, and the series is
/// reset (removed and started again at the new raw value). Agent restarts are found one level up, from
/// sysUpTime, and reset every series of the target.
/// </summary>
internal struct CounterTrack
{
    private const double Wrap32 = 4294967296.0;

    private ulong _lastRaw;
    private double _offset;
    private bool _seen;

    /// <summary>The value to export for <paramref name="raw"/>; <paramref name="reset"/> when the series must start over.</summary>
    public double Next(ulong raw, int counterBits, out bool reset)
    {
        reset = false;
        if (_seen && raw < _lastRaw)
        {
            if (counterBits == 32)
            {
                _offset += Wrap32;
            }
            else
            {
                reset = true;
                _offset = 0;
            }
        }

        _seen = true;
        _lastRaw = raw;
        return _offset + raw;
    }
}
