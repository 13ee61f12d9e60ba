using System;
using System.Management.Automation;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.Internal;

namespace NetOpsPS.Ssh;

/// <summary>
/// Add-SshKnownHost: reads a device's host key (key exchange only, as ssh-keyscan) and adds it to an OpenSSH
/// known_hosts file: the explicit act of trust that New-NetDeviceSession and Connect-NetconfSession then rely on.
/// With -Fingerprint, only the key with that fingerprint is added. A host listed with another key is an error.
/// </summary>
[Cmdlet(VerbsCommon.Add, "SshKnownHost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SshKnownHost))]
public sealed class AddSshKnownHostCommand : NetOpsCmdlet
{
    /// <summary>Host name, IPv4 or IPv6 address.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ComputerName", "Host", "Address")]
    [ValidateNotNullOrEmpty]
    public string HostName { get; set; } = "";

    /// <summary>The SSH port (830 for NETCONF).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; } = 22;

    /// <summary>Add the key only if its fingerprint is this (SHA256:... as ssh prints it), checked out of band.</summary>
    [Parameter]
    [ValidatePattern("^SHA256:[A-Za-z0-9+/]{43}$")]
    public string? Fingerprint { get; set; }

    /// <summary>Ask for this key type: ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256...</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KeyType { get; set; }

    /// <summary>The known_hosts file; ~/.ssh/known_hosts by default.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KnownHostsPath { get; set; }

    /// <summary>Write the host name hashed (|1|salt|hash), as HashKnownHosts does.</summary>
    [Parameter]
    public SwitchParameter HashHostName { get; set; }

    /// <summary>Seconds for connect and key exchange.</summary>
    [Parameter]
    [ValidateRange(0.1, 3600.0)]
    public double TimeoutSeconds { get; set; } = 15;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        string host = HostName.Trim('[', ']');
        string target = KnownHostsFile.HostPattern(host, Port);
        string path = KnownHostsPath is null
            ? new SshConnectionOptions { Host = host, UserName = "-" }.EffectiveKnownHostsPath
            : this.FileSystemPath(KnownHostsPath);
        SshHostKey key;
        try
        {
            key = Await(SshHostKeyScanner.ScanAsync(host, Port, TimeSpan.FromSeconds(TimeoutSeconds), KeyType, Cancellation));
        }
        catch (SshException ex)
        {
            WriteError(SshErrors.From(ex, target));
            return;
        }

        if (Fingerprint is not null && !string.Equals(Fingerprint, key.Fingerprint, StringComparison.Ordinal))
        {
            WriteError(new ErrorRecord(
                new SshException(SshError.HostKeyUnknown, $"{target} presented the {key.KeyType} key {key.Fingerprint}, not {Fingerprint}; nothing was added.") { HostKey = key },
                "SshHostKeyMismatch",
                ErrorCategory.SecurityError,
                target));
            return;
        }

        KnownHostsVerdict verdict = KnownHostsFile.Load(path).Check(host, Port, key);
        if (verdict is KnownHostsVerdict.Changed or KnownHostsVerdict.Revoked)
        {
            WriteError(new ErrorRecord(
                new SshException(verdict == KnownHostsVerdict.Changed ? SshError.HostKeyChanged : SshError.HostKeyRevoked,
                    $"{path} already lists another {key.KeyType} key for {target} (or revokes this one); the presented key is {key.Fingerprint}. Remove the old line after checking out of band.") { HostKey = key },
                verdict == KnownHostsVerdict.Changed ? "SshHostKeyChanged" : "SshHostKeyRevoked",
                ErrorCategory.SecurityError,
                target));
            return;
        }

        string status = "AlreadyKnown";
        if (verdict == KnownHostsVerdict.Unknown)
        {
            status = "NotAdded";
            if (ShouldProcess(path, $"Trust the {key.KeyType} key {key.Fingerprint} of {target}"))
            {
                KnownHostsFile.Append(path, host, Port, key, HashHostName);
                status = "Added";
            }
        }

        WriteObject(new SshKnownHost { HostName = host, Port = Port, KeyType = key.KeyType, Fingerprint = key.Fingerprint, Status = status, KnownHostsPath = path });
    }
}
