using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using NetOpsPS.Peers.Tests.Support;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Peers.Tests;

public sealed class PrometheusPeerTests
{
    // The first scrape lands about 5 s after /-/ready here; the margin is for a loaded CI host.
    private static readonly TimeSpan UpDeadline = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Promtool_accepts_the_sample_exposition_and_rejects_the_bad_one()
    {
        var sample = await File.ReadAllTextAsync(Path.Combine(Peer.PeersDirectory, "prometheus", "sample.prom"));
        var bad = await File.ReadAllTextAsync(Path.Combine(Peer.PeersDirectory, "prometheus", "bad.prom"));

        var good = await Tool.RunAsync(Clients.PromTool, ["check", "metrics"], sample);
        var rejected = await Tool.RunAsync(Clients.PromTool, ["check", "metrics"], bad);

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.True(rejected.ExitCode != 0, rejected.ToString());
    }

    [Fact]
    public async Task Prometheus_reports_the_static_target_up_and_stops_on_dispose()
    {
        await using var prometheus = Peer.StartPrometheus();
        // A second server scraping the first one's exporter: the mode a test of the module's own exporter uses.
        await using var scraper = Peer.StartPrometheus(exporterPort: prometheus.ExporterPort);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        await Task.WhenAll(AssertTargetUpAsync(http, prometheus), AssertTargetUpAsync(http, scraper));

        Assert.Equal(2, prometheus.Pids.Count);
        Assert.Single(scraper.Pids);
        await PeerAssert.DisposeAndAssertStoppedAsync(scraper);
        await PeerAssert.DisposeAndAssertStoppedAsync(prometheus);
    }

    // Polls the query API for up{job="peers-static"} until it is 1, within a deadline.
    private static async Task AssertTargetUpAsync(HttpClient http, Peer prometheus)
    {
        var query = Uri.EscapeDataString("up{job=\"peers-static\"}");
        var url = new Uri($"http://127.0.0.1:{prometheus.Port.ToString(CultureInfo.InvariantCulture)}/api/v1/query?query={query}");
        var target = $"127.0.0.1:{prometheus.ExporterPort?.ToString(CultureInfo.InvariantCulture)}";
        var clock = Stopwatch.StartNew();
        var last = string.Empty;
        while (clock.Elapsed < UpDeadline)
        {
            last = await http.GetStringAsync(url);
            using var answer = JsonDocument.Parse(last);
            var results = answer.RootElement.GetProperty("data").GetProperty("result");
            if (results.GetArrayLength() == 1
                && results[0].GetProperty("metric").GetProperty("instance").GetString() == target
                && results[0].GetProperty("value")[1].GetString() == "1")
            {
                return;
            }

            await Task.Delay(PollInterval);
        }

        Assert.Fail($"up{{job=\"peers-static\"}} for {target} not 1 within {UpDeadline.TotalSeconds} s; last answer: {last}");
    }
}
