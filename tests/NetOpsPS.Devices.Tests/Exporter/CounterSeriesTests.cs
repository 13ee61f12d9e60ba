using System;
using System.Net.Http;
using System.Threading.Tasks;
using NetOpsPS.Devices.Exporter;
using Xunit;

namespace NetOpsPS.Devices.Tests.Exporter;

/// <summary>How raw agent counters become Prometheus series across wraps, discontinuities and restarts.</summary>
public sealed class CounterSeriesTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task A_32_bit_counter_that_wraps_keeps_rising()
    {
        var poller = new ScriptedPoller();
        poller.Enqueue(TimeSpan.FromSeconds(100), ScriptedPoller.Interface(4_294_967_000, bits: 32));
        poller.Enqueue(TimeSpan.FromSeconds(110), ScriptedPoller.Interface(200, bits: 32));
        await using MetricsExporter exporter = MetricsExporter.Start(ExporterHttpTests.Options(new MetricsTarget("r1", poller)));

        Exposition before = await Exposition.ScrapeAsync(Http, exporter.Url);
        Exposition after = await Exposition.ScrapeAsync(Http, exporter.Url);

        Assert.Equal(4_294_967_000d, before.Single("netops_if_in_octets_total", ("target", "r1")));
        Assert.Equal(4_294_967_496d, after.Single("netops_if_in_octets_total", ("target", "r1")));
        Assert.Equal(0, after.Single("netops_target_discontinuities_total", ("target", "r1")));
    }

    [Fact]
    public async Task A_64_bit_counter_that_goes_down_starts_its_series_over()
    {
        var poller = new ScriptedPoller();
        poller.Enqueue(TimeSpan.FromSeconds(100), ScriptedPoller.Interface(5000));
        poller.Enqueue(TimeSpan.FromSeconds(110), ScriptedPoller.Interface(40));
        await using MetricsExporter exporter = MetricsExporter.Start(ExporterHttpTests.Options(new MetricsTarget("r1", poller)));

        await Exposition.ScrapeAsync(Http, exporter.Url);
        Exposition after = await Exposition.ScrapeAsync(Http, exporter.Url);

        // prometheus-net counters only rise: without the reset the series would stay at 5000.
        Assert.Equal(40, after.Single("netops_if_in_octets_total", ("target", "r1"), ("ifname", "eth0")));
        Assert.Equal(1, after.Single("netops_target_discontinuities_total", ("target", "r1")));
        Assert.Equal(0, after.Single("netops_target_agent_restarts_total", ("target", "r1")));
    }

    [Fact]
    public async Task An_agent_restart_resets_every_series_of_the_target_even_when_values_rose()
    {
        var poller = new ScriptedPoller();
        poller.Enqueue(TimeSpan.FromSeconds(3600), ScriptedPoller.Interface(4_294_967_000, bits: 32));
        // Restarted (uptime 2 s) with a 32-bit counter that is lower: without the uptime check this would be a wrap.
        poller.Enqueue(TimeSpan.FromSeconds(2), ScriptedPoller.Interface(300, bits: 32));
        await using MetricsExporter exporter = MetricsExporter.Start(ExporterHttpTests.Options(new MetricsTarget("r1", poller)));

        await Exposition.ScrapeAsync(Http, exporter.Url);
        Exposition after = await Exposition.ScrapeAsync(Http, exporter.Url);

        Assert.Equal(300, after.Single("netops_if_in_octets_total", ("target", "r1")));
        Assert.Equal(1, after.Single("netops_target_agent_restarts_total", ("target", "r1")));
        Assert.Equal(2, after.Single("netops_target_agent_uptime_seconds", ("target", "r1")));
    }

    [Fact]
    public async Task A_new_ifalias_ends_the_old_series()
    {
        var poller = new ScriptedPoller();
        poller.Enqueue(TimeSpan.FromSeconds(10), ScriptedPoller.Interface(10, alias: "old"));
        poller.Enqueue(TimeSpan.FromSeconds(20), ScriptedPoller.Interface(20, alias: "new"));
        await using MetricsExporter exporter = MetricsExporter.Start(ExporterHttpTests.Options(new MetricsTarget("r1", poller)));

        await Exposition.ScrapeAsync(Http, exporter.Url);
        Exposition after = await Exposition.ScrapeAsync(Http, exporter.Url);

        Assert.Empty(after.Values("netops_if_in_octets_total", ("ifalias", "old")));
        Assert.Equal(20, after.Single("netops_if_in_octets_total", ("ifalias", "new")));
    }

    [Fact]
    public async Task A_target_that_hangs_is_down_by_timeout_while_the_other_is_up()
    {
        var alive = new ScriptedPoller();
        alive.Enqueue(TimeSpan.FromSeconds(10), ScriptedPoller.Interface(10));
        var hung = new ScriptedPoller();
        await using MetricsExporter exporter = MetricsExporter.Start(ExporterHttpTests.Options(new MetricsTarget("alive", alive), new MetricsTarget("hung", hung)));

        Exposition scrape = await Exposition.ScrapeAsync(Http, exporter.Url);

        Assert.Equal(1, scrape.Single("netops_target_up", ("target", "alive")));
        Assert.Equal(0, scrape.Single("netops_target_up", ("target", "hung")));
        Assert.Equal(1, scrape.Single("netops_target_poll_failures_total", ("target", "hung"), ("reason", "timeout")));
        Assert.Empty(scrape.Values("netops_if_in_octets_total", ("target", "hung")));
        Assert.Contains(exporter.Targets, t => t.Name == "hung" && !t.Up && t.LastError!.Contains("no answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scrapes_within_the_cache_duration_share_one_poll()
    {
        var poller = new ScriptedPoller();
        poller.Enqueue(TimeSpan.FromSeconds(10), ScriptedPoller.Interface(10));
        MetricsExporterOptions options = ExporterHttpTests.Options(new MetricsTarget("r1", poller));
        await using MetricsExporter exporter = MetricsExporter.Start(new MetricsExporterOptions
        {
            Targets = options.Targets,
            CacheDuration = TimeSpan.FromHours(1),
            IncludeModuleMetrics = false,
        });

        await Task.WhenAll(Exposition.ScrapeAsync(Http, exporter.Url), Exposition.ScrapeAsync(Http, exporter.Url));
        Exposition third = await Exposition.ScrapeAsync(Http, exporter.Url);

        Assert.Equal(1, poller.Polls);
        Assert.Equal(1, third.Single("netops_target_polls_total", ("target", "r1")));
    }
}
