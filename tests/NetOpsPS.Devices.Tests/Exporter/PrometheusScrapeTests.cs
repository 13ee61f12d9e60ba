using System;
using System.Diagnostics;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using NetOpsPS.Devices.Exporter;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Devices.Tests.Exporter;

/// <summary>A real Prometheus server scraping the exporter, asked through its HTTP query API.</summary>
public sealed class PrometheusScrapeTests
{
    // The first scrape lands about 5 s after /-/ready; the margin is for a loaded host.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Prometheus_sees_the_exporter_up_and_the_agents_interface_counter()
    {
        using Peer agent = Peer.StartSnmpd();
        string target = $"127.0.0.1:{agent.Port}";
        await using MetricsExporter exporter = MetricsExporter.Start(new MetricsExporterOptions
        {
            Targets = [SnmpExporterTests.Snmp(target, agent.Port)],
            PollTimeout = TimeSpan.FromSeconds(5),
        });
        using Peer prometheus = Peer.StartPrometheus(exporterPort: exporter.Port);

        JsonElement up = await QueryUntilAsync(prometheus, "up{job=\"peers-static\"} == 1");
        JsonElement octets = await QueryUntilAsync(prometheus, "netops_if_in_octets_total{ifname=\"lo\"}");
        JsonElement targetUp = await QueryUntilAsync(prometheus, "netops_target_up == 1");

        Assert.Equal($"127.0.0.1:{exporter.Port}", up.GetProperty("metric").GetProperty("instance").GetString());
        Assert.Equal(target, octets.GetProperty("metric").GetProperty("target").GetString());
        Assert.Equal("1", octets.GetProperty("metric").GetProperty("ifindex").GetString());
        Assert.True(double.Parse(octets.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(target, targetUp.GetProperty("metric").GetProperty("target").GetString());
        Assert.True(exporter.Scrapes > 0);
    }

    // Polls the instant-query API until the expression has exactly one series, within the deadline.
    private static async Task<JsonElement> QueryUntilAsync(Peer prometheus, string expression)
    {
        var url = new Uri($"http://127.0.0.1:{prometheus.Port}/api/v1/query?query={Uri.EscapeDataString(expression)}");
        var clock = Stopwatch.StartNew();
        string last = string.Empty;
        while (clock.Elapsed < Deadline)
        {
            last = await Http.GetStringAsync(url);
            using JsonDocument answer = JsonDocument.Parse(last);
            JsonElement result = answer.RootElement.GetProperty("data").GetProperty("result");
            if (result.GetArrayLength() == 1)
            {
                return result[0].Clone();
            }

            await Task.Delay(250);
        }

        throw new Xunit.Sdk.XunitException($"{expression}: no single series within {Deadline.TotalSeconds} s; last answer {last}");
    }
}
