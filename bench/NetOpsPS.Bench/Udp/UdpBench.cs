using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Impairment;
using NetOpsPS.Sockets.Reliable;

namespace NetOpsPS.Bench.Udp;

/// <summary>
/// Reliable UDP goodput (issue 4): one transfer of N messages per scenario, direct on loopback and
/// through the impairment relay at 0%, 5% and 20% loss (both directions), the median of several
/// runs. The overhead ratio is data packets sent over the ideal packets / (1 - loss): what a sender
/// that retransmits only the lost packets would need. Goal: at most 1.5.
/// </summary>
internal static class UdpBench
{
    private const double Goal = 1.5;

    public static async Task<int> RunAsync(UdpBenchOptions options, CancellationToken cancellationToken)
    {
        var payload = new byte[options.Size];
        new Random(options.Seed).NextBytes(payload);
        IReadOnlyList<ReadOnlyMemory<byte>> messages = Enumerable.Repeat((ReadOnlyMemory<byte>)payload, options.Messages).ToArray();
        Console.WriteLine($"reliable UDP: {options.Messages} messages of {options.Size} bytes, window {options.Window}, MinRto {options.MinRtoMilliseconds} ms, median of {options.Runs} run(s), seed {options.Seed}, {Environment.ProcessorCount} CPUs");
        Console.WriteLine($"{"scenario",-22} {"msg/s",10} {"MB/s",8} {"sent",9} {"retrans",8} {"ideal",9} {"ratio",6} {"srtt ms",8} {"seconds",8}");
        // JIT and socket warm-up, not measured.
        await TransferAsync(messages.Take(Math.Min(2000, messages.Count)).ToArray(), options, 0.05, options.Seed, cancellationToken).ConfigureAwait(false);
        bool met = true;
        foreach ((string name, double? loss) in new (string, double?)[] { ("loopback direct", null), ("relay 0% loss", 0.0), ("relay 5% loss", 0.05), ("relay 20% loss", 0.20) })
        {
            var runs = new List<ReliableUdpTransferResult>();
            for (int run = 0; run < options.Runs; run++)
            {
                runs.Add(await TransferAsync(messages, options, loss, options.Seed + run, cancellationToken).ConfigureAwait(false));
            }

            ReliableUdpTransferResult median = runs.OrderBy(r => r.Duration).ElementAt(runs.Count / 2);
            double ideal = median.DataPackets / (1 - (loss ?? 0));
            double ratio = median.PacketsSent / ideal;
            met &= ratio <= Goal;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-22} {median.Messages / median.Duration.TotalSeconds,10:0} {median.GoodputBytesPerSecond / 1e6,8:0.00} {median.PacketsSent,9} {median.Retransmissions,8} {ideal,9:0} {ratio,6:0.000} {median.SmoothedRtt.TotalMilliseconds,8:0.000} {median.Duration.TotalSeconds,8:0.000}"));
        }

        Console.WriteLine(met ? $"overhead goal (ratio <= {Goal}) met in every scenario" : $"overhead goal (ratio <= {Goal}) NOT met");
        return met ? 0 : 1;
    }

    private static async Task<ReliableUdpTransferResult> TransferAsync(IReadOnlyList<ReadOnlyMemory<byte>> messages, UdpBenchOptions options, double? loss, int seed, CancellationToken cancellationToken)
    {
        var buffers = new NetOpsPS.Sockets.Udp.UdpBufferOptions { ReceiveBufferSize = 4 * 1024 * 1024 };
        await using ReliableUdpListener listener = ReliableUdpListener.Start(new ReliableUdpListenerOptions { InboxCapacity = messages.Count, Buffers = buffers, ReceiveWindow = Math.Max(1024, options.Window) });
        UdpImpairmentRelay? relay = loss is { } p
            ? UdpImpairmentRelay.Start(new UdpImpairmentRelayOptions { Target = listener.LocalEndPoint, Buffers = buffers, Impairment = new UdpImpairmentOptions { LossProbability = p, Seed = seed } })
            : null;
        try
        {
            var sender = new ReliableUdpOptions
            {
                Window = options.Window,
                MinRto = TimeSpan.FromMilliseconds(options.MinRtoMilliseconds),
                InitialRto = TimeSpan.FromMilliseconds(Math.Max(100, options.MinRtoMilliseconds)),
                MaxRto = TimeSpan.FromSeconds(5),
                MaxRetries = 50,
                Buffers = buffers,
            };
            IPEndPoint target = relay?.LocalEndPoint ?? listener.LocalEndPoint;
            ReliableUdpTransferResult result = await ReliableUdpSender.SendAsync(target, messages, sender, null, cancellationToken).ConfigureAwait(false);
            Debug.Assert(listener.MessagesDelivered == messages.Count, "every message delivered");
            if (listener.MessagesDelivered != messages.Count)
            {
                throw new InvalidOperationException($"The listener delivered {listener.MessagesDelivered} of {messages.Count} messages.");
            }

            return result;
        }
        finally
        {
            if (relay is not null)
            {
                await relay.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
