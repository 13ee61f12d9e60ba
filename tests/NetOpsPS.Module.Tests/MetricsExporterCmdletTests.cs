using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NetOpsPS.Module.Tests.Harness;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>Start-, Get- and Stop-NetMetricsExporter through the real engine, with a real snmpd and promtool.</summary>
public sealed class MetricsExporterCmdletTests : IDisposable
{
    private readonly PowerShellSession _ps = PowerShellSession.Open();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string _name = "exp-" + Guid.NewGuid().ToString("N")[..8];

    // Closing the runspace stops the exporters it started.
    public void Dispose()
    {
        _ps.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task Start_get_and_stop_manage_one_exporter_and_free_its_port()
    {
        PSObject started = _ps.Run("Start-NetMetricsExporter -Name $args[0]", _name).AssertClean().Single();
        PSObject found = _ps.Run("Get-NetMetricsExporter -Name $args[0]", _name).AssertClean().Single();
        HttpResponseMessage health = await _http.GetAsync(new Uri(started.Get<Uri>("Url"), "/healthz"));
        PSObject stopped = _ps.Run("Get-NetMetricsExporter -Name $args[0] | Stop-NetMetricsExporter -PassThru", _name).AssertClean().Single();
        PsResult gone = _ps.Run("Get-NetMetricsExporter -Name $args[0]", _name);

        Assert.Equal("NetOpsPS.Devices.Exporter.MetricsExporter", started.TypeName());
        Assert.Equal(started.Get<int>("Id"), found.Get<int>("Id"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Stopped", stopped.Get<object>("State").ToString());
        Assert.Equal(["NetMetricsExporterNotFound"], gone.ErrorIds);
        Assert.Equal(ErrorCategory.ObjectNotFound, gone.Errors[0].CategoryInfo.Category);
        using var again = new System.Net.Sockets.TcpListener(IPAddress.Loopback, started.Get<int>("Port"));
        again.Start();
    }

    [Fact]
    public async Task Names_and_inventory_objects_become_targets_and_a_bad_one_is_an_error()
    {
        using Peer agent = Peer.StartSnmpdAt("127.0.0.1");
        PsResult result = _ps.Run(
            @"$inventory = @{ Name = 'r1'; Hostname = '127.0.0.1'; Port = 22; Data = @{ snmp_port = $args[0] } }
              '127.0.0.1:1', $inventory, 'host:99999' | Start-NetMetricsExporter -Community public -TimeoutSeconds 5 -ExcludeModuleMetrics",
            agent.Port);
        PSObject exporter = Assert.Single(result.Output);

        string text = await _http.GetStringAsync(exporter.Get<Uri>("Url"));

        Assert.Equal(["NetMetricsExporterInvalidTarget"], result.ErrorIds);
        Assert.Equal(2, exporter.Get<int>("TargetCount"));
        Assert.Contains($"netops_target_up{{target=\"127.0.0.1:{agent.Port}\"}} 1", text, StringComparison.Ordinal);
        Assert.Contains("netops_target_up{target=\"127.0.0.1:1\"} 0", text, StringComparison.Ordinal);
        Assert.Contains($"netops_if_in_octets_total{{target=\"127.0.0.1:{agent.Port}\",ifindex=\"1\",ifname=\"lo\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tcp_server_metrics_of_the_module_are_exported_and_pass_promtool()
    {
        PSObject exporter = _ps.Run("Start-NetMetricsExporter -Name $args[0]", _name).AssertClean().Single();
        _ps.Run(
            @"$server = Start-TcpEchoServer -Name $args[0]
              $session = $server | Connect-TcpSession -Name $args[0]
              $null = $session | Send-TcpFrame -Text 'hello' -PassThru | Receive-TcpFrame",
            _name + "-echo").AssertClean();

        string text = await _http.GetStringAsync(exporter.Get<Uri>("Url"));
        (int exit, string lint) = await PromtoolAsync(text);

        Assert.Contains($"netops_tcp_server_frames_total{{direction=\"received\",server=\"{_name}-echo\"}} 1", text, StringComparison.Ordinal);
        Assert.Contains($"netops_tcp_server_connections_active{{server=\"{_name}-echo\"}} 1", text, StringComparison.Ordinal);
        Assert.True(exit == 0 && lint.Trim().Length == 0, $"promtool exit {exit}: {lint}\n{text}");
    }

    [Fact]
    public void A_taken_port_is_a_terminating_bind_error()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        PsResult result = _ps.Run("Start-NetMetricsExporter -Port $args[0]; 'after'", port);

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("NetMetricsExporterBindFailed", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Equal("after", Assert.Single(result.Output).BaseObject);
    }

    private static async Task<(int, string)> PromtoolAsync(string exposition)
    {
        if (!System.IO.File.Exists("/usr/bin/promtool"))
        {
            throw new InvalidOperationException("promtool is missing: install the Debian package prometheus (tests/peers/install.sh).");
        }

        var start = new ProcessStartInfo("/usr/bin/promtool", "check metrics") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
