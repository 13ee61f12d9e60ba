using System;
using System.Management.Automation;
using NetOpsPS.Devices.Ssh;

namespace NetOpsPS.Ssh;

/// <summary>
/// Add-SshKnownHost: reads a device's host key (key exchange only, as ssh-keyscan) and adds it to an OpenSSH
/// known_hosts file: the explicit act of trust that New-NetDeviceSession and Connect-NetconfSession then rely on.
/// With -Fingerprint, only the key with that fingerprint is added. A host listed with another key is an error.
/// </summary>
[Cmdlet(VerbsCommon.Add, "SshKnownHost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SshKnownHost))]
public sealed class AddSshKnownHostCommand : SshHostCommandBase
{
    /// <summary>Add the key only if its fingerprint is this (SHA256:... as ssh prints it), checked out of band.</summary>
    [Parameter]
    [ValidatePattern(FingerprintPattern)]
    public string? Fingerprint { get; set; }

    /// <summary>Ask for this key type: ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256...</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KeyType { get; set; }

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
        string path = ResolvedKnownHostsPath;
        SshHostKey key;
        try
        {
            key = Await(SshHostKeyScanner.ScanAsync(DeviceHost, Port, TimeSpan.FromSeconds(TimeoutSeconds), KeyType, Cancellation));
        }
        catch (SshException ex)
        {
            WriteError(SshErrors.From(ex, Target));
            return;
        }

        if (Fingerprint is not null && !string.Equals(Fingerprint, key.Fingerprint, StringComparison.Ordinal))
        {
            WriteError(SshErrors.From(
                new SshException(SshError.HostKeyUnknown, $"{Target} presented the {key.KeyType} key {key.Fingerprint}, not {Fingerprint}; nothing was added.") { HostKey = key },
                Target,
                "SshHostKeyMismatch"));
            return;
        }

        KnownHostsFile knownHosts = KnownHostsFile.Load(path);
        KnownHostsVerdict verdict = knownHosts.Check(DeviceHost, Port, key);
        if (knownHosts.Refusal(verdict, DeviceHost, Port, key) is { } refusal)
        {
            WriteError(SshErrors.From(refusal, Target));
            return;
        }

        string status = "AlreadyKnown";
        if (verdict == KnownHostsVerdict.Unknown)
        {
            status = "NotAdded";
            if (ShouldProcess(path, $"Trust the {key.KeyType} key {key.Fingerprint} of {Target}"))
            {
                KnownHostsFile.Append(path, DeviceHost, Port, key, HashHostName);
                status = "Added";
            }
        }

        WriteObject(new SshKnownHost { HostName = DeviceHost, Port = Port, KeyType = key.KeyType, Fingerprint = key.Fingerprint, Status = status, KnownHostsPath = path });
    }
}
