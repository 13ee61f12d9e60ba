using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using NetOpsPS.Module.Tests.Harness;
using NetOpsPS.Tests.Shared;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>Test-TcpPort through the real engine against real listeners, refused ports and a silent peer.</summary>
public sealed class TestTcpPortCmdletTests : IDisposable
{
    private readonly PowerShellSession _ps = PowerShellSession.Open();
    private readonly string _name = "port-test-" + Guid.NewGuid().ToString("N")[..8];

    // Closing the runspace stops the servers it started (ServerRegistry).
    public void Dispose() => _ps.Dispose();

    [Fact]
    public void ServerPipedIntoTestTcpPortGivesATypedOpenResult()
    {
        PSObject result = _ps.Run("Start-TcpEchoServer -Port 0 -Name $args[0] | Test-TcpPort", _name).Single();

        Assert.Equal("NetOpsPS.Sockets.TcpPortTestResult", result.TypeName());
        Assert.Equal("Open", result.Get<object>("Status").ToString());
        Assert.True(result.Get<bool>("Succeeded"));
        Assert.Equal(IPAddress.Loopback, result.Get<IPAddress>("RemoteAddress"));
        Assert.True(result.Get<TimeSpan>("Latency") > TimeSpan.Zero);
        Assert.Null(result.Get<string?>("Error"));
        Assert.Equal(_ps.Run("(Get-TcpServer -Name $args[0]).Port", _name).Single().BaseObject, result.Get<int>("Port"));
    }

    [Fact]
    public void ManyTargetsFromThePipelineEachKeepTheirTargetAndStatus()
    {
        int[] open = Enumerable.Range(0, 5)
            .Select(i => _ps.Run("(Start-TcpEchoServer -Name ($args[0] + $args[1])).Port", _name, i).Single().BaseObject)
            .Cast<int>().ToArray();
        int refused = FreePort();

        PsResult results = _ps.Run(@"
            $targets = @($args[0] | ForEach-Object { [pscustomobject]@{ ComputerName = '127.0.0.1'; Port = $_ } }) +
                       [pscustomobject]@{ ComputerName = 'localhost'; Port = $args[1] }
            $targets | Test-TcpPort -ThrottleLimit 3 -IPv4", open, refused).AssertClean();

        Assert.Equal(6, results.Output.Count);
        foreach (int port in open)
        {
            PSObject r = Assert.Single(results.Output, o => o.Get<int>("Port") == port);
            Assert.Equal("Open", r.Get<object>("Status").ToString());
        }

        ProgressRecord last = results.Progress[^1];
        Assert.Equal(ProgressRecordType.Completed, last.RecordType);
        Assert.Equal("6 of 6 targets tested", last.StatusDescription);

        PSObject closed = Assert.Single(results.Output, o => o.Get<int>("Port") == refused);
        Assert.Equal("localhost", closed.Get<string>("ComputerName"));
        Assert.Equal("Refused", closed.Get<object>("Status").ToString());
        Assert.False(closed.Get<bool>("Succeeded"));
        Assert.False(string.IsNullOrEmpty(closed.Get<string>("Error")));
    }

    [Fact]
    public void AFamilyTheTargetLacksIsNameNotResolved()
    {
        PSObject result = _ps.Run("Test-TcpPort -ComputerName 127.0.0.1 -Port 9 -IPv6").Single();
        Assert.Equal("NameNotResolved", result.Get<object>("Status").ToString());
        Assert.Contains("IPv6", result.Get<string>("Error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASilentPeerTimesOutAsAResult()
    {
        using FullBacklogListener silent = await FullBacklogListener.StartAsync();
        PSObject result = _ps.Run("Test-TcpPort -ComputerName 127.0.0.1 -Port $args[0] -TimeoutSeconds 0.3", silent.Port).Single();
        Assert.Equal("TimedOut", result.Get<object>("Status").ToString());
    }

    [Fact]
    public async Task CtrlCStopsAPendingTestAtOnceAndReleasesItsSocket()
    {
        using FullBacklogListener silent = await FullBacklogListener.StartAsync();
        int before = TcpTable.Count(TcpTable.SynSent, silent.Port);

        (PsResult result, TimeSpan took) = _ps.RunAndStop(
            "Test-TcpPort -ComputerName 127.0.0.1 -Port $args[0] -TimeoutSeconds 300 -Verbose",
            message => message.StartsWith("Testing", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            silent.Port);

        Assert.IsType<PipelineStoppedException>(result.Terminating);
        Assert.Empty(result.Output);
        // A liveness bound, far below the 300 s the test would otherwise wait: Stop must not wait for the timeout.
        Assert.True(took < TimeSpan.FromSeconds(30), $"Stop took {took}.");
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (TcpTable.Count(TcpTable.SynSent, silent.Port) > before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(before, TcpTable.Count(TcpTable.SynSent, silent.Port));
    }

    [Fact]
    public void ConflictingFamilySwitchesAreATerminatingInvocationError()
    {
        PsResult result = _ps.Run("Test-TcpPort -ComputerName 127.0.0.1 -Port 9 -IPv4 -IPv6; 'after'");
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("TcpPortConflictingFamily,NetOpsPS.Tcp.TestTcpPortCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        // Statement-terminating: the cmdlet wrote no result; the script goes on, as PowerShell does.
        Assert.Equal("after", Assert.Single(result.Output).BaseObject);
        // With $ErrorActionPreference = 'Stop' it ends the script, as a runbook would want.
        var stopped = Assert.IsAssignableFrom<IContainsErrorRecord>(
            _ps.Run("$ErrorActionPreference = 'Stop'; Test-TcpPort -ComputerName 127.0.0.1 -Port 9 -IPv4 -IPv6; 'after'").Terminating);
        Assert.StartsWith("TcpPortConflictingFamily", stopped.ErrorRecord.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
