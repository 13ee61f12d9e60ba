using System;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Devices.Tests.Netconf;

/// <summary>netconfd started with --target=running: no candidate, so a change edits running directly (:writable-running).</summary>
public sealed class NetconfRunningTargetTests : IAsyncLifetime
{
    private static readonly XNamespace Sys = "urn:ietf:params:xml:ns:yang:ietf-system";
    private Peer _peer = null!;

    public Task InitializeAsync()
    {
        _peer = Peer.StartNetconf(NetconfTarget.Running);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _peer.DisposeAsync();

    [Fact]
    public async Task A_change_without_a_candidate_edits_running_and_diffs_before_against_after()
    {
        await using NetconfSession session = await NetconfSession.ConnectAsync(new NetconfSessionOptions
        {
            Ssh = new SshConnectionOptions
            {
                Host = "127.0.0.1", Port = _peer.Port, UserName = Peer.LoginUser, PrivateKeyPaths = [_peer.ClientKeyPath], KnownHostsPath = _peer.KnownHostsPath,
            },
        });
        Assert.False(session.Capabilities.Candidate);
        Assert.True(session.Capabilities.WritableRunning);

        NetconfApplyResult result = await session.ApplyConfigAsync(new NetconfApplyOptions
        {
            Config = new XElement(Sys + "system", new XElement(Sys + "location", "PeersLab rack 9")),
        });

        Assert.Equal(NetconfDatastore.Running, result.Target);
        Assert.Equal(NetconfApplyOutcome.Committed, result.Outcome);
        NetconfDiffEntry change = Assert.Single(result.Diff.Entries);
        Assert.Equal(("/system/location", "PeersLab rack 2", "PeersLab rack 9"), (change.Path, change.OldValue, change.NewValue));
        Assert.Equal("PeersLab rack 9", (await session.GetConfigAsync()).Descendants(Sys + "location").Single().Value);
        Assert.Equal(new[] { "lock", "get-config running", "edit-config", "get-config running", "unlock" }, result.Steps.Select(s => s.Operation));
    }
}
