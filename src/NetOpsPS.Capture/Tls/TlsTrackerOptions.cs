using System;

namespace NetOpsPS.Capture.Tls;

/// <summary>
/// Bounds of <see cref="TlsHandshakeTracker"/>: at most MaxFlows connections, at most MaxBufferedBytes of their
/// unfinished hellos in all, and no hello beyond MaxHelloBytes, whatever arrives.
/// </summary>
public sealed class TlsTrackerOptions
{
    private int _maxFlows = 16_384;
    private int _maxHelloBytes = 64 * 1024;
    private long _maxBufferedBytes = 64L * 1024 * 1024;

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

    /// <summary>The bytes all unfinished hellos may hold together; past it the least recently active connection is pushed out.</summary>
    public long MaxBufferedBytes
    {
        get => _maxBufferedBytes;
        set => _maxBufferedBytes = value is >= 64 * 1024 and <= 16L << 30 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "64 KiB to 16 GiB.");
    }
}
