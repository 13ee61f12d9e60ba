using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Discovery;
using NetOpsPS.Devices.Snmp;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Devices.Tests.Discovery;

/// <summary>A sweep over three real agents on 127.0.0.2-4 (one port), a dead 127.0.0.5, and a wrong credential first.</summary>
public sealed class SnmpDiscoveryTests : IClassFixture<SnmpdSet>
{
    private readonly SnmpdSet _agents;

    public SnmpDiscoveryTests(SnmpdSet agents) => _agents = agents;

    [Fact]
    public async Task The_sweep_finds_each_agent_with_the_credential_that_works_and_not_the_dead_host()
    {
        SnmpDiscoveryOptions options = Options();
        SnmpProbeResult[] results = await Task.WhenAll(HostRange.Expand("127.0.0.2-5").Select(a => SnmpDiscovery.ProbeAsync(a, options, CancellationToken.None)));

        SnmpDevice[] devices = results.Select(r => r.Device).OfType<SnmpDevice>().OrderBy(d => d.Address, StringComparer.Ordinal).ToArray();
        Assert.Equal(["127.0.0.2", "127.0.0.3", "127.0.0.4"], devices.Select(d => d.Address));
        foreach (SnmpDevice device in devices)
        {
            Assert.Equal("peers-snmpd-" + device.Address, device.SysName);
            Assert.Equal(device.SysName, device.Name);
            Assert.Equal(1, device.CredentialIndex);
            Assert.Equal(SnmpVersion.V3, device.Version);
            Assert.StartsWith(".1.3.6.1.4.1.8072.", device.SysObjectId, StringComparison.Ordinal);
            Assert.Equal("net-snmp", device.Platform);
            Assert.StartsWith("Linux", device.SysDescr, StringComparison.Ordinal);
            Assert.True(device.SysUpTime > TimeSpan.Zero);
            Assert.Equal($"{device.Address}:{_agents.Port}", device.Target);
            Assert.Equal(_agents.Port, device.Data["snmp_port"]);
            Assert.Contains("snmp-v3", device.Groups);
            Assert.Single(results.Single(r => r.Address == device.Address).Failures); // the wrong community timed out first
        }

        SnmpProbeResult dead = results.Single(r => r.Address == "127.0.0.5");
        Assert.Null(dead.Device);
        Assert.Equal(2, dead.Failures.Count);
        Assert.DoesNotContain(dead.Failures, f => f.Contains("not-the-community", StringComparison.Ordinal) || f.Contains("authpass", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Devices_are_written_as_service_discovery_json_without_secrets()
    {
        SnmpProbeResult found = await SnmpDiscovery.ProbeAsync("127.0.0.3", Options(), CancellationToken.None);
        string path = Path.Combine(Path.GetTempPath(), $"netops-sd-{Guid.NewGuid():N}.json");
        try
        {
            await PrometheusServiceDiscovery.WriteFileAsync([found.Device!], path, CancellationToken.None);
            string text = await File.ReadAllTextAsync(path);
            using JsonDocument json = JsonDocument.Parse(text);

            JsonElement group = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal($"127.0.0.3:{_agents.Port}", Assert.Single(group.GetProperty("targets").EnumerateArray()).GetString());
            Assert.Equal("peers-snmpd-127.0.0.3", group.GetProperty("labels").GetProperty("sysname").GetString());
            Assert.Equal("v3", group.GetProperty("labels").GetProperty("snmp_version").GetString());
            Assert.DoesNotContain("authpass", text, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + ".tmp-*"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private SnmpDiscoveryOptions Options() => new()
    {
        // snmpd drops a wrong community silently: it costs one timeout before the v3 user is tried.
        Credentials =
        [
            SnmpCredential.Community("not-the-community"),
            SnmpCredential.User("usr-sha256-aes", SnmpAuthProtocol.Sha256, "authpass-sha256", SnmpPrivProtocol.Aes128, "privpass-aes128"),
        ],
        Port = _agents.Port,
        // Generous for a loaded host: the agents must answer within it; the wrong community waits it out.
        Timeout = TimeSpan.FromSeconds(1),
        Retries = 1,
    };
}
