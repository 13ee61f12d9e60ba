using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using NetOpsPS.Module.Tests.Harness;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>Start-UdpEchoServer, Send-/Receive-UdpDatagram, Get-/Stop-UdpServer through the real engine, with real sockets.</summary>
public sealed class UdpCmdletTests : IDisposable
{
    private readonly PowerShellSession _ps = PowerShellSession.Open();
    private readonly string _name = "udp-cmdlet-" + Guid.NewGuid().ToString("N")[..8];

    public void Dispose() => _ps.Dispose();

    [Fact]
    public void AnEchoServerAnswersSendUdpDatagramAndStopsCleanly()
    {
        PSObject server = _ps.Run("Start-UdpEchoServer -Name $args[0]", _name).Single();
        Assert.Equal("NetOpsPS.Sockets.Udp.UdpEchoServer", server.TypeName());
        Assert.Equal("Running", server.Get<object>("State").ToString());

        PsResult replies = _ps.Run("'show clock', 'show ver' | Send-UdpDatagram 127.0.0.1 $args[0] -ReplyCount 1", server.Get<int>("Port")).AssertClean();
        Assert.Equal(new[] { "show clock", "show ver" }, replies.Output.Select(o => o.Get<string>("Text")));
        Assert.Equal("NetOpsPS.Sockets.Udp.UdpDatagram", replies.Output[0].TypeName());
        Assert.Equal(server.Get<int>("Port"), replies.Output[0].Get<int>("RemotePort"));

        PSObject listed = _ps.Run("Get-UdpServer -Name $args[0]", _name).Single();
        Assert.Equal(2L, listed.Get<long>("DatagramsEchoed"));

        PSObject stopped = _ps.Run("Stop-UdpServer -Name $args[0] -PassThru", _name).Single();
        Assert.Equal("Stopped", stopped.Get<object>("State").ToString());
        PsResult gone = _ps.Run("Get-UdpServer -Name $args[0]", _name);
        Assert.Equal("UdpServerNotFound", Assert.Single(gone.ErrorIds));
    }

