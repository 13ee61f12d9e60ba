using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using NetOpsPS.Module.Tests.Harness;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>One real sshd for the SSH cmdlet tests.</summary>
public sealed class SshdFixture : IAsyncLifetime
{
    public Peer Peer { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Peer = Peer.StartSshd();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Peer.DisposeAsync();
}

/// <summary>New-/Get-/Remove-NetDeviceSession, Invoke-NetDeviceCommand and Add-SshKnownHost against a real sshd.</summary>
public sealed class NetDeviceCmdletTests(SshdFixture fixture) : IClassFixture<SshdFixture>, IDisposable
{
    private readonly PowerShellSession _ps = PowerShellSession.Open();

    private Peer Peer => fixture.Peer;

    public void Dispose() => _ps.Dispose();

    [Fact]
    public void Commands_on_a_key_session_come_back_typed_and_the_session_is_listed_and_removed()
    {
        PsResult result = _ps.Run(@"
            $s = New-NetDeviceSession -HostName 127.0.0.1 -Port $args[0] -UserName $args[1] -KeyFile $args[2] -KnownHostsPath $args[3] -Name lab-sw1
            $s | Invoke-NetDeviceCommand -Command 'whoami', 'echo broken >&2; exit 3'
            Get-NetDeviceSession -Name 'lab-*'",
            Peer.Port, Peer.LoginUser, Peer.ClientKeyPath, Peer.KnownHostsPath).AssertClean();

        Assert.Equal(3, result.Output.Count);
        Assert.Equal("NetOpsPS.Devices.Ssh.SshCommandResult", result.Output[0].TypeName());
        Assert.Equal(Peer.LoginUser, result.Output[0].Get<string>("Output"));
        Assert.Equal(0, result.Output[0].Get<int>("ExitStatus"));
        Assert.Equal(3, result.Output[1].Get<int>("ExitStatus"));
        Assert.Equal("broken", result.Output[1].Get<string>("ErrorOutput"));
        Assert.Equal("lab-sw1", result.Output[2].Get<string>("Name"));

        _ps.Run("Remove-NetDeviceSession -Name lab-sw1").AssertClean();
        Assert.Empty(_ps.Run("Get-NetDeviceSession").AssertClean().Output);
    }

    [Fact]
    public void An_unknown_host_key_is_a_security_error_with_its_fingerprint_until_Add_SshKnownHost_trusts_it()
    {
        string knownHosts = Peer.PathOf("cmdlet_known_hosts");
        PsResult refused = _ps.Run(
            "New-NetDeviceSession -HostName 127.0.0.1 -Port $args[0] -UserName $args[1] -KeyFile $args[2] -KnownHostsPath $args[3]",
            Peer.Port, Peer.LoginUser, Peer.ClientKeyPath, knownHosts);
        ErrorRecord error = Assert.Single(refused.Errors);
        Assert.Equal("SshHostKeyUnknown,NetOpsPS.Ssh.NewNetDeviceSessionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
        string fingerprint = error.Exception.Message.Split(' ').Single(w => w.StartsWith("SHA256:", StringComparison.Ordinal)).TrimEnd('.');
        Assert.False(File.Exists(knownHosts));

        PsResult added = _ps.Run("Add-SshKnownHost -HostName 127.0.0.1 -Port $args[0] -KnownHostsPath $args[1] -Fingerprint $args[2] -KeyType $args[3]",
            Peer.Port, knownHosts, fingerprint, error.Exception.Message.Contains("ssh-ed25519", StringComparison.Ordinal) ? "ssh-ed25519" : "ecdsa-sha2-nistp256").AssertClean();
        Assert.Equal("Added", added.Single().Get<string>("Status"));
        PsResult trusted = _ps.Run(
            "New-NetDeviceSession -HostName 127.0.0.1 -Port $args[0] -UserName $args[1] -KeyFile $args[2] -KnownHostsPath $args[3] | Remove-NetDeviceSession -PassThru",
            Peer.Port, Peer.LoginUser, Peer.ClientKeyPath, knownHosts).AssertClean();
        Assert.Equal(fingerprint, trusted.Single().Get<PSObject>("HostKey").Get<string>("Fingerprint"));
    }

    [Fact]
    public void A_wrong_password_is_an_authentication_error_that_never_shows_the_password()
    {
        PsResult result = _ps.Run(@"
            $cred = [pscredential]::new($args[1], [System.Net.NetworkCredential]::new('', 'Wrong-Secret-991').SecurePassword)
            New-NetDeviceSession -HostName ::1 -Port $args[0] -Credential $cred -KnownHostsPath $args[2] -Verbose",
            Peer.Port, Peer.LoginUser, Peer.KnownHostsPath);

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("SshAuthenticationFailed,NetOpsPS.Ssh.NewNetDeviceSessionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.DoesNotContain("Wrong-Secret-991", error.Exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Verbose, v => v.Contains("Wrong-Secret-991", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bracketed_IPv6_address_is_named_once_bracketed_in_error_targets()
    {
        PsResult result = _ps.Run("New-NetDeviceSession -HostName '[::1]' -Port $args[0] -KnownHostsPath $args[1]", Peer.Port, Peer.KnownHostsPath);

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("SshUserNameMissing,NetOpsPS.Ssh.NewNetDeviceSessionCommand", error.FullyQualifiedErrorId);
        Assert.Equal($"[::1]:{Peer.Port}", error.TargetObject);
    }

    [Fact]
    public void Ctrl_C_stops_a_long_command_at_once_and_the_session_still_works()
    {
        _ps.Run("New-NetDeviceSession -HostName 127.0.0.1 -Port $args[0] -UserName $args[1] -KeyFile $args[2] -KnownHostsPath $args[3] -Name stop-me",
            Peer.Port, Peer.LoginUser, Peer.ClientKeyPath, Peer.KnownHostsPath).AssertClean();

        (PsResult result, TimeSpan took) = _ps.RunAndStop(
            "Get-NetDeviceSession -Name stop-me | Invoke-NetDeviceCommand -Command 'sleep 300' -TimeoutSeconds 600 -Verbose",
            message => message.Contains("command(s)", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20));

        Assert.IsType<PipelineStoppedException>(result.Terminating);
        Assert.Empty(result.Output);
        // A liveness bound far below the 300 s the command would run: Stop must not wait for it.
        Assert.True(took < TimeSpan.FromSeconds(30), $"Stop took {took}.");
        PsResult after = _ps.Run("Get-NetDeviceSession -Name stop-me | Invoke-NetDeviceCommand -Command 'echo alive'").AssertClean();
        Assert.Equal("alive", after.Single().Get<string>("Output"));
        _ps.Run("Remove-NetDeviceSession -Name stop-me").AssertClean();
    }
}
