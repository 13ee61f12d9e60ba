using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Capture.Files;
using NetOpsPS.Capture.Live;
using NetOpsPS.Internal;

namespace NetOpsPS.Capture.Cmdlets;

/// <summary>
/// Watch-Packet: a live capture with libpcap. Packets stream out as they arrive (or go to a pcapng file with
/// ring-buffer rotation); Ctrl+C stops at once and closes the file; the capture statistics come at the end.
/// The capture runs on its own thread and hands packets to the pipeline thread through a bounded queue: a slow
/// pipeline makes the kernel drop packets (counted in DroppedByKernel) instead of growing memory.
/// </summary>
[Cmdlet(VerbsCommon.Watch, "Packet")]
[OutputType(typeof(CapturedPacket), typeof(CaptureStatistics))]
public sealed class WatchPacketCommand : NetOpsCmdlet
{
    private const int QueueCapacity = 65_536;
    private CancellationTokenSource? _stop;
    private LiveCapture? _capture;
    private Task<CaptureStatistics>? _run;

    /// <summary>The device to capture on (Get-NetCaptureDevice lists them); "any" captures on all.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name", "Device")]
    [ValidateNotNullOrEmpty]
    public string Interface { get; set; } = "any";

    /// <summary>A BPF capture filter in pcap-filter(7) syntax, applied in the kernel.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string? Filter { get; set; }

    /// <summary>Bytes kept of each packet.</summary>
    [Parameter]
    [ValidateRange(64, 262_144)]
    public int SnapLength { get; set; } = 262_144;

    /// <summary>Put the interface in promiscuous mode.</summary>
    [Parameter]
    public SwitchParameter Promiscuous { get; set; }

    /// <summary>Deliver each packet at once instead of in kernel buffer blocks (lower latency, more wake-ups).</summary>
    [Parameter]
    public SwitchParameter ImmediateMode { get; set; }

    /// <summary>Kernel capture buffer size in bytes (libpcap's default is 2 MiB).</summary>
    [Parameter]
    [ValidateRange(65_536, int.MaxValue)]
    public int BufferSize { get; set; }

    /// <summary>Stop after this many packets.</summary>
    [Parameter]
    [ValidateRange(1, long.MaxValue)]
    public long Count { get; set; }

    /// <summary>Stop after this long.</summary>
    [Parameter]
    public TimeSpan Duration { get; set; }

    /// <summary>Write the packets to this file: pcapng, or pcap when the name ends in .pcap.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    /// <summary>With -OutFile: start a new file when the current one reaches this many megabytes.</summary>
    [Parameter]
    [ValidateRange(1, 1_048_576)]
    public int MaxFileSizeMB { get; set; }

    /// <summary>With -OutFile: start a new file when the current one spans this much capture time.</summary>
    [Parameter]
    public TimeSpan MaxFileDuration { get; set; }

    /// <summary>With -OutFile and rotation: keep only this many files, deleting the oldest.</summary>
    [Parameter]
    [ValidateRange(1, 100_000)]
    public int MaxFiles { get; set; }

    /// <summary>With -OutFile: also write the packets to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        LiveCaptureOptions options = Options();
        try
        {
            _capture = LiveCapture.Open(options);
        }
        catch (CaptureException ex)
        {
            ThrowTerminatingError(CaptureErrorRecords.From(ex, Interface));
        }
        catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(CaptureErrorRecords.From(ex, "PcapFileWrite", ErrorCategory.WriteError, OutFile));
        }

        WriteVerbose($"Capturing on {Interface} ({_capture!.LinkType}){(Filter is null ? string.Empty : $" with filter '{Filter}'")}.");
        bool emitPackets = OutFile is null || PassThru;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        CancellationToken stop = _stop.Token;
        using var queue = new BlockingCollection<CapturedPacket>(QueueCapacity);
        LiveCapture capture = _capture;
        _run = Task.Run(() =>
        {
            try
            {
                return capture.Run(emitPackets ? p => queue.Add(p, stop) : null, stop);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        Drain(queue);
        CaptureStatistics statistics;
        try
        {
            statistics = Await(_run);
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        catch (CaptureException ex)
        {
            ThrowTerminatingError(CaptureErrorRecords.From(ex, Interface));
            return;
        }

        Report(statistics, emitPackets);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Ctrl+C, an error or a stopped pipeline: end the capture thread, then close the file and the device.
            _stop?.Cancel();
            try
            {
                _run?.Wait(TimeSpan.FromSeconds(10));
            }
            catch (AggregateException)
            {
                // The capture's own failure was reported (or the pipeline is gone); the file still gets closed.
            }

            _capture?.Dispose();
            _stop?.Dispose();
        }

        base.Dispose(disposing);
    }

    private LiveCaptureOptions Options() => new()
    {
        Interface = Interface,
        Filter = Filter,
        SnapLength = SnapLength,
        Promiscuous = Promiscuous,
        Immediate = ImmediateMode,
        BufferSize = BufferSize > 0 ? BufferSize : null,
        Count = Count > 0 ? Count : null,
        Duration = Duration > TimeSpan.Zero ? Duration : null,
        OutFile = OutFile is null ? null : this.FileSystemPath(OutFile),
        Ring = new RingBufferOptions
        {
            MaxFileBytes = MaxFileSizeMB > 0 ? MaxFileSizeMB * 1024L * 1024L : null,
            MaxFileDuration = MaxFileDuration > TimeSpan.Zero ? MaxFileDuration : null,
            MaxFiles = MaxFiles > 0 ? MaxFiles : null,
        },
    };

    private void Drain(BlockingCollection<CapturedPacket> queue)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan nextProgress = TimeSpan.FromSeconds(2);
        var progress = new ProgressRecord(1, "Watch-Packet", $"Capturing on {Interface}");
        try
        {
            while (!queue.IsCompleted)
            {
                if (queue.TryTake(out CapturedPacket? packet, 250, Cancellation))
                {
                    WriteObject(packet);
                }

                if (clock.Elapsed >= nextProgress)
                {
                    nextProgress = clock.Elapsed + TimeSpan.FromSeconds(1);
                    progress.StatusDescription = $"{_capture!.Captured} packets";
                    progress.PercentComplete = PercentDone(clock.Elapsed);
                    WriteProgress(progress);
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }

        if (clock.Elapsed >= TimeSpan.FromSeconds(2))
        {
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
    }

    private int PercentDone(TimeSpan elapsed)
    {
        double byCount = Count > 0 ? (double)_capture!.Captured / Count : 0;
        double byTime = Duration > TimeSpan.Zero ? elapsed / Duration : 0;
        double done = Math.Max(byCount, byTime);
        return done > 0 ? (int)Math.Min(100, done * 100) : -1;
    }

    private void Report(CaptureStatistics statistics, bool emitPackets)
    {
        string summary = $"{statistics.Captured} packets captured, {statistics.Received} received by filter, "
            + $"{statistics.DroppedByKernel} dropped by kernel, {statistics.DroppedByInterface} dropped by interface.";
        WriteVerbose(summary);
        if (statistics.DroppedByKernel > 0 || statistics.DroppedByInterface > 0)
        {
            WriteWarning(summary + " Use -BufferSize, a tighter -Filter or -OutFile to keep up.");
        }

        if (emitPackets)
        {
            WriteInformation(new InformationRecord(statistics, "Watch-Packet") { Tags = { "CaptureStatistics" } });
        }
        else
        {
            WriteObject(statistics);
        }
    }
}
