using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography;
using NetOpsPS.Module.Tests.Harness;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>Publish-NetDeviceConfig with key files (-KeyFile, or per device through -CredentialTable) and -AcceptHostKey.</summary>
public sealed partial class PublishNetDeviceConfigCmdletTests
{
    // Devices that name no credential: the login is -UserName with -KeyFile. $args: ports, tag, user, template, known_hosts, key.
    private const string KeyDevices = """
        $tag = $args[1]
        $devices = @($args[0] | ForEach-Object -Begin { $i = 0 } -Process {
            [pscustomobject]@{ Name = "dev$i"; Hostname = '127.0.0.1'; Port = "$_"; contact = "$tag-dev$i" }
            $i++
        }) | Import-NetInventory

        """;

    [Fact]
    public void AnEd25519KeyFileWithUserNameCommitsEveryDevice()
    {
        PsResult result = _ps.Run(
            KeyDevices + "$devices | Publish-NetDeviceConfig -Template $args[3] -UserName $args[2] -KeyFile $args[5] -KnownHostsPath $args[4] -ThrottleLimit 3",
            _peers.Ports.ToArray(), _tag, PublishPeers.User, Template, _peers.KnownHostsPath, _peers.KeyPath).AssertClean();

        Assert.Equal(3, result.Output.Count);
        for (int i = 0; i < 3; i++)
        {
            PSObject pushed = result.Output.Single(r => r.Get<string>("Device") == $"dev{i}");
            Assert.Equal("Committed", pushed.Get<object>("Status").ToString());
            Assert.Null(pushed.Get<object?>("SshError"));
            var state = _peers.State(_peers.Ports[i]);
            Assert.Equal($"{_tag}-dev{i}", state.Contact);
            Assert.True(state.CandidateClean);
        }
    }

