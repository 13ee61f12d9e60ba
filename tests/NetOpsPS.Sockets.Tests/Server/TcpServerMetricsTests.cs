using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Sockets;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Server;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Server;

/// <summary>The server's System.Diagnostics.Metrics instruments, read by a real MeterListener as OpenTelemetry would.</summary>
public sealed class TcpServerMetricsTests
{
    [Fact]
    public async Task AcceptsFramesBytesAndClosesAreMeasuredPerServer()
    {
        string name = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        var totals = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "NetOpsPS.Sockets" && instrument.Name.StartsWith("netops.tcp.server.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? server = null;
            string suffix = "";
            foreach (var tag in tags)
            {
                if (tag.Key == "server")
                {
                    server = tag.Value as string;
                }
                else
                {
                    suffix += $"/{tag.Value}";
                }
            }

            if (server == name)
            {
                totals.AddOrUpdate(instrument.Name + suffix, value, (_, old) => old + value);
            }
        });
        listener.Start();

        await using (TcpServer server = TcpServer.Start(new TcpServerOptions { Name = name }))
        {
            using (EchoClient client = await EchoClient.ConnectAsync(server.LocalEndPoint))
            {
                await client.SendAsync("a\nbb\n");
                Assert.Equal("Echo: a\nEcho: bb\n", await client.ReadExactlyAsync(17));
                client.Socket.Shutdown(SocketShutdown.Send);
                Assert.Equal("", await client.ReadToEndAsync());
            }

            for (int i = 0; i < 500 && server.RecentlyClosed.Count == 0; i++)
            {
                await Task.Delay(10);
            }
        }

        Assert.Equal(1, totals.GetValueOrDefault("netops.tcp.server.connections.accepted"));
        Assert.Equal(0, totals.GetValueOrDefault("netops.tcp.server.connections.active"));
        Assert.Equal(2, totals.GetValueOrDefault("netops.tcp.server.frames/received"));
        Assert.Equal(2, totals.GetValueOrDefault("netops.tcp.server.frames/sent"));
        Assert.Equal(5, totals.GetValueOrDefault("netops.tcp.server.bytes/received"));
        Assert.Equal(17, totals.GetValueOrDefault("netops.tcp.server.bytes/sent"));
        Assert.Equal(1, totals.GetValueOrDefault("netops.tcp.server.connections.closed/client"));
        Assert.DoesNotContain(totals.Keys, k => k.Contains("rejected", StringComparison.Ordinal));
    }
}
