using System.IO;
using System.Threading.Tasks;
using NetOpsPS.Peers.Tests.Support;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Peers.Tests;

public sealed class TlsCapturePeerTests
{
    [Fact]
    public async Task Tls_capture_yields_a_pcap_whose_ClientHello_tshark_reads_with_SNI_server_test_example()
    {
        Peer.RequireBinaries(Clients.TShark);
        await using var capture = Peer.RunTlsCapture();

        var tshark = await Tool.RunAsync(
            Clients.TShark,
            ["-r", capture.PcapPath, "-Y", "tls.handshake.type == 1", "-T", "fields", "-e", "tls.handshake.extensions_server_name"]);

        Assert.True(tshark.ExitCode == 0, tshark.ToString());
        Assert.Contains("server.test.example", tshark.StandardOutput.Split('\n'));
        Assert.True(File.Exists(capture.CaCertificatePath));
        // one-shot: tcpdump and s_server are stopped by the script itself
        Assert.Empty(capture.Pids);
        await capture.DisposeAsync();
        Assert.False(Directory.Exists(capture.WorkDir));
    }
}
