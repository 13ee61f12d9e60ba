using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Net.Http;
using System.Threading.Tasks;
using NetOpsPS.Devices.Exporter;
using Xunit;

namespace NetOpsPS.Devices.Tests.Exporter;

/// <summary>System.Diagnostics.Metrics instruments of the module's meters, as the exporter publishes them.</summary>
public sealed class ModuleMeterTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task Meter_instruments_are_exported_in_base_units_and_pass_promtool_lint()
    {
        // A real Meter, named like the engines' ("NetOpsPS.Sockets"), with the instrument kinds they use.
        using var meter = new Meter("NetOpsPS.ExporterTest." + Guid.NewGuid().ToString("N"));
        var scraper = new ScriptedPoller();
        scraper.Enqueue(TimeSpan.FromSeconds(5), ScriptedPoller.Interface(1));
        await using MetricsExporter exporter = MetricsExporter.Start(new MetricsExporterOptions
        {
            Targets = [new MetricsTarget("127.0.0.1:161", scraper)],
            MeterPrefix = meter.Name,
        });
        Counter<long> bytes = meter.CreateCounter<long>("netops.test.server.bytes", "By", "Bytes, by direction.");
        UpDownCounter<long> active = meter.CreateUpDownCounter<long>("netops.test.connections.active", "{connection}", "Open now.");
        Histogram<double> rtt = meter.CreateHistogram<double>("netops.test.heartbeat.rtt", "ms", "Round trips.");
        int breaker = 2;
        meter.CreateObservableGauge("netops.test.breaker.state", () => new Measurement<int>(breaker, new KeyValuePair<string, object?>("session", "s1")), "{state}", "Breaker state.");

        bytes.Add(1500, new("server", "echo1"), new("direction", "received"));
        bytes.Add(500, new("server", "echo1"), new("direction", "received"));
        active.Add(3, new KeyValuePair<string, object?>("server", "echo1"));
        active.Add(-1, new KeyValuePair<string, object?>("server", "echo1"));
        rtt.Record(250, new KeyValuePair<string, object?>("session", "s1"));
        Exposition scrape = await Exposition.ScrapeAsync(Http, exporter.Url);
        (int exit, string lint) = await Promtool.CheckMetricsAsync(scrape.Text);

        Assert.Equal(2000, scrape.Single("netops_test_server_bytes_total", ("server", "echo1"), ("direction", "received")));
        Assert.Equal(2, scrape.Single("netops_test_connections_active", ("server", "echo1")));
        Assert.Equal(0.25, scrape.Single("netops_test_heartbeat_rtt_seconds_sum", ("session", "s1")));
        Assert.Equal(2, scrape.Single("netops_test_breaker_state", ("session", "s1")));
        Assert.True(exit == 0 && lint.Trim().Length == 0, $"promtool exit {exit}: {lint}\n{scrape.Text}");
    }
}
