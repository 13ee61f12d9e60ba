using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Server;
using NetOpsPS.Tests.Shared;
using Xunit;

namespace NetOpsPS.Sockets.Tests;

public sealed class TcpPortProbeTests
{
    [Fact]
    public async Task AListeningPortIsOpenWithLatencyAndLocalEndPoint()
    {
        await using TcpServer server = TcpEchoServer.Start(new TcpEchoServerOptions());
        TcpPortTestResult result = await TcpPortProbe.TestAsync("127.0.0.1", server.Port, TimeSpan.FromSeconds(5));

        Assert.Equal(TcpPortStatus.Open, result.Status);
        Assert.True(result.Succeeded);
        Assert.Equal(IPAddress.Loopback, result.RemoteAddress);
        Assert.True(result.Latency > TimeSpan.Zero);
        Assert.Equal(IPAddress.Loopback, result.LocalEndPoint!.Address);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task AClosedPortIsRefused()
    {
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        TcpPortTestResult result = await TcpPortProbe.TestAsync("[127.0.0.1]", port, TimeSpan.FromSeconds(5));
        Assert.Equal(TcpPortStatus.Refused, result.Status);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task ASilentPeerTimesOut()
    {
        using FullBacklogListener silent = await FullBacklogListener.StartAsync();
        TcpPortTestResult result = await TcpPortProbe.TestAsync("127.0.0.1", silent.Port, TimeSpan.FromMilliseconds(300));
        Assert.Equal(TcpPortStatus.TimedOut, result.Status);
        Assert.Contains("within 0.3 s", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellationThrowsInsteadOfReportingATimeout()
    {
        using FullBacklogListener silent = await FullBacklogListener.StartAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => TcpPortProbe.TestAsync("127.0.0.1", silent.Port, TimeSpan.FromMinutes(5), cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task LocalhostResolvesAndConnectsOverIPv6WhenAsked()
    {
        await using TcpServer server = TcpEchoServer.Start(new TcpEchoServerOptions { Address = IPAddress.IPv6Loopback });
        TcpPortTestResult result = await TcpPortProbe.TestAsync("::1", server.Port, TimeSpan.FromSeconds(5), AddressFamily.InterNetworkV6);
        Assert.Equal(TcpPortStatus.Open, result.Status);
        Assert.Equal(IPAddress.IPv6Loopback, result.RemoteAddress);
    }

    [Fact]
    public async Task APortOutsideTheRangeIsAnArgumentError()
    {
        var ex = await Assert.ThrowsAsync<SocketsException>(() => TcpPortProbe.TestAsync("127.0.0.1", 0, TimeSpan.FromSeconds(1)));
        Assert.Equal(SocketsError.InvalidArgument, ex.Error);
    }
}
