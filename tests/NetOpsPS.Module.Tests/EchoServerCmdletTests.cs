using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using NetOpsPS.Module.Tests.Harness;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>Start-TcpEchoServer, Get-TcpServer and Stop-TcpServer through the real engine, with real clients.</summary>
public sealed class EchoServerCmdletTests : IDisposable
{
    private readonly PowerShellSession _ps = PowerShellSession.Open();
    private readonly string _name = "echo-cmdlet-" + Guid.NewGuid().ToString("N")[..8];

    // Closing the runspace stops the servers it started (ServerRegistry).
    public void Dispose() => _ps.Dispose();

    [Fact]
    public async Task StartReturnsTypedServerAtOnceThatEchoesLinesWithThePrefix()
    {
        PSObject server = _ps.Run("Start-TcpEchoServer -Port 0 -Name $args[0] -Prefix 'Re: '", _name).Single();

        Assert.Equal("NetOpsPS.Sockets.Server.TcpServer", server.TypeName());
        Assert.Equal("Listening", server.Get<object>("State").ToString());
        Assert.Equal("127.0.0.1", server.Get<string>("Address"));
        int port = server.Get<int>("Port");
        Assert.InRange(port, 1, 65535);

        using LineClient client = await LineClient.ConnectAsync(IPAddress.Loopback, port);
        await client.SendAsync("show version\r\nping\n");
        Assert.Equal("Re: show version\r\nRe: ping\n", await client.ReadExactlyAsync("Re: show version\r\nRe: ping\n"));

        PSObject listed = _ps.Run("Get-TcpServer -Name $args[0]", _name).Single();
        Assert.Equal(2L, listed.Get<long>("FramesReceived"));
        Assert.Equal(1, listed.Get<int>("ActiveConnections"));
    }

