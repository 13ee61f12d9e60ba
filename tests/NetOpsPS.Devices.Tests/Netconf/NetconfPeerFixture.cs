using System;
using System.Threading.Tasks;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Devices.Tests.Netconf;

/// <summary>One real yuma123 netconfd behind sshd (candidate target) per test class; tests connect their own sessions.</summary>
public sealed class NetconfPeerFixture : IAsyncLifetime
{
    public Peer Peer { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Peer = Peer.StartNetconf(NetconfTarget.Candidate);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Peer.DisposeAsync();

    public SshConnectionOptions Ssh(string? host = null) => new()
    {
        Host = host ?? "127.0.0.1",
        Port = Peer.Port,
        UserName = Peer.LoginUser,
        PrivateKeyPaths = [Peer.ClientKeyPath],
        KnownHostsPath = Peer.KnownHostsPath,
    };

    public Task<NetconfSession> ConnectAsync(bool base10Only = false, string? host = null, TimeSpan? rpcTimeout = null) =>
        NetconfSession.ConnectAsync(new NetconfSessionOptions
        {
            Ssh = Ssh(host),
            Base10Only = base10Only,
            RpcTimeout = rpcTimeout ?? TimeSpan.FromSeconds(30),
        });
}
