using System;
using System.IO;
using System.Security.Cryptography;
using NetOpsPS.Devices.Ssh;
using Xunit;

namespace NetOpsPS.Devices.Tests.Ssh;

/// <summary>known_hosts matching rules (sshd(8) SSH_KNOWN_HOSTS FILE FORMAT) on files written here.</summary>
public sealed class KnownHostsFileTests : IDisposable
{
    private readonly string _path = Path.GetTempFileName();
    private readonly SshHostKey _key = new("ssh-ed25519", RandomNumberGenerator.GetBytes(51));
    private readonly SshHostKey _other = new("ssh-ed25519", RandomNumberGenerator.GetBytes(51));

    public void Dispose() => File.Delete(_path);

    private KnownHostsVerdict Check(string content, string host, int port, SshHostKey key)
    {
        File.WriteAllText(_path, content);
        return KnownHostsFile.Load(_path).Check(host, port, key);
    }

    [Fact]
    public void Wildcards_negation_and_ports_follow_sshd()
    {
        string line = $"*.lab.example,!secret.lab.example ssh-ed25519 {_key.Base64}\n[10.0.0.?]:2222 ssh-ed25519 {_key.Base64}\n";

        Assert.Equal(KnownHostsVerdict.Trusted, Check(line, "sw1.lab.example", 22, _key));
        Assert.Equal(KnownHostsVerdict.Unknown, Check(line, "secret.lab.example", 22, _key));
        Assert.Equal(KnownHostsVerdict.Trusted, Check(line, "10.0.0.7", 2222, _key));
        Assert.Equal(KnownHostsVerdict.Unknown, Check(line, "10.0.0.7", 22, _key));
        Assert.Equal(KnownHostsVerdict.Changed, Check(line, "sw1.lab.example", 22, _other));
    }

    [Fact]
    public void A_revoked_key_is_revoked_for_every_host_and_cert_authority_lines_trust_nothing()
    {
        string content = $"@revoked * ssh-ed25519 {_key.Base64}\n@cert-authority * ssh-ed25519 {_other.Base64}\nrouter1 ssh-ed25519 {_key.Base64}\n";

        Assert.Equal(KnownHostsVerdict.Revoked, Check(content, "router1", 22, _key));
        Assert.Equal(KnownHostsVerdict.Changed, Check(content, "router1", 22, _other));
        Assert.Equal(KnownHostsVerdict.Unknown, Check(content, "router2", 22, _other));
    }

    [Fact]
    public void A_hashed_line_appended_here_is_found_again_and_hides_the_name()
    {
        KnownHostsFile.Append(_path, "::1", 830, _key, hashHostName: true);

        Assert.DoesNotContain("::1", File.ReadAllText(_path), StringComparison.Ordinal);
        Assert.Equal(KnownHostsVerdict.Trusted, KnownHostsFile.Load(_path).Check("::1", 830, _key));
        Assert.Equal(KnownHostsVerdict.Unknown, KnownHostsFile.Load(_path).Check("::1", 22, _key));
    }
}
