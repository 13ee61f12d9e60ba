using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using NetOpsPS.Capture.Files;
using NetOpsPS.Capture.Live;
using NetOpsPS.Capture.Tests.Support;
using Xunit;

namespace NetOpsPS.Capture.Tests;

/// <summary>
/// Live captures on lo (shared with other tests: always a BPF filter on this test's own port, immediate mode).
/// The device is active once Open returns, so the datagrams are sent after Open and before Run, with no sleep.
/// They wait in the kernel ring meanwhile: with immediate mode (TPACKET_V2, one frame per packet) a 262,144-byte
/// snap length leaves lo's 2 MiB ring only 32 frames, fewer than the burst's 40 (lo shows each datagram twice),
/// so the tests use a 4 KiB snap length.
/// </summary>
public sealed class LiveCaptureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("netops-live-").FullName;
    private readonly UdpClient _receiver = new(new IPEndPoint(IPAddress.Loopback, 0));

    private int Port => ((IPEndPoint)_receiver.Client.LocalEndPoint!).Port;

    public void Dispose()
    {
        _receiver.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void CapturesOurDatagramsOnLoopbackAndWritesAPcapngThatTsharkReads()
    {
        string file = Path.Combine(_dir, "lo.pcapng");
        var packets = new List<CapturedPacket>();
        CaptureStatistics stats;
        using (LiveCapture capture = LiveCapture.Open(Options(count: 20, file)))
        {
            Send(20);
            stats = capture.Run(packets.Add, CancellationToken.None);
        }

        Assert.Equal(20, packets.Count);
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal($"datagram {i}", Encoding.ASCII.GetString(packets[i].Payload.Span));
            Assert.Equal(Port, packets[i].DestinationPort);
            Assert.Equal(IPAddress.Loopback, packets[i].DestinationAddress);
            Assert.Equal("lo", packets[i].Interface);
            Assert.Equal(i + 1, packets[i].Number);
        }

        Assert.Equal(20, stats.Captured);
        Assert.True(stats.Received >= 20, $"received {stats.Received}");
        Assert.Equal(0, stats.DroppedByKernel);
        Assert.Equal([file], stats.Files);

        var rows = Tshark.Fields(file, "udp.dstport", "data.data", "frame.time_epoch", "frame.interface_name");
        Assert.Equal(20, rows.Count);
        Assert.All(rows, r => Assert.Equal(Port.ToString(System.Globalization.CultureInfo.InvariantCulture), r["udp.dstport"]));
        Assert.Equal(Convert.ToHexString(Encoding.ASCII.GetBytes("datagram 7")).ToLowerInvariant(), rows[7]["data.data"]);
        Assert.Equal("lo", rows[0]["frame.interface_name"]);
        Assert.Equal(packets.Select(p => p.TimestampNanoseconds), PcapFile.ReadPackets(file).Select(p => p.TimestampNanoseconds));
    }

    [Fact]
    public void CancellingStopsTheCaptureAndLeavesACompleteFile()
    {
        string file = Path.Combine(_dir, "cancel.pcap");
        using var stop = new CancellationTokenSource();
        int seen = 0;
        using (LiveCapture capture = LiveCapture.Open(Options(count: null, file)))
        {
            Send(5);
            capture.Run(
                _ =>
                {
                    if (++seen == 3)
                    {
                        stop.Cancel();
                    }
                },
                stop.Token);
        }

        Assert.Equal(3, seen);
        Assert.Equal(3, Tshark.Fields(file, "udp.dstport").Count);
    }

    [Fact]
    public void ADurationEndsACaptureThatSeesNothing()
    {
        LiveCaptureOptions options = Options(count: null, outFile: null);
        options.Duration = TimeSpan.FromMilliseconds(300);
        using LiveCapture capture = LiveCapture.Open(options);
        CaptureStatistics stats = capture.Run(null, CancellationToken.None);
        Assert.Equal(0, stats.Captured);
        Assert.True(stats.Elapsed >= TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void ABadFilterNamesTheFilterAndLibpcapsReason()
    {
        LiveCaptureOptions options = Options(count: 1, outFile: null);
        options.Filter = "udp port nonsense-word";
        var ex = Assert.Throws<CaptureException>(() => LiveCapture.Open(options));
        Assert.Equal(CaptureError.InvalidFilter, ex.Error);
        Assert.Contains("nonsense-word", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownDeviceIsDeviceNotFound()
    {
        var ex = Assert.Throws<CaptureException>(() => LiveCapture.Open(new LiveCaptureOptions { Interface = "no-such-if0" }));
        Assert.Equal(CaptureError.DeviceNotFound, ex.Error);
    }

    [Fact]
    public void DeviceListHasLoopbackWithItsAddressFlagsAndLinkType()
    {
        CaptureDeviceInfo lo = Assert.Single(CaptureDevices.List(), d => d.Name == "lo");
        Assert.True(lo.IsLoopback);
        Assert.True(lo.IsUp);
        Assert.Contains(lo.Addresses, a => a.Address.Equals(IPAddress.Loopback));
        Assert.Equal(LinkType.Ethernet, lo.LinkType);
        Assert.Equal(CaptureDeviceConnection.NotApplicable, lo.Connection);
    }

    private LiveCaptureOptions Options(int? count, string? outFile) => new()
    {
        Interface = "lo",
        Filter = $"udp and dst port {Port}",
        Immediate = true,
        SnapLength = 4096,
        Count = count,
        Duration = TimeSpan.FromSeconds(30),
        OutFile = outFile,
    };

    private void Send(int count)
    {
        using var sender = new UdpClient(AddressFamily.InterNetwork);
        for (int i = 0; i < count; i++)
        {
            sender.Send(Encoding.ASCII.GetBytes($"datagram {i}"), new IPEndPoint(IPAddress.Loopback, Port));
        }
    }
}
