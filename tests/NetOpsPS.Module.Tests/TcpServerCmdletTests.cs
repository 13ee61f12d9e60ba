using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using NetOpsPS.Module.Tests.Harness;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>Start-TcpServer, New-TcpFraming and Get-TcpConnection through the real engine, with real clients.</summary>
public sealed class TcpServerCmdletTests : IDisposable
{
    private readonly PowerShellSession _ps = PowerShellSession.Open();

    public void Dispose() => _ps.Dispose();

    [Fact]
    public async Task ALengthFieldServerFromNewTcpFramingEchoesFramesAndListsItsConnection()
    {
        PSObject server = _ps.Run("New-TcpFraming -LengthFieldLength 2 -InitialBytesToStrip 2 -MaxLength 512 | Start-TcpServer -Name lf -Prefix 'R:'").Single();
        Assert.Equal("NetOpsPS.Sockets.Server.TcpServer", server.TypeName());
        Assert.StartsWith("length field", server.Get<string>("Framing"), StringComparison.Ordinal);

        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Get<int>("Port"));
        NetworkStream stream = client.GetStream();
        await stream.WriteAsync(new byte[] { 0, 3, (byte)'a', (byte)'b', (byte)'c' });
        byte[] reply = new byte[7];
        await stream.ReadExactlyAsync(reply).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(new byte[] { 0, 5, (byte)'R', (byte)':', (byte)'a', (byte)'b', (byte)'c' }, reply);

        PSObject connection = _ps.Run("Get-TcpConnection -ServerName lf").Single();
        Assert.Equal("NetOpsPS.Sockets.Server.TcpConnectionInfo", connection.TypeName());
        Assert.Equal("Active", connection.Get<object>("State").ToString());
        Assert.Equal(1L, connection.Get<long>("FramesReceived"));
        Assert.Equal(5L, connection.Get<long>("BytesReceived"));
        Assert.Equal(7L, connection.Get<long>("BytesSent"));
        Assert.Equal(3, connection.Get<object[]>("Transitions").Length);
        Assert.Single(_ps.Run("Get-TcpServer -Name lf | Get-TcpConnection -State Active").AssertClean().Output);
        Assert.Empty(_ps.Run("Get-TcpConnection -ServerName lf -State Closing").AssertClean().Output);
    }

    [Fact]
    public async Task AFloodAboveMaxConnectionsIsRejectedCountedAndTheServerStaysUp()
    {
        PSObject server = _ps.Run("Start-TcpServer -Name capped -MaxConnections 5 -WhenFull Reject -RejectMessage \"busy`n\"").Single();
        int port = server.Get<int>("Port");
        var holders = new TcpClient[5];
        for (int i = 0; i < holders.Length; i++)
        {
            holders[i] = new TcpClient();
            await holders[i].ConnectAsync(IPAddress.Loopback, port);
            await holders[i].GetStream().WriteAsync("hi\n"u8.ToArray());
            await holders[i].GetStream().ReadExactlyAsync(new byte[3]).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        }

        string[] flood = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var c = new TcpClient();
            await c.ConnectAsync(IPAddress.Loopback, port);
            using var reader = new System.IO.StreamReader(c.GetStream());
            return await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }));

        Assert.All(flood, r => Assert.Equal("busy\n", r));
        PSObject after = _ps.Run("Get-TcpServer -Name capped").Single();
        Assert.Equal(50L, after.Get<long>("RejectedConnections"));
        Assert.Equal("Listening", after.Get<object>("State").ToString());
        Assert.Equal(5, _ps.Run("Get-TcpConnection -ServerName capped").AssertClean().Output.Count);
        foreach (TcpClient holder in holders)
        {
            holder.Dispose();
        }
    }

    [Fact]
    public async Task ASlowlorisClientIsCutOffAndTheReasonIsInGetTcpConnectionIncludeClosed()
    {
        PSObject server = _ps.Run("Start-TcpServer -Name guarded -ReadTimeoutSeconds 0.5").Single();
        using var slow = new TcpClient();
        await slow.ConnectAsync(IPAddress.Loopback, server.Get<int>("Port"));
        NetworkStream stream = slow.GetStream();
        Task<int> closed = stream.ReadAsync(new byte[1]).AsTask();
        for (int i = 0; i < 100 && !closed.IsCompleted; i++)
        {
            try
            {
                await stream.WriteAsync("x"u8.ToArray());
            }
            catch (System.IO.IOException)
            {
                break;
            }

            await Task.WhenAny(closed, Task.Delay(100));
        }

        Assert.True(closed.IsCompleted, "The slow sender was never cut off.");
        // The client sees the FIN a moment before the server has recorded the closed connection.
        PsResult closedList = _ps.Run("Get-TcpConnection -ServerName guarded -IncludeClosed -State Closed");
        for (int i = 0; i < 500 && closedList.Output.Count == 0; i++)
        {
            await Task.Delay(10);
            closedList = _ps.Run("Get-TcpConnection -ServerName guarded -IncludeClosed -State Closed");
        }

        PSObject gone = closedList.Single();
        Assert.StartsWith("read timeout", gone.Get<string>("CloseReason"), StringComparison.Ordinal);
        Assert.Equal(
            new[] { "Idle", "Handshaking", "Active", "Closing", "Closed" },
            gone.Get<object[]>("Transitions").Select(t => PSObject.AsPSObject(t).Properties["State"].Value.ToString()));
    }

    [Fact]
    public void InvalidFramingIsATerminatingInvalidArgumentError()
    {
        PsResult result = _ps.Run("New-TcpFraming -LengthFieldLength 4 -LengthFieldOffset 100 -MaxLength 50");
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("TcpFramingInvalid,NetOpsPS.Tcp.NewTcpFramingCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void EachFramingKindDescribesItselfAndFailFastFollowsNettyDefaults()
    {
        PsResult result = _ps.Run(@"
            New-TcpFraming
            New-TcpFraming -Delimiter ""`0""
            New-TcpFraming -FixedLength 8
            New-TcpFraming -LengthFieldLength 1 -FailFast:$false").AssertClean();
        Assert.Equal(
            new[] { "LineFramingOptions", "DelimiterFramingOptions", "FixedLengthFramingOptions", "LengthFieldFramingOptions" },
            result.Output.Select(o => o.BaseObject.GetType().Name));
        Assert.False(result.Output[0].Get<bool>("FailFast"));
        Assert.True(result.Output[1].Get<bool>("FailFast"));
        Assert.False(result.Output[3].Get<bool>("FailFast"));
    }
}
