namespace NetOpsPS.Ssh;

/// <summary>A host key as Add-SshKnownHost found it and what it did with it.</summary>
public sealed class SshKnownHost
{
    /// <summary>Host as given.</summary>
    public required string HostName { get; init; }

    /// <summary>SSH port.</summary>
    public int Port { get; init; }

    /// <summary>ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256...</summary>
    public required string KeyType { get; init; }

    /// <summary>SHA256:... as ssh prints it.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Added, AlreadyKnown, or NotAdded (-WhatIf, or -Confirm answered no).</summary>
    public required string Status { get; init; }

    /// <summary>The known_hosts file.</summary>
    public required string KnownHostsPath { get; init; }
}
