using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using NetOpsPS.Module.Tests.Harness;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>Send-ReliableUdp, Start-ReliableUdpListener, Receive-ReliableUdpMessage and Start-UdpImpairmentRelay through the real engine.</summary>
public sealed class UdpReliableCmdletTests : IDisposable
{
    private readonly PowerShellSession _ps = PowerShellSession.Open();

    public void Dispose() => _ps.Dispose();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void AThousandMessagesCrossALossyRelayCompleteAndInOrder(string address)
    {
        PsResult result = _ps.Run(
            """
            $listener = Start-ReliableUdpListener -Address $args[0]
            $relay = Start-UdpImpairmentRelay -Address $args[0] -TargetAddress $args[0] -TargetPort $listener.Port -LossProbability 0.2 -ReorderProbability 0.1 -DuplicateProbability 0.05 -Seed 11
            1..1000 | ForEach-Object { "msg $_" } | Send-ReliableUdp $args[0] $relay.Port -MinRtoMilliseconds 20 -MaxRetries 30
            $listener | Receive-ReliableUdpMessage -Count 1000 -TimeoutSeconds 60
            $relay
            """, address).AssertClean();

        PSObject transfer = result.Output[0];
        Assert.Equal("NetOpsPS.Sockets.Reliable.ReliableUdpTransferResult", transfer.TypeName());
        Assert.True(transfer.Get<bool>("Completed"));
        Assert.True(transfer.Get<long>("Retransmissions") > 0);
        PSObject[] messages = result.Output.Skip(1).Take(1000).ToArray();
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => $"msg {i}"), messages.Select(m => m.Get<string>("Text")));
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), messages.Select(m => m.Get<long>("Number")));
        PSObject relay = result.Output[1001];
        Assert.Equal(11, relay.Get<int>("Seed"));
        Assert.True(relay.Get<long>("Dropped") > 0);
    }

    [Fact]
    public void TheSmallestDatagramSizeCarriesATransferAndTheProgressBarEnds()
    {
        PsResult result = _ps.Run(
            """
            $listener = Start-ReliableUdpListener
            Send-ReliableUdp 127.0.0.1 $listener.Port -Text ('x' * 1000) -MaxDatagramSize 64
            $listener | Receive-ReliableUdpMessage -Count 1 -TimeoutSeconds 10
            """).AssertClean();

        Assert.True(result.Output[0].Get<bool>("Completed"));
        Assert.Equal(new string('x', 1000), result.Output[1].Get<string>("Text"));
        ProgressRecord last = result.Progress.Last(p => p.Activity == "Send-ReliableUdp");
        Assert.Equal(ProgressRecordType.Completed, last.RecordType);
    }

    [Fact]
    public void RetryExhaustionIsAClearOperationTimeoutErrorWithTheTarget()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)silent.LocalEndPoint!).Port;

        PsResult result = _ps.Run("Send-ReliableUdp 127.0.0.1 $args[0] -Text 'anyone?' -MaxRetries 2 -InitialRtoMilliseconds 20 -MinRtoMilliseconds 10", port);

        Assert.Empty(result.Output);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("ReliableUdpRetriesExhausted,NetOpsPS.Udp.SendReliableUdpCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Equal($"127.0.0.1:{port}", error.TargetObject.ToString());
        Assert.Contains("after 2 retransmissions", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("0 of 1 messages were acknowledged", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReceiveWithoutCountTakesWhatIsWaitingAndATimeoutIsReported()
    {
        PsResult result = _ps.Run(
            """
            $listener = Start-ReliableUdpListener -Name waiting
            $null = 'one', 'two' | Send-ReliableUdp 127.0.0.1 $listener.Port
            Receive-ReliableUdpMessage -Name waiting
            Receive-ReliableUdpMessage -Name waiting -Count 1 -TimeoutSeconds 0.2
            """);

        Assert.Equal(new[] { "one", "two" }, result.Output.Select(o => o.Get<string>("Text")));
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("ReliableUdpReceiveTimeout", result.ErrorIds.Single());
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
    }

    [Fact]
    public void AnUnknownListenerNameIsNotFound()
    {
        PsResult result = _ps.Run("Receive-ReliableUdpMessage -Name nosuchlistener");
        Assert.Equal("ReliableUdpListenerNotFound", Assert.Single(result.ErrorIds));
        Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[0].CategoryInfo.Category);
    }

    [Fact]
    public void CtrlCStopsATransferThatIsRetrying()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        (PsResult result, _) = _ps.RunAndStop(
            "1..10 | ForEach-Object { \"m$_\" } | Send-ReliableUdp 127.0.0.1 $args[0] -MaxRetries 100 -Verbose",
            v => v.StartsWith("Sending 10 message(s)", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60),
            ((IPEndPoint)silent.LocalEndPoint!).Port);

        Assert.IsType<PipelineStoppedException>(result.Terminating);
        Assert.Empty(result.Output);
        Assert.Empty(result.Errors);
    }
}
