using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using NetOpsPS.Capture.Files;
using SharpPcap;
using SharpPcap.LibPcap;

namespace NetOpsPS.Capture.Live;

/// <summary>
/// A live capture on one libpcap device. <see cref="Open"/> applies every setting and the filter (so a
/// bad filter or a missing permission fails before anything runs); <see cref="Run"/> reads packets
/// until the count, the duration or the token ends it, writing them to the output file and/or handing
/// them to a callback. Disposing closes the file (complete, flushed) and the device.
/// </summary>
public sealed class LiveCapture : IDisposable
{
    private readonly LibPcapLiveDevice _device;
    private readonly LiveCaptureOptions _options;
    private readonly LinkType _linkType;
    private readonly bool _nanosecondTimestamps;
    private RotatingFileWriter? _writer;
    private long _captured;

    private LiveCapture(LibPcapLiveDevice device, LiveCaptureOptions options)
    {
        _device = device;
        _options = options;
        _linkType = (LinkType)(int)device.LinkType;
        _nanosecondTimestamps = device.TimestampResolution == TimestampResolution.Nanosecond;
    }

    /// <summary>The link type the device delivers.</summary>
    public LinkType LinkType => _linkType;

    /// <summary>Packets delivered so far.</summary>
    public long Captured => Interlocked.Read(ref _captured);

    /// <summary>Opens and activates the device, sets the filter and creates the output file.</summary>
    public static LiveCapture Open(LiveCaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        LibPcapLiveDevice device = Libpcap.Find(options.Interface);
        var configuration = new DeviceConfiguration
        {
            Snaplen = options.SnapLength,
            Mode = options.Promiscuous ? DeviceModes.Promiscuous : DeviceModes.None,
            ReadTimeout = (int)Math.Clamp(options.PollInterval.TotalMilliseconds, 1, 10_000),
            Immediate = options.Immediate,
            BufferSize = options.BufferSize,
            TimestampResolution = TimestampResolution.Nanosecond,
        };

        // Nanosecond timestamps are a wish: a device without them keeps microseconds, read as such below.
        configuration.ConfigurationFailed += (_, e) =>
        {
            if (e.Property != nameof(DeviceConfiguration.TimestampResolution))
            {
                throw new CaptureException(CaptureError.DeviceOpenFailed, $"libpcap refused {e.Property} on '{options.Interface}': {e.Message}");
            }
        };

        try
        {
            device.Open(configuration);
        }
        catch (PcapException ex)
        {
            device.Close();
            throw Libpcap.Map(ex, options.Interface);
        }

        var capture = new LiveCapture(device, options);
        try
        {
            if (!string.IsNullOrWhiteSpace(options.Filter))
            {
                SetFilter(device, options.Filter);
            }

            if (options.OutFile is not null)
            {
                capture._writer = new RotatingFileWriter(options.OutFile, PcapFileWriter.FormatOf(options.OutFile), options.SnapLength, options.Ring);
            }

            return capture;
        }
        catch
        {
            capture.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads packets until the count or duration is reached or <paramref name="cancellationToken"/> is cancelled
    /// (noticed within <see cref="LiveCaptureOptions.PollInterval"/>), then returns the statistics.
    /// </summary>
    /// <param name="onPacket">Receives each packet as a <see cref="CapturedPacket"/>; null when only writing the file.</param>
    /// <param name="cancellationToken">Stops the capture.</param>
    public CaptureStatistics Run(Action<CapturedPacket>? onPacket, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long limit = _options.Count ?? long.MaxValue;
        bool stopped = false;
        Exception? failure = null;

        // Called by libpcap on this thread, inside pcap_dispatch: an exception must not unwind through native frames.
        NativePcap.PacketHandler handler = (_, header, data) =>
        {
            try
            {
                Deliver(header, data, onPacket);
            }
#pragma warning disable CA1031 // Kept and rethrown once pcap_dispatch has returned.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure ??= ex;
                Stop();
            }
        };
        using CancellationTokenRegistration onCancel = cancellationToken.Register(Stop);
        using var deadline = new CaptureDeadline(clock, _options.Duration, Stop);
        while (!Volatile.Read(ref stopped) && _captured < limit)
        {
            int batch = limit == long.MaxValue ? -1 : (int)Math.Min(limit - _captured, int.MaxValue);
            int result = NativePcap.Dispatch(_device.Handle, batch, handler);
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }

            if (result == -2)
            {
                break;
            }

            if (result < 0)
            {
                throw new CaptureException(CaptureError.ReadFailed, $"libpcap failed reading from '{_options.Interface}': {_device.LastError}");
            }
        }

        GC.KeepAlive(handler);
        _writer?.Flush();
        return Statistics(clock.Elapsed);

        void Stop()
        {
            Volatile.Write(ref stopped, true);
            NativePcap.Break(_device.Handle);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer?.Dispose();
        _device.Close();
    }

    private static void SetFilter(LibPcapLiveDevice device, string filter)
    {
        try
        {
            device.Filter = filter;
        }
        catch (PcapException ex)
        {
            throw new CaptureException(CaptureError.InvalidFilter, $"The filter '{filter}' does not compile: {ex.Message}", ex);
        }
    }

    // struct pcap_pkthdr on LP64 Unix: struct timeval { long tv_sec; long tv_usec; } then caplen and len (uint32 each).
    // With nanosecond precision libpcap puts nanoseconds in tv_usec. Read in place: no copy unless a packet object is wanted.
    private unsafe void Deliver(IntPtr header, IntPtr data, Action<CapturedPacket>? onPacket)
    {
        long seconds = Marshal.ReadInt64(header);
        long fraction = Marshal.ReadInt64(header, 8);
        int capturedLength = Marshal.ReadInt32(header, 16);
        int wireLength = Marshal.ReadInt32(header, 20);
        long nanos = (seconds * 1_000_000_000L) + (_nanosecondTimestamps ? fraction : fraction * 1000);
        var bytes = new ReadOnlySpan<byte>((void*)data, capturedLength);
        _writer?.Write(nanos, wireLength, _linkType, _options.Interface, bytes);
        long number = Interlocked.Increment(ref _captured);
        onPacket?.Invoke(CapturedPacket.Create(bytes, _linkType, nanos, wireLength, _options.Interface, number));
    }

    private CaptureStatistics Statistics(TimeSpan elapsed)
    {
        ICaptureStatistics stats = _device.Statistics;
        return new CaptureStatistics(
            _options.Interface,
            Captured,
            stats.ReceivedPackets,
            stats.DroppedPackets,
            stats.InterfaceDroppedPackets,
            elapsed,
            _writer is null ? [] : [.. _writer.Files]);
    }
}
