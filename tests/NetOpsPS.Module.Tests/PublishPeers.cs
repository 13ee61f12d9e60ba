using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Module.Tests;

/// <summary>
/// Three real netconfd peers for the Publish-NetDeviceConfig tests, read back with ncclient (TestSupport's NetconfFleet).
/// For key login, the first peer's ed25519 client key and an ed25519 key encrypted with <see cref="KeyPassphrase"/>
/// are authorized on every peer.
/// </summary>
public sealed class PublishPeers : IDisposable
{
    public const string KeyPassphrase = "publish-key-phrase-3";

    private const string EncryptedKeyName = "id_ed25519_locked";

    private readonly NetconfFleet _fleet = NetconfFleet.Start(3);

    public PublishPeers()
    {
        try
        {
            _fleet.AuthorizeEverywhere(KeyPath, _fleet.NewClientKey(EncryptedKeyName, KeyPassphrase));
        }
        catch
        {
            _fleet.Dispose();
            throw;
        }
    }

    public static string User => Peer.LoginUser;

    public static string Password => Peer.TestUserPassword;

    public IReadOnlyList<int> Ports => _fleet.Peers.Select(p => p.Port).ToArray();

    public string KnownHostsPath => _fleet.KnownHostsPath;

    /// <summary>Unencrypted ed25519 client key, authorized on every peer.</summary>
    public string KeyPath => _fleet.Peers[0].ClientKeyPath;

    /// <summary>ed25519 client key encrypted with <see cref="KeyPassphrase"/>, authorized on every peer.</summary>
    public string EncryptedKeyPath => _fleet.Peers[0].PathOf(EncryptedKeyName);

    /// <summary>A fresh folder for a test's own files, removed with the peers.</summary>
    public string NewFolder(string name) => Directory.CreateDirectory(_fleet.Peers[0].PathOf(name)).FullName;

    /// <summary>The base64 key blob of the peer's host key of this type, from the peer's own known_hosts.</summary>
    public string HostKeyBase64(int port, string keyType) =>
        File.ReadLines(_fleet.Peers.Single(p => p.Port == port).KnownHostsPath)
            .Select(l => l.Split(' '))
            .First(f => f[1] == keyType)[2];

    /// <summary>ncclient's reading of one peer: running's ietf-system contact, and whether candidate equals running and is unlocked.</summary>
    public (string? Contact, bool CandidateClean) State(int port)
    {
        NetconfState state = _fleet.State(_fleet.Peers.Single(p => p.Port == port));
        return (state.RunningValue("contact"), state.Running == state.Candidate && state.CandidateLockable);
    }

    public void Dispose() => _fleet.Dispose();
}
