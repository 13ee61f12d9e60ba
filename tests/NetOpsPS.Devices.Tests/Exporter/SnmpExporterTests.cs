using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using NetOpsPS.Devices.Exporter;
using NetOpsPS.Devices.Snmp;
using NetOpsPS.Devices.Tests.Snmp;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Devices.Tests.Exporter;

/// <summary>The exporter polling real snmpd agents: values, lint, dead targets, and an agent restart.</summary>
public sealed class SnmpExporterTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private static readonly PeerBinary SnmpGet = new("/usr/bin/snmpget", "snmp");

    [Fact]
    public async Task The_live_exposition_carries_the_agents_counters_and_passes_promtool()
    {
        using Peer agent = Peer.StartSnmpd();
        string target = $"127.0.0.1:{agent.Port}";
        await using MetricsExporter exporter = MetricsExporter.Start(Options(Snmp(target, agent.Port)));

        ulong before = await HcInOctetsOfLoAsync(agent.Port);
        Exposition scrape = await Exposition.ScrapeAsync(Http, exporter.Url);
        ulong after = await HcInOctetsOfLoAsync(agent.Port);
        (int exit, string lint) = await Promtool.CheckMetricsAsync(scrape.Text);

        double exported = scrape.Single("netops_if_in_octets_total", ("target", target), ("ifname", "lo"));
        Assert.InRange(exported, before, after);
        Assert.Equal(1, scrape.Single("netops_target_up", ("target", target)));
        Assert.Equal(1, scrape.Single("netops_if_oper_status", ("target", target), ("ifname", "lo")));
        Assert.Equal(1, scrape.Single("netops_if_admin_status", ("target", target), ("ifname", "lo")));
        Assert.Single(scrape.Values("netops_if_speed_bytes_per_second", ("target", target), ("ifname", "lo"), ("ifindex", "1")));
        Assert.True(scrape.Single("netops_target_agent_uptime_seconds", ("target", target)) > 0);
        Assert.True(exit == 0 && lint.Trim().Length == 0, $"promtool exit {exit}: {lint}\n{scrape.Text}");
    }

    [Fact]
    public async Task A_silent_and_a_closed_target_are_down_while_the_live_one_is_up()
    {
        using Peer agent = Peer.StartSnmpd();
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); // bound, never answers
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int silentPort = ((IPEndPoint)silent.LocalEndPoint!).Port;
        int closedPort = ClosedUdpPort();
        string live = $"127.0.0.1:{agent.Port}";
        await using MetricsExporter exporter = MetricsExporter.Start(Options(
            Snmp(live, agent.Port), Snmp("silent", silentPort), Snmp("closed", closedPort)));

        Exposition scrape = await Exposition.ScrapeAsync(Http, exporter.Url);

        Assert.Equal(1, scrape.Single("netops_target_up", ("target", live)));
        Assert.NotEmpty(scrape.Values("netops_if_in_octets_total", ("target", live)));
        Assert.Equal(0, scrape.Single("netops_target_up", ("target", "silent")));
        Assert.Equal(1, scrape.Single("netops_target_poll_failures_total", ("target", "silent"), ("reason", "timeout")));
        Assert.Equal(0, scrape.Single("netops_target_up", ("target", "closed")));
        Assert.Equal(1, scrape.Single("netops_target_poll_failures_total", ("target", "closed")));
        Assert.Empty(scrape.Values("netops_if_in_octets_total", ("target", "silent")));
        Assert.Equal(1, exporter.TargetsUp);
    }

    [Fact]
    public async Task An_agent_killed_and_restarted_between_scrapes_resets_the_targets_series()
    {
        Peer agent = Peer.StartSnmpd();
        int port = agent.Port;
        string target = $"127.0.0.1:{port}";
        await using MetricsExporter exporter = MetricsExporter.Start(Options(Snmp(target, port)));
        try
        {
            // Scrape until the first agent has run a few seconds, so its restarted twin's sysUpTime is lower.
            Exposition first = await Exposition.ScrapeAsync(Http, exporter.Url);
            DateTime deadline = DateTime.UtcNow.AddSeconds(60);
            while (first.Single("netops_target_agent_uptime_seconds", ("target", target)) < 5 && DateTime.UtcNow < deadline)
            {
                first = await Exposition.ScrapeAsync(Http, exporter.Url);
            }

            double uptimeBefore = first.Single("netops_target_agent_uptime_seconds", ("target", target));
            agent.Dispose();
            Exposition down = await Exposition.ScrapeAsync(Http, exporter.Url);
            agent = Peer.StartSnmpd(port);
            Exposition again = await Exposition.ScrapeAsync(Http, exporter.Url);

            Assert.Equal(0, first.Single("netops_target_agent_restarts_total", ("target", target)));
            Assert.Equal(0, down.Single("netops_target_up", ("target", target)));
            Assert.Empty(down.Values("netops_if_in_octets_total", ("target", target)));
            Assert.Equal(1, again.Single("netops_target_up", ("target", target)));
            Assert.True(again.Single("netops_target_agent_uptime_seconds", ("target", target)) < uptimeBefore);
            Assert.Equal(1, again.Single("netops_target_agent_restarts_total", ("target", target)));
            Assert.All(again.Values("netops_if_in_octets_total", ("target", target)), v => Assert.True(v >= 0));
            Assert.NotEmpty(again.Values("netops_if_in_octets_total", ("target", target), ("ifname", "lo")));
        }
        finally
        {
            agent.Dispose();
        }
    }

    internal static MetricsTarget Snmp(string name, int port, string community = "public") =>
        new(name, new SnmpInterfacePoller(new SnmpTarget("127.0.0.1", SnmpCredential.Community(community), port)
        {
            Timeout = TimeSpan.FromSeconds(1),
            Retries = 2,
        }));

    private static MetricsExporterOptions Options(params MetricsTarget[] targets) => new()
    {
        Targets = targets,
        CacheDuration = TimeSpan.Zero,
        PollTimeout = TimeSpan.FromSeconds(5),
        IncludeModuleMetrics = false,
    };

    // ifHCInOctets of ifIndex 1 (lo) read by net-snmp's own snmpget, to bracket what the exporter reported.
    private static async Task<ulong> HcInOctetsOfLoAsync(int port)
    {
        string output = await NetSnmpCli.RunAsync(SnmpGet, "-v2c", "-c", "public", "-On", "-Oqv", $"127.0.0.1:{port}", ".1.3.6.1.2.1.31.1.1.1.6.1");
        return ulong.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    private static int ClosedUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
