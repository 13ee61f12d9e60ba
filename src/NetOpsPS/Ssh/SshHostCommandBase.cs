using System;
using System.Management.Automation;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.Internal;

namespace NetOpsPS.Ssh;

/// <summary>
/// The device and known_hosts parameters of every cmdlet that opens SSH to a host: New-NetDeviceSession,
/// Connect-NetconfSession and Add-SshKnownHost.
/// </summary>
public abstract class SshHostCommandBase : NetOpsCmdlet
{
    /// <summary>A key fingerprint as ssh prints it: SHA256: and 43 characters of unpadded base64.</summary>
    protected const string FingerprintPattern = "^SHA256:[A-Za-z0-9+/]{43}$";

    /// <summary>Host name, IPv4 or IPv6 address of the device.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ComputerName", "Host", "Address")]
    [ValidateNotNullOrEmpty]
    public string HostName { get; set; } = "";

    /// <summary>The SSH port.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public virtual int Port { get; set; } = 22;

    /// <summary>The OpenSSH known_hosts file that vouches for host keys; ~/.ssh/known_hosts by default.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KnownHostsPath { get; set; }

    /// <summary>The host without the brackets an IPv6 address may be given in ([::1]).</summary>
    protected string DeviceHost => HostName.Trim('[', ']');

    /// <summary>Host and port, for error targets and messages: [::1]:22, host:830.</summary>
    protected string Target => DeviceHost.Contains(':', StringComparison.Ordinal) ? $"[{DeviceHost}]:{Port}" : $"{DeviceHost}:{Port}";

    /// <summary>The provider path of -KnownHostsPath, or the user's ~/.ssh/known_hosts.</summary>
    protected string ResolvedKnownHostsPath => KnownHostsPath is null ? KnownHostsFile.DefaultPath : this.FileSystemPath(KnownHostsPath);
}
