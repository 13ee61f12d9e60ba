using System.Threading.Tasks;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Devices.Tests.Ssh;

/// <summary>One real OpenSSH sshd per test class.</summary>
public sealed class SshPeerFixture : IAsyncLifetime
{
    public Peer Peer { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Peer = Peer.StartSshd();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Peer.DisposeAsync();

    public SshConnectionOptions Options(string host = "127.0.0.1", string? password = null, string[]? keys = null, string? knownHosts = null,
        SshHostKeyPolicy policy = SshHostKeyPolicy.Strict, string? passphrase = null) => new()
    {
        Host = host,
        Port = Peer.Port,
        UserName = Peer.LoginUser,
        Password = password,
        PrivateKeyPaths = keys ?? (password is null ? [Peer.ClientKeyPath] : []),
        PrivateKeyPassphrase = passphrase,
        KnownHostsPath = knownHosts ?? Peer.KnownHostsPath,
        HostKeyPolicy = policy,
    };
}
