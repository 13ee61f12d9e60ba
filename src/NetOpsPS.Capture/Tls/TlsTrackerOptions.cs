using System;

namespace NetOpsPS.Capture.Tls;

/// <summary>Bounds of <see cref="TlsHandshakeTracker"/>: memory stays below MaxFlows x 2 x MaxHelloBytes, whatever arrives.</summary>
public sealed class TlsTrackerOptions
{
    private int _maxFlows = 16_384;
    private int _maxHelloBytes = 64 * 1024;

    /// <summary>Connections followed at once; past this the least recently active is dropped (and reported if it had a ClientHello).</summary>
    public int MaxFlows
    {
        get => _maxFlows;
        set => _maxFlows = value is >= 1 and <= 1_000_000 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "1 to 1,000,000 flows.");
    }

    /// <summary>The largest hello message kept per direction (a post-quantum ClientHello is about 1.8 KB; 2^24 is the protocol's limit).</summary>
    public int MaxHelloBytes
    {
        get => _maxHelloBytes;
        set => _maxHelloBytes = value is >= 512 and <= 1 << 20 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "512 bytes to 1 MiB.");
    }
}
