using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Devices.Tests.Ssh;

public sealed class SshConnectionTests(SshPeerFixture fixture) : IClassFixture<SshPeerFixture>
{
    private Peer Peer => fixture.Peer;

    [Fact]
    public async Task Password_login_runs_an_exec_command_with_its_exit_status_and_stderr()
    {
        await using var session = await SshDeviceSession.ConnectAsync(fixture.Options(password: Peer.TestUserPassword));

        SshCommandResult ok = await session.RunCommandAsync("echo hello; whoami");
        SshCommandResult failed = await session.RunCommandAsync("echo oops >&2; exit 3");

        Assert.Equal($"hello\n{Peer.LoginUser}", ok.Output);
        Assert.Equal(0, ok.ExitStatus);
        Assert.Equal(3, failed.ExitStatus);
        Assert.Equal("oops", failed.ErrorOutput);
        Assert.False(failed.Succeeded);
        Assert.Equal(SshCommandMode.Exec, failed.Mode);
    }

    [Fact]
    public async Task Elliptic_curve_key_exchange_is_negotiated_before_the_post_quantum_hybrid_the_server_also_offers()
    {
        // OpenSSH 9.2 offers sntrup761x25519-sha512 first; SSH.NET's managed NTRU Prime cost ~40 ms CPU per connect.
        string[] offered = (await ToolRunner.RunAsync("/usr/sbin/sshd", "-T", "-f", "/dev/null")).Split('\n')
            .Single(l => l.StartsWith("kexalgorithms ", StringComparison.Ordinal))["kexalgorithms ".Length..].Split(',');
        Assert.Equal("sntrup761x25519-sha512", offered[0]);

        await using var session = await SshDeviceSession.ConnectAsync(fixture.Options(password: Peer.TestUserPassword));

        Assert.Equal("curve25519-sha256", session.KeyExchange);
    }

    [Theory]
    [InlineData("ed25519")]
    [InlineData("rsa")]
    public async Task Key_login_works_with_the_peers_ed25519_and_rsa_keys(string type)
    {
        string key = type == "rsa" ? Peer.ClientRsaKeyPath : Peer.ClientKeyPath;
        await using var session = await SshDeviceSession.ConnectAsync(fixture.Options(keys: [key]));

        Assert.Equal(Peer.LoginUser, (await session.RunCommandAsync("whoami")).Output);
    }