    [Fact]
    public void KeyFilesNamedPerDeviceInTheCredentialTableCommitAndAWrongPassphraseFailsOnlyItsDevice()
    {
        string?[] before = _peers.Ports.Select(p => _peers.State(p).Contact).ToArray();
        PsResult result = _ps.Run(
            """
            $tag = $args[1]
            $names = 'ops-key', 'locked-key', 'lab'
            $devices = @($args[0] | ForEach-Object -Begin { $i = 0 } -Process {
                [pscustomobject]@{ Name = "dev$i"; Hostname = '127.0.0.1'; Port = "$_"; CredentialName = $names[$i]; contact = "$tag-dev$i" }
                $i++
            }) | Import-NetInventory
            $table = @{
                'ops-key'    = @{ UserName = $args[2]; KeyFile = $args[6] }
                'locked-key' = @{ UserName = $args[2]; KeyFile = $args[7]; KeyPassphrase = [Net.NetworkCredential]::new('', 'not-the-phrase').SecurePassword }
                lab          = [pscredential]::new($args[2], [Net.NetworkCredential]::new('', $args[3]).SecurePassword)
            }
            $devices | Publish-NetDeviceConfig -Template $args[4] -CredentialTable $table -KnownHostsPath $args[5] -KeyPassphrase ([Net.NetworkCredential]::new('', $args[8]).SecurePassword) -Verbose
            """,
            _peers.Ports.ToArray(), _tag, PublishPeers.User, PublishPeers.Password, Template, _peers.KnownHostsPath, _peers.KeyPath,
            _peers.EncryptedKeyPath, PublishPeers.KeyPassphrase);

        Assert.Equal(3, result.Output.Count);
        PSObject locked = result.Output.Single(r => r.Get<string>("Device") == "dev1");
        Assert.Equal("Failed", locked.Get<object>("Status").ToString());
        Assert.Equal("Connect", locked.Get<object>("Step").ToString());
        Assert.Equal("KeyFileInvalid", locked.Get<object>("SshError").ToString());
        Assert.Contains(_peers.EncryptedKeyPath, locked.Get<string>("Error"), StringComparison.Ordinal);
        Assert.Contains("passphrase", locked.Get<string>("Error"), StringComparison.Ordinal);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("PushFailedAtConnect", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("dev1", (PSObject.AsPSObject(error.TargetObject)).Get<string>("Device"));
        foreach (string secret in new[] { "not-the-phrase", PublishPeers.KeyPassphrase, PublishPeers.Password })
        {
            Assert.DoesNotContain(secret, error.Exception.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(result.Verbose, v => v.Contains(secret, StringComparison.Ordinal));
        }

        Assert.Equal(before[1], _peers.State(_peers.Ports[1]).Contact);
        foreach (int i in new[] { 0, 2 })
        {
            Assert.Equal("Committed", result.Output.Single(r => r.Get<string>("Device") == $"dev{i}").Get<object>("Status").ToString());
            Assert.Equal($"{_tag}-dev{i}", _peers.State(_peers.Ports[i]).Contact);
        }
    }

    [Fact]
    public void AnUnknownHostKeyFailsWithItsFingerprintUntilAcceptHostKeyAddsItAndAChangedKeyAlwaysFails()
    {
        // dev2 is listed with dev0's ed25519 host key, so dev2's own key looks changed; dev0 and dev1 are not listed.
        string knownHosts = Path.Combine(_peers.NewFolder(_tag), "known_hosts");
        string listed = $"[127.0.0.1]:{_peers.Ports[2]} ssh-ed25519 {_peers.HostKeyBase64(_peers.Ports[0], "ssh-ed25519")}";
        File.WriteAllText(knownHosts, listed + "\n");
        string?[] before = _peers.Ports.Select(p => _peers.State(p).Contact).ToArray();
        const string Push = "$devices | Publish-NetDeviceConfig -Template $args[3] -UserName $args[2] -KeyFile $args[5] -KnownHostsPath $args[4] -AcceptHostKey:$args[6]";

        PsResult refused = _ps.Run(KeyDevices + Push, _peers.Ports.ToArray(), _tag, PublishPeers.User, Template, knownHosts, _peers.KeyPath, false);

        Assert.Equal(3, refused.Output.Count);
        Assert.Equal(3, refused.Errors.Count);
        Assert.Equal(new[] { listed }, File.ReadAllLines(knownHosts));
        for (int i = 0; i < 2; i++)
        {
            PSObject device = refused.Output.Single(r => r.Get<string>("Device") == $"dev{i}");
            Assert.Equal("Failed", device.Get<object>("Status").ToString());
            Assert.Equal("HostKeyUnknown", device.Get<object>("SshError").ToString());
            PSObject key = device.Get<PSObject>("HostKey");
            string fingerprint = Fingerprint(_peers.HostKeyBase64(_peers.Ports[i], key.Get<string>("KeyType")));
            Assert.Equal(fingerprint, key.Get<string>("Fingerprint"));
            Assert.Contains(fingerprint, device.Get<string>("Error"), StringComparison.Ordinal);
            ErrorRecord error = refused.Errors.Single(e => (PSObject.AsPSObject(e.TargetObject)).Get<string>("Device") == $"dev{i}");
            Assert.Equal("PushFailedAtConnect", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
            Assert.Contains(fingerprint, error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains(fingerprint, error.ErrorDetails?.RecommendedAction, StringComparison.Ordinal);
        }

        AssertChanged(refused);
        Assert.Equal(before, _peers.Ports.Select(p => _peers.State(p).Contact).ToArray());

        PsResult accepted = _ps.Run(KeyDevices + Push, _peers.Ports.ToArray(), _tag, PublishPeers.User, Template, knownHosts, _peers.KeyPath, true);

        Assert.Equal(3, accepted.Output.Count);
        string[] lines = File.ReadAllLines(knownHosts);
        Assert.Equal(3, lines.Length);
        Assert.Equal(listed, lines[0]);
        for (int i = 0; i < 2; i++)
        {
            PSObject device = accepted.Output.Single(r => r.Get<string>("Device") == $"dev{i}");
            Assert.Equal("Committed", device.Get<object>("Status").ToString());
            PSObject key = device.Get<PSObject>("HostKey");
            Assert.Contains($"[127.0.0.1]:{_peers.Ports[i]} {key.Get<string>("KeyType")} {key.Get<string>("Base64")}", lines);
            Assert.Equal($"{_tag}-dev{i}", _peers.State(_peers.Ports[i]).Contact);
        }

        AssertChanged(accepted);
        Assert.Equal("PushFailedAtConnect", Assert.Single(accepted.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(before[2], _peers.State(_peers.Ports[2]).Contact);
    }

    private static void AssertChanged(PsResult result)
    {
        PSObject changed = result.Output.Single(r => r.Get<string>("Device") == "dev2");
        Assert.Equal("Failed", changed.Get<object>("Status").ToString());
        Assert.Equal("HostKeyChanged", changed.Get<object>("SshError").ToString());
        ErrorRecord error = result.Errors.Single(e => (PSObject.AsPSObject(e.TargetObject)).Get<string>("Device") == "dev2");
        Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
    }

    // As ssh-keygen -l prints it: SHA256 over the key blob, base64 without padding.
    private static string Fingerprint(string base64) => "SHA256:" + Convert.ToBase64String(SHA256.HashData(Convert.FromBase64String(base64))).TrimEnd('=');
}
