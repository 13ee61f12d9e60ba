using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NetOpsPS.Module.Tests.Harness;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>
/// The capture cmdlets through the real engine: live captures on lo filtered on this test's own port (lo is
/// shared), files read back by tshark (package tshark), and Ctrl+C on Watch-Packet leaving a complete file.
/// </summary>
public sealed class CaptureCmdletTests : IDisposable
{
    private readonly PowerShellSession _ps = PowerShellSession.Open();
    private readonly string _dir = Directory.CreateTempSubdirectory("netops-capture-cmdlets-").FullName;
    private readonly UdpClient _receiver = new(new IPEndPoint(IPAddress.Loopback, 0));

    private int Port => ((IPEndPoint)_receiver.Client.LocalEndPoint!).Port;

    public void Dispose()
    {
        _ps.Dispose();
        _receiver.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void WatchPacketStreamsTypedPacketsAndReportsStatistics()
    {
        // A session's heartbeats are traffic that starts before and continues during the capture.
        PsResult result = _ps.Run(@"
            $server = Start-TcpEchoServer
            $session = Connect-TcpSession 127.0.0.1 $server.Port -HeartbeatIntervalSeconds 0.1
            try {
                Watch-Packet -Interface lo -Filter ""tcp port $($server.Port)"" -ImmediateMode -Count 6 -Duration 00:00:20 -SnapLength 4096 -InformationVariable stats -Verbose
                $stats | ForEach-Object { $_.MessageData }
            } finally { Disconnect-TcpSession -Session $session; Stop-TcpServer -InputObject $server }").AssertClean();

        var packets = result.Output.Where(o => o.TypeName() == "NetOpsPS.Capture.CapturedPacket").ToList();
        Assert.Equal(6, packets.Count);
        Assert.All(packets, p => Assert.Equal("Tcp", p.Get<object>("Protocol").ToString()));
        Assert.All(packets, p => Assert.Equal(IPAddress.Loopback, p.Get<IPAddress>("SourceAddress")));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), packets.Select(p => p.Get<long>("Number")));
        PSObject stats = Assert.Single(result.Output, o => o.TypeName() == "NetOpsPS.Capture.Live.CaptureStatistics");
        Assert.Equal(6L, stats.Get<long>("Captured"));
        Assert.Contains(result.Verbose, v => v.StartsWith("6 packets captured", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadWhereExportGivesAFileTsharkReads()
    {
        string source = Capture(10);
        string filtered = Path.Combine(_dir, "even.pcapng");
        PSObject export = _ps.Run(
            "Read-PcapFile $args[0] | Where-Object { $_.Payload.ToArray()[9] % 2 -eq 0 } | Export-PcapFile $args[1]",
            source, filtered).AssertClean().Single();

        Assert.Equal(5L, export.Get<long>("Packets"));
        Assert.Equal("PcapNg", export.Get<object>("Format").ToString());
        string[] payloads = Tshark(filtered, "-T", "fields", "-e", "data.data").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            new[] { 0, 2, 4, 6, 8 }.Select(i => Convert.ToHexString(Encoding.ASCII.GetBytes($"datagram {i}")).ToLowerInvariant()),
            payloads);
        string times = Tshark(source, "-T", "fields", "-e", "frame.time_epoch");
        string filteredTimes = Tshark(filtered, "-T", "fields", "-e", "frame.time_epoch");
        Assert.All(filteredTimes.Split('\n', StringSplitOptions.RemoveEmptyEntries), t => Assert.Contains(t, times, StringComparison.Ordinal));
    }

    [Fact]
    public void ExportRefusesToOverwriteWithoutForceAndWhatIfWritesNothing()
    {
        string source = Capture(2);
        PsResult refused = _ps.Run("Read-PcapFile $args[0] | Export-PcapFile $args[0]", source);
        Assert.Equal("PcapFileExists", refused.Terminating is ActionPreferenceStopException or null
            ? refused.ErrorIds.Single()
            : ((IContainsErrorRecord)refused.Terminating).ErrorRecord.FullyQualifiedErrorId.Split(',')[0]);

        string whatIf = Path.Combine(_dir, "whatif.pcap");
        _ps.Run("Read-PcapFile $args[0] | Export-PcapFile $args[1] -WhatIf", source, whatIf);
        Assert.False(File.Exists(whatIf));
    }

    [Fact]
    public void CtrlCOnWatchPacketStopsAtOnceAndClosesTheFile()
    {
        string file = Path.Combine(_dir, "stopped.pcapng");
        var (result, _) = _ps.RunAndStop(
            "Watch-Packet -Interface lo -Filter $args[0] -ImmediateMode -SnapLength 4096 -OutFile $args[1] -Verbose",
            message =>
            {
                if (!message.StartsWith("Capturing on lo", StringComparison.Ordinal))
                {
                    return false;
                }

                Send(5);
                return true;
            },
            TimeSpan.FromSeconds(30),
            $"udp and dst port {Port}",
            file);

        Assert.Empty(result.Output);
        Assert.True(File.Exists(file));
        // A complete pcapng: tshark reads every block without "cut short in the middle of a packet".
        string stderr = TsharkErrors(file);
        Assert.DoesNotContain("cut short", stderr, StringComparison.Ordinal);
        PsResult reread = _ps.Run("@(Read-PcapFile $args[0]).Count", file).AssertClean();
        Assert.InRange((int)reread.Output[0].BaseObject, 0, 5);
    }

    [Fact]
    public void BadFilterAndUnknownDeviceGiveStableErrorIds()
    {
        PsResult badFilter = _ps.Run("Watch-Packet -Interface lo -Filter 'port nonsense-word' -Count 1");
        Assert.Equal("CaptureInvalidFilter", ErrorId(badFilter));
        PsResult unknown = _ps.Run("Watch-Packet -Interface no-such-if0 -Count 1");
        Assert.Equal("CaptureDeviceNotFound", ErrorId(unknown));
    }

    [Fact]
    public void ACorruptFileGivesItsPacketsThenANonTerminatingError()
    {
        string source = Capture(4);
        byte[] bytes = File.ReadAllBytes(source);
        string cut = Path.Combine(_dir, "cut.pcapng");
        File.WriteAllBytes(cut, bytes.AsSpan(0, bytes.Length - 10).ToArray());
        PsResult result = _ps.Run("Read-PcapFile $args[0]", cut);
        Assert.Equal(3, result.Output.Count);
        Assert.Equal("CaptureTruncatedFile", result.ErrorIds.Single());
        Assert.Equal(cut, result.Errors[0].TargetObject);
    }

    [Fact]
    public void AMissingFileHasTheSameErrorIdWhateverCmdletReadsIt()
    {
        string missing = Path.Combine(_dir, "missing.pcap");
        foreach (string command in new[] { "Read-PcapFile -LiteralPath $args[0]", "Read-PcapFile -Path $args[0]", "Measure-PacketStatistic -Path $args[0]", "Get-TlsHandshake -LiteralPath $args[0]" })
        {
            PsResult result = _ps.Run(command, missing);
            Assert.Equal("PcapFileNotFound", result.ErrorIds.Single());
            Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[0].CategoryInfo.Category);
        }
    }

    [Fact]
    public void MeasurePacketStatisticJoinsBothDirectionsOfAConversation()
    {
        PsResult result = _ps.Run(@"
            $server = Start-TcpEchoServer
            $session = Connect-TcpSession 127.0.0.1 $server.Port -HeartbeatIntervalSeconds 0.1
            try {
                Watch-Packet -Interface lo -Filter ""tcp port $($server.Port)"" -ImmediateMode -Count 8 -Duration 00:00:20 -SnapLength 4096 |
                    Measure-PacketStatistic -View Conversation
            } finally { Disconnect-TcpSession -Session $session; Stop-TcpServer -InputObject $server }").AssertClean();
        PSObject conversation = result.Single();
        Assert.Equal(8L, conversation.Get<long>("Packets"));
        Assert.True(conversation.Get<long>("PacketsAToB") > 0 && conversation.Get<long>("PacketsBToA") > 0, "both directions in one row");
    }

    [Fact]
    public void GetNetCaptureDeviceFindsLoopback()
    {
        PSObject lo = _ps.Run("Get-NetCaptureDevice -Name lo").AssertClean().Single();
        Assert.True(lo.Get<bool>("IsLoopback"));
        Assert.Equal("Ethernet", lo.Get<object>("LinkType").ToString());
        Assert.Equal("CaptureDeviceNotFound", _ps.Run("Get-NetCaptureDevice -Name no-such-if0").ErrorIds.Single());
    }

    private static string ErrorId(PsResult result) =>
        result.Terminating is IContainsErrorRecord record
            ? record.ErrorRecord.FullyQualifiedErrorId.Split(',')[0]
            : result.ErrorIds.Single();

    // Captures `count` datagrams "datagram N" sent to our own port into a pcapng file, through Watch-Packet.
    private string Capture(int count)
    {
        string file = Path.Combine(_dir, $"capture-{Guid.NewGuid():N}.pcapng");
        var run = System.Threading.Tasks.Task.Run(() => _ps.Run(
            "Watch-Packet -Interface lo -Filter $args[0] -ImmediateMode -SnapLength 4096 -Count $args[1] -Duration 00:00:30 -OutFile $args[2]",
            $"udp and dst port {Port}", count, file));
        // The device is open once the file exists: Open creates it after activating the device and setting the filter.
        Assert.True(System.Threading.SpinWait.SpinUntil(() => File.Exists(file) || run.IsCompleted, TimeSpan.FromSeconds(30)), "Watch-Packet never opened the file");
        Send(count);
        PsResult result = run.Result.AssertClean();
        Assert.Equal((long)count, result.Single().Get<long>("Captured"));
        return file;
    }

    private void Send(int count)
    {
        using var sender = new UdpClient(AddressFamily.InterNetwork);
        for (int i = 0; i < count; i++)
        {
            sender.Send(Encoding.ASCII.GetBytes($"datagram {i}"), new IPEndPoint(IPAddress.Loopback, Port));
        }
    }

    private static string Tshark(string file, params string[] arguments) => RunTshark(file, arguments).Output;

    private static string TsharkErrors(string file) => RunTshark(file, []).Error;

    private static (string Output, string Error) RunTshark(string file, string[] arguments)
    {
        Peer.RequireBinaries(new PeerBinary("/usr/bin/tshark", "tshark"));
        var start = new ProcessStartInfo("/usr/bin/tshark") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-r");
        start.ArgumentList.Add(file);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return (output.Result, error);
    }
}