    [Fact]
    public async Task An_ecdsa_key_with_a_passphrase_logs_in_and_a_wrong_passphrase_is_a_key_file_error()
    {
        string key = Peer.PathOf("id_ecdsa_pass");
        await ToolRunner.RunAsync("/usr/bin/ssh-keygen", "-q", "-t", "ecdsa", "-b", "384", "-N", "s3cret-phrase", "-C", "ecdsa-test", "-f", key);
        await File.AppendAllTextAsync(Peer.PathOf($"authorized_keys/{Peer.LoginUser}"), await File.ReadAllTextAsync(key + ".pub"));

        await using (var session = await SshDeviceSession.ConnectAsync(fixture.Options(keys: [key], passphrase: "s3cret-phrase")))
        {
            Assert.Equal(Peer.LoginUser, (await session.RunCommandAsync("whoami")).Output);
        }

        var wrong = await Assert.ThrowsAsync<SshException>(() => SshDeviceSession.ConnectAsync(fixture.Options(keys: [key], passphrase: "wrong")));
        Assert.Equal(SshError.KeyFileInvalid, wrong.Error);
        Assert.DoesNotContain("wrong", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_an_authentication_failure_that_does_not_show_the_password()
    {
        var ex = await Assert.ThrowsAsync<SshException>(() => SshDeviceSession.ConnectAsync(fixture.Options(password: "Not-The-Password-42")));

        Assert.Equal(SshError.AuthenticationFailed, ex.Error);
        Assert.DoesNotContain("Not-The-Password-42", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_host_key_is_refused_with_the_fingerprint_ssh_keygen_prints()
    {
        string empty = Peer.PathOf("known_hosts_empty");
        await File.WriteAllTextAsync(empty, string.Empty);

        var ex = await Assert.ThrowsAsync<SshException>(() => SshDeviceSession.ConnectAsync(fixture.Options(knownHosts: empty)));

        Assert.Equal(SshError.HostKeyUnknown, ex.Error);
        string expected = await ToolRunner.FingerprintAsync(Peer.PathOf($"ssh_host_{KeyFileName(ex.HostKey!.KeyType)}_key.pub"));
        Assert.Equal(expected, ex.HostKey.Fingerprint);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await File.ReadAllTextAsync(empty));
    }

    [Fact]
    public async Task Accepting_a_new_key_appends_it_and_the_next_strict_connect_trusts_it()
    {
        string file = Peer.PathOf("known_hosts_accept");

        string fingerprint;
        await using (var first = await SshDeviceSession.ConnectAsync(fixture.Options(knownHosts: file, policy: SshHostKeyPolicy.AcceptNew)))
        {
            fingerprint = first.HostKey.Fingerprint;
        }

        string line = Assert.Single(await File.ReadAllLinesAsync(file));
        Assert.StartsWith($"[127.0.0.1]:{Peer.Port} ", line, StringComparison.Ordinal);
        await using var second = await SshDeviceSession.ConnectAsync(fixture.Options(knownHosts: file));
        Assert.Equal(fingerprint, second.HostKey.Fingerprint);
    }

    [Fact]
    public async Task A_changed_host_key_is_refused_even_when_new_keys_are_accepted()
    {
        string other = Peer.PathOf("other_host_key");
        await ToolRunner.RunAsync("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other);
        string file = Peer.PathOf("known_hosts_changed");
        string[] fields = (await File.ReadAllTextAsync(other + ".pub")).Split(' ');
        await File.WriteAllTextAsync(file, $"[127.0.0.1]:{Peer.Port} {fields[0]} {fields[1]}\n");

        var ex = await Assert.ThrowsAsync<SshException>(() => SshDeviceSession.ConnectAsync(fixture.Options(knownHosts: file, policy: SshHostKeyPolicy.AcceptNew)));

        Assert.Equal(SshError.HostKeyChanged, ex.Error);
        Assert.Equal("ssh-ed25519", ex.HostKey!.KeyType);
        Assert.Equal(await ToolRunner.FingerprintAsync(Peer.PathOf("ssh_host_ed25519_key.pub")), ex.HostKey.Fingerprint);
        Assert.Single(await File.ReadAllLinesAsync(file));
    }

    [Fact]
    public async Task Hashed_known_hosts_entries_are_matched_over_ipv4_and_ipv6()
    {
        string file = Peer.PathOf("known_hosts_hashed");
        File.Copy(Peer.KnownHostsPath, file);
        await ToolRunner.RunAsync("/usr/bin/ssh-keygen", "-H", "-f", file);
        Assert.DoesNotContain("127.0.0.1", await File.ReadAllTextAsync(file), StringComparison.Ordinal);

        foreach (string host in new[] { "127.0.0.1", "::1" })
        {
            await using var session = await SshDeviceSession.ConnectAsync(fixture.Options(host: host, knownHosts: file));
            Assert.Equal(Peer.LoginUser, (await session.RunCommandAsync("whoami")).Output);
        }
    }

    [Fact]
    public async Task The_key_scanner_reads_the_key_type_asked_for()
    {
        SshHostKey rsa = await SshHostKeyScanner.ScanAsync("127.0.0.1", Peer.Port, TimeSpan.FromSeconds(15), "ssh-rsa");

        Assert.Equal("ssh-rsa", rsa.KeyType);
        Assert.Equal(await ToolRunner.FingerprintAsync(Peer.PathOf("ssh_host_rsa_key.pub")), rsa.Fingerprint);
    }

    [Fact]
    public async Task A_closed_port_is_connection_refused()
    {
        var options = fixture.Options();
        var closed = new SshConnectionOptions { Host = "127.0.0.1", Port = 1, UserName = options.UserName, PrivateKeyPaths = options.PrivateKeyPaths, KnownHostsPath = options.KnownHostsPath };

        var ex = await Assert.ThrowsAsync<SshException>(() => SshDeviceSession.ConnectAsync(closed));

        Assert.Equal(SshError.ConnectionRefused, ex.Error);
    }

    private static string KeyFileName(string keyType) =>
        keyType switch { "ssh-ed25519" => "ed25519", "ssh-rsa" => "rsa", _ => "ecdsa" };
}
