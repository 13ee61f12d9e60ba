using System.IO;
using System.Threading.Tasks;
using NetOpsPS.Peers.Tests.Support;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Peers.Tests;

public sealed class NetconfPeerTests
{
    // ncclient takes known_hosts only through an ssh_config's UserKnownHostsFile.
    private const string ListCapabilities = """
        import sys
        from ncclient import manager
        port, user, key, config = sys.argv[1:5]
        with manager.connect(host="127.0.0.1", port=int(port), username=user, key_filename=key,
                             hostkey_verify=True, ssh_config=config, allow_agent=False,
                             look_for_keys=False, timeout=20) as m:
            for capability in sorted(m.server_capabilities):
                print(capability)
        """;

    [Theory]
    [InlineData(NetconfTarget.Candidate, "urn:ietf:params:netconf:capability:candidate:1.0")]
    [InlineData(NetconfTarget.Running, "urn:ietf:params:netconf:capability:writable-running:1.0")]
    public async Task Netconfd_sends_its_capabilities_to_ncclient_and_stops_on_dispose(NetconfTarget target, string targetCapability)
    {
        await using var peer = Peer.StartNetconf(target);
        var sshConfig = peer.PathOf("ncclient_ssh_config");
        await File.WriteAllTextAsync(sshConfig, $"Host *\n  UserKnownHostsFile {peer.KnownHostsPath}\n");
        Peer.RequireBinaries(Clients.NcClient);

        var ncclient = await Tool.RunAsync(
            Clients.Python,
            ["-c", ListCapabilities, peer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             Peer.LoginUser, peer.ClientKeyPath, sshConfig]);

        Assert.True(ncclient.ExitCode == 0, ncclient.ToString());
        Assert.Contains("urn:ietf:params:netconf:base:1.1", ncclient.StandardOutput);
        Assert.Contains(targetCapability, ncclient.StandardOutput);
        Assert.Equal(2, peer.Pids.Count);
        await PeerAssert.DisposeAndAssertStoppedAsync(peer);
    }
}
