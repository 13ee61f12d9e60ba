using System;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Reliable;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Reliable;

/// <summary>The UDP instruments are on the "NetOpsPS.Sockets" meter, where the exporter listens.</summary>
public sealed class ReliableMetricsTests
{
    [Fact]
    public async Task ATransferAndItsListenerRecordOnTheSocketsMeter()
    {
        string name = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        var measurements = new ConcurrentBag<(string Instrument, double Value, string? Listener, string? Owner, string? Outcome)>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "NetOpsPS.Sockets" && (instrument.Name.StartsWith("netops.reliable_udp.", StringComparison.Ordinal) || instrument.Name.StartsWith("netops.udp.", StringComparison.Ordinal)))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, Tag(tags, "listener"), Tag(tags, "owner"), Tag(tags, "outcome"))));
        meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, Tag(tags, "listener"), Tag(tags, "owner"), Tag(tags, "outcome"))));
        meterListener.Start();

        await using (ReliableUdpListener listener = ReliableUdpListener.Start(new ReliableUdpListenerOptions { Name = name }))
        {
            await ReliableUdpSender.SendAsync(listener.LocalEndPoint, ReliableTransfer.Numbered(20), ReliableTransfer.Loopback());
            await ReliableTransfer.ReadAsync(listener, 20);
        }

        Assert.Equal(20, measurements.Where(m => m.Instrument == "netops.reliable_udp.messages.delivered" && m.Listener == name).Sum(m => m.Value));
        Assert.Equal(20, measurements.Where(m => m.Instrument == "netops.reliable_udp.packets.received" && m.Listener == name && m.Outcome == "new").Sum(m => m.Value));
        Assert.True(measurements.Count(m => m.Instrument == "netops.udp.datagrams" && m.Owner == name) >= 40);
        Assert.Contains(measurements, m => m.Instrument == "netops.reliable_udp.packets.sent");
        Assert.Contains(measurements, m => m.Instrument == "netops.reliable_udp.rtt");
    }

    private static string? Tag(ReadOnlySpan<System.Collections.Generic.KeyValuePair<string, object?>> tags, string key)
    {
        foreach (System.Collections.Generic.KeyValuePair<string, object?> tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
