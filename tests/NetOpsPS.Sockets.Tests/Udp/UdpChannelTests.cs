using System;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Udp;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Udp;

public sealed class UdpChannelTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task AnEchoServerSendsTheDatagramBackToItsSender(string address)
    {
        IPAddress loopback = IPAddress.Parse(address);
        await using UdpEchoServer server = UdpEchoServer.Start(new UdpEchoServerOptions { LocalEndPoint = new IPEndPoint(loopback, 0) });
        using UdpChannel client = UdpChannel.Open(new UdpChannelOptions { LocalEndPoint = new IPEndPoint(loopback, 0) });

        UdpSendResult sent = await client.SendAsync(server.LocalEndPoint, Encoding.UTF8.GetBytes("show ip route"));
        UdpDatagram? echo = await client.ReceiveAsync(DateTimeOffset.UtcNow.AddSeconds(10));

        Assert.Equal(13, sent.Length);
        Assert.NotNull(echo);
        Assert.Equal("show ip route", echo!.Text);
        Assert.Equal(server.LocalEndPoint, echo.RemoteEndPoint);
        Assert.Equal(client.LocalEndPoint, echo.LocalEndPoint);
        Assert.Equal(1, server.DatagramsEchoed);
        Assert.Equal(13, server.BytesReceived);
    }

    [Fact]
    public async Task TheFromFilterSkipsOtherSendersAndCountsThem()
    {
        using UdpChannel wanted = UdpChannel.Open(new UdpChannelOptions());
        using UdpChannel other = UdpChannel.Open(new UdpChannelOptions());
        using UdpChannel filtered = UdpChannel.Open(new UdpChannelOptions { FromAddresses = new[] { IPAddress.Loopback }, FromPort = wanted.LocalEndPoint.Port });
        await other.SendAsync(filtered.LocalEndPoint, new byte[] { 1 });
        await wanted.SendAsync(filtered.LocalEndPoint, new byte[] { 2 });

        UdpDatagram? datagram = await filtered.ReceiveAsync(DateTimeOffset.UtcNow.AddSeconds(10));

        Assert.Equal(new byte[] { 2 }, datagram!.Data);
        Assert.Equal(1, filtered.Filtered);
    }

    [Fact]
    public async Task AReadDeadlineThatPassesReturnsNull()
    {
        using UdpChannel channel = UdpChannel.Open(new UdpChannelOptions());
        Assert.Null(await channel.ReceiveAsync(DateTimeOffset.UtcNow.AddMilliseconds(50)));
        Assert.Null(await channel.ReceiveAsync(DateTimeOffset.UtcNow.AddSeconds(-1)));
    }

    [Fact]
    public async Task APayloadOverTheUdpMaximumIsRefusedBeforeSending()
    {
        using UdpChannel channel = UdpChannel.Open(new UdpChannelOptions());
        SocketsException ex = await Assert.ThrowsAsync<SocketsException>(() => channel.SendAsync(channel.LocalEndPoint, new byte[UdpChannelOptions.MaxPayload + 1]));
        Assert.Equal(SocketsError.InvalidArgument, ex.Error);
    }

    [Fact]
    public async Task ADualModeServerAnswersAnIPv4Client()
    {
        await using UdpEchoServer server = UdpEchoServer.Start(new UdpEchoServerOptions { LocalEndPoint = new IPEndPoint(IPAddress.IPv6Any, 0) });
        using UdpChannel client = UdpChannel.Open(new UdpChannelOptions());
        await client.SendAsync(new IPEndPoint(IPAddress.Loopback, server.Port), new byte[] { 7, 8 });

        UdpDatagram? echo = await client.ReceiveAsync(DateTimeOffset.UtcNow.AddSeconds(10));

        Assert.Equal(new byte[] { 7, 8 }, echo!.Data);
        Assert.Equal(IPAddress.Loopback, echo.RemoteAddress);
    }

    [Fact]
    public async Task StopClosesTheSocketSoThePortCanBeBoundAgain()
    {
        UdpEchoServer server = UdpEchoServer.Start(new UdpEchoServerOptions());
        await server.StopAsync();
        Assert.Equal(UdpServiceState.Stopped, server.State);

        await using UdpEchoServer again = UdpEchoServer.Start(new UdpEchoServerOptions { LocalEndPoint = server.LocalEndPoint });
        Assert.Equal(server.Port, again.Port);
        SocketsException inUse = Assert.Throws<SocketsException>(() => UdpEchoServer.Start(new UdpEchoServerOptions { LocalEndPoint = again.LocalEndPoint }));
        Assert.Equal(SocketsError.AddressInUse, inUse.Error);
    }
}
