using System.Threading.Tasks;
using NetOpsPS.Peers.Tests.Support;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Peers.Tests;

public sealed class SshdPeerTests
{
    [Fact]
    public async Task Sshd_runs_id_for_an_ed25519_key_against_the_generated_known_hosts_and_stops_on_dispose()
    {
        await using var peer = Peer.StartSshd();

        // -F /dev/null: no user or system ssh_config; StrictHostKeyChecking=yes proves known_hosts is right.
        var ssh = await Tool.RunAsync(
            Clients.Ssh,
            ["-F", "/dev/null", "-p", peer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "-o", $"UserKnownHostsFile={peer.KnownHostsPath}", "-o", "StrictHostKeyChecking=yes",
             "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=10",
             "-i", peer.ClientKeyPath, $"{Peer.LoginUser}@127.0.0.1", "id"]);

        Assert.True(ssh.ExitCode == 0, ssh.ToString());
        Assert.Contains($"({Peer.LoginUser})", ssh.StandardOutput);
        await PeerAssert.DisposeAndAssertStoppedAsync(peer);
    }
}
