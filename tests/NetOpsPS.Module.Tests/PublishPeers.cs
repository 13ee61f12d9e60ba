using System;
using System.Collections.Generic;
using System.Linq;
using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Module.Tests;

/// <summary>Three real netconfd peers for the Publish-NetDeviceConfig tests, read back with ncclient (TestSupport's NetconfFleet).</summary>
public sealed class PublishPeers : IDisposable
{
    private readonly NetconfFleet _fleet = NetconfFleet.Start(3);

    public static string User => Peer.LoginUser;

    public static string Password => Peer.TestUserPassword;

    public IReadOnlyList<int> Ports => _fleet.Peers.Select(p => p.Port).ToArray();

    public string KnownHostsPath => _fleet.KnownHostsPath;

    /// <summary>ncclient's reading of one peer: running's ietf-system contact, and whether candidate equals running and is unlocked.</summary>
    public (string? Contact, bool CandidateClean) State(int port)
    {
        NetconfState state = _fleet.State(_fleet.Peers.Single(p => p.Port == port));
        return (state.RunningValue("contact"), state.Running == state.Candidate && state.CandidateLockable);
    }

    public void Dispose() => _fleet.Dispose();
}
