using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using NetOpsPS.Module.Tests.Harness;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>Connect-/Send-/Receive-/Disconnect-/Get-TcpSession and Measure-TcpEcho through the real engine.</summary>
public sealed class TcpSessionCmdletTests : IDisposable
{
    private readonly PowerShellSession _ps = PowerShellSession.Open();

    public void Dispose() => _ps.Dispose();

    [Fact]
    public void ASessionSendsAndReceivesTypedFramesAndCountsThem()
    {
        PsResult result = _ps.Run(@"
            $server = Start-TcpEchoServer -Name sess-echo
            $session = $server | Connect-TcpSession -Name sess-a
            'one', 'two' | Send-TcpFrame -Session $session
            Receive-TcpFrame -Session $session -Count 2 -TimeoutSeconds 10
            Get-TcpSession -Name sess-a").AssertClean();

        Assert.Equal(3, result.Output.Count);
        Assert.Equal("NetOpsPS.Tcp.TcpFrame", result.Output[0].TypeName());
        Assert.Equal(new[] { "Echo: one", "Echo: two" }, result.Output.Take(2).Select(f => f.Get<string>("Text")));
        Assert.Equal(9, result.Output[0].Get<int>("Length"));
        PSObject session = result.Output[2];
        Assert.Equal("NetOpsPS.Sockets.Client.TcpClientSession", session.TypeName());
        Assert.Equal("Connected", session.Get<object>("State").ToString());
        Assert.Equal("Closed", session.Get<object>("BreakerState").ToString());
        Assert.Equal(2L, session.Get<long>("FramesSent"));
        Assert.Equal(2L, session.Get<long>("FramesReceived"));

        PSObject closed = _ps.Run("Disconnect-TcpSession -Name sess-a -PassThru").Single();
        Assert.Equal("Closed", closed.Get<object>("State").ToString());
        Assert.Empty(_ps.Run("Get-TcpSession").AssertClean().Output);
    }

    [Fact]
    public void AReceiveTimeoutAndARefusedConnectAreErrorsNamedByKind()
    {
        PsResult timeout = _ps.Run(@"
            $server = Start-TcpServer -Handler Discard
            $session = Connect-TcpSession 127.0.0.1 $server.Port
            Send-TcpFrame -Session $session -Text 'hello?'
            Receive-TcpFrame -Session $session -TimeoutSeconds 0.2");
        ErrorRecord late = Assert.Single(timeout.Errors);
        Assert.Equal("TcpSessionReceiveTimeout,NetOpsPS.Tcp.ReceiveTcpFrameCommand", late.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, late.CategoryInfo.Category);

        int closedPort = FreePort();
        PsResult refused = _ps.Run("Connect-TcpSession 127.0.0.1 $args[0] -MaxRetryAttempts 1 -RetryBaseDelaySeconds 0.01", closedPort);
        ErrorRecord error = Assert.Single(refused.Errors);
        Assert.Equal("TcpSessionRefused,NetOpsPS.Tcp.ConnectTcpSessionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Equal($"127.0.0.1:{closedPort}", error.TargetObject);
        Assert.Empty(refused.Output);
    }

    [Fact]
    public void MeasureTcpEchoReportsAVerifiedLoadRunAsOneObject()
    {
        PSObject result = _ps.Run(@"
            $server = Start-TcpEchoServer
            $server | Measure-TcpEcho -Connections 8 -Requests 4000 -WarmUpSeconds 0 -Mode Pipelined -PipelineDepth 16 -PayloadSize 100").Single();

        Assert.Equal("NetOpsPS.Sockets.Load.TcpLoadResult", result.TypeName());
        Assert.True(result.Get<long>("RequestsCompleted") >= 4000);
        Assert.Equal(0L, result.Get<long>("TotalErrors"));
        Assert.True(result.Get<double>("RequestsPerSecond") > 0);
        Assert.True(result.Get<TimeSpan>("LatencyP99") >= result.Get<TimeSpan>("LatencyP50"));
        Assert.Equal(8, result.Get<int>("Connections"));
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
