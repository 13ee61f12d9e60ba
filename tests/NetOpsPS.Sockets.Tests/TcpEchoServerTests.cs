using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Server;
using Xunit;

namespace NetOpsPS.Sockets.Tests;

public sealed class TcpEchoServerTests : IAsyncLifetime
{
    private TcpServer _server = null!;

    public Task InitializeAsync()
    {
        _server = TcpEchoServer.Start(new TcpEchoServerOptions { MaxLineLength = 64, DrainTimeout = TimeSpan.FromSeconds(2) });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task EchoesLfAndCrLfLinesByteForByteWithThePrefix()
    {
        using EchoClient client = await EchoClient.ConnectAsync(_server.LocalEndPoint);
        await client.SendAsync("one\ntwo\r\nthree: ünïcode\n");
        string expected = "Echo: one\nEcho: two\r\nEcho: three: ünïcode\n";
        Assert.Equal(expected, await client.ReadExactlyAsync(Encoding.UTF8.GetByteCount(expected)));
        Assert.Equal(3, _server.FramesReceived);
        Assert.Equal(Encoding.UTF8.GetByteCount("one\ntwo\r\nthree: ünïcode\n"), _server.BytesReceived);
    }

    [Fact]
    public async Task ALineSplitAtEveryByteBoundaryIsEchoedTheSame()
    {
        byte[] message = Encoding.UTF8.GetBytes("alpha\r\nbeta\n");
        const string expected = "Echo: alpha\r\nEcho: beta\n";
        for (int split = 1; split < message.Length; split++)
        {
            using EchoClient client = await EchoClient.ConnectAsync(_server.LocalEndPoint);
            await client.SendAsync(message[..split]);
            await client.SendAsync(message[split..]);
            Assert.Equal(expected, await client.ReadExactlyAsync(expected.Length));
        }
    }

    [Fact]
    public async Task AThousandPipelinedLinesComeBackInOrder()
    {
        using EchoClient client = await EchoClient.ConnectAsync(_server.LocalEndPoint);
        string lines = string.Concat(Enumerable.Range(0, 1000).Select(i => $"{i}\n"));
        string expected = string.Concat(Enumerable.Range(0, 1000).Select(i => $"Echo: {i}\n"));
        Task<string> reply = client.ReadExactlyAsync(expected.Length);
        await client.SendAsync(lines);
        Assert.Equal(expected, await reply);
    }

    [Fact]
    public async Task APartialLineAtCloseIsNotAFrameAndTheCloseSaysSo()
    {
        using EchoClient client = await EchoClient.ConnectAsync(_server.LocalEndPoint);
        await client.SendAsync("done\nno newline");
        client.Socket.Shutdown(SocketShutdown.Send);
        Assert.Equal("Echo: done\n", await client.ReadToEndAsync());
        // The violation is logged before the server half-closes, so it is there when the client reads the end.
        Assert.Contains(_server.RecentEvents, e => e.Kind == TcpServerEventKind.Violation && e.Message.Contains("ended inside a frame", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOverLongLineClosesThatConnectionWithALoggedReasonAndOthersGoOn()
    {
        using EchoClient bad = await EchoClient.ConnectAsync(_server.LocalEndPoint);
        using EchoClient good = await EchoClient.ConnectAsync(_server.LocalEndPoint);
        await bad.SendAsync(new string('x', 200) + "\n");

        Assert.Equal("", await bad.ReadToEndAsync());
        TcpServerEvent violation = Assert.Single(_server.RecentEvents, e => e.Kind == TcpServerEventKind.Violation);
        Assert.Contains("longer than the maximum of 64", violation.Message, StringComparison.Ordinal);

        await good.SendAsync("still here\n");
        Assert.Equal("Echo: still here\n", await good.ReadExactlyAsync("Echo: still here\n".Length));
    }

    [Fact]
    public async Task GarbageWithoutLineFeedsIsCutAtTheLimitNotBuffered()
    {
        using EchoClient flood = await EchoClient.ConnectAsync(_server.LocalEndPoint);
        byte[] garbage = new byte[4096];
        new Random(42).NextBytes(garbage);
        for (int i = 0; i < garbage.Length; i++)
        {
            garbage[i] = garbage[i] == (byte)'\n' ? (byte)0 : garbage[i];
        }

        // The server cuts the connection once 64 bytes pass without a line feed; the rest of the send may
        // meet the closed socket, which is part of the behaviour under test.
        try
        {
            await flood.SendAsync(garbage);
        }
        catch (SocketException)
        {
        }

        string reply;
        try
        {
            reply = await flood.ReadToEndAsync();
        }
        catch (SocketException)
        {
            reply = "";
        }

        Assert.Equal("", reply);
        Assert.Contains(_server.RecentEvents, e => e.Kind == TcpServerEventKind.Violation && e.Message.Contains("without a delimiter", StringComparison.Ordinal));
    }

    [Fact]
    public void APortInUseIsASocketsExceptionWithItsCode()
    {
        var ex = Assert.Throws<SocketsException>(() => TcpEchoServer.Start(new TcpEchoServerOptions { Port = _server.Port }));
        Assert.Equal(SocketsError.AddressInUse, ex.Error);
        Assert.Contains("already in use", ex.Message, StringComparison.Ordinal);
        Assert.IsType<SocketException>(ex.InnerException);
    }

    [Fact]
    public async Task StopHalfClosesEveryClientCleanlyAndEndsInStopped()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => EchoClient.ConnectAsync(_server.LocalEndPoint)));
        foreach (EchoClient client in clients)
        {
            await client.SendAsync("hi\n");
            Assert.Equal("Echo: hi\n", await client.ReadExactlyAsync(9));
        }

        Task<string>[] rest = clients.Select(c => c.ReadToEndAsync()).ToArray();
        await _server.StopAsync();

        Assert.All(await Task.WhenAll(rest), r => Assert.Equal("", r));
        Assert.Equal(TcpServerState.Stopped, _server.State);
        Assert.Equal(0, _server.ActiveConnections);
        Assert.True(_server.Completion.IsCompletedSuccessfully);
        Assert.NotNull(_server.StopTime);
        await Assert.ThrowsAsync<SocketException>(() => EchoClient.ConnectAsync(_server.LocalEndPoint));
        foreach (EchoClient client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task StopWithAClientThatNeverClosesEndsAfterTheDrainTimeout()
    {
        using EchoClient stubborn = await EchoClient.ConnectAsync(_server.LocalEndPoint);
        await stubborn.SendAsync("hi\n");
        Assert.Equal("Echo: hi\n", await stubborn.ReadExactlyAsync(9));

        await _server.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(TcpServerState.Stopped, _server.State);
        Assert.Equal(0, _server.ActiveConnections);
    }

    [Fact]
    public async Task ServesIPv6Loopback()
    {
        await using TcpServer v6 = TcpEchoServer.Start(new TcpEchoServerOptions { Address = IPAddress.IPv6Loopback, Prefix = "" });
        Assert.Equal("::1", v6.Address);
        using EchoClient client = await EchoClient.ConnectAsync(v6.LocalEndPoint);
        await client.SendAsync("plain\n");
        Assert.Equal("plain\n", await client.ReadExactlyAsync(6));
    }

    [Fact]
    public void InvalidOptionsAreRejectedBeforeAnyBind()
    {
        Assert.Equal(SocketsError.InvalidArgument, Assert.Throws<SocketsException>(() => TcpEchoServer.Start(new TcpEchoServerOptions { Port = 70000 })).Error);
        Assert.Equal(SocketsError.InvalidArgument, Assert.Throws<SocketsException>(() => TcpEchoServer.Start(new TcpEchoServerOptions { MaxLineLength = 0 })).Error);
    }
}
