using System;

namespace NetOpsPS.Devices.Ssh;

/// <summary>
/// Where and how to open an SSH connection. Authentication is a password, one or more private key files
/// (ed25519, RSA signed with rsa-sha2-256/512, ECDSA; OpenSSH, PKCS#1/#8 or PuTTY format), or both.
/// ToString never shows the password or passphrase.
/// </summary>
public sealed class SshConnectionOptions
{
    /// <summary>Host name, IPv4 or IPv6 address.</summary>
    public required string Host { get; init; }

    /// <summary>TCP port of the SSH server.</summary>
    public int Port { get; init; } = 22;

    /// <summary>The login name.</summary>
    public required string UserName { get; init; }

    /// <summary>Password authentication; null for keys only.</summary>
    public string? Password { get; init; }

    /// <summary>Private key files tried in order; empty for password only.</summary>
    public string[] PrivateKeyPaths { get; init; } = [];

    /// <summary>Passphrase of encrypted key files.</summary>
    public string? PrivateKeyPassphrase { get; init; }

    /// <summary>OpenSSH known_hosts file: ~/.ssh/known_hosts when null.</summary>
    public string? KnownHostsPath { get; init; }

    /// <summary>What to do with a key known_hosts does not list.</summary>
    public SshHostKeyPolicy HostKeyPolicy { get; init; } = SshHostKeyPolicy.Strict;

    /// <summary>
    /// Trust exactly this key (SHA256:... as ssh prints it) when known_hosts does not list the host; a key
    /// known_hosts lists with another value is still an error.
    /// </summary>
    public string? ExpectedHostKeyFingerprint { get; init; }

    /// <summary>TCP connect plus key exchange plus authentication.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>SSH-level keep-alives (SSH_MSG_IGNORE... as SSH.NET sends them); zero for none.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.Zero;

    /// <summary>The known_hosts file in effect.</summary>
    public string EffectiveKnownHostsPath => KnownHostsPath ?? KnownHostsFile.DefaultPath;

    /// <inheritdoc />
    public override string ToString() => $"{UserName}@{Host}:{Port}";

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new SshException(SshError.InvalidArgument, "Host is empty.");
        }

        if (Port is < 1 or > 65535)
        {
            throw new SshException(SshError.InvalidArgument, $"Port {Port} is outside 1-65535.");
        }

        if (string.IsNullOrEmpty(UserName))
        {
            throw new SshException(SshError.InvalidArgument, "UserName is empty.");
        }

        if (Password is null && PrivateKeyPaths.Length == 0)
        {
            throw new SshException(SshError.InvalidArgument, "Give a password, a private key file, or both.");
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            throw new SshException(SshError.InvalidArgument, "ConnectTimeout must be positive.");
        }
    }
}