    [Fact]
    public void APortInUseIsANonTerminatingErrorWithIdCategoryAndTarget()
    {
        using var holder = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        holder.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        int port = ((IPEndPoint)holder.LocalEndPoint!).Port;

        PsResult result = _ps.Run("Start-UdpEchoServer -Address ::1 -Port $args[0]", port);

        Assert.Empty(result.Output);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("UdpServerAddressInUse,NetOpsPS.Udp.StartUdpEchoServerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Equal($"[::1]:{port}", error.TargetObject.ToString());
    }

    [Fact]
    public void ACappedBufferRequestWarnsAndForceAsRootGetsIt()
    {
        int limit = int.Parse(File.ReadAllText("/proc/sys/net/core/rmem_max").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        int asked = limit * 4;

        PsResult capped = _ps.Run("$server = Start-UdpEchoServer -ReceiveBufferSize $args[0]; $server.BufferGrants[0]", asked);
        PSObject grant = capped.Output.Single();
        Assert.True(grant.Get<bool>("Capped"));
        Assert.Equal(limit * 2, grant.Get<int>("Granted"));
        string warning = Assert.Single(capped.Warnings);
        Assert.Contains($"asked {asked} bytes, got {limit * 2}", warning, StringComparison.Ordinal);
        Assert.Contains("net.core.rmem_max", warning, StringComparison.Ordinal);

        PsResult forced = _ps.Run("Start-UdpEchoServer -ReceiveBufferSize $args[0] -ForceBufferSize", asked);
        Assert.Empty(forced.Warnings);
        Assert.Equal(asked * 2, forced.Output.Single().Get<int>("ReceiveBufferSize"));
    }

    [Fact]
    public void ReceiveUdpDatagramWritesTypedDatagramsFromTheChosenSenderOnly()
    {
        using var wanted = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        using var other = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        wanted.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        other.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int wantedPort = ((IPEndPoint)wanted.LocalEndPoint!).Port;

        using Runspace runspace = OpenRunspace();
        using PowerShell ps = PowerShell.Create(runspace);
        ps.AddScript("Receive-UdpDatagram -Port 0 -Count 2 -FromPort $args[0] -TimeoutSeconds 60 -Verbose").AddArgument(wantedPort);
        using var bound = new ManualResetEventSlim();
        int port = 0;
        ps.Streams.Verbose.DataAdded += (_, e) =>
        {
            string message = ps.Streams.Verbose[e.Index].Message;
            if (message.StartsWith("Receiving on 127.0.0.1:", StringComparison.Ordinal))
            {
                port = int.Parse(message["Receiving on 127.0.0.1:".Length..].TrimEnd('.'), System.Globalization.CultureInfo.InvariantCulture);
                bound.Set();
            }
        };

        IAsyncResult pending = ps.BeginInvoke();
        Assert.True(bound.Wait(TimeSpan.FromSeconds(60)), "Receive-UdpDatagram never bound.");
        var target = new IPEndPoint(IPAddress.Loopback, port);
        other.SendTo(Encoding.UTF8.GetBytes("noise"), target);
        wanted.SendTo(Encoding.UTF8.GetBytes("%LINK-3-UPDOWN"), target);
        wanted.SendTo(new byte[] { 0, 1, 2 }, target);
        PSObject[] datagrams = ps.EndInvoke(pending).ToArray();

        Assert.False(ps.HadErrors);
        Assert.Equal(2, datagrams.Length);
        Assert.Equal("NetOpsPS.Sockets.Udp.UdpDatagram", datagrams[0].TypeName());
        Assert.Equal("%LINK-3-UPDOWN", datagrams[0].Get<string>("Text"));
        Assert.Equal(new byte[] { 0, 1, 2 }, datagrams[1].Get<byte[]>("Data"));
        Assert.All(datagrams, d => Assert.Equal(wantedPort, d.Get<int>("RemotePort")));
        Assert.Contains(ps.Streams.Verbose, v => v.Message == "1 datagram(s) from other senders were skipped.");
    }

    [Fact]
    public void AReadDeadlineWithFewerDatagramsIsATimeoutError()
    {
        PsResult result = _ps.Run("Receive-UdpDatagram -Port 0 -Count 2 -TimeoutSeconds 0.2");
        Assert.Empty(result.Output);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("UdpReceiveTimeout", result.ErrorIds.Single());
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("0 of 2 datagrams", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CtrlCStopsAReceiveAndReleasesThePort()
    {
        (PsResult result, _) = _ps.RunAndStop("Receive-UdpDatagram -Port 0 -Count 0 -Verbose", v => v.StartsWith("Receiving on", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        Assert.IsType<PipelineStoppedException>(result.Terminating);
        string line = result.Verbose.Single(v => v.StartsWith("Receiving on", StringComparison.Ordinal));
        int port = int.Parse(line["Receiving on 127.0.0.1:".Length..].TrimEnd('.'), System.Globalization.CultureInfo.InvariantCulture);
        using var again = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        again.Bind(new IPEndPoint(IPAddress.Loopback, port));
    }

    [Fact]
    public void RemovingTheModuleStopsItsUdpServers()
    {
        int port = (int)_ps.Run("(Start-UdpEchoServer -Name $args[0]).Port", _name).Single().BaseObject;
        _ps.Run("Remove-Module NetOpsPS").AssertClean();

        using var again = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        again.Bind(new IPEndPoint(IPAddress.Loopback, port));
    }

    private static Runspace OpenRunspace()
    {
        Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using PowerShell import = PowerShell.Create(runspace);
        import.AddScript("Import-Module -Name $args[0] -ErrorAction Stop").AddArgument(ModulePaths.Manifest).Invoke();
        return runspace;
    }
}