    [Fact]
    public void PortInUseIsANonTerminatingErrorWithStableIdCategoryAndTarget()
    {
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen();
        int port = ((IPEndPoint)holder.LocalEndPoint!).Port;

        PsResult result = _ps.Run("Start-TcpEchoServer -Port $args[0] -Name $args[1]", port, _name);

        Assert.Empty(result.Output);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("TcpServerAddressInUse,NetOpsPS.Tcp.StartTcpEchoServerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Equal($"127.0.0.1:{port}", error.TargetObject.ToString());
        Assert.Contains("already in use", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(_ps.Run("Get-TcpServer -Name $args[0]", _name).Output);

        PsResult stop = _ps.Run("Start-TcpEchoServer -Port $args[0] -ErrorAction Stop", port);
        Assert.IsType<ActionPreferenceStopException>(stop.Terminating);
    }

    [Fact]
    public void UnknownNameOrIdIsObjectNotFoundButWildcardsAreQuiet()
    {
        PsResult byName = _ps.Run("Get-TcpServer -Name ($args[0] + '-missing')", _name);
        PsResult byId = _ps.Run("Get-TcpServer -Id 987654321");
        PsResult wildcard = _ps.Run("Get-TcpServer -Name ($args[0] + '-missing*')", _name);

        Assert.Equal(["TcpServerNotFound"], byName.ErrorIds);
        Assert.Equal(ErrorCategory.ObjectNotFound, byName.Errors[0].CategoryInfo.Category);
        Assert.Equal(["TcpServerNotFound"], byId.ErrorIds);
        Assert.Equal(987654321, byId.Errors[0].TargetObject);
        wildcard.AssertClean();
        Assert.Empty(wildcard.Output);
    }

    [Fact]
    public void WhatIfStopsNothingAndStopByNameRemovesFromTheSession()
    {
        _ps.Run("Start-TcpEchoServer -Name ($args[0] + '-a'); Start-TcpEchoServer -Name ($args[0] + '-b')", _name).AssertClean();

        _ps.Run("Stop-TcpServer -Name ($args[0] + '-*') -WhatIf", _name).AssertClean();
        Assert.Equal(2, _ps.Run("Get-TcpServer -Name ($args[0] + '-*')", _name).AssertClean().Output.Count);

        PsResult stopped = _ps.Run("Stop-TcpServer -Name ($args[0] + '-*') -PassThru", _name).AssertClean();
        Assert.Equal(2, stopped.Output.Count);
        Assert.All(stopped.Output, s => Assert.Equal("Stopped", s.Get<object>("State").ToString()));
        Assert.Empty(_ps.Run("Get-TcpServer -Name ($args[0] + '-*')", _name).Output);
    }

    [Fact]
    public async Task StopWhileClientsAreConnectedGivesEachAllItsRepliesThenACleanClose()
    {
        PSObject server = _ps.Run("Start-TcpEchoServer -Name $args[0]", _name).Single();
        int port = server.Get<int>("Port");
        var clients = new LineClient[20];
        var endOfStream = new Task<string>[clients.Length];
        for (int i = 0; i < clients.Length; i++)
        {
            clients[i] = await LineClient.ConnectAsync(IPAddress.Loopback, port);
            await clients[i].SendAsync($"hello {i}\n");
            Assert.Equal($"Echo: hello {i}\n", await clients[i].ReadExactlyAsync($"Echo: hello {i}\n"));
            endOfStream[i] = clients[i].ReadToEndAsync();
        }

        PSObject stopped = _ps.Run("Stop-TcpServer -Name $args[0] -PassThru", _name).Single();

        // A reset would throw here; a clean close reads an empty rest of stream.
        string[] rest = await Task.WhenAll(endOfStream);
        Assert.All(rest, r => Assert.Equal("", r));
        Assert.Equal("Stopped", stopped.Get<object>("State").ToString());
        Assert.Equal(0, stopped.Get<int>("ActiveConnections"));
        Assert.Equal(20L, stopped.Get<long>("TotalConnections"));
        PSObject probe = _ps.Run("Test-TcpPort -ComputerName 127.0.0.1 -Port $args[0]", port).Single();
        Assert.Equal("Refused", probe.Get<object>("Status").ToString());
        foreach (LineClient client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task AThousandConcurrentClientsEachGetTheirOwnReply()
    {
        PSObject server = _ps.Run("Start-TcpEchoServer -Name $args[0] -Backlog 2048", _name).Single();
        int port = server.Get<int>("Port");

        string[] replies = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async i =>
        {
            using LineClient client = await LineClient.ConnectAsync(IPAddress.Loopback, port);
            await client.SendAsync($"client {i} says hi\n");
            return await client.ReadExactlyAsync($"Echo: client {i} says hi\n");
        }));

        for (int i = 0; i < replies.Length; i++)
        {
            Assert.Equal($"Echo: client {i} says hi\n", replies[i]);
        }

        PSObject after = _ps.Run("Get-TcpServer -Name $args[0]", _name).Single();
        Assert.Equal(1000L, after.Get<long>("TotalConnections"));
        Assert.Equal(1000L, after.Get<long>("FramesReceived"));
    }

    [Fact]
    public void ServersBelongToTheirRunspaceAndStopWithItOrWithRemoveModule()
    {
        int kept = (int)_ps.Run("(Start-TcpEchoServer -Name $args[0]).Port", _name).Single().BaseObject;
        int closedPort;
        using (PowerShellSession other = PowerShellSession.Open())
        {
            closedPort = (int)other.Run("(Start-TcpEchoServer -Name ($args[0] + '-other')).Port", _name).Single().BaseObject;
            Assert.Empty(_ps.Run("Get-TcpServer -Name ($args[0] + '-other')", _name).Output);
        }

        // Closing the other runspace stopped its server; this one's is untouched.
        Assert.Equal("Refused", _ps.Run("Test-TcpPort 127.0.0.1 $args[0]", closedPort).Single().Get<object>("Status").ToString());
        Assert.Equal("Open", _ps.Run("Test-TcpPort 127.0.0.1 $args[0]", kept).Single().Get<object>("Status").ToString());

        using PowerShellSession removing = PowerShellSession.Open();
        int removedPort = (int)removing.Run("(Start-TcpEchoServer -Name ($args[0] + '-removed')).Port", _name).Single().BaseObject;
        removing.Run("Remove-Module NetOpsPS").AssertClean();
        Assert.Equal("Refused", _ps.Run("Test-TcpPort 127.0.0.1 $args[0]", removedPort).Single().Get<object>("Status").ToString());
        Assert.Equal("Open", _ps.Run("Test-TcpPort 127.0.0.1 $args[0]", kept).Single().Get<object>("Status").ToString());
    }
}
