using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Push;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.Devices.Tests.Ssh;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Devices.Tests.Push;

/// <summary>
/// Batch pushes that log in with key files and meet host keys known_hosts does not list, against three real
/// netconfd peers behind OpenSSH, checked with ncclient and ssh-keygen. Every SSH failure is that device's alone.
/// </summary>
public sealed class BatchPushKeyLoginPeerTests(KeyLoginFleetFixture fleet) : IClassFixture<KeyLoginFleetFixture>
{
    [Fact]
    public async Task AnEd25519KeyFileWithoutAPasswordCommitsEveryDevice()
    {
        string tag = Tag();

        IReadOnlyList<NetDevicePushResult> results = await BatchPush.RunAsync(
            fleet.Requests(tag), fleet.Connector(fleet.Fleet.KnownHostsPath), new BatchPushOptions { ThrottleLimit = 3 }, CancellationToken.None);

        string?[] contacts = fleet.Contacts();
        for (int i = 0; i < KeyLoginFleetFixture.Size; i++)
        {
            Assert.True(results[i].Status == PushStatus.Committed, $"dev{i}: {results[i].Status} at {results[i].Step}: {results[i].Error}");
            Assert.Null(results[i].SshError);
            Assert.Equal($"{tag}-dev{i}", contacts[i]);
            Assert.NotNull(results[i].HostKey);
        }
    }

