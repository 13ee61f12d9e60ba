using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Client;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Client;

public sealed class TcpClientSessionMetricsTests
{
    [Fact]
    public async Task TheSessionsCountsReachTheMeterTaggedWithItsName()
    {
        string name = $"metrics-{Guid.NewGuid():N}";
        var seen = new ConcurrentBag<(string Instrument, long Value, Dictionary<string, string?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "NetOpsPS.Sockets" && instrument.Name.StartsWith("netops.tcp.client.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();

        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions());
        TcpClientSessionOptions options = ClientOptions.For(server.Port);
        options.Name = name;
        await using var session = new TcpClientSession(options);
        await session.ConnectAsync();
        await session.SendFrameAsync("m"u8.ToArray());
        await session.ReceiveFrameAsync(TimeSpan.FromSeconds(5));
        listener.RecordObservableInstruments();

        var mine = seen.Where(m => m.Tags.GetValueOrDefault("session") == name).ToList();
        long Sum(string instrument, string? direction = null) => mine
            .Where(m => m.Instrument == instrument && (direction is null || m.Tags.GetValueOrDefault("direction") == direction))
            .Sum(m => m.Value);

        Assert.Equal(1, Sum("netops.tcp.client.connect.attempts"));
        Assert.Equal(1, Sum("netops.tcp.client.connects"));
        Assert.Equal(1, Sum("netops.tcp.client.frames", "sent"));
        Assert.Equal(1, Sum("netops.tcp.client.frames", "received"));
        Assert.Equal(session.BytesSent, Sum("netops.tcp.client.bytes", "sent"));
        Assert.Equal(session.BytesReceived, Sum("netops.tcp.client.bytes", "received"));
        Assert.Equal((long)TcpCircuitState.Closed, mine.Single(m => m.Instrument == "netops.tcp.client.breaker.state").Value);

        void Record(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, string?>();
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                copy[tag.Key] = tag.Value?.ToString();
            }

            seen.Add((instrument.Name, value, copy));
        }
    }

    [Fact]
    public async Task ErrorsReachTheMeterTaggedWithTheirKind()
    {
        string name = $"metrics-{Guid.NewGuid():N}";
        var kinds = new ConcurrentBag<string?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "NetOpsPS.Sockets" && instrument.Name == "netops.tcp.client.errors")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var map = new Dictionary<string, object?>();
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                map[tag.Key] = tag.Value;
            }

            if (Equals(map.GetValueOrDefault("session"), name))
            {
                kinds.Add(map.GetValueOrDefault("kind")?.ToString());
            }
        });
        listener.Start();

        TcpClientSessionOptions options = ClientOptions.For(ClientOptions.FreePort());
        options.Name = name;
        options.MaxRetryAttempts = 1;
        options.BreakerMinimumThroughput = 10;
        await using var session = new TcpClientSession(options);
        await Assert.ThrowsAsync<TcpClientSessionException>(() => session.ConnectAsync());

        Assert.Equal(new[] { "Refused", "Refused" }, kinds.ToArray());
    }
}
