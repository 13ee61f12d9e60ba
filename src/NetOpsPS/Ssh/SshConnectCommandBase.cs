using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.Internal;

namespace NetOpsPS.Ssh;

/// <summary>The login and session parameters New-NetDeviceSession and Connect-NetconfSession share.</summary>
public abstract class SshConnectCommandBase : SshHostCommandBase
{
    /// <summary>User name and password; with -KeyFile, the user name (and a password tried after the keys, when not empty).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The login name when no -Credential is given (key files only).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? UserName { get; set; }

    /// <summary>Private key files (OpenSSH, PEM or PuTTY; ed25519, RSA with rsa-sha2, ECDSA), tried in order.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("IdentityFile")]
    [ValidateNotNullOrEmpty]
    public string[]? KeyFile { get; set; }

    /// <summary>The passphrase of encrypted key files.</summary>
    [Parameter]
    public SecureString? KeyPassphrase { get; set; }

    /// <summary>Trust a host key known_hosts does not list yet, and add it there. A changed key is refused all the same.</summary>
    [Parameter]
    public SwitchParameter AcceptHostKey { get; set; }

    /// <summary>Trust an unlisted host key only if its fingerprint is this one (SHA256:... as ssh prints it), and add it.</summary>
    [Parameter]
    [ValidatePattern(FingerprintPattern)]
    public string? HostKeyFingerprint { get; set; }

    /// <summary>Seconds for TCP connect, key exchange and login.</summary>
    [Parameter]
    [ValidateRange(0.1, 3600.0)]
    public double ConnectTimeoutSeconds { get; set; } = 15;

    /// <summary>Seconds between SSH keep-alives; 0 for none.</summary>
    [Parameter]
    [ValidateRange(0.0, 86400.0)]
    public double KeepAliveSeconds { get; set; }

    /// <summary>A name for the session, for Get- and Remove-/Disconnect-; made up when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The engine options, or null after writing an InvalidArgument error.</summary>
    protected SshConnectionOptions? BuildSshOptions()
    {
        string? user = Credential?.UserName ?? UserName;
        string? password = Credential?.GetNetworkCredential().Password;
        if (string.IsNullOrEmpty(password))
        {
            password = null;
        }

        if (string.IsNullOrEmpty(user))
        {
            WriteError(new ErrorRecord(new ArgumentException("Give -Credential, or -UserName with -KeyFile."), "SshUserNameMissing", ErrorCategory.InvalidArgument, Target));
            return null;
        }

        string[] keys = (KeyFile ?? []).Select(k => this.FileSystemPath(k)).ToArray();
        if (password is null && keys.Length == 0)
        {
            WriteError(new ErrorRecord(new ArgumentException("Give a password (-Credential) or a key (-KeyFile)."), "SshAuthenticationMissing", ErrorCategory.InvalidArgument, Target));
            return null;
        }

        return new SshConnectionOptions
        {
            Host = DeviceHost,
            Port = Port,
            UserName = user,
            Password = password,
            PrivateKeyPaths = keys,
            PrivateKeyPassphrase = SshErrors.Plain(KeyPassphrase),
            KnownHostsPath = ResolvedKnownHostsPath,
            HostKeyPolicy = AcceptHostKey ? SshHostKeyPolicy.AcceptNew : SshHostKeyPolicy.Strict,
            ExpectedHostKeyFingerprint = HostKeyFingerprint,
            ConnectTimeout = TimeSpan.FromSeconds(ConnectTimeoutSeconds),
            KeepAliveInterval = TimeSpan.FromSeconds(KeepAliveSeconds),
        };
    }
}