    [Fact]
    public async Task AnEncryptedKeyCommitsWithItsPassphraseAndAWrongPassphraseFailsOnlyThatDevice()
    {
        string tag = Tag();
        string?[] before = fleet.Contacts();

        // dev0: the batch's encrypted key and passphrase; dev1: its own copy of that key with a wrong passphrase;
        // dev2: a key no peer authorizes.
        IReadOnlyList<NetDevicePushResult> results = await BatchPush.RunAsync(
            fleet.Requests(tag, (i, r) => i switch
            {
                1 => KeyLoginFleetFixture.WithKeys(r, [fleet.EncryptedKeyPath], "not-the-phrase"),
                2 => KeyLoginFleetFixture.WithKeys(r, [fleet.StrangerKeyPath]),
                _ => r,
            }),
            fleet.Connector(fleet.Fleet.KnownHostsPath, keys: [fleet.EncryptedKeyPath], passphrase: KeyLoginFleetFixture.Passphrase),
            new BatchPushOptions { ThrottleLimit = 3 },
            CancellationToken.None);

        string?[] after = fleet.Contacts();
        Assert.True(results[0].Status == PushStatus.Committed, $"dev0: {results[0].Status} at {results[0].Step}: {results[0].Error}");
        Assert.Equal($"{tag}-dev0", after[0]);

        Assert.Equal(PushStatus.Failed, results[1].Status);
        Assert.Equal(PushStep.Connect, results[1].Step);
        Assert.Equal(SshError.KeyFileInvalid, results[1].SshError);
        Assert.Contains(fleet.EncryptedKeyPath, results[1].Error, StringComparison.Ordinal);
        Assert.Contains("passphrase", results[1].Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-phrase", results[1].Exception!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(KeyLoginFleetFixture.Passphrase, results[1].Exception!.ToString(), StringComparison.Ordinal);
        Assert.Equal(before[1], after[1]);

        Assert.Equal(PushStatus.Failed, results[2].Status);
        Assert.Equal(PushStep.Connect, results[2].Step);
        Assert.Equal(SshError.AuthenticationFailed, results[2].SshError);
        Assert.Contains("authentication failed", results[2].Error, StringComparison.Ordinal);
        Assert.Equal(before[2], after[2]);
    }

    [Fact]
    public async Task AnUnknownHostKeyFailsEachDeviceWithItsFingerprintAndAcceptingItRecordsItAndCommits()
    {
        string tag = Tag();
        string knownHosts = fleet.NewKnownHostsPath(tag);
        await File.WriteAllTextAsync(knownHosts, string.Empty);
        string?[] before = fleet.Contacts();

        IReadOnlyList<NetDevicePushResult> refused = await BatchPush.RunAsync(
            fleet.Requests(tag), fleet.Connector(knownHosts), new BatchPushOptions { ThrottleLimit = 3 }, CancellationToken.None);

        Assert.Equal(before, fleet.Contacts());
        Assert.Equal(string.Empty, await File.ReadAllTextAsync(knownHosts));
        for (int i = 0; i < KeyLoginFleetFixture.Size; i++)
        {
            NetDevicePushResult result = refused[i];
            Assert.Equal(PushStatus.Failed, result.Status);
            Assert.Equal(PushStep.Connect, result.Step);
            Assert.Equal(SshError.HostKeyUnknown, result.SshError);
            string expected = await ToolRunner.FingerprintAsync(HostKeyFile(fleet.Fleet.Peers[i], result.HostKey!.KeyType));
            Assert.Equal(expected, result.HostKey.Fingerprint);
            Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        }

        IReadOnlyList<NetDevicePushResult> accepted = await BatchPush.RunAsync(
            fleet.Requests(tag), fleet.Connector(knownHosts, SshHostKeyPolicy.AcceptNew), new BatchPushOptions { ThrottleLimit = 3 }, CancellationToken.None);

        string?[] after = fleet.Contacts();
        string[] lines = await File.ReadAllLinesAsync(knownHosts);
        Assert.Equal(KeyLoginFleetFixture.Size, lines.Length);
        for (int i = 0; i < KeyLoginFleetFixture.Size; i++)
        {
            NetDevicePushResult result = accepted[i];
            Assert.True(result.Status == PushStatus.Committed, $"dev{i}: {result.Status} at {result.Step}: {result.Error}");
            Assert.Equal($"{tag}-dev{i}", after[i]);
            Assert.Equal(refused[i].HostKey!.Fingerprint, result.HostKey!.Fingerprint);
            Assert.Contains($"[127.0.0.1]:{fleet.Fleet.Peers[i].Port} {result.HostKey.KeyType} {result.HostKey.Base64}", lines);
        }

        // What was recorded is what a strict connect now trusts.
        IReadOnlyList<NetDevicePushResult> strict = await BatchPush.RunAsync(
            fleet.Requests(tag + "x"), fleet.Connector(knownHosts), new BatchPushOptions { ThrottleLimit = 3 }, CancellationToken.None);
        Assert.All(strict, r => Assert.True(r.Committed, $"{r.Device}: {r.Status} at {r.Step}: {r.Error}"));
        Assert.Equal(KeyLoginFleetFixture.Size, (await File.ReadAllLinesAsync(knownHosts)).Length);
    }

    [Fact]
    public async Task AChangedHostKeyFailsItsDeviceEvenWhenNewKeysAreAcceptedAndTheOthersCommit()
    {
        string tag = Tag();
        string knownHosts = fleet.NewKnownHostsPath(tag);
        // dev1 is listed with dev0's ed25519 host key: to the client, dev1's key has changed.
        string dev0Key = string.Join(' ', (await File.ReadAllTextAsync(HostKeyFile(fleet.Fleet.Peers[0], "ssh-ed25519"))).Split(' ')[..2]);
        string listed = $"[127.0.0.1]:{fleet.Fleet.Peers[1].Port} {dev0Key}";
        await File.WriteAllTextAsync(knownHosts, listed + "\n");
        string?[] before = fleet.Contacts();

        IReadOnlyList<NetDevicePushResult> results = await BatchPush.RunAsync(
            fleet.Requests(tag), fleet.Connector(knownHosts, SshHostKeyPolicy.AcceptNew), new BatchPushOptions { ThrottleLimit = 3 }, CancellationToken.None);

        string?[] after = fleet.Contacts();
        Assert.Equal(PushStatus.Failed, results[1].Status);
        Assert.Equal(SshError.HostKeyChanged, results[1].SshError);
        Assert.Equal("ssh-ed25519", results[1].HostKey!.KeyType);
        Assert.Equal(await ToolRunner.FingerprintAsync(HostKeyFile(fleet.Fleet.Peers[1], "ssh-ed25519")), results[1].HostKey!.Fingerprint);
        Assert.Equal(before[1], after[1]);
        foreach (int i in new[] { 0, 2 })
        {
            Assert.True(results[i].Committed, $"dev{i}: {results[i].Status} at {results[i].Step}: {results[i].Error}");
            Assert.Equal($"{tag}-dev{i}", after[i]);
        }

        string[] lines = await File.ReadAllLinesAsync(knownHosts);
        Assert.Equal(listed, lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain(lines.Skip(1), l => l.StartsWith($"[127.0.0.1]:{fleet.Fleet.Peers[1].Port} ", StringComparison.Ordinal));
    }

    private static string HostKeyFile(Peer peer, string keyType) => peer.PathOf(keyType switch
    {
        "ssh-ed25519" => "ssh_host_ed25519_key.pub",
        "ssh-rsa" => "ssh_host_rsa_key.pub",
        _ => "ssh_host_ecdsa_key.pub",
    });

    private static string Tag() => "k" + Guid.NewGuid().ToString("N")[..8];
}
