using System;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Ssh;

namespace NetOpsPS.Devices.Push;

/// <summary>One device's outcome of a batch push. Holds no credential.</summary>
public sealed class NetDevicePushResult
{
    internal NetDevicePushResult(PushRequest request)
    {
        Device = request.Name;
        Hostname = request.Hostname;
        Port = request.Port;
        RenderedConfig = request.Config;
    }

    /// <summary>The device's inventory name.</summary>
    public string Device { get; }

    /// <summary>Where it was reached.</summary>
    public string Hostname { get; }

    /// <summary>The NETCONF port.</summary>
    public int Port { get; }

    /// <summary>Where the device ended up.</summary>
    public PushStatus Status { get; internal set; }

    /// <summary>True when the new configuration is in running.</summary>
    public bool Committed => Status == PushStatus.Committed;

    /// <summary>The configuration rendered for this device; null when rendering failed.</summary>
    public string? RenderedConfig { get; }

    /// <summary>Candidate against running after the edit; null when the push did not get that far.</summary>
    public NetconfConfigDiff? Diff { get; internal set; }

    /// <summary>What &lt;validate&gt; said.</summary>
    public PushValidation Validation { get; internal set; }

    /// <summary>The last step reached; for a failure, the step that failed.</summary>
    public PushStep Step { get; internal set; }

    /// <summary>From the device's first step to its result.</summary>
    public TimeSpan Duration { get; internal set; }

    /// <summary>Why the device was not committed (or why its rollback had trouble); null on success.</summary>
    public string? Error { get; internal set; }

    /// <summary>
    /// The SSH host key the device presented (type and SHA256 fingerprint): the key trusted when the session opened,
    /// or the key refused when the host key check failed (unknown, changed, revoked). Null when the connection did
    /// not get as far as the key exchange.
    /// </summary>
    public SshHostKey? HostKey { get; internal set; }

    /// <summary>
    /// The code of an SSH failure (HostKeyUnknown, HostKeyChanged, AuthenticationFailed, KeyFileInvalid, Timeout...),
    /// for filtering a batch's results; null when the device did not fail on SSH.
    /// </summary>
    public SshError? SshError => Exception is SshException ssh ? ssh.Error : null;

    /// <summary>The exception behind <see cref="Error"/>, when there is one.</summary>
    public Exception? Exception { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Device}: {Status}";
}
