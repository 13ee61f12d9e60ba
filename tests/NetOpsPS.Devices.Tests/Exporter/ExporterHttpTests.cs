using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using NetOpsPS.Devices.Exporter;
using Xunit;

namespace NetOpsPS.Devices.Tests.Exporter;

public sealed class ExporterHttpTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task Healthz_answers_ok_and_unknown_paths_and_methods_are_refused()
    {
        await using MetricsExporter exporter = MetricsExporter.Start(new MetricsExporterOptions { IncludeModuleMetrics = false });
        var root = new Uri($"http://127.0.0.1:{exporter.Port}/");

        using HttpResponseMessage health = await Http.GetAsync(new Uri(root, "healthz"));
        using HttpResponseMessage missing = await Http.GetAsync(new Uri(root, "nothing"));
        using HttpResponseMessage post = await Http.PostAsync(exporter.Url, new StringContent("x"));
        using HttpResponseMessage metrics = await Http.GetAsync(exporter.Url);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok\n", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", metrics.Content.Headers.ContentType?.ToString());
        Assert.Equal(1, exporter.Scrapes);
    }

    [Fact]
    public async Task Two_exporters_serve_their_own_targets_only()
    {
        var first = new ScriptedPoller();
        var second = new ScriptedPoller();
        first.Enqueue(TimeSpan.FromSeconds(10), ScriptedPoller.Interface(100));
        second.Enqueue(TimeSpan.FromSeconds(10), ScriptedPoller.Interface(200));
        await using MetricsExporter a = MetricsExporter.Start(Options(new MetricsTarget("a:161", first)));
        await using MetricsExporter b = MetricsExporter.Start(Options(new MetricsTarget("b:161", second)));

        Exposition fromA = await Exposition.ScrapeAsync(Http, a.Url);
        Exposition fromB = await Exposition.ScrapeAsync(Http, b.Url);

        Assert.NotEqual(a.Port, b.Port);
        Assert.Equal(100, fromA.Single("netops_if_in_octets_total", ("target", "a:161")));
        Assert.Empty(fromA.Values("netops_target_up", ("target", "b:161")));
        Assert.Equal(200, fromB.Single("netops_if_in_octets_total", ("target", "b:161")));
        Assert.Empty(fromB.Values("netops_target_up", ("target", "a:161")));
    }

    [Fact]
    public async Task Stopping_releases_the_port()
    {
        MetricsExporter exporter = MetricsExporter.Start(new MetricsExporterOptions { IncludeModuleMetrics = false });
        int port = exporter.Port;

        await exporter.StopAsync();
        await using MetricsExporter again = MetricsExporter.Start(new MetricsExporterOptions { Port = port, IncludeModuleMetrics = false });

        Assert.Equal(MetricsExporterState.Stopped, exporter.State);
        Assert.Equal(port, again.Port);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(again.Url)).StatusCode);
    }

    [Fact]
    public void An_ipv6_loopback_address_is_refused_clearly_where_HttpListener_cannot_bind_it()
    {
        // Linux's managed HttpListener mis-parses "[::1]:port" (dotnet/runtime#34399): a clear error instead of its "Invalid port".
        ArgumentException refused = Assert.Throws<ArgumentException>(() => MetricsExporter.Start(new MetricsExporterOptions { Address = IPAddress.IPv6Loopback, IncludeModuleMetrics = false }));

        Assert.Contains("34399", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_port_is_an_HttpListenerException()
    {
        await using MetricsExporter first = MetricsExporter.Start(new MetricsExporterOptions { IncludeModuleMetrics = false });

        Assert.Throws<HttpListenerException>(() => MetricsExporter.Start(new MetricsExporterOptions { Port = first.Port, IncludeModuleMetrics = false }));
    }

    [Fact]
    public async Task Idle_connections_and_a_garbage_request_do_not_stop_scrapes()
    {
        await using MetricsExporter exporter = MetricsExporter.Start(new MetricsExporterOptions { IncludeModuleMetrics = false });
        var idle = new List<TcpClient>();
        try
        {
            // Slow clients that connect and never send a request line.
            for (int i = 0; i < 100; i++)
            {
                var client = new TcpClient();
                idle.Add(client);
                await client.ConnectAsync(IPAddress.Loopback, exporter.Port);
            }

            using var garbage = new TcpClient();
            await garbage.ConnectAsync(IPAddress.Loopback, exporter.Port);
            await garbage.GetStream().WriteAsync("\u0001\u0002 NOT HTTP \r\n\r\n"u8.ToArray());
            byte[] reply = new byte[64];
            int read = await garbage.GetStream().ReadAsync(reply);

            using HttpResponseMessage metrics = await Http.GetAsync(exporter.Url);

            Assert.StartsWith("HTTP/1.1 400", System.Text.Encoding.ASCII.GetString(reply, 0, read), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        }
        finally
        {
            foreach (TcpClient client in idle)
            {
                client.Dispose();
            }
        }
    }

    internal static MetricsExporterOptions Options(params MetricsTarget[] targets) => new()
    {
        Targets = targets,
        CacheDuration = TimeSpan.Zero,
        PollTimeout = TimeSpan.FromSeconds(1),
        IncludeModuleMetrics = false,
    };
}
