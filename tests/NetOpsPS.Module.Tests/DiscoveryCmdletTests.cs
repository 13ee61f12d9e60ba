using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json;
using NetOpsPS.Module.Tests.Harness;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>Find-SnmpDevice through the real engine over three snmpd on 127.0.0.2-4, a dead 127.0.0.5, a wrong community.</summary>
public sealed class DiscoveryCmdletTests : IDisposable
{
    private readonly Peer[] _agents;
    private readonly PowerShellSession _ps = PowerShellSession.Open();

    public DiscoveryCmdletTests()
    {
        Peer first = Peer.StartSnmpdAt("127.0.0.2");
        _agents = [first, Peer.StartSnmpdAt("127.0.0.3", first.Port), Peer.StartSnmpdAt("127.0.0.4", first.Port)];
    }

    private int Port => _agents[0].Port;

    public void Dispose()
    {
        _ps.Dispose();
        foreach (Peer agent in _agents)
        {
            agent.Dispose();
        }
    }

    [Fact]
    public void A_sweep_returns_typed_devices_with_the_working_credential_and_writes_sd_json()
    {
        string path = Path.Combine(Path.GetTempPath(), $"netops-sd-{Guid.NewGuid():N}.json");
        try
        {
            PsResult result = _ps.Run(
                "'127.0.0.2-5' | Find-SnmpDevice -Community not-the-community, public -Port $args[0] -TimeoutSeconds 1 -Retries 1 -SdJsonPath $args[1] -Verbose",
                Port,
                path).AssertClean();

            PSObject[] devices = result.Output.OrderBy(o => o.Get<string>("Address"), StringComparer.Ordinal).ToArray();
            Assert.Equal(["127.0.0.2", "127.0.0.3", "127.0.0.4"], devices.Select(d => d.Get<string>("Address")));
            Assert.All(devices, d => Assert.Equal("NetOpsPS.Devices.Discovery.SnmpDevice", d.TypeName()));
            Assert.All(devices, d => Assert.Equal(1, d.Get<int>("CredentialIndex")));
            Assert.All(devices, d => Assert.Equal("peers-snmpd-" + d.Get<string>("Address"), d.Get<string>("Name")));
            Assert.Contains(result.Verbose, v => v.StartsWith("127.0.0.5: no answer", StringComparison.Ordinal));
            Assert.DoesNotContain(result.Verbose, v => v.Contains("not-the-community", StringComparison.Ordinal));
            Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);

            using JsonDocument sd = JsonDocument.Parse(File.ReadAllText(path));
            Assert.Equal(
                [$"127.0.0.2:{Port}", $"127.0.0.3:{Port}", $"127.0.0.4:{Port}"],
                sd.RootElement.EnumerateArray().Select(g => g.GetProperty("targets")[0].GetString()).Order(StringComparer.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_block_too_large_is_an_error_and_the_other_items_are_still_swept()
    {
        PsResult result = _ps.Run("Find-SnmpDevice -Target '10.0.0.0/8', '127.0.0.3' -Port $args[0] -TimeoutSeconds 1 -Retries 1", Port);

        Assert.Equal(["SnmpDeviceInvalidTarget"], result.ErrorIds);
        Assert.Equal(ErrorCategory.InvalidArgument, result.Errors[0].CategoryInfo.Category);
        Assert.Equal("127.0.0.3", Assert.Single(result.Output).Get<string>("Address"));
    }

    [Fact]
    public async System.Threading.Tasks.Task Devices_piped_into_the_exporter_are_polled_with_their_credential()
    {
        PSObject exporter = _ps.Run(
            "Find-SnmpDevice 127.0.0.2-4 -Community not-the-community, public -Port $args[0] -TimeoutSeconds 1 -Retries 1 | Start-NetMetricsExporter -ExcludeModuleMetrics",
            Port).AssertClean().Single();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        string text = await http.GetStringAsync(exporter.Get<Uri>("Url"));

        Assert.Equal(3, exporter.Get<int>("TargetCount"));
        foreach (string address in new[] { "127.0.0.2", "127.0.0.3", "127.0.0.4" })
        {
            Assert.Contains($"netops_target_up{{target=\"{address}:{Port}\"}} 1", text, StringComparison.Ordinal);
        }

        Assert.Equal(3, exporter.Get<int>("TargetsUp"));
    }

    [Fact]
    public async System.Threading.Tasks.Task Ctrl_c_ends_a_sweep_of_silent_hosts_at_once_and_closes_its_sockets()
    {
        // A bound socket that never answers: every probe would wait out its 120 s timeout.
        using var silent = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        silent.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        int port = ((System.Net.IPEndPoint)silent.LocalEndPoint!).Port;

        (PsResult result, TimeSpan took) = _ps.RunAndStop(
            "Find-SnmpDevice -Target 127.0.0.1 -Community a, b, c -Port $args[0] -TimeoutSeconds 60 -Retries 1 -Verbose",
            message => message.StartsWith("Sweeping 1 host(s)", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30),
            port);

        Assert.IsType<PipelineStoppedException>(result.Terminating);
        Assert.Empty(result.Output);
        // A liveness bound far below the 360 s the sweep would otherwise take: Stop must not wait for a timeout.
        Assert.True(took < TimeSpan.FromSeconds(30), $"Stop took {took}.");
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (UdpSocketsTo(port) > 0 && DateTime.UtcNow < deadline)
        {
            await System.Threading.Tasks.Task.Delay(20);
        }

        Assert.Equal(0, UdpSocketsTo(port));
    }

    // Client sockets connected to 127.0.0.1:port, from the kernel's table (rem_address is hex "0100007F:PORT").
    private static int UdpSocketsTo(int port) =>
        File.ReadLines("/proc/net/udp").Skip(1)
            .Count(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2] == $"0100007F:{port:X4}");
}
