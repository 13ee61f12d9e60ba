using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using NetOpsPS.Devices.Push;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Devices.Tests.Push;

/// <summary>
/// Three real netconfd peers for batch pushes with key files: the first peer's ed25519 client key and an
/// ed25519 key encrypted with <see cref="Passphrase"/> are authorized on every peer, as one operator's keys would be.
/// </summary>
public sealed class KeyLoginFleetFixture : IAsyncLifetime
{
    public const int Size = 3;

    public const string Passphrase = "fleet-key-phrase-7";

    private const string EncryptedKeyName = "id_ed25519_locked";

    private const string StrangerKeyName = "id_ed25519_stranger";

    public NetconfFleet Fleet { get; private set; } = null!;

    /// <summary>Unencrypted ed25519, authorized everywhere.</summary>
    public string KeyPath => Fleet.Peers[0].ClientKeyPath;

    /// <summary>ed25519 encrypted with <see cref="Passphrase"/>, authorized everywhere.</summary>
    public string EncryptedKeyPath => Fleet.Peers[0].PathOf(EncryptedKeyName);

    /// <summary>ed25519 that no peer authorizes.</summary>
    public string StrangerKeyPath => Fleet.Peers[0].PathOf(StrangerKeyName);

    public Task InitializeAsync()
    {
        Fleet = NetconfFleet.Start(Size);
        Fleet.AuthorizeEverywhere(KeyPath, Fleet.NewClientKey(EncryptedKeyName, Passphrase));
        Fleet.NewClientKey(StrangerKeyName, string.Empty);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Fleet.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A connector for key login as <see cref="Peer.LoginUser"/> with the batch's key files.</summary>
    public NetconfPushConnector Connector(string knownHostsPath, SshHostKeyPolicy policy = SshHostKeyPolicy.Strict, string[]? keys = null, string? passphrase = null) =>
        new(new NetconfPushConnectorOptions
        {
            KnownHostsPath = knownHostsPath,
            HostKeyPolicy = policy,
            UserName = Peer.LoginUser,
            PrivateKeyPaths = keys ?? [KeyPath],
            PrivateKeyPassphrase = passphrase,
            Timeout = TimeSpan.FromSeconds(30),
        });

    /// <summary>One request per peer (dev0..dev2) setting ietf-system contact to "{tag}-devN", with no password.</summary>
    public IReadOnlyList<PushRequest> Requests(string tag, Func<int, PushRequest, PushRequest>? adjust = null) =>
        Fleet.Peers.Select((peer, i) =>
        {
            var request = new PushRequest($"dev{i}", "127.0.0.1", peer.Port, Config($"{tag}-dev{i}"));
            return adjust is null ? request : adjust(i, request);
        }).ToArray();

    /// <summary>The same device with its own login: a user name only (key login) and its own key files.</summary>
    public static PushRequest WithKeys(PushRequest request, string[] keys, string? passphrase = null) =>
        new(request.Name, request.Hostname, request.Port, request.Config, new NetworkCredential(Peer.LoginUser, string.Empty))
        {
            PrivateKeyPaths = keys,
            PrivateKeyPassphrase = passphrase,
        };

    /// <summary>The contact ncclient reads from each peer's running datastore, in peer order.</summary>
    public string?[] Contacts() => Fleet.Peers.Select(p => Fleet.State(p).RunningValue("contact")).ToArray();

    /// <summary>A known_hosts path in a fresh folder that exists (the file does not yet).</summary>
    public string NewKnownHostsPath(string tag) => Path.Combine(Directory.CreateDirectory(Path.Combine(Fleet.Peers[0].WorkDir, tag)).FullName, "known_hosts");

    private static string Config(string contact) =>
        $"<system xmlns=\"urn:ietf:params:xml:ns:yang:ietf-system\"><contact>{contact}</contact></system>";
}
