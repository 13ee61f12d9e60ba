using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using NetOpsPS.Capture;
using NetOpsPS.Capture.Decoding;
using NetOpsPS.Capture.Files;
using NetOpsPS.Capture.Live;

namespace NetOpsPS.Capture.Bench;

/// <summary>
/// generate FILE [COUNT]: the mixed capture. decode FILE: the engine's header decode rate (read + decode, no
/// objects) and its packet-object rate, best of three. live IFACE SECONDS OUTFILE: a live capture writing a file, as tcpdump -w does,
/// printing received and dropped counts.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "generate":
                MixedTrafficGenerator.Write(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000);
                return 0;
            case "decode":
                Decode(args[1]);
                return 0;
            case "live":
                Live(args[1], double.Parse(args[2], CultureInfo.InvariantCulture), args[3], args.Length > 4 && args[4] == "immediate");
                return 0;
            default:
                Console.Error.WriteLine("usage: CaptureBench generate FILE [COUNT] | decode FILE | live IFACE SECONDS OUTFILE");
                return 2;
        }
    }

    private static void Decode(string file)
    {
        double best = 0;
        long packets = 0;
        long checksum = 0;
        for (int round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            using PcapFileReader reader = PcapFileReader.Open(file);
            packets = 0;
            while (reader.TryReadNext(out PcapRecord record))
            {
                PacketDecoder.Decode(record.Data.Span, record.Interface.LinkType, record.OriginalLength, out PacketHeaders headers);
                checksum += headers.SourcePort + headers.DestinationPort + headers.Protocol + headers.VlanCount + headers.IpOffset;
                packets++;
            }

            best = Math.Max(best, packets / clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine-headers packets={packets} rate={best:F0} checksum={checksum}"));

        // The same decode over the file already in memory: what the decoder costs without the read() copy.
        byte[] image = System.IO.File.ReadAllBytes(file);
        best = 0;
        for (int round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            using var reader = new PcapFileReader(new System.IO.MemoryStream(image, writable: false));
            long n = 0;
            while (reader.TryReadNext(out PcapRecord record))
            {
                PacketDecoder.Decode(record.Data.Span, record.Interface.LinkType, record.OriginalLength, out PacketHeaders headers);
                checksum += headers.SourcePort + headers.DestinationPort + headers.Protocol + headers.VlanCount + headers.IpOffset;
                n++;
            }

            best = Math.Max(best, n / clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine-headers-in-memory packets={packets} rate={best:F0} checksum={checksum}"));

        best = 0;
        for (int round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            long n = 0;
            foreach (CapturedPacket packet in PcapFile.ReadPackets(file))
            {
                checksum += packet.SourcePort ?? 0;
                n++;
            }

            best = Math.Max(best, n / clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine-objects packets={packets} rate={best:F0} checksum={checksum}"));
    }

    private static void Live(string device, double seconds, string outFile, bool immediate)
    {
        using LiveCapture capture = LiveCapture.Open(new LiveCaptureOptions
        {
            Interface = device,
            Duration = TimeSpan.FromSeconds(seconds),
            OutFile = outFile,
            Immediate = immediate,
        });
        Console.WriteLine("ready");
        CaptureStatistics stats = capture.Run(null, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"netops-live captured={stats.Captured} received={stats.Received} dropped={stats.DroppedByKernel} ifdropped={stats.DroppedByInterface}"));
    }
}
